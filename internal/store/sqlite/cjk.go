package sqlite

import (
	"strings"
	"unicode"
)

func isCJK(r rune) bool {
	if r < 0x2E80 { // below the CJK blocks: most text, decided without table lookups
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

func hasCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

// cjkRuns returns the maximal runs of CJK characters in s.
func cjkRuns(s string) [][]rune {
	var runs [][]rune
	var cur []rune
	for _, r := range s {
		if isCJK(r) {
			cur = append(cur, r)
			continue
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// cjkBigrams writes every run as overlapping bigrams ("북한군이" → "북한 한군 군이"),
// runs separated by newlines so that no bigram spans two runs.
func cjkBigrams(s string) string {
	var b strings.Builder
	for _, run := range cjkRuns(s) {
		b.WriteString(strings.Join(bigrams(run), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

func bigrams(run []rune) []string {
	if len(run) == 1 {
		return []string{string(run)}
	}
	out := make([]string, 0, len(run)-1)
	for i := 0; i+1 < len(run); i++ {
		out = append(out, string(run[i:i+2]))
	}
	return out
}

// cjkPhrase is the FTS5 query for a CJK term: its bigrams as one phrase (a single
// character is a prefix of the bigrams that start with it).
func cjkPhrase(s string) string {
	var parts []string
	for _, run := range cjkRuns(s) {
		if len(run) == 1 {
			parts = append(parts, `"`+string(run)+`"*`)
			continue
		}
		parts = append(parts, `"`+strings.Join(bigrams(run), " ")+`"`)
	}
	return strings.Join(parts, " AND ")
}
