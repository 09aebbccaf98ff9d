package tei

import (
	"strings"
)

// Footnote is an editor's note, numbered as printed.
type Footnote struct{ N, Text string }

// Enclosure is a document attached to another (frus:attachment).
type Enclosure struct {
	Head       string
	Paragraphs []string
}

// Document is one <div type="document">.
type Document struct {
	Volume     *Volume
	XMLID, N   string
	Head       string
	DateWhen   string // @when, or "from/to" or "notBefore/notAfter" joined by "/"
	DateText   string // the dateline's date as printed
	Dateline   string // the whole dateline as printed, with any received stamp
	Place      string
	From, To   []string
	Source     string
	Paragraphs []string
	Footnotes  []Footnote
	Closer     string
	Enclosures []Enclosure
	// DateMin and DateMax are the editors' bounds on the document's date
	// (frus:doc-dateTime-min/max), used when the dateline has no @when.
	DateMin, DateMax string
}

func isAttachment(n *node) bool {
	return n.name == "attachment" || n.name == "div" && (n.attr["type"] == "enclosure" || n.attr["type"] == "attachment")
}

func newDocument(vol *Volume, n *node) Document {
	d := Document{Volume: vol, XMLID: n.attr["id"], N: n.attr["n"], DateMin: n.attr["doc-dateTime-min"], DateMax: n.attr["doc-dateTime-max"]}
	if h := n.find(func(x *node) bool { return x.name == "head" }, isAttachment); h != nil {
		d.Head = h.textContent()
	}
	if dl := n.find(func(x *node) bool { return x.name == "dateline" }, isAttachment); dl != nil {
		d.Dateline = dl.textContent()
		if pl := dl.find(func(x *node) bool { return x.name == "placeName" }, nil); pl != nil {
			d.Place = strings.Trim(pl.textContent(), " ,.;:")
		}
		if dt := dl.find(func(x *node) bool { return x.name == "date" }, nil); dt != nil {
			d.DateText = dt.textContent()
			switch {
			case dt.attr["when"] != "":
				d.DateWhen = dt.attr["when"]
			case dt.attr["from"] != "" && dt.attr["to"] != "":
				d.DateWhen = dt.attr["from"] + "/" + dt.attr["to"]
			case dt.attr["notBefore"] != "" && dt.attr["notAfter"] != "":
				d.DateWhen = dt.attr["notBefore"] + "/" + dt.attr["notAfter"]
			}
		}
	}
	n.walk(func(x *node) bool {
		if x != n && isAttachment(x) {
			return false
		}
		switch x.name {
		case "persName", "gloss", "orgName", "name", "rs":
			if t := x.textContent(); t != "" {
				switch x.attr["type"] {
				case "from":
					d.From = appendNew(d.From, t)
				case "to":
					d.To = appendNew(d.To, t)
				}
			}
		case "note":
			return false // collected below, wherever they stand
		case "p":
			if t := x.textContent(); t != "" && !insideDateline(n, x) {
				d.Paragraphs = append(d.Paragraphs, t)
			}
			return false
		case "closer":
			d.Closer = x.textContent()
			return false
		}
		return true
	})
	n.walk(func(x *node) bool {
		if x != n && isAttachment(x) {
			d.Enclosures = append(d.Enclosures, readEnclosure(x))
			return false
		}
		if x.name == "note" {
			if x.attr["type"] == "source" {
				if d.Source == "" {
					d.Source = noteText(x)
				}
			} else {
				d.Footnotes = append(d.Footnotes, Footnote{N: x.attr["n"], Text: noteText(x)})
			}
			return false
		}
		return true
	})
	return d
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// noteText is a footnote's own text, nested notes included.
func noteText(x *node) string {
	var b strings.Builder
	for _, k := range x.kids {
		if k.isText() {
			b.WriteString(k.text)
		} else {
			b.WriteString(" " + k.textContent() + " ")
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func insideDateline(root, p *node) bool {
	inside := false
	root.walk(func(x *node) bool {
		if x.name == "dateline" {
			x.walk(func(y *node) bool {
				if y == p {
					inside = true
				}
				return !inside
			})
			return false
		}
		return !inside
	})
	return inside
}

func readEnclosure(x *node) Enclosure {
	var e Enclosure
	if h := x.find(func(y *node) bool { return y.name == "head" }, nil); h != nil {
		e.Head = h.textContent()
	}
	x.walk(func(y *node) bool {
		if y.name == "p" {
			if t := y.textContent(); t != "" {
				e.Paragraphs = append(e.Paragraphs, t)
			}
			return false
		}
		return y.name != "note"
	})
	return e
}
