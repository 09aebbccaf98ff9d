// Package romanize connects the spellings of one name across writing systems and
// romanization schemes: Korean (Hangul, Revised Romanization, McCune–Reischauer),
// Chinese (Pinyin, Wade–Giles) and Russian (Cyrillic and its transliterations).
// Keys are comparison forms: two spellings of the same name share a key; the
// rules are the schemes' own, written here from their published tables.
package romanize

import "strings"

// Hangul syllables are composed arithmetically: U+AC00 + (initial*21 + medial)*28 + final.
const (
	hangulBase = 0xAC00
	hangulLast = 0xD7A3
)

var (
	rrInitial = []string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	rrMedial  = []string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	rrFinal   = []string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}

	mrInitial = []string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"}
	mrMedial  = []string{"a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"}
)

// decompose splits a Hangul syllable into initial, medial and final indexes.
func decompose(r rune) (int, int, int, bool) {
	if r < hangulBase || r > hangulLast {
		return 0, 0, 0, false
	}
	n := int(r - hangulBase)
	return n / (21 * 28), (n / 28) % 21, n % 28, true
}

// HangulToRR writes Hangul in the Revised Romanization, syllable by syllable
// (without the sound-change rules across syllables, which names usually ignore).
func HangulToRR(s string) string { return hangulTo(s, rrInitial, rrMedial) }

// HangulToMR writes Hangul in McCune–Reischauer with breves (ŏ, ŭ) and
// apostrophes for aspirates.
func HangulToMR(s string) string { return hangulTo(s, mrInitial, mrMedial) }

func hangulTo(s string, initial, medial []string) string {
	var b strings.Builder
	prevHangul := false
	for _, r := range s {
		i, m, f, ok := decompose(r)
		if !ok {
			b.WriteRune(r)
			prevHangul = false
			continue
		}
		_ = prevHangul
		b.WriteString(initial[i] + medial[m] + rrFinal[f])
		prevHangul = true
	}
	return b.String()
}

// isHangul reports whether s contains Hangul syllables.
func isHangul(s string) bool {
	for _, r := range s {
		if r >= hangulBase && r <= hangulLast {
			return true
		}
	}
	return false
}
