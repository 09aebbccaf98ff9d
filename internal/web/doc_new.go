package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/store"
)

// handleDocNew shows the record form empty, for a record made by hand.
func (s *Server) handleDocNew(w http.ResponseWriter, r *http.Request) {
	s.renderDocNew(w, http.StatusOK, formOf(record.Record{Category: record.Primary}), fieldErrors{})
}

func (s *Server) renderDocNew(w http.ResponseWriter, status int, f docForm, errs fieldErrors) {
	s.render(w, status, "doc_new", map[string]any{"Title": printer(w).T("layout.newrecord"), "F": docFormPage{Form: f, Errors: errs}})
}

// handleDocNewPost stores the form as a new draft whose every given field is
// the person's, and sends the browser to it (303); a refused value answers
// 422 with the form as typed.
func (s *Server) handleDocNewPost(w http.ResponseWriter, r *http.Request) {
	posted, ok := s.postedForm(w, r)
	if !ok {
		return
	}
	f, errs := parseDocForm(posted)
	fields, err := f.fields(posted)
	if err != nil {
		s.serverError(w, err)
		return
	}
	if len(errs) > 0 {
		s.renderDocNew(w, http.StatusUnprocessableEntity, f, errs)
		return
	}
	rec, err := s.createRecord(r, givenFields(fields))
	var fe *record.FieldError
	switch {
	case errors.As(err, &fe):
		s.renderDocNew(w, http.StatusUnprocessableEntity, f, fieldErrors{fe.Field: printer(w).Err(fe.Err)})
		return
	case err != nil:
		s.serverError(w, err)
		return
	}
	http.Redirect(w, r, "/documents/"+url.PathEscape(rec.ID), http.StatusSeeOther)
}

// createRecord stores a record made by hand as the viewer's draft, and notes
// it in the audit log.
func (s *Server) createRecord(r *http.Request, fields map[string]json.RawMessage) (record.Record, error) {
	in := &ingest.Ingester{Store: s.raw, Log: s.log}
	rec, err := in.Create(r.Context(), fields, viewerOf(r.Context()).Name)
	if err != nil {
		return rec, err
	}
	s.audit(r, store.AuditCreate, rec.ID, rec.Title)
	return rec, nil
}

// givenFields drops empty values: a field left blank on a new record was not
// set by anyone.
func givenFields(fields map[string]json.RawMessage) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for k, v := range fields {
		if !emptyJSON(v) {
			out[k] = v
		}
	}
	return out
}

// emptyJSON reports whether a value says nothing: null, "", [], or an object
// whose every member is empty (a date with no part given).
func emptyJSON(v json.RawMessage) bool {
	var x any
	if json.Unmarshal(v, &x) != nil {
		return false
	}
	return emptyValue(x)
}

func emptyValue(x any) bool {
	switch t := x.(type) {
	case nil:
		return true
	case string:
		return t == ""
	case []any:
		return len(t) == 0
	case map[string]any:
		for _, m := range t {
			if !emptyValue(m) {
				return false
			}
		}
		return true
	}
	return false
}
