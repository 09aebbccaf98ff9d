package tei

import "strings"

// What a printed page does not show inline: footnotes are printed at the foot of
// the page (their markers are dropped, as the brief for Paragraphs asks), page
// breaks and figures carry no words, and "margin" segments are the original
// edition's page numbers set in the margin ("[199]").
func silent(n *node) bool {
	switch n.name {
	case "note", "pb", "figure", "graphic", "gap", "fw":
		return true
	case "seg":
		return n.get("type") == "margin"
	}
	return false
}

// breaksLine lists the elements that start a new line inside a heading,
// dateline or closing: a printed signature block sets each of these apart.
func breaksLine(n *node) bool {
	switch n.name {
	case "lb", "signed", "salute", "dateline", "p", "item", "list", "row", "label", "address", "addrLine", "closer", "l":
		return true
	}
	return false
}

// lineBreak marks a printed line break while a short element is rendered; XML
// text cannot contain it, so it never collides with the text's own newlines,
// which are only the encoders' wrapping.
const lineBreak = '\x01'

// lines renders a short element (heading, dateline, closing) as its printed
// lines: whitespace collapsed within a line, empty lines dropped.
func lines(n *node) []string {
	var b strings.Builder
	var rec func(*node)
	rec = func(x *node) {
		if x.isText() {
			b.WriteString(x.text)
			return
		}
		if silent(x) {
			return
		}
		if breaksLine(x) {
			b.WriteByte(lineBreak)
		}
		for _, k := range x.kids {
			rec(k)
		}
		if breaksLine(x) && x.name != "lb" && x.name != "label" {
			b.WriteByte(lineBreak)
		}
	}
	for _, k := range n.kids {
		rec(k)
	}
	var out []string
	for _, l := range strings.Split(b.String(), string(lineBreak)) {
		if l = collapse(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// inline is an element's text on one line.
func inline(n *node) string { return strings.Join(lines(n), " ") }

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// blocks renders running text (paragraphs, quotations, lists, tables) as the
// blocks a printed page separates: a quotation or list set inside a paragraph
// interrupts it, and the paragraph's remainder is a block of its own.
type blocks struct {
	out     []string
	cur     strings.Builder
	pending string // a list label waiting for its item's text
}

func (b *blocks) flush() {
	t := collapse(b.cur.String())
	b.cur.Reset()
	if t == "" {
		return
	}
	if b.pending != "" {
		t, b.pending = b.pending+" "+t, ""
	}
	b.out = append(b.out, t)
}

func (b *blocks) add(x *node) {
	if x.isText() {
		b.cur.WriteString(x.text)
		return
	}
	if m, ok := withheld(x); ok {
		b.cur.WriteString(" " + m + " ")
		return
	}
	if silent(x) {
		return
	}
	switch x.name {
	case "lb":
		// Inside running text a line break is the typesetter's, not the writer's.
		b.cur.WriteByte(' ')
		return
	case "label":
		b.flush()
		b.pending = collapse(b.pending + " " + inline(x))
		return
	case "table":
		b.flush()
		b.table(x)
		return
	case "p", "quote", "list", "item", "ab", "lg", "l", "q", "div", "head", "dateline", "signed", "closer", "salute", "opener", "postscript", "attachment", "cell", "row", "floatingText", "body":
		b.flush()
		for _, k := range x.kids {
			b.add(k)
		}
		b.flush()
		return
	}
	for _, k := range x.kids {
		b.add(k)
	}
}

// table prints one line per row with cells separated by tabs, the nearest plain
// text comes to columns on a page.
func (b *blocks) table(t *node) {
	var rows []string
	t.walk(func(x *node) bool {
		if x.name != "row" {
			return x == t || !silent(x)
		}
		var cells []string
		for _, c := range x.kids {
			if c.name == "cell" {
				cells = append(cells, inline(c))
			}
		}
		if r := strings.TrimRight(strings.Join(cells, "\t"), "\t"); r != "" {
			rows = append(rows, r)
		}
		return false
	})
	if len(rows) > 0 {
		if b.pending != "" {
			rows[0], b.pending = b.pending+" "+rows[0], ""
		}
		b.out = append(b.out, strings.Join(rows, "\n"))
	}
}

// flow renders the running text of n.
func flow(n *node) []string {
	var b blocks
	b.add(n)
	b.flush()
	if b.pending != "" {
		b.out = append(b.out, b.pending)
	}
	return b.out
}

// withheld renders a gap the encoders mark as withheld at declassification
// (<gap reason="not declassified" extent="5 lines"/>) as the bracketed note a
// printed edition shows, so that ingest reads it as a redaction like any
// other; other gaps (a word lost in transcription) stay silent.
func withheld(n *node) (string, bool) {
	if n.name != "gap" {
		return "", false
	}
	reason := strings.ToLower(n.get("reason"))
	if !strings.Contains(reason, "declassif") && !strings.Contains(reason, "withheld") && !strings.Contains(reason, "redact") {
		return "", false
	}
	extent := collapse(n.get("extent"))
	if extent == "" && n.get("quantity") != "" {
		extent = collapse(n.get("quantity") + " " + n.get("unit"))
	}
	if extent == "" {
		extent = "text"
	}
	return "[" + extent + " not declassified]", true
}
