package tei

import "strings"

// Footnote is an editor's note, numbered as printed.
type Footnote struct{ N, Text string }

// Document is one <div type="document">, or one enclosure inside it.
type Document struct {
	Volume   *Volume
	XMLID, N string
	// Head is the heading, footnote markers removed. "[Untitled]" is the
	// encoders' placeholder where the book prints no heading; it is kept here
	// as the markup has it, and neither printed nor used as a title.
	Head string
	// DateWhen is the dateline date's @when, else "from/to" or
	// "notBefore/notAfter" joined by "/", as given; "" when the editors gave none.
	DateWhen string
	DateText string // the dateline's date as printed
	Dateline string // the whole dateline as printed, lines joined by "\n"
	Place    string // the dateline's placeName
	From, To []string
	// Source is the printed source notes joined by a space: a file number
	// ("710.1012 Anti-War/74: Telegram"), a despatch number ("No. 380.]") or a
	// bracketed description ("[Telegram]", "[Inclosure 2 in No. 571.]").
	// SourceNotes keeps them apart; a document may print one above its heading
	// and one below.
	Source      string
	SourceNotes []string
	Paragraphs  []string // running text before the closing
	Closer      string   // the closing as printed, lines joined by "\n"
	Postscript  []string // running text after the closing: postscripts, addressee lines
	// Footnotes are every footnote in the document, enclosures included, in order.
	Footnotes  []Footnote
	Enclosures []Document // frus:attachment, in order; their Volume is the document's
	// DateMin and DateMax are the editors' bounds on the document's date
	// (frus:doc-dateTime-min/max); some volumes give them, most do not.
	DateMin, DateMax string

	whenKind string         // which attributes gave DateWhen: "when", "range", "bounds"
	printed  []printedBlock // everything a page shows, in order, for PlainText and Body
}

// Block kinds, in the order a page sets them.
type blockKind int

const (
	kindSource blockKind = iota
	kindHead
	kindDateline
	kindText
	kindCloser
	kindEnclosure
)

type printedBlock struct {
	kind blockKind
	text string
}

const untitled = "[Untitled]"

// isAttachment reports an enclosure: FRUS uses frus:attachment throughout; a TEI
// div typed enclosure or attachment is read the same way.
func isAttachment(n *node) bool {
	return n.name == "attachment" || n.name == "div" && (n.get("type") == "enclosure" || n.get("type") == "attachment")
}

// newDocument reads a document (or an enclosure) from its element.
func newDocument(vol *Volume, div *node) Document {
	d := Document{Volume: vol, XMLID: div.get("id"), N: div.get("n"),
		DateMin: div.get("doc-dateTime-min"), DateMax: div.get("doc-dateTime-max")}
	d.readMetadata(div)
	closed := false
	var visit func(k *node)
	visit = func(k *node) {
		if k.isText() {
			if t := collapse(k.text); t != "" {
				d.text(t, closed)
			}
			return
		}
		if isAttachment(k) {
			e := newDocument(vol, k)
			d.Enclosures = append(d.Enclosures, e)
			for _, b := range e.printed {
				d.printed = append(d.printed, printedBlock{kindEnclosure, b.text})
			}
			return
		}
		switch k.name {
		case "note":
			if k.get("type") == "source" {
				d.printed = append(d.printed, printedBlock{kindSource, inline(k)})
			}
		case "head":
			if t := strings.Join(lines(k), "\n"); t != "" && t != untitled {
				d.printed = append(d.printed, printedBlock{kindHead, t})
			}
		case "dateline":
			if t := strings.Join(lines(k), "\n"); t != "" {
				d.printed = append(d.printed, printedBlock{kindDateline, t})
			}
		case "opener":
			for _, o := range k.kids {
				visit(o)
			}
		case "closer":
			if t := strings.Join(lines(k), "\n"); t != "" {
				d.printed = append(d.printed, printedBlock{kindCloser, t})
				if d.Closer == "" {
					d.Closer = t
				} else {
					d.Closer += "\n" + t
				}
			}
			closed = true
		case "postscript":
			closed = true
			for _, o := range k.kids {
				visit(o)
			}
		default:
			for _, t := range flow(k) {
				d.text(t, closed)
			}
		}
	}
	for _, k := range div.kids {
		visit(k)
	}
	return d
}

func (d *Document) text(t string, closed bool) {
	d.printed = append(d.printed, printedBlock{kindText, t})
	if closed {
		d.Postscript = append(d.Postscript, t)
	} else {
		d.Paragraphs = append(d.Paragraphs, t)
	}
}

// readMetadata finds the heading, the document's own dateline and source notes,
// its senders and addressees, and its footnotes. Enclosures keep their own: a
// despatch's dateline is not that of the note it encloses.
func (d *Document) readMetadata(div *node) {
	var dateline *node
	div.walk(func(x *node) bool {
		if x == div {
			return true
		}
		if isAttachment(x) {
			return false
		}
		switch x.name {
		case "head":
			if d.Head == "" {
				d.Head = strings.TrimLeft(inline(x), "* ")
			}
		case "dateline":
			if dateline == nil {
				dateline = x
			}
		case "note":
			if x.get("type") == "source" {
				if t := inline(x); t != "" {
					d.SourceNotes = append(d.SourceNotes, t)
				}
			}
			return false
		case "persName", "gloss", "orgName", "name", "rs":
			if t := inline(x); t != "" {
				switch x.get("type") {
				case "from":
					d.From = appendNew(d.From, t)
				case "to":
					d.To = appendNew(d.To, t)
				}
			}
		}
		return true
	})
	d.Source = strings.Join(d.SourceNotes, " ")
	if dateline != nil {
		d.readDateline(dateline)
	}
	div.walk(func(x *node) bool {
		if x.name != "note" {
			return true
		}
		if x.get("type") != "source" {
			d.Footnotes = append(d.Footnotes, Footnote{N: x.get("n"), Text: noteText(x)})
		}
		return false // a note inside a note is part of its text
	})
}

func (d *Document) readDateline(dl *node) {
	d.Dateline = strings.Join(lines(dl), "\n")
	dl.walk(func(x *node) bool {
		switch x.name {
		case "placeName":
			if d.Place == "" {
				// The older volumes put the comma after the place inside the element.
				d.Place = strings.Trim(inline(x), " ,.;:")
			}
			return false
		case "date":
			if d.DateText == "" && d.DateWhen == "" {
				d.DateText = inline(x)
				d.DateWhen, d.whenKind = whenOf(x)
			}
			return false
		}
		return true
	})
}

// whenOf is a date element's value as given, and which attributes gave it:
// "when", "range" (from/to: the document spans the days) or "bounds"
// (notBefore/notAfter: it was written on one day between them).
func whenOf(x *node) (string, string) {
	if w := x.get("when"); w != "" {
		return w, "when"
	}
	for _, p := range []struct{ a, b, kind string }{{"from", "to", "range"}, {"notBefore", "notAfter", "bounds"}} {
		a, b := x.get(p.a), x.get(p.b)
		if a != "" || b != "" {
			return a + "/" + b, p.kind
		}
	}
	return "", ""
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// noteText is a footnote's text on one line, its paragraphs and any nested
// note included: the whole of what the foot of the page prints.
func noteText(n *node) string {
	var b strings.Builder
	var rec func(*node)
	rec = func(x *node) {
		if x.isText() {
			b.WriteString(x.text)
			return
		}
		if x != n && silent(x) && x.name != "note" {
			return
		}
		if x.name == "lb" || x.name == "p" || x.name == "item" || x.name == "row" || x.name == "cell" {
			b.WriteByte(' ')
		}
		for _, k := range x.kids {
			rec(k)
		}
	}
	rec(n)
	return collapse(b.String())
}
