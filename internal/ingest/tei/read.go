// Package tei reads TEI P5 editions in the markup of the Foreign Relations of the
// United States series: one Document per <div type="document">, with its heading,
// dateline (place and date), senders and addressees, source notes, running text,
// closing, footnotes and enclosures, and the volume it belongs to. It streams: a
// volume is never held in memory whole, only the document being read.
package tei

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// Read reads every document of a volume. name (a file name) prefixes errors, which
// give the line where reading stopped.
func Read(ctx context.Context, r io.Reader, name string) (*Volume, []Document, error) {
	if name == "" {
		name = "TEI input"
	}
	m := newMeter(r)
	dec := xml.NewDecoder(m)
	dec.Strict = true
	// Callers hand over UTF-8 (ingest decodes declared encodings first), so a
	// declared charset needs no second conversion.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	fail := func(format string, args ...any) error {
		line, _ := dec.InputPos()
		return fmt.Errorf("%s: line %d: %s", name, line, fmt.Sprintf(format, args...))
	}

	var vol *Volume
	var docs []Document
	tokens, depth := 0, 0
	for {
		// Between documents no single token (a vast comment or text node) may
		// exceed a document's limit either.
		m.allow()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fail("%s: %v", kindOf(err), syntaxMessage(err))
		}
		// A volume's documents sit deep in front matter, indexes and tables of
		// contents; cancellation is honoured there too, not only between documents.
		if tokens++; tokens%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		if _, ok := tok.(xml.EndElement); ok {
			depth--
			continue
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if vol != nil && depth == 0 {
			// encoding/xml reads on after the root closes; XML allows one root.
			return nil, nil, fail("malformed XML: element <%s> after the </TEI> root", se.Name.Local)
		}
		if vol == nil {
			if se.Name.Local != "TEI" {
				return nil, nil, fail("not a TEI document: root element is <%s>, not <TEI>", se.Name.Local)
			}
			vol = &Volume{}
			depth++
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					vol.ID = a.Value
				}
			}
			continue
		}
		switch {
		case se.Name.Local == "teiHeader":
			line, _ := dec.InputPos()
			h, err := readTree(dec, se)
			if err != nil {
				return nil, nil, fail("%s in the teiHeader starting at line %d: %v", kindOf(err), line, syntaxMessage(err))
			}
			vol.readHeader(h)
		case se.Name.Local == "div" && attrOf(se, "type") == "document":
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			line, _ := dec.InputPos()
			n, err := readTree(dec, se)
			if err != nil {
				return nil, nil, fail("%s in document %q starting at line %d: %v", kindOf(err), attrOf(se, "id"), line, syntaxMessage(err))
			}
			docs = append(docs, newDocument(vol, n))
		default:
			depth++
		}
	}
	if vol == nil {
		return nil, nil, fmt.Errorf("%s: empty input: no XML elements, so no <TEI> root", name)
	}
	return vol, docs, nil
}

func readTree(dec *xml.Decoder, se xml.StartElement) (*node, error) {
	t := &tree{dec: dec}
	n, err := t.read(se, 0)
	if errors.Is(err, io.EOF) {
		return nil, errors.New("unexpected end of input inside the element")
	}
	return n, err
}

// syntaxMessage drops the line the decoder repeats in its own message, since
// Read's prefix already gives it.
func syntaxMessage(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

func kindOf(err error) string {
	var le *limitError
	if errors.As(err, &le) {
		return "too large"
	}
	return "malformed XML"
}

func attrOf(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
