package extract

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	byClause   = regexp.MustCompile(`(?i)^(?:.*\b)?(?:memorandum|note|statement|report|minutes|record|aide-m[ée]moire|telegram|letter|circular|instructions?|remarks|address|speech|declaration|proclamation|message)\b[^()]*?\bby\s+(.+)$`)
	pagePrefix = regexp.MustCompile(`^(?:\[\d+\]\s*\*?\s*)+`)
	numPrefix  = regexp.MustCompile(`(?i)^No\.\s*\d+[a-z]?\.?\s*`)
	parenNames = regexp.MustCompile(`\(([^()]+)\)`)
	sideTrim   = regexp.MustCompile(`(?i)^(?:the|his|her)\s+`)
	// "Mr. Adams to Mr. Seward. [Received May 26.]" — the stamp is not a party.
	receivedStamp = regexp.MustCompile(`(?i)[\[(]\s*received[^\])]*[\])]?`)
)

// HeadingParties reads sender and addressee from a diplomatic heading as FRUS and
// similar editions print them: "The Ambassador in Argentina (Weddell) to the
// Secretary of State", "Mr. Osborn to Mr. Frelinghuysen.", "Memorandum by the
// Secretary of State". A person named in parentheses stands for the office before
// it; an office alone is kept as the party.
func HeadingParties(heading string) (from, to []string) {
	h := pagePrefix.ReplaceAllString(strings.TrimSpace(heading), "")
	h = receivedStamp.ReplaceAllString(h, "")
	h = numPrefix.ReplaceAllString(h, "")
	h = strings.TrimRight(h, ". ")
	// The parties are in the last sentence that names them ("No. 3.—Case of the
	// Rappahannock. Mr. Dayton to M. Drouyn de Lhuys.").
	sentences := splitHeadingSentences(h)
	for i := len(sentences) - 1; i >= 0; i-- {
		s := sentences[i]
		if a, b, ok := splitTo(s); ok {
			return party(a), party(b)
		}
		if m := byClause.FindStringSubmatch(s); m != nil {
			return party(m[1]), nil
		}
	}
	return nil, nil
}

func splitHeadingSentences(h string) []string {
	h = strings.ReplaceAll(h, "—", ". ")
	var out []string
	start := 0
	for i := 0; i+1 < len(h); i++ {
		if h[i] == '.' && h[i+1] == ' ' {
			word := h[strings.LastIndexAny(h[:i], " .")+1 : i]
			if len(word) <= 2 || strings.EqualFold(word, "mr") || strings.EqualFold(word, "mrs") || strings.EqualFold(word, "no") {
				continue // an initial or abbreviation
			}
			out = append(out, strings.TrimSpace(h[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.Trim(strings.TrimSpace(h[start:]), "—- "))
}

// splitTo finds the " to " that separates sender from addressee, outside
// parentheses, preferring a split after a parenthesised name ("The Ambassador to
// Great Britain (Davis) to the Secretary of State").
func splitTo(s string) (string, string, bool) {
	best, bestScore := -1, -1
	depth := 0
	for i := 0; i+4 <= len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		}
		if depth != 0 || s[i:i+4] != " to " {
			continue
		}
		left, right := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+4:])
		if left == "" || right == "" {
			continue
		}
		score := 0
		if strings.HasSuffix(left, ")") {
			score += 2
		}
		if r := []rune(right); unicode.IsUpper(r[0]) || strings.HasPrefix(right, "the ") {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return "", "", false
	}
	return s[:best], s[best+4:], true
}

// party turns one side of a heading into names: parenthesised persons if any,
// else the name or office before any comma.
func party(side string) []string {
	side = strings.TrimSpace(side)
	var names []string
	for _, m := range parenNames.FindAllStringSubmatch(side, -1) {
		inner := strings.TrimSpace(m[1])
		if inner == "" || !unicode.IsUpper([]rune(inner)[0]) {
			continue
		}
		for _, n := range splitList(inner) {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
	}
	if len(names) > 0 {
		return names
	}
	before, after, comma := strings.Cut(side, ",")
	if _, genre := Genre(before); comma && genre {
		// "Ciphered Telegram, Shtykov to Vyshinsky": the genre, then the sender.
		before, _, _ = strings.Cut(after, ",")
	}
	side = sideTrim.ReplaceAllString(before, "")
	side = strings.Trim(side, " .;:[]*")
	if side == "" {
		return nil
	}
	return []string{side}
}
