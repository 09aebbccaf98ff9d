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
		Flows []struct {
			Blocks []struct {
				Lines []struct {
					YMin  float64  `xml:"yMin,attr"`
					YMax  float64  `xml:"yMax,attr"`
					Words []string `xml:"word"`
				} `xml:"line"`
			} `xml:"block"`
		} `xml:"flow"`
	} `xml:"body>doc>page"`
}

// fromBBox reads pdftotext's bounding-box output into each page's text, in
// paragraphs.
func fromBBox(out []byte) ([]string, error) {
	var doc bboxDoc
	d := xml.NewDecoder(strings.NewReader(string(out)))
	d.Entity = xml.HTMLEntity
	d.Strict = false
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading pdftotext's output: %w", err)
	}
	pages := make([]string, len(doc.Pages))
	for p, page := range doc.Pages {
		var lines []line
		for f, flow := range page.Flows {
			for b, block := range flow.Blocks {
				id := strconv.Itoa(f) + "." + strconv.Itoa(b)
				for _, l := range block.Lines {
					lines = append(lines, line{text: strings.Join(l.Words, " "), top: l.YMin, bottom: l.YMax, block: id})
				}
			}
		}
		pages[p] = paragraphs(lines)
	}
	return pages, nil
}
