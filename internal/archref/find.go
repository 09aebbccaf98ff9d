package archref

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameWords bounds the longest name looked for; the longest in the table has
// fourteen words.
const maxNameWords = 16

// span is a byte range of a text.
type span struct{ start, end int }

// words splits text at white space, keeping each word's byte range.
func words(text string) []span {
	var out []span
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

// findRepository finds the first archive named anywhere in text, preferring at each
// position the longest name, so "National Archives of Romania" is not read as
// "National Archives". It returns where the name stands, trimmed of the brackets
// and punctuation around it.
func findRepository(text string) (Repository, span, bool) {
	ws := words(text)
	folded := make([]string, len(ws))
	for i, w := range ws {
		folded[i] = norm(text[w.start:w.end])
	}
	for i := range ws {
		best, bestEnd := -1, 0
		acc := ""
		// Grow the window only while it can still become a name: this keeps long
		// texts linear.
		for j := i; j < len(ws) && j-i < maxNameWords; j++ {
			acc += folded[j]
			if acc == "" {
				break
			}
			if !namePrefixes[acc] {
				break
			}
			if idx, ok := match(text[ws[i].start:ws[j].end], acc); ok {
				best, bestEnd = idx, ws[j].end
			}
		}
		if best >= 0 {
			return repositories[best], trimSpan(text, span{ws[i].start, bestEnd}), true
		}
	}
	return Repository{}, span{}, false
}

// match looks one candidate up by its folded form f; short names must keep their
// capitals.
func match(cand, f string) (int, bool) {
	if utf8.RuneCountInString(f) <= shortName {
		i, ok := repoShort[letters(cand)]
		return i, ok
	}
	i, ok := repoIndex[f]
	return i, ok
}

// trimSpan drops punctuation at the edges of a span: "(APRF)." names APRF.
func trimSpan(text string, s span) span {
	inner := text[s.start:s.end]
	left := strings.TrimLeftFunc(inner, notWord)
	s.start += len(inner) - len(left)
	right := strings.TrimRightFunc(left, notWord)
	s.end = s.start + len(right)
	return s
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }
