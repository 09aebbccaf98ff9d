package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// honorifics precede names in documents but are not part of them.
var honorifics = regexp.MustCompile(`^(?i:(cde\.?|comrade|cdes\.?|comrades|mr\.?|mrs\.?|ms\.?|dr\.?|marshal|general|gen\.|ambassador|minister|premier|chairman|president|prince|count|baron|sir|senor|señor|monsieur|m\.|herr|tovarishch|tov\.)\s+)+`)

// Lowercase-initial words that may sit inside a name (de, van, von, bin …).
var particles = map[string]bool{"de": true, "da": true, "del": true, "van": true, "von": true, "der": true, "bin": true, "al": true, "la": true, "le": true, "du": true, "dos": true}

// Capitalised words that start sentences or titles and are never names.
var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "Further": true, "Then": true,
	"Also": true, "Finally": true, "Again": true, "Next": true, "Replying": true, "Regarding": true, "After": true,
	"When": true, "This": true, "That": true, "He": true, "She": true, "They": true, "We": true, "I": true, "It": true,
	"Yes": true, "No": true, "Of": true, "And": true, "But": true, "So": true, "Moreover": true, "Here": true,
	"Later": true, "Now": true, "First": true, "Second": true, "Third": true, "There": true, "His": true, "Her": true,
	"Their": true, "Our": true, "Its": true, "To": true, "From": true, "With": true, "For": true, "As": true, "By": true,
	"Soviet": true, "Korean": true, "Chinese": true, "American": true, "Russian": true, "Japanese": true,
	"Government": true, "Delegation": true, "Side": true, "Party": true, "Translator": true,
}

// CleanName strips honorifics, role remarks in parentheses and bracketed variant
// spellings from a name as written, returning the name and the variants.
func CleanName(s string) (name string, variants []string) {
	s = Clean(s)
	for {
		i := strings.IndexAny(s, "[(")
		if i < 0 {
			break
		}
		closer := map[byte]byte{'[': ']', '(': ')'}[s[i]]
		j := strings.IndexByte(s[i:], closer)
		if j < 0 {
			s = s[:i]
			break
		}
		inner := strings.TrimSpace(s[i+1 : i+j])
		if s[i] == '[' && inner != "" && isNameLike(inner) {
			variants = append(variants, inner)
		}
		s = s[:i] + s[i+j+1:]
	}
	s = strings.Trim(Clean(s), " ,;:")
	if f := strings.Fields(s); len(f) > 0 && !initialsWord.MatchString(f[len(f)-1]) {
		s = strings.TrimRight(s, ".") // a sentence's period, not an initial's
	}
	s = honorifics.ReplaceAllString(s, "")
	return strings.TrimSpace(s), variants
}

// isNameLike reports whether s reads as a personal or place name: one to five
// words, each capitalised, an initial, or a particle.
func isNameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if particles[w] {
			continue
		}
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return !notNames[words[0]]
}

// trailingName returns the capitalised name at the end of a phrase such as "the
// Korean ambassador to the USSR Ju Yong-ha" (Ju Yong-ha).
func trailingName(s string) string {
	words := strings.Fields(s)
	start := len(words)
	for start > 0 {
		w := words[start-1]
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && !particles[w] {
			break
		}
		if isAcronym(w) && start < len(words) {
			break
		}
		start--
	}
	for start < len(words) && (particles[words[start]] || notNames[words[start]]) {
		start++
	}
	return strings.Join(words[start:], " ")
}

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// NameList splits "A.Ia. Vyshinsky, T.F. Shtykov, Kim I.M. (Translator)" into names.
func NameList(s string) []string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	var out []string
	for _, part := range splitList(s) {
		name, _ := CleanName(part)
		name = strings.TrimSpace(honorifics.ReplaceAllString(trailingName(name), ""))
		if name != "" && isNameLike(name) {
			out = append(out, name)
		}
	}
	return out
}

// splitList splits on commas, semicolons and a final "and", outside brackets.
func splitList(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case ',', ';':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	parts = append(parts, s[start:])
	var out []string
	for _, p := range parts {
		for _, q := range regexp.MustCompile(`\s+(?:and|&)\s+`).Split(p, -1) {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

var (
	titleBetween      = regexp.MustCompile(`(?i)\b(?:between|of)\s+(.+?)(?:\s+with\s+(.+?))?(?:,|$|\s+(?:in|at|on|regarding|about|concerning)\s+[a-z0-9])`)
	presentList       = regexp.MustCompile(`(?i)\b(?:present (?:were|was|are)|present:|participants?:|attended by|also present:?)\s*:?\s*`)
	sideList          = regexp.MustCompile(`(?i)\bon the [\p{L} -]+ side(?: were| was)?\s*:\s*`)
	possessiveMeeting = regexp.MustCompile(`^(.+?)['’]s\s+(?i:meeting|conversation|talks?|discussion)\s+with\s+(.+?)(?:,|$)`)
	fromTo            = regexp.MustCompile(`^(?:(?:[\p{L} ]+?),\s+|(?:[\p{L} ]+?\s+)?from\s+)?(.+?)\s+to\s+(.+?)$`)
)

// TitleParties finds the people a title names as meeting: "Meeting between Stalin
// and Kim Il Sung", "Conversation of Cde. Stalin with Kim Il Sung and Pak".
func TitleParties(title string) []string {
	if m := possessiveMeeting.FindStringSubmatch(title); m != nil {
		return MergeNames(NameList(m[1]), NameList(m[2]))
	}
	m := titleBetween.FindStringSubmatch(title)
	if m == nil {
		return nil
	}
	var out []string
	for _, g := range m[1:] {
		out = append(out, NameList(g)...)
	}
	return out
}

// TitleFromTo finds sender and addressee in a title: "Ciphered Telegram, Shtykov
// to Vyshinsky", "Letter from Kim Il Sung to Stalin".
func TitleFromTo(title string) (from, to []string) {
	m := fromTo.FindStringSubmatch(Clean(title))
	if m == nil {
		return nil, nil
	}
	from, to = NameList(m[1]), NameList(m[2])
	if len(from) == 0 || len(to) == 0 {
		return nil, nil
	}
	return from, to
}

// PresentLists finds names in "Present were …" and "On the Korean side: …".
func PresentLists(text string) []string {
	var out []string
	for _, re := range []*regexp.Regexp{presentList, sideList} {
		for _, loc := range re.FindAllStringIndex(text, -1) {
			rest := text[loc[1]:]
			out = append(out, NameList(rest[:sentenceEnd(rest)])...)
		}
	}
	return out
}

// sentenceEnd finds the period that ends a sentence, skipping the periods of
// initials ("A.Ia. Vyshinsky, T.F. Shtykov").
func sentenceEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '(':
			depth++
			continue
		case ']', ')':
			if depth--; depth < 0 {
				return i // the bracket that encloses the whole list closes
			}
			continue
		case '.':
		default:
			continue
		}
		if depth > 0 {
			continue
		}
		j := i
		for j > 0 && s[j-1] != ' ' && s[j-1] != '.' && s[j-1] != '(' {
			j--
		}
		word := s[j:i]
		// "A." is an initial; "Ia." only inside a run of initials ("A.Ia."), since
		// "Nam Il." ends a sentence.
		if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' || len(word) == 2 && word[0] >= 'A' && word[0] <= 'Z' && j > 0 && s[j-1] == '.' {
			continue
		}
		return i
	}
	return len(s)
}

var speechVerbs = `(?:asks?|asked|answers?|answered|says?|said|reports?|reported|indicates?|indicated|replies|replied|explains?|explained|thanks?|thanked|confirms?|confirmed|remembers?|suggests?|suggested|proposes?|proposed|notes?|noted|states?|stated|adds?|added|raises?|raised|turns?|turned|agrees?|agreed|objects?|declares?|declared|emphasizes?|emphasized|informs?|informed|responds?|responded|requests?|requested|points? out|pointed out|expresses?|expressed|gives|gave|appealed|appeals|communicated|communicates)`

var speakerRe = regexp.MustCompile(`(?:^|[.?!]\s+)((?:(?:Cde\.|Comrade)\s+)?[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3})(?:\s*\([^)]*\))?(?:,[^,]{1,40},)?\s*(?:` + speechVerbs + `\b|--|—|:)`)

// SpeakersKnown finds the people who speak in minutes of a conversation: names
// that open a sentence followed by a verb of speech, seen at least twice, or once
// when it is the surname of someone the document lists as present ("Vyshinsky"
// for "A.Ia. Vyshinsky").
func SpeakersKnown(paragraphs []string, listed []string) []string {
	known := map[string]bool{}
	for _, n := range listed {
		known[strings.ToLower(initials.ReplaceAllString(n, ""))] = true
	}
	counts := map[string]int{}
	var order []string
	for _, p := range paragraphs {
		for _, m := range speakerRe.FindAllStringSubmatch(p, -1) {
			name, _ := CleanName(m[1])
			words := strings.Fields(name)
			for len(words) > 0 && notNames[words[0]] {
				words = words[1:]
			}
			name = strings.Join(words, " ")
			if name == "" || !isNameLike(name) {
				continue
			}
			if counts[name] == 0 {
				order = append(order, name)
			}
			counts[name]++
		}
	}
	var out []string
	for _, n := range order {
		if counts[n] >= 2 || known[strings.ToLower(n)] {
			out = append(out, n)
		}
	}
	return out
}

// initialsWord is a word of initials such as "I.M." or "A.Ia.".
var initialsWord = regexp.MustCompile(`^(?:\p{Lu}\p{Ll}?\.)+$`)

var initials = regexp.MustCompile(`^(?:\p{Lu}[\p{Ll}]?\.\s*)+`)

// MergeNames joins name lists, dropping repeats. Where a document writes a person
// both with initials and without ("A.Ia. Vyshinsky", "Vyshinsky"), the bare form the
// text uses is kept once.
func MergeNames(lists ...[]string) []string {
	var all []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, n := range l {
			n = strings.TrimSpace(n)
			if n == "" || seen[strings.ToLower(n)] {
				continue
			}
			seen[strings.ToLower(n)] = true
			all = append(all, n)
		}
	}
	bare := map[string]bool{}
	for _, n := range all {
		if !initials.MatchString(n) {
			bare[strings.ToLower(n)] = true
		}
	}
	firstWords := map[string]bool{}
	for _, n := range all {
		if w := strings.Fields(n); len(w) > 1 {
			firstWords[strings.ToLower(w[0])] = true
		}
	}
	var out []string
	for _, n := range all {
		if s := initials.ReplaceAllString(n, ""); s != n && bare[strings.ToLower(s)] {
			continue
		}
		// "Kim" beside "Kim Il Sung": the short form is the same person, or too
		// ambiguous to list on its own.
		if !strings.Contains(n, " ") && firstWords[strings.ToLower(n)] {
			continue
		}
		out = append(out, n)
	}
	return out
}
