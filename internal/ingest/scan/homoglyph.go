package scan

import (
	"strings"
	"unicode"
)

// OCR over English and Russian at once reads letters that look alike in either
// alphabet ("Сталин" with a Latin C, "Moscow" with a Cyrillic о, a printed r as
// г), and a word of mixed scripts is found by no search. Each word is folded to the alphabet most
// of its letters are in. A word made only of such letters ("а", "рарег" for
// "paper", "Nо" of "Nо. 17") has no majority of its own: it takes its line's
// script, or its page's when the line is too short or too mixed to say.

var latinToCyrillic = map[rune]rune{
	'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'K': 'К', 'M': 'М', 'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х', 'Y': 'У',
	'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'r': 'г', 'x': 'х', 'y': 'у',
}

var cyrillicToLatin = func() map[rune]rune {
	m := make(map[rune]rune, len(latinToCyrillic))
	for l, c := range latinToCyrillic {
		m[c] = l
	}
	return m
}()

// script is the alphabet a stretch of text is written in, if one clearly
// leads: 0 none, or latin or cyrillic.
type script int

const (
	noScript script = iota
	latin
	cyrillic
)

// majority is the script of at least three in four of s's Latin and Cyrillic
// letters; with fewer than four such letters, none.
func majority(s string) script {
	var l, c int
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			l++
		case unicode.Is(unicode.Cyrillic, r):
			c++
		}
	}
	switch {
	case l+c < 4:
		return noScript
	case l >= 3*c:
		return latin
	case c >= 3*l:
		return cyrillic
	}
	return noScript
}

// foldHomoglyphs rewrites each mixed-script word in the script of most of its
// letters, and a word of look-alikes alone in the script of its line (or of
// the text, when the line has none). A fold makes a line's script clearer,
// which may decide another word: it is repeated until nothing changes.
func foldHomoglyphs(text string) string {
	for range 8 {
		out := foldOnce(text)
		if out == text {
			break
		}
		text = out
	}
	return text
}

func foldOnce(text string) string {
	page := majority(text)
	var b strings.Builder
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i+1], text[i+1:]
		} else {
			text = ""
		}
		s := majority(line)
		if s == noScript {
			s = page
		}
		foldLine(&b, line, s)
	}
	return b.String()
}

func foldLine(b *strings.Builder, line string, s script) {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(foldWord(line[start:end], s))
			start = -1
		}
	}
	for i, r := range line {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(line))
}

// foldWord folds a word to its own majority script; without one (as many
// letters of each, or all of them look-alikes of the other alphabet's), to
// the line's script s.
func foldWord(w string, s script) string {
	var l, c int
	alike := true // every letter of the word has a look-alike
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Latin, r):
			l++
			_, ok := latinToCyrillic[r]
			alike = alike && ok
		case unicode.Is(unicode.Cyrillic, r):
			c++
			_, ok := cyrillicToLatin[r]
			alike = alike && ok
		default:
			alike = false
		}
	}
	to := map[rune]rune(nil)
	switch {
	case l > 0 && c > 0 && l > c:
		to = cyrillicToLatin
	case l > 0 && c > 0 && c > l:
		to = latinToCyrillic
	case s == latin && c > 0 && (l > 0 || alike):
		to = cyrillicToLatin
	case s == cyrillic && l > 0 && (c > 0 || alike):
		to = latinToCyrillic
	}
	if to == nil {
		return w
	}
	return strings.Map(func(r rune) rune {
		if f, ok := to[r]; ok {
			return f
		}
		return r
	}, w)
}

// foldLines folds a page's lines as one text, so that a short line ("Nо. 17")
// is folded by its page's script, as the page's text is.
func foldLines(lines []line) {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = strings.ReplaceAll(l.text, "\n", " ")
	}
	folded := strings.Split(foldHomoglyphs(strings.Join(texts, "\n")), "\n")
	for i := range lines {
		lines[i].text = folded[i]
	}
}
