package tei

import (
	"regexp"
	"strings"

	"fond/internal/archref"
	"fond/internal/datefind"
	"fond/internal/edtf"
	"fond/internal/record"
)

var genreInSource = regexp.MustCompile(`:\s*(Telegram|Despatch|Dispatch|Letter|Instruction|Memorandum|Note|Circular|Airgram|Cablegram)\.?\s*$`)

// Record turns the document into fond's record.
func (d *Document) Record() record.Record {
	r := record.Record{
		Key: d.Volume.ID + "/" + d.XMLID, Title: d.Head, Category: record.Primary, Format: "tei",
		Place: d.Place, Authors: d.From, Recipients: d.To, Publisher: d.Volume.Publisher,
		Languages: record.Languages{Text: "en"},
		Collection: &record.Collection{ID: d.Volume.ID, Title: d.Volume.Title, Series: d.Volume.Series,
			Publisher: d.Volume.Publisher, Year: d.Volume.Year},
	}
	if r.Title == "" || r.Title == "[Untitled]" {
		r.Title = strings.TrimSpace(d.Dateline)
		if r.Title == "" {
			r.Title = "Untitled document " + d.N
		}
	}
	r.Date = d.date()
	r.Type = d.genre()
	if d.Source != "" {
		src := archref.Parse(d.Source)
		if src.Repository == "" {
			src.Repository, src.Abbreviation = "National Archives and Records Administration", "NARA"
		}
		r.Sources = []record.Source{src}
	}
	for _, f := range d.Footnotes {
		r.Notes = append(r.Notes, record.Note{Kind: record.NoteFootnote, N: f.N, Text: f.Text})
	}
	body := append([]string{}, d.Paragraphs...)
	if d.Closer != "" {
		body = append(body, d.Closer)
	}
	for _, e := range d.Enclosures {
		body = append(body, "[Enclosure] "+e.Head)
		body = append(body, e.Paragraphs...)
	}
	r.Body = strings.Join(body, "\n\n")
	return r
}

// date prefers the dateline's @when; then the printed date; then the editors'
// bounds on the whole document.
func (d *Document) date() record.Date {
	display := strings.TrimRight(d.DateText, ". ")
	if d.DateWhen != "" {
		a, b, isRange := strings.Cut(d.DateWhen, "/")
		a = dayPart(a)
		s := a
		qual := record.Exact
		if isRange {
			s = a + "/" + dayPart(b)
			qual = record.Approximate
		}
		if e, err := edtf.Parse(s); err == nil {
			return record.Date{EDTF: e.String(), Display: display, Earliest: e.Earliest(), Latest: e.Latest(), Qualifier: qual}
		}
	}
	if display != "" {
		if m, ok := datefind.Parse(display); ok {
			return record.Date{EDTF: m.EDTF, Display: display, Earliest: m.Earliest, Latest: m.Latest, Qualifier: m.Qualifier}
		}
	}
	if d.DateMin != "" && d.DateMax != "" {
		lo, hi := dayPart(d.DateMin), dayPart(d.DateMax)
		s := lo
		if lo != hi {
			s = lo + "/" + hi
		}
		if e, err := edtf.Parse(s); err == nil {
			return record.Date{EDTF: e.String(), Display: display, Earliest: e.Earliest(), Latest: e.Latest(), Qualifier: record.Inferred}
		}
	}
	return record.Date{Display: display}
}

func dayPart(s string) string {
	if i := strings.IndexByte(s, 'T'); i > 0 {
		return s[:i]
	}
	return s
}

func (d *Document) genre() string {
	if m := genreInSource.FindStringSubmatch(d.Source); m != nil {
		return m[1]
	}
	h := strings.ToLower(d.Head)
	for _, g := range []struct{ word, genre string }{
		{"memorandum", "Memorandum"}, {"telegram", "Telegram"}, {"letter", "Letter"}, {"instruction", "Instruction"},
		{"despatch", "Despatch"}, {"note", "Note"}, {"report", "Report"}, {"circular", "Circular"},
	} {
		if strings.Contains(h, g.word) {
			return g.genre
		}
	}
	return "Document"
}
