package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fond/internal/record"
	"fond/internal/review"
	"fond/internal/subjects"
)

// The record form (edit, new, conflict) names its inputs by the record's JSON
// fields (docs/api.md): "title", "date.edtf", "languages.text",
// "collection.title", "sources.0.fond", "notes.2.text"; the lists of people
// ("authors", "donors" …) are one name a line. So a form, a merge patch and a
// history speak of the same fields by the same names.

// maxWhy bounds the note a person gives a revision (it is shown in the history).
const maxWhy = 1000

// maxRows bounds the archival references and notes one form may carry.
const maxRows = 200

// blankRows is how many empty reference and note rows the form offers, so
// that without JavaScript one can add a few at a time.
const blankRows = 2

// docForm is the record form as typed: what is shown again, unchanged, when
// a value is refused or someone else saved first.
type docForm struct {
	Title, DocNumber, Summary, Type, Category, Place, Classification string
	Rights, RecordID, Publisher, URL, Body                           string
	Date                                                             record.Date
	Languages                                                        record.Languages
	Collection                                                       record.Collection
	// People lists, one name a line, by JSON name (authors, recipients …).
	People  map[string]string
	Sources []record.Source
	Notes   []record.Note
	// SubjectsBy is "assigned" (from the text, as the index assigns them)
	// or "set" (Subjects, checked by a person); Assigned are the labels the
	// record is assigned, shown beside the choice.
	SubjectsBy string
	Subjects   []string
	Assigned   string
	// Revision is the revision the form was loaded at (a hidden input);
	// Why is the person's note on the change, kept in the history.
	Revision string
	Why      string
}

// peopleFields are the lists of names the form shows one a line, in its order.
var peopleFields = []string{"authors", "recipients", "participants", "translators", "donors"}

// formOf fills the form from a stored record, with blank rows to add to.
func formOf(r record.Record) docForm {
	f := docForm{
		Title: r.Title, DocNumber: r.DocNumber, Summary: r.Summary, Type: r.Type, Category: r.Category,
		Place: r.Place, Classification: r.Classification, Rights: r.Rights, RecordID: r.RecordID,
		Publisher: r.Publisher, URL: r.URL, Body: r.Body, Date: r.Date, Languages: r.Languages,
		Sources: slices.Clone(r.Sources), Notes: slices.Clone(r.Notes), People: map[string]string{},
	}
	if r.Collection != nil {
		f.Collection = *r.Collection
	}
	for _, name := range peopleFields {
		f.People[name] = strings.Join(peopleOf(r, name), "\n")
	}
	v := subjects.Default()
	assigned := v.Assigned(&r)
	f.SubjectsBy, f.Subjects = "set", slices.Clone(r.Subjects)
	if len(r.Subjects) == 0 {
		// Checked as assigned, so that choosing "set" starts from them.
		f.SubjectsBy, f.Subjects = "assigned", assigned
	}
	// Ids: the page writes them as labels in its reader's language.
	f.Assigned = strings.Join(assigned, "; ")
	if r.Revision > 0 {
		f.Revision = strconv.Itoa(r.Revision)
	}
	f.addBlankRows()
	return f
}

func peopleOf(r record.Record, name string) []string {
	switch name {
	case "authors":
		return r.Authors
	case "recipients":
		return r.Recipients
	case "participants":
		return r.Participants
	case "translators":
		return r.Translators
	case "donors":
		return r.Donors
	}
	return nil
}

func (f *docForm) addBlankRows() {
	for range blankRows {
		f.Sources = append(f.Sources, record.Source{})
		f.Notes = append(f.Notes, record.Note{})
	}
}

// parseDocForm reads the form as typed. Browsers send a textarea's line ends
// as CRLF; the record keeps LF.
func parseDocForm(v url.Values) (docForm, fieldErrors) {
	get := func(k string) string { return strings.ReplaceAll(v.Get(k), "\r\n", "\n") }
	f := docForm{
		Title: get("title"), DocNumber: get("doc_number"), Summary: get("summary"), Type: get("type"),
		Category: get("category"), Place: get("place"), Classification: get("classification"),
		Rights: get("rights"), RecordID: get("record_id"), Publisher: get("publisher"), URL: get("url"),
		Body: get("body"), Revision: v.Get("revision"), Why: get("revision_note"),
		Date:       record.Date{EDTF: get("date.edtf"), Display: get("date.display"), Qualifier: get("date.qualifier"), Note: get("date.note")},
		Languages:  record.Languages{Text: get("languages.text"), Original: get("languages.original")},
		Collection: record.Collection{ID: get("collection.id"), Title: get("collection.title"), Series: get("collection.series"), Publisher: get("collection.publisher"), Year: get("collection.year")},
		People:     map[string]string{},
	}
	for _, name := range peopleFields {
		f.People[name] = get(name)
	}
	f.SubjectsBy, f.Subjects, f.Assigned = v.Get("subjects.by"), v["subjects"], v.Get("subjects.assigned")
	errs := fieldErrors{}
	if utf8.RuneCountInString(f.Why) > maxWhy {
		errs["revision_note"] = "at most 1,000 characters"
	}
	srcRows, err := rowsOf(v, "sources")
	if err != nil {
		errs["sources"] = err.Error()
	}
	for _, n := range srcRows {
		p := func(part string) string { return strings.TrimSpace(get("sources." + n + "." + part)) }
		f.Sources = append(f.Sources, record.Source{Reference: p("reference"), Repository: p("repository"), Abbreviation: p("abbreviation"),
			Fond: p("fond"), Opis: p("opis"), Delo: p("delo"), Papka: p("papka"), Folios: p("folios"), File: p("file")})
	}
	noteRows, err := rowsOf(v, "notes")
	if err != nil {
		errs["notes"] = err.Error()
	}
	for _, n := range noteRows {
		f.Notes = append(f.Notes, record.Note{Kind: strings.TrimSpace(get("notes." + n + ".kind")), N: strings.TrimSpace(get("notes." + n + ".n")), Text: get("notes." + n + ".text")})
	}
	return f, errs
}

// rowsOf lists the row numbers of a repeated group ("sources.3.fond" is row
// 3 of sources) in order; more than maxRows, or a row that is not a small
// whole number, is refused.
func rowsOf(v url.Values, group string) ([]string, error) {
	seen := map[int]bool{}
	for k := range v {
		rest, ok := strings.CutPrefix(k, group+".")
		if !ok {
			continue
		}
		n, _, _ := strings.Cut(rest, ".")
		i, err := strconv.Atoi(n)
		if err != nil || i < 0 || i >= maxRows {
			return nil, fmt.Errorf("row %q is not a number from 0 to %d", n, maxRows-1)
		}
		seen[i] = true
	}
	rows := make([]int, 0, len(seen))
	for i := range seen {
		rows = append(rows, i)
	}
	slices.Sort(rows)
	out := make([]string, len(rows))
	for i, n := range rows {
		out[i] = strconv.Itoa(n)
	}
	return out, nil
}

// has reports whether the posted form carries any input of the field, so
// that a partial form (a script's) changes only what it sends.
func has(v url.Values, field string) bool {
	for k := range v {
		if k == field || strings.HasPrefix(k, field+".") {
			return true
		}
	}
	return false
}

// fields turns the form into the record's field values, for the fields the
// posted form carries; empty rows and blank lines are dropped.
func (f docForm) fields(posted url.Values) (map[string]json.RawMessage, error) {
	vals := map[string]any{
		"title": strings.TrimSpace(f.Title), "doc_number": strings.TrimSpace(f.DocNumber), "summary": strings.TrimSpace(f.Summary),
		"type": strings.TrimSpace(f.Type), "category": f.Category, "place": strings.TrimSpace(f.Place),
		"classification": strings.TrimSpace(f.Classification), "rights": strings.TrimSpace(f.Rights),
		"record_id": strings.TrimSpace(f.RecordID), "publisher": strings.TrimSpace(f.Publisher),
		"url": strings.TrimSpace(f.URL), "body": f.Body,
		"date": record.Date{EDTF: strings.TrimSpace(f.Date.EDTF), Display: strings.TrimSpace(f.Date.Display),
			Qualifier: f.Date.Qualifier, Note: strings.TrimSpace(f.Date.Note)},
		"languages": record.Languages{Text: strings.TrimSpace(f.Languages.Text), Original: strings.TrimSpace(f.Languages.Original)},
	}
	c := f.Collection
	if c.ID+c.Title+c.Series+c.Publisher+c.Year == "" {
		vals["collection"] = nil
	} else {
		vals["collection"] = c
	}
	for _, name := range peopleFields {
		vals[name] = lines(f.People[name])
	}
	// "Assigned" clears a person's subjects: the index assigns them again.
	vals["subjects"] = nil
	if f.SubjectsBy == "set" {
		vals["subjects"] = f.Subjects
	}
	sources := []record.Source{}
	for _, s := range f.Sources {
		if s != (record.Source{}) {
			sources = append(sources, s)
		}
	}
	vals["sources"] = sources
	notes := []record.Note{}
	for _, n := range f.Notes {
		if strings.TrimSpace(n.Text) != "" {
			notes = append(notes, n)
		}
	}
	vals["notes"] = notes
	out := map[string]json.RawMessage{}
	for _, name := range record.Editable {
		if !has(posted, name) {
			continue
		}
		b, err := json.Marshal(vals[name])
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", name, err)
		}
		out[name] = b
	}
	return out, nil
}

// lines splits a textarea into its non-blank lines, trimmed.
func lines(s string) []string {
	out := []string{}
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// fieldErrors maps a field's JSON name to what is wrong with its value.
type fieldErrors map[string]string

// fieldHint is what the form says beside a field: whether the machine was
// unsure of its reading, who set it, and what a changed source now reads.
type fieldHint struct {
	Unsure        string // a message key: the machine was unsure (of a field, of OCR)
	UnsurePct     int    // its confidence, in percent
	SetBy         string // a person's account name
	SetAt         time.Time
	SourceChanged string // the source's newer reading, as a person reads it
}

// hintsOf gives each editable field its hint: a reading the machine made
// with less confidence than the review queue accepts (review's thresholds,
// OCR text included), or a value a person set and when.
func hintsOf(r record.Record) map[string]fieldHint {
	out := map[string]fieldHint{}
	for _, name := range record.Editable {
		var h fieldHint
		if p, ok := r.Provenance[name]; ok && p.Person() {
			h.SetBy, h.SetAt = p.By, p.At
			if len(p.SourceChanged) > 0 {
				h.SourceChanged = showJSON(p.SourceChanged)
			}
		} else if c, ok := r.Confidence[name]; ok && c < review.MinFieldConfidence {
			h.Unsure, h.UnsurePct = "form.unsure", int(c*100+0.5)
		}
		if name == "body" && h.SetBy == "" && strings.Contains(r.TextFrom, "ocr") && r.OCRConfidence < review.MinOCRConfidence {
			h.Unsure, h.UnsurePct = "form.unsure.ocr", int(r.OCRConfidence*100+0.5)
		}
		if h != (fieldHint{}) {
			out[name] = h
		}
	}
	return out
}

// docFormPage is what the record form's template reads: the form as typed,
// what is wrong with it, and what to say beside each field.
type docFormPage struct {
	Form   docForm
	Errors fieldErrors
	Hints  map[string]fieldHint
}

// fieldMeta is one field as the template draws it.
type fieldMeta struct {
	Name, ID, Label, Value, Error string
	Hint                          fieldHint
}

// Meta describes the field with the JSON name: its input's id is "f-" and
// the name, which the error summary links to.
func (p docFormPage) Meta(name string) fieldMeta {
	return fieldMeta{Name: name, ID: "f-" + name, Error: p.Errors[name], Hint: p.Hints[name]}
}

// Text describes a one-line field with its label and value.
func (p docFormPage) Text(name, label, value string) fieldMeta {
	m := p.Meta(name)
	m.Label, m.Value = label, value
	return m
}

// subjectChoice is one subject of the vocabulary as a checkbox.
type subjectChoice struct {
	ID      string
	Checked bool
}

// SubjectChoices are the vocabulary's subjects, those of the form checked.
func (p docFormPage) SubjectChoices() []subjectChoice {
	var out []subjectChoice
	for _, s := range subjects.Default().Subjects {
		out = append(out, subjectChoice{ID: s.ID, Checked: slices.Contains(p.Form.Subjects, s.ID)})
	}
	return out
}

// SourcePart is one part of an archival reference, by its JSON name.
func (docFormPage) SourcePart(s record.Source, part string) string {
	return map[string]string{"reference": s.Reference, "repository": s.Repository, "abbreviation": s.Abbreviation,
		"fond": s.Fond, "opis": s.Opis, "delo": s.Delo, "papka": s.Papka, "folios": s.Folios, "file": s.File}[part]
}

// CollectionPart is one part of the collection, by its JSON name.
func (p docFormPage) CollectionPart(part string) string {
	c := p.Form.Collection
	return map[string]string{"id": c.ID, "title": c.Title, "series": c.Series, "publisher": c.Publisher, "year": c.Year}[part]
}

// postedForm parses the request's form (the anti-forgery check has usually
// done so already), answering 413 or 400 itself when it cannot.
func (s *Server) postedForm(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.tooLarge(w, r, tooBig.Limit)
		} else {
			p := printer(w)
			s.render(w, http.StatusBadRequest, "error", map[string]any{"Title": p.T("err.form.title"), "Message": p.T("err.form")})
		}
		return nil, false
	}
	return r.PostForm, true
}
