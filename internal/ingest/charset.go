package ingest

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// cyrillicCharsets are the single-byte encodings Russian text arrives in
// undeclared or misdeclared, tried when the declared reading fails.
var cyrillicCharsets = []string{"windows-1251", "koi8-r"}

// letterFreq is how often each Russian letter occurs in running text, per
// mille (Ukrainian letters given a modest share). Every Cyrillic single-byte
// encoding puts the letters at different codes, so text read in the wrong one
// is made of the wrong letters: common ones turn rare and the other way round.
var letterFreq = map[rune]float64{
	'о': 109.7, 'е': 84.5, 'а': 80.1, 'и': 73.5, 'н': 67.0, 'т': 62.6, 'с': 54.7,
	'р': 47.3, 'в': 45.4, 'л': 44.0, 'к': 34.9, 'м': 32.1, 'д': 29.8, 'п': 28.1,
	'у': 26.2, 'я': 20.1, 'ы': 19.0, 'ь': 17.4, 'г': 17.0, 'з': 16.5, 'б': 15.9,
	'ч': 14.4, 'й': 12.1, 'х': 9.7, 'ж': 9.4, 'ш': 7.3, 'ю': 6.4, 'ц': 4.8,
	'щ': 3.6, 'э': 3.2, 'ф': 2.6, 'ъ': 0.4, 'ё': 0.4,
	'і': 30, 'ї': 5, 'є': 5, 'ґ': 1,
}

// Russian text scores about 55 (the mean frequency of its letters, per
// mille); the same bytes read in the other common encoding score 30 or less.
const (
	plausibleScore = 45
	// minCyrillic is the fewest letters a judgment is made on: a stray byte
	// or two in English text is damage, not an encoding.
	minCyrillic = 20
)

// cyrillicScore is the mean frequency of the text's Cyrillic letters, and
// whether the text is Cyrillic enough to judge: most of what is not ASCII
// in it must be Cyrillic letters.
func cyrillicScore(s string) (float64, bool) {
	var sum float64
	var cyr, other int
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r):
			cyr++
			sum += letterFreq[unicode.ToLower(r)]
		case unicode.IsLetter(r) || r == utf8.RuneError || unicode.IsControl(r):
			other++
		}
	}
	if cyr < minCyrillic || other*10 > cyr {
		return 0, false
	}
	return sum / float64(cyr), true
}

// guessCyrillic decodes data in whichever Cyrillic single-byte encoding makes
// it read as Russian, if one does convincingly.
func guessCyrillic(data []byte, except string) (text, charset string, ok bool) {
	best := 0.0
	for _, name := range cyrillicCharsets {
		if name == except {
			continue
		}
		enc, err := htmlindex.Get(name)
		if err != nil {
			continue
		}
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			continue
		}
		if score, judged := cyrillicScore(string(out)); judged && score >= plausibleScore && score > best {
			best, text, charset, ok = score, textOf(out), name, true
		}
	}
	return text, charset, ok
}

// hasMultibyte reports whether valid UTF-8 holds anything beyond ASCII.
func hasMultibyte(data []byte) bool {
	for _, c := range data {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
