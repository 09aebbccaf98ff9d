package names

import (
	"strings"
	"unicode"
)

// Mention is a name found in a text, pointing at an authority with a
// confidence: 1 for a listed form, 0.9 for another romanization of one, lower for
// a suggestion (a likely misspelling) that an archivist should confirm.
type Mention struct {
	Start      int     `json:"start"` // byte offsets in the text
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Authority  string  `json:"authority"`
	Preferred  string  `json:"preferred"`
	Confidence float64 `json:"confidence"`
	Suggested  bool    `json:"suggested,omitempty"`
	Status     string  `json:"status,omitempty"` // confirmed | rejected, when an archivist decided
}

type word struct{ start, end int }

// maxNameWords is the longest name form looked for ("Kim Il Sung", "Terentii
// Fomich Shtykov").
const maxNameWords = 4

// FindMentions returns the names of authorities a text mentions, longest match
// first and without overlaps. Only runs of capitalised words are tried, so
// ordinary words never become names.
func (f *File) FindMentions(text string) []Mention {
	var words []word
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' || r == '.' && start >= 0
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			words = append(words, word{start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, word{start, len(text)})
	}
	capital := func(w word) bool {
		for _, r := range text[w.start:w.end] {
			return unicode.IsUpper(r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Cyrillic, r) && unicode.IsUpper(r)
		}
		return false
	}
	var out []Mention
	for i := 0; i < len(words); {
		if !capital(words[i]) {
			i++
			continue
		}
		matched := 0
		for n := min(maxNameWords, len(words)-i); n >= 1; n-- {
			allCap := true
			for _, w := range words[i : i+n] {
				if !capital(w) {
					allCap = false
					break
				}
			}
			if !allCap {
				continue
			}
			s, e := words[i].start, words[i+n-1].end
			span := strings.TrimRight(text[s:e], ".")
			e = s + len(span)
			if m, ok := f.Resolve(span); ok {
				out = append(out, Mention{Start: s, End: e, Text: span, Authority: m.Authority.ID, Preferred: m.Authority.Preferred, Confidence: m.Confidence})
				matched = n
				break
			}
			if n >= 2 {
				if sug := f.Suggest(span); len(sug) > 0 {
					out = append(out, Mention{Start: s, End: e, Text: span, Authority: sug[0].Authority.ID, Preferred: sug[0].Authority.Preferred, Confidence: sug[0].Confidence, Suggested: true})
					matched = n
					break
				}
			}
		}
		if matched == 0 {
			matched = 1
		}
		i += matched
	}
	return out
}
