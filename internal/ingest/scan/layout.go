package scan

import (
	"slices"
	"strings"
)

// line is one line of a page as a reader found it, with its vertical extent
// (in any unit, growing down the page) and the block the reader put it in.
type line struct {
	text        string
	top, bottom float64
	block       string
}

// paragraphs joins a page's lines into paragraphs separated by blank lines, as
// fond's text readers expect. Neither pdftotext nor Tesseract marks paragraphs
// reliably, so the break is where the page has one: a gap between lines wider
// than most of a line's height, a jump back up the page (a new column), or a new
// block after more than a third of a line's gap.
func paragraphs(lines []line) string {
	var kept []line
	for _, l := range lines {
		if l.text = strings.TrimSpace(l.text); l.text != "" {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	h := medianHeight(kept)
	var b strings.Builder
	for i, l := range kept {
		if i > 0 {
			prev := kept[i-1]
			gap := l.top - prev.bottom
			if gap > 0.8*h || l.top < prev.top || l.block != prev.block && gap > h/3 {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}

func medianHeight(lines []line) float64 {
	hs := make([]float64, 0, len(lines))
	for _, l := range lines {
		if h := l.bottom - l.top; h > 0 {
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 {
		return 1
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}
