package scan

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// bboxDoc is the part of `pdftotext -bbox-layout` output fond reads: pages of
// blocks of lines of words, each with its box in points.
type bboxDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Flows  []struct {
			Blocks []struct {
				Lines []struct {
					XMin  float64  `xml:"xMin,attr"`
					XMax  float64  `xml:"xMax,attr"`
					YMin  float64  `xml:"yMin,attr"`
					YMax  float64  `xml:"yMax,attr"`
					Words []string `xml:"word"`
				} `xml:"line"`
			} `xml:"block"`
		} `xml:"flow"`
	} `xml:"body>doc>page"`
}

// layerPage is one page of a PDF's text layer.
type layerPage struct {
	text   string // in paragraphs
	layout Layout // in the pixels of the page as RenderPage draws it
}

// fromBBox reads pdftotext's bounding-box output into each page's text, in
// paragraphs, and its lines' boxes.
func fromBBox(out []byte) ([]layerPage, error) {
	var doc bboxDoc
	// pdftotext writes what a PDF's fonts map characters to, control
	// characters included, which XML forbids: one would lose the whole file.
	d := xml.NewDecoder(strings.NewReader(xmlChars(string(out))))
	d.Entity = xml.HTMLEntity
	d.Strict = false
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading pdftotext's output: %w", err)
	}
	pages := make([]layerPage, len(doc.Pages))
	for p, page := range doc.Pages {
		var lines []line
		for f, flow := range page.Flows {
			for b, block := range flow.Blocks {
				id := strconv.Itoa(f) + "." + strconv.Itoa(b)
				for _, l := range block.Lines {
					lines = append(lines, line{text: strings.Join(l.Words, " "), top: l.YMin, bottom: l.YMax, left: l.XMin, right: l.XMax, block: id})
				}
			}
		}
		pages[p].text = paragraphs(lines)
		// Boxes are in points; pages are drawn with their long side at
		// ocrPixels, so a box scales as its page does.
		if long := max(page.Width, page.Height); long > 0 {
			pages[p].layout = layout(page.Width, page.Height, renderPixels/long, lines)
		}
	}
	return pages, nil
}

// xmlChars replaces the characters XML 1.0 does not allow with spaces.
func xmlChars(s string) string {
	ok := func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
	}
	if strings.IndexFunc(s, func(r rune) bool { return !ok(r) }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if ok(r) {
			return r
		}
		return ' '
	}, s)
}
