package tei

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// node is an element held in memory while one document is read: a document is
// small, a volume is not, so only one document's tree exists at a time.
type node struct {
	name  string
	attr  map[string]string
	kids  []*node
	text  string // for text nodes (name == "")
	bytes int
}

func (n *node) isText() bool { return n.name == "" }

// maxDocumentBytes bounds one document's text so a malformed or hostile file
// cannot exhaust memory.
const maxDocumentBytes = 16 << 20

// readElement reads the element whose start tag was just consumed.
func readElement(dec *xml.Decoder, start xml.StartElement) (*node, error) {
	n := &node{name: start.Name.Local, attr: map[string]string{}}
	for _, a := range start.Attr {
		n.attr[a.Name.Local] = a.Value
	}
	total := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			kid, err := readElement(dec, t)
			if err != nil {
				return nil, err
			}
			total += kid.bytes
			n.kids = append(n.kids, kid)
		case xml.CharData:
			total += len(t)
			n.kids = append(n.kids, &node{text: string(t)})
		case xml.EndElement:
			n.bytes = total
			return n, nil
		}
		if total > maxDocumentBytes {
			return nil, fmt.Errorf("document larger than %d bytes", maxDocumentBytes)
		}
	}
}

// walk visits n and its descendants; fn returns false to skip a subtree.
func (n *node) walk(fn func(*node) bool) {
	if !fn(n) {
		return
	}
	for _, k := range n.kids {
		k.walk(fn)
	}
}

// find returns the first descendant element matching pred, not entering skip.
func (n *node) find(pred func(*node) bool, skip func(*node) bool) *node {
	var found *node
	n.walk(func(x *node) bool {
		if found != nil {
			return false
		}
		if x != n && skip != nil && skip(x) {
			return false
		}
		if !x.isText() && pred(x) {
			found = x
			return false
		}
		return true
	})
	return found
}

// text is the element's text, whitespace collapsed, footnotes and line-break
// hyphenation handled as a printed page shows them (notes are not inline text).
func (n *node) textContent() string {
	var b strings.Builder
	var rec func(*node)
	rec = func(x *node) {
		if x.isText() {
			b.WriteString(x.text)
			return
		}
		switch x.name {
		case "note", "pb", "figure":
			return
		case "lb":
			b.WriteString(" ")
			return
		}
		for _, k := range x.kids {
			rec(k)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
