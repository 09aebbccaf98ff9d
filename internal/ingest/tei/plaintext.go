package tei

import (
	"strings"
)

// PlainText renders the document the way a printed page reads: heading, dateline,
// paragraphs, closing, then the footnotes. It carries nothing of the markup beyond
// what a reader sees, so extraction from it can be checked against the markup.
func (d *Document) PlainText() string {
	var parts []string
	if d.Head != "" {
		parts = append(parts, d.Head)
	}
	if d.Dateline != "" {
		parts = append(parts, d.Dateline)
	}
	if d.Source != "" {
		// Printed letters carry their file or despatch number ("No. 378.]",
		// "710.1012 Anti-War/74: Telegram") as a line of its own under the dateline.
		parts = append(parts, d.Source)
	}
	parts = append(parts, d.Paragraphs...)
	if d.Closer != "" {
		parts = append(parts, d.Closer)
	}
	for _, e := range d.Enclosures {
		if e.Head != "" {
			parts = append(parts, e.Head)
		}
		parts = append(parts, e.Paragraphs...)
	}
	var notes []string
	for _, f := range d.Footnotes {
		notes = append(notes, strings.TrimSpace(f.N+" "+f.Text))
	}
	if len(notes) > 0 {
		parts = append(parts, strings.Join(notes, "\n"))
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// Gold is the markup's ground truth for one document.
type Gold struct {
	Date       string // YYYY-MM-DD from @when, "" when the editors gave none
	Title      string
	Place      string
	Authors    []string
	Recipients []string
	Reference  string
}

// Gold returns the ground truth.
func (d *Document) Gold() Gold {
	g := Gold{Title: d.Head, Place: d.Place, Authors: d.From, Recipients: d.To, Reference: d.Source}
	if d.DateWhen != "" && !strings.Contains(d.DateWhen, "/") {
		if w := dayPart(d.DateWhen); len(w) == 10 {
			g.Date = w
		}
	}
	return g
}
