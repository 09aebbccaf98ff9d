package scan

import (
	"math"
	"slices"
	"strings"
)

// line is one line of a page as a reader found it, with its box (in any
// unit, growing down and right) and the block the reader put it in.
type line struct {
	text        string
	top, bottom float64
	left, right float64
	block       string
}

// Line is one line of a page's text and its box in the pixels of the page
// image: the image itself for a scan, the page as RenderPage draws it for a
// PDF. A viewer draws the box over the page to show where the text came from.
type Line struct {
	Text       string
	X, Y, W, H int
}

// Layout is one page's lines, in reading order, and the size in pixels of
// the image their boxes are measured on.
type Layout struct {
	Width, Height int
	Lines         []Line
}

// layout turns a page's lines, measured in units of which scale make a
// pixel, into a Layout; lines without text are left out.
func layout(width, height, scale float64, lines []line) Layout {
	px := func(v float64) int { return int(math.Round(v * scale)) }
	out := Layout{Width: px(width), Height: px(height)}
	for _, l := range lines {
		text := foldHomoglyphs(strings.TrimSpace(l.text))
		if text == "" || l.right <= l.left || l.bottom <= l.top {
			continue
		}
		x, y := px(l.left), px(l.top)
		out.Lines = append(out.Lines, Line{Text: text, X: x, Y: y, W: max(px(l.right)-x, 1), H: max(px(l.bottom)-y, 1)})
	}
	return out
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
