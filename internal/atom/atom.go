// Package atom writes Atom 1.0 feeds (RFC 4287): the archive's new documents,
// for the whole archive, a collection or any search, in a form every feed
// reader takes. It knows nothing of records or HTTP: the caller fills a Feed.
package atom

import (
	"bytes"
	"encoding/xml"
	"errors"
	"time"
)

// Namespace is Atom's XML namespace.
const Namespace = "http://www.w3.org/2005/Atom"

// Feed is one feed. ID, Title and Updated are required (RFC 4287 4.1.1);
// Self is the feed's own absolute address, Alternate the page it follows.
type Feed struct {
	ID, Title, Subtitle string
	Self, Alternate     string
	Updated             time.Time
	Author              string // the archive's name: entries carry no author of their own
	Entries             []Entry
}

// Entry is one document. ID must be a permanent IRI (its absolute URL);
// Updated the last change, Published the first appearance in the archive.
type Entry struct {
	ID, Title, Link    string
	Updated, Published time.Time
	Summary            string
	Categories         []string
}

type xmlLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type xmlText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type xmlCategory struct {
	Term string `xml:"term,attr"`
}

type xmlEntry struct {
	ID         string        `xml:"id"`
	Title      xmlText       `xml:"title"`
	Link       xmlLink       `xml:"link"`
	Updated    string        `xml:"updated"`
	Published  string        `xml:"published,omitempty"`
	Summary    *xmlText      `xml:"summary,omitempty"`
	Categories []xmlCategory `xml:"category"`
}

type xmlFeed struct {
	XMLName  xml.Name  `xml:"feed"`
	NS       string    `xml:"xmlns,attr"`
	ID       string    `xml:"id"`
	Title    xmlText   `xml:"title"`
	Subtitle *xmlText  `xml:"subtitle,omitempty"`
	Links    []xmlLink `xml:"link"`
	Updated  string    `xml:"updated"`
	Author   struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Generator string     `xml:"generator"`
	Entries   []xmlEntry `xml:"entry"`
}

// Write renders f as an Atom document. Text is escaped by encoding/xml, and
// characters XML cannot carry at all are dropped, so a document's stray
// control character cannot make the feed unreadable.
func Write(f Feed) ([]byte, error) {
	if f.ID == "" || f.Title == "" || f.Updated.IsZero() {
		return nil, errors.New("atom: a feed needs an id, a title and an updated time")
	}
	x := xmlFeed{NS: Namespace, ID: f.ID, Title: xmlText{Text: clean(f.Title)}, Updated: stamp(f.Updated), Generator: "fond"}
	if f.Subtitle != "" {
		x.Subtitle = &xmlText{Text: clean(f.Subtitle)}
	}
	if f.Self != "" {
		x.Links = append(x.Links, xmlLink{Rel: "self", Type: "application/atom+xml", Href: f.Self})
	}
	if f.Alternate != "" {
		x.Links = append(x.Links, xmlLink{Rel: "alternate", Type: "text/html", Href: f.Alternate})
	}
	x.Author.Name = clean(f.Author)
	if x.Author.Name == "" {
		x.Author.Name = "fond"
	}
	for _, e := range f.Entries {
		if e.ID == "" || e.Updated.IsZero() {
			return nil, errors.New("atom: an entry needs an id and an updated time")
		}
		xe := xmlEntry{ID: e.ID, Title: xmlText{Text: clean(e.Title)}, Link: xmlLink{Rel: "alternate", Type: "text/html", Href: e.Link},
			Updated: stamp(e.Updated)}
		if !e.Published.IsZero() {
			xe.Published = stamp(e.Published)
		}
		if s := clean(e.Summary); s != "" {
			xe.Summary = &xmlText{Type: "text", Text: s}
		}
		for _, c := range e.Categories {
			if c = clean(c); c != "" {
				xe.Categories = append(xe.Categories, xmlCategory{Term: c})
			}
		}
		x.Entries = append(x.Entries, xe)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(x); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// stamp is an RFC 3339 date-time in UTC, as Atom requires.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// clean drops what XML 1.0 cannot carry (C0 controls but tab and newlines,
// unpaired surrogates, U+FFFE/FFFF).
func clean(s string) string {
	return string(bytes.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, []byte(s)))
}
