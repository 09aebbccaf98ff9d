package romanize

import (
	"strings"
	"unicode"
)

// latinFold maps accented Latin letters to ASCII. Written out rather than
// taken from a normalization library because the package is standard library
// only and the set of letters the three languages' romanizations use is small.
var latinFold = func() map[rune]string {
	m := map[rune]string{}
	add := func(to string, from string) {
		for _, r := range from {
			m[r] = to
		}
	}
	add("a", "àáâãäåāăąǎạả")
	add("c", "çćĉċč")
	add("d", "ďđ")
	add("e", "èéêëēĕėęěẽẹ")
	add("g", "ĝğġģ")
	add("h", "ĥħ")
	add("i", "ìíîïĩīĭįıǐị")
	add("j", "ĵ")
	add("k", "ķ")
	add("l", "ĺļľŀł")
	add("n", "ñńņňŉ")
	add("o", "òóôõöøōŏőǒọ")
	add("r", "ŕŗř")
	add("s", "śŝşšș")
	add("t", "ţťŧț")
	add("u", "ùúûüũūŭůűųǔǖǘǚǜụ")
	add("w", "ŵ")
	add("y", "ýÿŷ")
	add("z", "źżž")
	add("ss", "ß")
	add("ae", "æ")
	add("oe", "œ")
	return m
}()

// isApostrophe covers the marks typists use for the aspiration apostrophe
// and for the Cyrillic soft and hard signs in transliteration.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', 'ʻ', '`', '‘', '′', 'ʹ', 'ʺ', '"', '´':
		return true
	}
	return false
}

// foldASCII lower-cases and removes diacritics, keeping letters, digits and
// single spaces; punctuation and hyphens become nothing. It is the key for
// names in no known romanization.
func foldASCII(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case latinFold[r] != "":
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(latinFold[r])
		case unicode.IsSpace(r):
			space = true
		case unicode.Is(unicode.Mn, r), r < 0x80:
			// Combining marks and ASCII punctuation carry no letter.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lettersOnly keeps ASCII letters of an already folded string.
func lettersOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
