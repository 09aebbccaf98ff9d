package scan

import (
	"strings"
	"unicode"
)

// OCR over English and Russian at once reads letters that look alike in either
// alphabet ("Сталин" with a Latin C, "Moscow" with a Cyrillic о), and a word of
// mixed scripts is found by no search. Each word is folded to the alphabet most
// of its letters are in.

var latinToCyrillic = map[rune]rune{
	'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'K': 'К', 'M': 'М', 'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х', 'Y': 'У',
	'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у',
}

var cyrillicToLatin = func() map[rune]rune {
	m := make(map[rune]rune, len(latinToCyrillic))
	for l, c := range latinToCyrillic {
		m[c] = l
	}
	return m
}()

// foldHomoglyphs rewrites each mixed-script word in the script of most of its
// letters, where the other script's letters have a look-alike in it.
func foldHomoglyphs(text string) string {
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(foldWord(text[start:end]))
			start = -1
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(text))
	return b.String()
}

func foldWord(w string) string {
	var latin, cyrillic int
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		}
	}
	if latin == 0 || cyrillic == 0 || latin == cyrillic {
		return w
	}
	to := cyrillicToLatin
	if cyrillic > latin {
		to = latinToCyrillic
	}
	return strings.Map(func(r rune) rune {
		if f, ok := to[r]; ok {
			return f
		}
		return r
	}, w)
}
