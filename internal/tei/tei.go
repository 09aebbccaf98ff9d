// Package tei writes a record as a TEI P5 document: the metadata in the
// teiHeader (titles, responsibility, archival sources, date, place, people,
// language, genre), the text as a <div type="document"> shaped like those of the
// FRUS editions fond reads, so that an exported record reads back in. It knows
// neither the database nor HTTP.
package tei

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"

	"fond/internal/record"
	"fond/internal/redact"
)

// Namespace is TEI's.
const Namespace = "http://www.tei-c.org/ns/1.0"

// Document renders r; link is its permanent address ("" for none).
func Document(r record.Record, link string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	w := &writer{enc: xml.NewEncoder(&b)}
	w.enc.Indent("", "  ")
	w.open("TEI", "xmlns", Namespace)
	header(w, r, link)
	lang := []string{}
	if r.Languages.Text != "" {
		lang = []string{"xml:lang", r.Languages.Text}
	}
	w.open("text", lang...)
	w.open("body")
	w.open("div", "type", "document", "xml:id", "d"+ncName(r.ID))
	for _, s := range r.Sources {
		w.leaf("note", s.Reference, "type", "source")
	}
	w.leaf("head", r.Title)
	if !r.Date.IsZero() || r.Place != "" {
		w.open("dateline")
		if r.Place != "" {
			w.leaf("placeName", r.Place)
		}
		if !r.Date.IsZero() {
			w.leaf("date", dateText(r.Date), dateAttrs(r.Date)...)
		}
		w.close()
	}
	paragraphs(w, r)
	for _, n := range r.Notes {
		var attrs []string
		if n.Kind != "" {
			attrs = append(attrs, "type", n.Kind)
		}
		if n.N != "" {
			attrs = append(attrs, "n", n.N)
		}
		w.leaf("note", n.Text, attrs...)
	}
	w.close() // div
	w.close() // body
	w.close() // text
	w.close() // TEI
	if err := w.flush(); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func header(w *writer, r record.Record, link string) {
	w.open("teiHeader")
	w.open("fileDesc")
	w.open("titleStmt")
	w.leaf("title", r.Title)
	for _, a := range r.Authors {
		w.leaf("author", a)
	}
	for _, t := range r.Translators {
		w.open("respStmt")
		w.leaf("resp", "translation")
		w.leaf("name", t)
		w.close()
	}
	w.close()
	w.open("publicationStmt")
	publisher := r.Publisher
	if publisher == "" {
		publisher = "fond"
	}
	w.leaf("publisher", publisher)
	w.leaf("idno", r.ID, "type", "fond")
	if link != "" {
		w.leaf("idno", link, "type", "URI")
	}
	if r.Rights != "" {
		w.open("availability")
		w.leaf("p", r.Rights)
		w.close()
	}
	w.close()
	if c := r.Collection; c != nil && c.Title != "" {
		w.open("seriesStmt")
		w.leaf("title", c.Title)
		if c.ID != "" {
			w.leaf("idno", c.ID)
		}
		w.close()
	}
	w.open("sourceDesc")
	for _, s := range r.Sources {
		source(w, s)
	}
	if len(r.Sources) == 0 {
		w.leaf("p", "Derived by fond from "+r.SourceFile+" ("+r.Checksum+").")
	}
	w.close() // sourceDesc
	w.close() // fileDesc
	w.open("profileDesc")
	if !r.Date.IsZero() || r.Place != "" {
		w.open("creation")
		if !r.Date.IsZero() {
			w.leaf("date", dateText(r.Date), dateAttrs(r.Date)...)
		}
		if r.Place != "" {
			w.leaf("placeName", r.Place)
		}
		w.close()
	}
	if r.Languages.Text != "" {
		w.open("langUsage")
		w.leaf("language", "", "ident", r.Languages.Text)
		if o := r.Languages.Original; o != "" && o != r.Languages.Text {
			w.leaf("language", "original", "ident", o)
		}
		w.close()
	}
	if r.Type != "" || r.Category != "" {
		w.open("textClass")
		w.open("keywords")
		if r.Type != "" {
			w.leaf("term", r.Type, "type", "genre")
		}
		if r.Category != "" {
			w.leaf("term", r.Category, "type", "category")
		}
		w.close()
		w.close()
	}
	if people := participants(r); len(people) > 0 {
		w.open("particDesc")
		w.open("listPerson")
		for _, p := range people {
			w.open("person", "role", p.role)
			w.leaf("persName", p.name)
			w.close()
		}
		w.close()
		w.close()
	}
	w.close() // profileDesc
	releases(w, r.Releases)
	w.close() // teiHeader
}

// releases lists the declassification releases the text is known from as
// changes of the document's state: when, by whom, under what authority.
func releases(w *writer, rels []record.Release) {
	if len(rels) == 0 {
		return
	}
	w.open("revisionDesc")
	w.open("listChange")
	for _, rel := range rels {
		var attrs []string
		if rel.Date != "" && isoDay.MatchString(rel.Date) {
			attrs = append(attrs, "when", rel.Date)
		}
		w.open("change", append(attrs, "type", "release")...)
		w.token(xml.CharData("Released"))
		if rel.Body != "" {
			w.token(xml.CharData(" by "))
			w.leaf("orgName", rel.Body)
		}
		if rel.Authority != "" {
			w.token(xml.CharData(" under "))
			w.leaf("idno", rel.Authority, "type", "authority")
		}
		if rel.Classification != "" {
			w.token(xml.CharData("; classified "))
			w.leaf("term", rel.Classification, "type", "classification")
			w.token(xml.CharData(" before release"))
		}
		w.token(xml.CharData("."))
		w.close()
	}
	w.close()
	w.close()
}

// source is one archival reference: structured where fond parsed it, and as
// the source wrote it.
func source(w *writer, s record.Source) {
	if s.Repository == "" {
		w.leaf("bibl", s.Reference)
		return
	}
	w.open("msDesc")
	w.open("msIdentifier")
	w.leaf("repository", s.Repository)
	for _, part := range []struct{ kind, v string }{{"fond", s.Fond}, {"opis", s.Opis}, {"delo", s.Delo}, {"papka", s.Papka}, {"file", s.File}} {
		if part.v != "" {
			w.leaf("idno", part.v, "type", part.kind)
		}
	}
	if s.Abbreviation != "" {
		w.open("altIdentifier", "type", "abbreviation")
		w.leaf("idno", s.Abbreviation)
		w.close()
	}
	w.close()
	if s.Folios != "" {
		w.open("physDesc")
		w.open("objectDesc")
		w.open("supportDesc")
		w.leaf("extent", "folios "+s.Folios)
		w.close()
		w.close()
		w.close()
	}
	w.open("additional")
	w.open("listBibl")
	w.leaf("bibl", s.Reference)
	w.close()
	w.close()
	w.close() // msDesc
}

// paragraphs writes the body, a <p> per paragraph, each span a release
// withheld as a <gap> with its size and the marker as written.
func paragraphs(w *writer, r record.Record) {
	at := 0
	for _, p := range strings.Split(r.Body, "\n\n") {
		start, end := at, at+len(p)
		at = end + 2
		if strings.TrimSpace(p) == "" {
			continue
		}
		var inside []record.Redaction
		for _, red := range r.Redactions {
			if red.Start >= start && red.End <= end && red.Start < red.End {
				inside = append(inside, red)
			}
		}
		if len(inside) == 0 {
			w.leaf("p", strings.TrimSpace(p))
			continue
		}
		w.open("p")
		from := start
		for _, red := range inside {
			if red.Start < from {
				continue // overlapping spans: the first one stands
			}
			if t := r.Body[from:red.Start]; strings.TrimSpace(t) != "" {
				w.token(xml.CharData(t))
			}
			attrs := []string{"reason", "not declassified"}
			if e := redact.Extent(red); e != "" {
				attrs = append(attrs, "extent", e)
			}
			if red.Unit != "" && red.Amount > 0 {
				attrs = append(attrs, "quantity", strconv.FormatFloat(red.Amount, 'f', -1, 64), "unit", red.Unit+"s")
			}
			w.open("gap", attrs...)
			w.leaf("desc", red.Marker)
			w.close()
			from = red.End
		}
		if t := r.Body[from:end]; strings.TrimSpace(t) != "" {
			w.token(xml.CharData(t))
		}
		w.close()
	}
}

type person struct{ name, role string }

func participants(r record.Record) []person {
	var out []person
	for _, set := range []struct {
		role  string
		names []string
	}{{"author", r.Authors}, {"recipient", r.Recipients}, {"participant", r.Participants}} {
		for _, n := range set.names {
			out = append(out, person{n, set.role})
		}
	}
	return out
}

var isoDay = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// dateAttrs writes a date as TEI's att.datable: @when for an exact date of a
// year, month or day; else @notBefore and @notAfter from the record's bounds,
// with @cert for an approximate or uncertain one and @evidence for an inferred one.
func dateAttrs(d record.Date) []string {
	if d.Qualifier == record.Exact && isoDay.MatchString(d.EDTF) {
		return []string{"when", d.EDTF}
	}
	var a []string
	if d.Earliest != "" {
		a = append(a, "notBefore", d.Earliest)
	}
	if d.Latest != "" {
		a = append(a, "notAfter", d.Latest)
	}
	switch d.Qualifier {
	case record.Approximate:
		a = append(a, "cert", "medium")
	case record.Uncertain:
		a = append(a, "cert", "low")
	case record.Inferred:
		a = append(a, "evidence", "internal")
	}
	return a
}

func dateText(d record.Date) string {
	if d.Display != "" {
		return d.Display
	}
	return d.EDTF
}

// ncName makes a record id usable in xml:id.
func ncName(id string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, id)
}
