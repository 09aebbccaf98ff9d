package romanize

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Key is a comparison form under which the usual spellings of one name meet:
// "Gangwon"/"Kangwon", "Heon-yeong"/"Hon-yong"/"Hon Yong", "Jeong Jun-taek"/
// "Chong Chun-taek", "Cheongjin"/"Chongjin", "Vyshinsky"/"Vyshinskii"/"Вышинский",
// "Mao Zedong"/"Mao Tse-tung", "Zhou Enlai"/"Chou En-lai". Hangul is romanized
// first and Cyrillic transliterated, so every script meets on one Latin skeleton.
// A misspelling with another syllable ("Heon Hyeong") keeps a different key.
func Key(name string) string {
	s := name
	if isHangul(s) {
		s = HangulToRR(s)
	}
	if isCyrillic(s) {
		s = CyrillicToLatin(s)
	}
	return skeleton(fold(s))
}

// fold lower-cases, removes diacritics and keeps letters only (hyphens, spaces
// and apostrophes separate syllables differently in each scheme).
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// merges are applied in order; each rewrites spellings that the schemes use for
// one sound into one form. Longer patterns come first.
var merges = []struct{ from, to string }{
	// Chinese: Wade–Giles initials and finals onto Pinyin's.
	{"hs", "x"}, {"tz", "z"}, {"ts", "z"},
	{"ieh", "ie"}, {"ien", "ian"}, {"ung", "ong"},
	// Russian transliterations.
	{"shch", "sch"}, {"kh", "h"}, {"iy", "i"}, {"ii", "i"}, {"yi", "i"}, {"ij", "i"},
	{"ya", "ia"}, {"yu", "iu"}, {"yo", "io"}, {"w", "v"}, {"ff", "v"},
	// Korean: RR and MR write aspiration, voicing and vowels differently.
	{"eo", "o"}, {"eu", "u"}, {"ae", "e"},
	{"ch", "j"}, {"zh", "j"}, {"q", "j"}, {"c", "j"},
	{"g", "k"}, {"d", "t"}, {"b", "p"}, {"r", "l"},
	{"sh", "s"}, {"x", "s"},
	{"y", "i"},
}

func skeleton(s string) string {
	for _, m := range merges {
		s = strings.ReplaceAll(s, m.from, m.to)
	}
	// Doubled letters ("Molotoff", "Shtykkov") count once.
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func isCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
