package scan

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tsvPage is what Tesseract's TSV output says of one image.
type tsvPage struct {
	text       string  // in paragraphs (see paragraphs)
	confidence float64 // mean of the words', 0 to 1
	words      int
	layout     Layout // lines and their boxes, in the image's pixels
}

// fromTSV reads Tesseract's TSV output. Rows that do not parse are skipped:
// the text is what could be read.
func fromTSV(tsv string) tsvPage { return fromTSVInked(tsv, nil) }

// fromTSVInked is fromTSV with the page image measured: a word whose box is
// a blackout is read as blackoutText (see blackout.go).
func fromTSVInked(tsv string, ink *inked) tsvPage {
	var lines []line
	var words [][]tsvWord // each line's, for joining once the line is whole
	var page tsvPage
	var width, height float64
	index := map[string]int{} // page.block.par.line -> lines index
	var sum float64
	for _, row := range strings.Split(tsv, "\n") {
		f := strings.Split(strings.TrimRight(row, "\r"), "\t")
		if len(f) < 12 {
			continue
		}
		n := make([]float64, 4) // left, top, width, height
		bad := false
		for i := range n {
			var err error
			n[i], err = strconv.ParseFloat(f[6+i], 64)
			bad = bad || err != nil
		}
		if f[0] == "1" && !bad {
			width, height = max(width, n[2]), max(height, n[3])
		}
		if f[0] != "5" || bad {
			continue
		}
		word := strings.TrimSpace(strings.Join(f[11:], " "))
		conf, err := strconv.ParseFloat(f[10], 64)
		if word == "" || err != nil || conf < 0 {
			continue
		}
		left, top := n[0], n[1]
		right, bottom := left+n[2], top+n[3]
		if ink.blackedOut(left, top, n[2], n[3]) {
			word = blackoutText
		}
		block := f[1] + "." + f[2]
		key := block + "." + f[3] + "." + f[4]
		i, ok := index[key]
		if !ok {
			i = len(lines)
			index[key] = i
			lines = append(lines, line{top: top, bottom: bottom, left: left, right: right, block: block})
			words = append(words, nil)
		}
		words[i] = append(words[i], tsvWord{text: word, left: left, right: right, height: n[3]})
		l := &lines[i]
		l.top, l.bottom = min(l.top, top), max(l.bottom, bottom)
		l.left, l.right = min(l.left, left), max(l.right, right)
		sum += min(conf, 100)
		page.words++
	}
	if page.words == 0 {
		return page
	}
	for i := range lines {
		lines[i].text = joinWords(words[i])
	}
	foldLines(lines)
	page.text = paragraphs(lines)
	page.confidence = sum / float64(page.words) / 100
	page.layout = layout(width, height, 1, lines)
	return page
}

// tsvWord is a word Tesseract found, with its horizontal extent and height.
type tsvWord struct {
	text                string
	left, right, height float64
}

// joinWords makes a line's text of its words. Between words of alphabets, a
// space. In Chinese and Japanese, not written with spaces, Tesseract's words
// are often single characters: nothing between them. In Korean, written
// with spaces between words but split by Tesseract between syllables too, a
// space only where the page has a gap of more than 0.4 of the line's median
// word height: a space is half an em, syllables of one word stand closer
// (measured on the evaluation's Korean page: syllables at most 16 px apart,
// words at least 19, in a line of 42 px words; docs/evaluation.md).
func joinWords(words []tsvWord) string {
	if len(words) == 0 {
		return ""
	}
	hs := make([]float64, len(words))
	for i, w := range words {
		hs[i] = w.height
	}
	slices.Sort(hs)
	gap := 0.4 * hs[len(hs)/2]
	var b strings.Builder
	b.WriteString(words[0].text)
	for i := 1; i < len(words); i++ {
		prev, w := words[i-1], words[i]
		a, _ := utf8.DecodeLastRuneInString(prev.text)
		c, _ := utf8.DecodeRuneInString(w.text)
		switch {
		case unicode.Is(unicode.Hangul, a) || unicode.Is(unicode.Hangul, c):
			if w.left-prev.right > gap {
				b.WriteByte(' ')
			}
		case unspaced(a) || unspaced(c):
		default:
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// unspaced are the letters and marks of scripts written without spaces:
// Han, kana, and CJK and full-width punctuation.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
