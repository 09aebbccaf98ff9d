package tei

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
)

// node is an element held in memory while one document is read: a document is
// small, a volume is not, so only one document's tree exists at a time.
type node struct {
	name string     // local name; "" for a text node
	attr []xml.Attr // copied from the start tag
	kids []*node
	text string // text nodes only
}

func (n *node) isText() bool { return n.name == "" }

// get returns the attribute with the given local name, whatever its namespace:
// FRUS mixes TEI, xml: and frus: attributes and none of the local names collide.
func (n *node) get(name string) string {
	for _, a := range n.attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// Limits on one document. The largest FRUS document in the corpus is a few
// hundred kilobytes with nesting under 20 levels; these stop a hostile or broken
// file from exhausting memory (input size, element count) or the stack (depth:
// the tree is built and walked recursively).
const (
	maxDocumentBytes    = 16 << 20
	maxDocumentElements = 1 << 20
	maxDepth            = 256
)

// limitError is a document that exceeds one of the limits.
type limitError struct{ what string }

func (e *limitError) Error() string { return e.what }

// meter feeds the decoder and stops it at a limit: the decoder buffers a whole
// text token before handing it over, so a limit checked between tokens alone
// would let one enormous text node through.
type meter struct {
	r      *bufio.Reader
	offset int64 // bytes handed to the decoder
	limit  int64 // offset at which reading fails
}

func newMeter(r io.Reader) *meter {
	return &meter{r: bufio.NewReaderSize(r, 64<<10), limit: maxDocumentBytes}
}

func (m *meter) ReadByte() (byte, error) {
	if m.offset >= m.limit {
		return 0, &limitError{fmt.Sprintf("document larger than %d MiB", maxDocumentBytes>>20)}
	}
	b, err := m.r.ReadByte()
	if err == nil {
		m.offset++
	}
	return b, err
}

func (m *meter) Read(p []byte) (int, error) {
	if m.offset >= m.limit {
		return 0, &limitError{fmt.Sprintf("document larger than %d MiB", maxDocumentBytes>>20)}
	}
	p = p[:min(int64(len(p)), m.limit-m.offset)]
	n, err := m.r.Read(p)
	m.offset += int64(n)
	return n, err
}

// allow lets the decoder read up to maxDocumentBytes past the current offset.
func (m *meter) allow() { m.limit = m.offset + maxDocumentBytes }

// tree builds the element whose start tag was just consumed, checking the limits
// as it goes; the meter bounds its size.
type tree struct {
	dec      *xml.Decoder
	elements int
}

func (t *tree) read(se xml.StartElement, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, &limitError{fmt.Sprintf("elements nested deeper than %d levels", maxDepth)}
	}
	t.elements++
	if t.elements > maxDocumentElements {
		return nil, &limitError{fmt.Sprintf("document has more than %d elements", maxDocumentElements)}
	}
	n := &node{name: se.Name.Local, attr: se.Attr}
	for {
		tok, err := t.dec.Token()
		if err != nil {
			return nil, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			kid, err := t.read(tk, depth+1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, kid)
		case xml.CharData:
			n.kids = append(n.kids, &node{text: string(tk)})
		case xml.EndElement:
			return n, nil
		}
	}
}

// walk visits n and its descendants in document order; fn returns false to skip
// an element's subtree.
func (n *node) walk(fn func(*node) bool) {
	if !fn(n) {
		return
	}
	for _, k := range n.kids {
		k.walk(fn)
	}
}
