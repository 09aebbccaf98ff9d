// Package tei reads TEI P5 editions in the markup of the Foreign Relations of the
// United States series: one record per <div type="document">, with its heading,
// dateline (place and date), senders and addressees, source note (the State
// Department file number), paragraphs, footnotes and enclosures, and the volume
// as a collection. It streams: a volume is never held in memory whole.
package tei

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Volume is the edition a document belongs to.
type Volume struct {
	ID, Title, Series, Subseries, VolumeTitle, Publisher, PubPlace, Year string
}

// Read reads every document of a volume. name is used in error messages.
func Read(ctx context.Context, r io.Reader, name string) (*Volume, []Document, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	// Callers hand over text already decoded to UTF-8 (ingest decodes declared
	// encodings first), so a declared charset needs no second conversion.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	vol := &Volume{}
	var docs []Document
	var path []string
	sawTEI := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, nil, fmt.Errorf("%s: line %d: malformed XML: %w", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "TEI" {
				sawTEI = true
				for _, a := range t.Attr {
					if a.Name.Local == "id" {
						vol.ID = a.Value
					}
				}
			}
			if t.Name.Local == "div" && attr(t, "type") == "document" {
				if err := ctx.Err(); err != nil {
					return nil, nil, err
				}
				line, _ := dec.InputPos()
				n, err := readElement(dec, t)
				if err != nil {
					return nil, nil, fmt.Errorf("%s: document starting at line %d: %w", name, line, err)
				}
				docs = append(docs, newDocument(vol, n))
				continue
			}
			if inHeader(path) {
				if err := readHeader(dec, t, vol, path); err != nil {
					line, _ := dec.InputPos()
					return nil, nil, fmt.Errorf("%s: line %d: %w", name, line, err)
				}
				continue
			}
			path = append(path, t.Name.Local)
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
	if !sawTEI {
		return nil, nil, fmt.Errorf("%s: not a TEI document (no <TEI> element)", name)
	}
	return vol, docs, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func inHeader(path []string) bool {
	for _, p := range path {
		if p == "titleStmt" || p == "publicationStmt" {
			return true
		}
	}
	return false
}

// readHeader reads one element inside titleStmt or publicationStmt.
func readHeader(dec *xml.Decoder, t xml.StartElement, vol *Volume, path []string) error {
	n, err := readElement(dec, t)
	if err != nil {
		return err
	}
	text := n.textContent()
	inPub := path[len(path)-1] == "publicationStmt"
	switch {
	case t.Name.Local == "title":
		switch attr(t, "type") {
		case "complete":
			vol.Title = text
		case "series":
			vol.Series = text
		case "subseries":
			vol.Subseries = text
		case "volume":
			vol.VolumeTitle = text
		case "":
			if vol.Title == "" {
				vol.Title = text
			}
		}
	case inPub && t.Name.Local == "publisher":
		vol.Publisher = text
	case inPub && t.Name.Local == "pubPlace":
		vol.PubPlace = text
	case inPub && t.Name.Local == "date":
		vol.Year = strings.TrimSpace(text)
	case inPub && t.Name.Local == "idno" && attr(t, "type") == "frus" && vol.ID == "":
		vol.ID = text
	}
	return nil
}
