// Package review decides which records need a person: what the machine could
// not read, read without confidence, or read again differently after a person
// corrected it, and drafts waiting to be published. It is pure: the store
// keeps each record's reasons beside it, so the queue is a lookup, not a scan.
package review

import (
	"slices"

	"fond/internal/record"
)

// Reasons a record is in the review queue, as the API names them.
const (
	Draft         = "draft"          // waiting to be published
	NoTitle       = "no-title"       // the machine found no title
	NoDate        = "no-date"        // nor a date
	DateInferred  = "date-inferred"  // an inferred or approximate date without a note saying why
	OCRLow        = "ocr-low"        // text recognized from a scan with low confidence
	FieldUnsure   = "field-unsure"   // a field read by rule from a page's layout, with low confidence
	SourceChanged = "source-changed" // the source now says something else than what a person set
	// PossibleDuplicate is not read from the record: the store queues both
	// records of a new edition link by nearly identical text, and a person's
	// answer (store.Edit.Confirm) takes it away.
	PossibleDuplicate = "possible-duplicate"
)

// All lists the reasons in the order the queue shows them.
var All = []string{SourceChanged, PossibleDuplicate, NoTitle, NoDate, DateInferred, OCRLow, FieldUnsure, Draft}

// Thresholds under which a machine reading is worth a person's look. OCR
// confidence is Tesseract's mean word confidence: under 0.80 one word in five
// or so is wrong on the typewritten pages of the evaluation (docs/evaluation.md).
const (
	MinOCRConfidence   = 0.80
	MinFieldConfidence = 0.60
)

// Reasons returns why r needs a person, in All's order; none for a withdrawn
// record, which is out of circulation. A field a person set is never unsure.
func Reasons(r record.Record) []string {
	if r.Status == record.Withdrawn {
		return nil
	}
	person := func(field string) bool { return r.Provenance[field].Person() }
	var out []string
	for _, p := range r.Provenance {
		if p.Person() && len(p.SourceChanged) > 0 {
			out = append(out, SourceChanged)
			break
		}
	}
	if r.Title == "" && !person("title") {
		out = append(out, NoTitle)
	}
	if r.Date.IsZero() && !person("date") {
		out = append(out, NoDate)
	}
	if !r.Date.IsZero() && r.Date.Note == "" && !person("date") {
		switch r.Date.Qualifier {
		case record.Inferred, record.Approximate, record.Uncertain:
			out = append(out, DateInferred)
		}
	}
	if r.OCRConfidence > 0 && r.OCRConfidence < MinOCRConfidence && !person("body") {
		out = append(out, OCRLow)
	}
	for field, c := range r.Confidence {
		if c < MinFieldConfidence && !person(field) {
			out = append(out, FieldUnsure)
			break
		}
	}
	if r.Status == record.Draft {
		out = append(out, Draft)
	}
	slices.SortStableFunc(out, func(a, b string) int { return slices.Index(All, a) - slices.Index(All, b) })
	return out
}
