package store

import (
	"net/url"
	"regexp"
	"strings"

	"fond/internal/edtf"
	"fond/internal/i18n"
	"fond/internal/record"
	"fond/internal/subjects"
)

// CheckEdited refuses values a person may not give a field and derives what
// follows from the ones given: a date's bounds come from its EDTF, never from
// what was typed beside it, so a range query and the date shown cannot
// disagree. changed lists the fields the person set; the others are the
// machine's and are left alone, whatever they hold.
func CheckEdited(r *record.Record, changed []string) error {
	for _, f := range changed {
		if err := checkField(r, f); err != nil {
			return &record.FieldError{Field: f, Err: err}
		}
	}
	return nil
}

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func checkField(r *record.Record, field string) error {
	switch field {
	case "title":
		r.Title = strings.TrimSpace(r.Title)
	case "category":
		if r.Category != record.Primary && r.Category != record.Secondary {
			return i18n.Errorf("field.category", r.Category, record.Primary, record.Secondary)
		}
	case "date":
		return checkDate(&r.Date)
	case "languages":
		for _, c := range []string{r.Languages.Text, r.Languages.Original} {
			if c != "" && !langCode.MatchString(c) {
				return i18n.Errorf("field.language", c)
			}
		}
	case "url":
		if r.URL == "" {
			return nil
		}
		u, err := url.Parse(r.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return i18n.Errorf("field.url", r.URL)
		}
	case "subjects":
		// A controlled vocabulary: the facet, the filter and /subjects
		// know its subjects, so a free word would be a subject no one finds.
		ids, err := subjects.Default().Check(r.Subjects)
		if err != nil {
			return err
		}
		r.Subjects = ids
	case "collection":
		if r.Collection != nil && r.Collection.ID == "" && r.Collection.Title == "" {
			r.Collection = nil
		}
	}
	return nil
}

// checkDate validates an edited date: its EDTF must parse, and its qualifier
// be one of fond's.
func checkDate(d *record.Date) error {
	d.EDTF = strings.TrimSpace(d.EDTF)
	switch d.Qualifier {
	case "", record.Exact, record.Approximate, record.Inferred, record.Uncertain:
	default:
		return i18n.Errorf("field.qualifier", d.Qualifier)
	}
	if d.EDTF == "" {
		if strings.TrimSpace(d.Display) != "" {
			return i18n.Errorf("field.needsedtf", d.Display)
		}
		*d = record.Date{Note: d.Note}
		return nil
	}
	parsed, err := edtf.Parse(d.EDTF)
	if err != nil {
		return &i18n.Msg{Key: "field.notedtf", Args: []any{d.EDTF}, Cause: err}
	}
	d.Earliest, d.Latest = parsed.Earliest(), parsed.Latest()
	if d.Qualifier == "" {
		d.Qualifier = record.Exact
		if parsed.Uncertain() {
			d.Qualifier = record.Uncertain
		}
	}
	return nil
}
