package record

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"fond/internal/i18n"
)

// Editable lists, by JSON name, the fields a person may set on a record: what
// the edit form shows, a merge patch may change, a CSV import may fill and a
// revision compares. What the store derives (links, checksums, ids, times,
// publication) is not here: a person changes those by other means, or not at all.
var Editable = []string{
	"title", "doc_number", "summary", "type", "category", "date", "place",
	"classification", "languages", "sources", "authors", "recipients",
	"participants", "translators", "donors", "rights", "record_id", "publisher",
	"collection", "url", "notes", "subjects", "body",
}

// IsEditable reports whether name is one of the Editable fields.
func IsEditable(name string) bool { return slices.Contains(Editable, name) }

// Change is one field's change in a revision: its JSON values before and
// after (null where the field was absent).
type Change struct {
	Field string          `json:"field"`
	From  json.RawMessage `json:"from"`
	To    json.RawMessage `json:"to"`
}

// Provenance says where a field's value came from: a person (By is their
// account name) or the machine (By is Extracted). For a field a person set,
// Extracted keeps what the machine had read when the person overrode it, so
// that a later reading of a changed source can be told from the one the
// person corrected; SourceChanged holds such a later reading until someone
// looks at it.
type Provenance struct {
	By            string          `json:"by"`
	At            time.Time       `json:"at"`
	Extracted     json.RawMessage `json:"extracted,omitempty"`
	SourceChanged json.RawMessage `json:"source_changed,omitempty"`
}

// ByMachine is Provenance.By for values read from the source.
const ByMachine = "extracted"

// Person reports whether a person set the value.
func (p Provenance) Person() bool { return p.By != "" && p.By != ByMachine }

// Fields returns the record's editable fields as JSON values.
func Fields(r Record) (map[string]json.RawMessage, error) {
	r.Normalize()
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	all := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	out := make(map[string]json.RawMessage, len(Editable))
	for _, f := range Editable {
		v, ok := all[f]
		if !ok {
			v = json.RawMessage("null")
		}
		out[f] = v
	}
	return out, nil
}

// Field returns one editable field's JSON value.
func Field(r Record, name string) (json.RawMessage, error) {
	fs, err := Fields(r)
	if err != nil {
		return nil, err
	}
	v, ok := fs[name]
	if !ok {
		return nil, fmt.Errorf("%q is not an editable field", name)
	}
	return v, nil
}

// SetFields sets editable fields from JSON values (null clears a field). A
// value of the wrong shape is an error naming the field, and r is unchanged.
func SetFields(r *Record, values map[string]json.RawMessage) error {
	for name := range values {
		if !IsEditable(name) {
			return &FieldError{Field: name, Err: i18n.Errorf("field.notsettable")}
		}
	}
	next := *r
	for _, name := range Editable {
		v, ok := values[name]
		if !ok {
			continue
		}
		if err := setField(&next, name, v); err != nil {
			return &FieldError{Field: name, Err: err}
		}
	}
	*r = next
	return nil
}

// setField decodes one value into a zeroed copy of the field, through the
// record's own JSON names, so the contract has one spelling.
func setField(r *Record, name string, v json.RawMessage) error {
	var one Record
	if len(bytes.TrimSpace(v)) > 0 && string(bytes.TrimSpace(v)) != "null" {
		b, err := json.Marshal(map[string]json.RawMessage{name: v})
		if err != nil {
			return err
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		if err := dec.Decode(&one); err != nil {
			return &i18n.Msg{Key: "field.invalid", Cause: err}
		}
	}
	switch name {
	case "title":
		r.Title = one.Title
	case "doc_number":
		r.DocNumber = one.DocNumber
	case "summary":
		r.Summary = one.Summary
	case "type":
		r.Type = one.Type
	case "category":
		r.Category = one.Category
	case "date":
		r.Date = one.Date
	case "place":
		r.Place = one.Place
	case "classification":
		r.Classification = one.Classification
	case "languages":
		r.Languages = one.Languages
	case "sources":
		r.Sources = one.Sources
	case "authors":
		r.Authors = one.Authors
	case "recipients":
		r.Recipients = one.Recipients
	case "participants":
		r.Participants = one.Participants
	case "translators":
		r.Translators = one.Translators
	case "donors":
		r.Donors = one.Donors
	case "rights":
		r.Rights = one.Rights
	case "record_id":
		r.RecordID = one.RecordID
	case "publisher":
		r.Publisher = one.Publisher
	case "collection":
		r.Collection = one.Collection
	case "url":
		r.URL = one.URL
	case "notes":
		r.Notes = one.Notes
	case "body":
		r.Body = one.Body
	case "subjects":
		r.Subjects = one.Subjects
	default:
		return i18n.Errorf("field.notsettable")
	}
	r.Normalize()
	return nil
}

// FieldError names the field a value was refused for.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// Diff lists the editable fields that differ between a and b, in Editable's order.
func Diff(a, b Record) ([]Change, error) {
	fa, err := Fields(a)
	if err != nil {
		return nil, err
	}
	fb, err := Fields(b)
	if err != nil {
		return nil, err
	}
	var out []Change
	for _, f := range Editable {
		if !SameJSON(fa[f], fb[f]) {
			out = append(out, Change{Field: f, From: fa[f], To: fb[f]})
		}
	}
	return out, nil
}

// SameJSON compares two JSON values by what they say, not their bytes.
func SameJSON(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return false
	}
	ca, _ := json.Marshal(va)
	cb, _ := json.Marshal(vb)
	return bytes.Equal(ca, cb)
}
