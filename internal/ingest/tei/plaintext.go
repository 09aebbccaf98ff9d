package tei

import "strings"

// PlainText renders the document the way the printed page reads, in the order the
// page sets it: source notes where they stand (above the heading in the 1918-1934
// volumes, below it in the 1880s), heading, dateline with any received stamp,
// running text, closing, postscripts, enclosures, and the footnotes last as
// "N text" lines. Blocks are separated by a blank line; a heading, dateline or
// closing keeps its printed line breaks.
//
// It is the input of an evaluation that checks a plain-text extractor against
// the markup, so it carries nothing the page does not show: no "[Untitled]"
// placeholders, no marginal page numbers of the original edition, no labels.
func (d *Document) PlainText() string {
	var b strings.Builder
	for i, p := range readingOrder(d.printed) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.text)
	}
	if len(d.Footnotes) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		for i, f := range d.Footnotes {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strings.TrimSpace(f.N + " " + f.Text))
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// readingOrder puts source notes that the markup sets before the heading under
// the dateline instead: a reader meets the heading first, and letters print their
// despatch or file number beneath it ("No. 378.]").
func readingOrder(blocks []printedBlock) []printedBlock {
	var early, rest []printedBlock
	seenHead := false
	for _, b := range blocks {
		if b.kind == kindHead {
			seenHead = true
		}
		if b.kind == kindSource && !seenHead {
			early = append(early, b)
			continue
		}
		rest = append(rest, b)
	}
	if len(early) == 0 || !seenHead {
		return blocks
	}
	at := 0
	for i, b := range rest {
		if b.kind == kindHead || b.kind == kindDateline {
			at = i + 1
		}
		if b.kind == kindText {
			break
		}
	}
	out := append([]printedBlock{}, rest[:at]...)
	out = append(out, early...)
	return append(out, rest[at:]...)
}

// Gold is the markup's ground truth for one document, what an extractor reading
// PlainText should recover.
type Gold struct {
	Date       string // YYYY-MM-DD from the dateline's @when; "" when the editors gave no day
	Title      string // the heading; "" where the book prints none
	Place      string
	Authors    []string
	Recipients []string
	Reference  string // the source notes as printed
}

// Gold returns the ground truth.
func (d *Document) Gold() Gold {
	g := Gold{Title: d.Head, Place: d.Place, Authors: d.From, Recipients: d.To, Reference: d.Source}
	if g.Title == untitled {
		g.Title = ""
	}
	if d.whenKind == "when" || d.whenKind == "" && d.DateWhen != "" {
		if day := dayPart(d.DateWhen); len(day) == len("2006-01-02") {
			g.Date = day
		}
	}
	return g
}

// Block is one printed block of a document, for renderers that lay the page out
// differently from PlainText (the printed-page evaluation moves datelines and
// sets source notes as footnotes).
type Block struct {
	Kind string // "source", "head", "dateline", "text", "closer", "enclosure"
	Text string
}

var kindNames = [...]string{kindSource: "source", kindHead: "head", kindDateline: "dateline",
	kindText: "text", kindCloser: "closer", kindEnclosure: "enclosure"}

// Blocks are the printed blocks in PlainText's reading order.
func (d *Document) Blocks() []Block {
	var out []Block
	for _, p := range readingOrder(d.printed) {
		out = append(out, Block{Kind: kindNames[p.kind], Text: p.text})
	}
	return out
}
