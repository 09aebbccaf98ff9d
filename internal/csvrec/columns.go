// Package csvrec maps records to spreadsheet rows and back: the columns of
// fond export --csv and what fond import --csv makes of edited cells. It is
// pure (no store, no files): the command line reads and writes, this package
// decides what a cell means. docs/spreadsheets.md documents the columns.
package csvrec

import (
	"fmt"
	"regexp"
	"strconv"

	"fond/internal/record"
)

// Column is one spreadsheet column: a part of one editable field.
type Column struct {
	Name  string // in the header: "title", "date.edtf", "sources.2.fond"
	Field string // the record.Editable field it is part of
	get   func(*record.Record) string
	set   func(*record.Record, string)
}

// The columns before the fields: which record a row is, and the revision it
// was exported at (an import refuses a row whose record changed since).
const (
	ColID       = "id"
	ColRevision = "revision"
)

// MaxIndex bounds the number in a repeated column's name (sources.N.part):
// a header naming sources.999999.fond would otherwise make a record that long.
const MaxIndex = 1000

// ExcelCellLimit is the most characters an Excel cell holds (LibreOffice
// Calc's limit is larger); a longer cell is cut when the file is opened
// there, and saving it would lose the rest.
const ExcelCellLimit = 32767

func str(field string, p func(*record.Record) *string) Column {
	return Column{Name: field, Field: field,
		get: func(r *record.Record) string { return *p(r) },
		set: func(r *record.Record, v string) { *p(r) = v }}
}

func part(field, name string, p func(*record.Record) *string) Column {
	c := str(field, p)
	c.Name = field + "." + name
	return c
}

func list(field string, p func(*record.Record) *[]string) Column {
	return Column{Name: field, Field: field,
		get: func(r *record.Record) string { return JoinList(*p(r)) },
		set: func(r *record.Record, v string) { *p(r) = SplitList(v) }}
}

// collection parts: a record without a collection reads as empty cells, and
// setting a part makes one (store.CheckEdited drops one left without id and title).
func collection(name string, p func(*record.Collection) *string) Column {
	return Column{Name: "collection." + name, Field: "collection",
		get: func(r *record.Record) string {
			if r.Collection == nil {
				return ""
			}
			return *p(r.Collection)
		},
		set: func(r *record.Record, v string) {
			c := record.Collection{}
			if r.Collection != nil {
				c = *r.Collection
			}
			*p(&c) = v
			r.Collection = &c
		}}
}

// fixed lists the columns of every field but the repeated ones (sources,
// notes), in record.Editable's order; repeated ones are placed by Columns.
var fixed = []Column{
	str("title", func(r *record.Record) *string { return &r.Title }),
	str("doc_number", func(r *record.Record) *string { return &r.DocNumber }),
	str("summary", func(r *record.Record) *string { return &r.Summary }),
	str("type", func(r *record.Record) *string { return &r.Type }),
	str("category", func(r *record.Record) *string { return &r.Category }),
	// A date's earliest and latest day are not columns: the store derives
	// them from its EDTF.
	part("date", "edtf", func(r *record.Record) *string { return &r.Date.EDTF }),
	part("date", "qualifier", func(r *record.Record) *string { return &r.Date.Qualifier }),
	part("date", "note", func(r *record.Record) *string { return &r.Date.Note }),
	part("date", "display", func(r *record.Record) *string { return &r.Date.Display }),
	str("place", func(r *record.Record) *string { return &r.Place }),
	str("classification", func(r *record.Record) *string { return &r.Classification }),
	part("languages", "text", func(r *record.Record) *string { return &r.Languages.Text }),
	part("languages", "original", func(r *record.Record) *string { return &r.Languages.Original }),
	list("authors", func(r *record.Record) *[]string { return &r.Authors }),
	list("recipients", func(r *record.Record) *[]string { return &r.Recipients }),
	list("participants", func(r *record.Record) *[]string { return &r.Participants }),
	list("translators", func(r *record.Record) *[]string { return &r.Translators }),
	list("donors", func(r *record.Record) *[]string { return &r.Donors }),
	str("rights", func(r *record.Record) *string { return &r.Rights }),
	str("record_id", func(r *record.Record) *string { return &r.RecordID }),
	str("publisher", func(r *record.Record) *string { return &r.Publisher }),
	collection("id", func(c *record.Collection) *string { return &c.ID }),
	collection("title", func(c *record.Collection) *string { return &c.Title }),
	collection("series", func(c *record.Collection) *string { return &c.Series }),
	collection("publisher", func(c *record.Collection) *string { return &c.Publisher }),
	collection("year", func(c *record.Collection) *string { return &c.Year }),
	str("url", func(r *record.Record) *string { return &r.URL }),
	// A person's subjects (ids of the vocabulary); empty, they are assigned.
	list("subjects", func(r *record.Record) *[]string { return &r.Subjects }),
	str("body", func(r *record.Record) *string { return &r.Body }),
}

// sourceParts and noteParts are the parts of one archival reference and one
// editorial note, each a column sources.N.part / notes.N.part.
var sourceParts = []string{"repository", "abbreviation", "fond", "opis", "delo", "papka", "folios", "file", "reference"}

var noteParts = []string{"kind", "n", "text"}

func sourcePart(s *record.Source, name string) *string {
	return map[string]*string{"repository": &s.Repository, "abbreviation": &s.Abbreviation, "fond": &s.Fond,
		"opis": &s.Opis, "delo": &s.Delo, "papka": &s.Papka, "folios": &s.Folios, "file": &s.File, "reference": &s.Reference}[name]
}

func notePart(n *record.Note, name string) *string {
	return map[string]*string{"kind": &n.Kind, "n": &n.N, "text": &n.Text}[name]
}

// indexed is the column of part name of the i-th (0-based) item of a
// repeated field: reading past the end is an empty cell, writing there
// makes the items up to it.
func indexed[T any](field string, i int, name string, items func(*record.Record) *[]T, part func(*T, string) *string) Column {
	return Column{Name: field + "." + strconv.Itoa(i+1) + "." + name, Field: field,
		get: func(r *record.Record) string {
			l := items(r)
			if i >= len(*l) {
				return ""
			}
			return *part(&(*l)[i], name)
		},
		set: func(r *record.Record, v string) {
			l := items(r)
			for len(*l) <= i {
				var zero T
				*l = append(*l, zero)
			}
			*part(&(*l)[i], name) = v
		}}
}

func sourceColumn(i int, name string) Column {
	return indexed("sources", i, name, func(r *record.Record) *[]record.Source { return &r.Sources }, sourcePart)
}

func noteColumn(i int, name string) Column {
	return indexed("notes", i, name, func(r *record.Record) *[]record.Note { return &r.Notes }, notePart)
}

// Columns returns the columns of an export, in record.Editable's order:
// sources and notes repeated for the most any exported record has (at least
// one of each, so a person can add the first), body only when asked for.
func Columns(sources, notes int, body bool) []Column {
	var out []Column
	for _, c := range fixed {
		if c.Field == "body" && !body {
			continue
		}
		out = append(out, c)
		if c.Name == "languages.original" {
			for i := range max(1, sources) {
				for _, p := range sourceParts {
					out = append(out, sourceColumn(i, p))
				}
			}
		}
		if c.Name == "url" {
			for i := range max(1, notes) {
				for _, p := range noteParts {
					out = append(out, noteColumn(i, p))
				}
			}
		}
	}
	return out
}

// Counts returns how many sources and notes r has: what Columns needs to
// give every exported record room.
func Counts(r record.Record) (sources, notes int) { return len(r.Sources), len(r.Notes) }

var repeated = regexp.MustCompile(`^(sources|notes)\.([1-9][0-9]*)\.([a-z]+)$`)

// Lookup returns the column a header names, or an error saying why none.
func Lookup(name string) (Column, error) {
	for _, c := range fixed {
		if c.Name == name {
			return c, nil
		}
	}
	m := repeated.FindStringSubmatch(name)
	if m == nil {
		return Column{}, fmt.Errorf("%q is not a column fond knows (see docs/spreadsheets.md)", name)
	}
	i, err := strconv.Atoi(m[2])
	if err != nil || i > MaxIndex {
		return Column{}, fmt.Errorf("%q: at most %d %s", name, MaxIndex, m[1])
	}
	parts, col := sourceParts, sourceColumn
	if m[1] == "notes" {
		parts, col = noteParts, noteColumn
	}
	for _, p := range parts {
		if p == m[3] {
			return col(i-1, p), nil
		}
	}
	return Column{}, fmt.Errorf("%q: a %s part is one of %v", name, m[1][:len(m[1])-1], parts)
}
