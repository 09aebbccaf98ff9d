package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"fond/internal/record"
	"fond/internal/store"
)

// handleDocEdit shows the record form filled from the stored record, with
// the revision it shows as a hidden input.
func (s *Server) handleDocEdit(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.editableRecord(w, r)
	if !ok {
		return
	}
	s.renderDocEdit(w, http.StatusOK, rec, formOf(rec), fieldErrors{})
}

func (s *Server) renderDocEdit(w http.ResponseWriter, status int, rec record.Record, f docForm, errs fieldErrors) {
	s.render(w, status, "doc_edit", map[string]any{"Title": printer(w).T("edit.title", rec.Title), "R": rec,
		"F": docFormPage{Form: f, Errors: errs, Hints: hintsOf(rec)}})
}

// editableRecord loads the path's record for a viewer who may change it:
// 404 or 410 as visibleRecord answers, 403 for a contributor on a record
// that is not a draft.
func (s *Server) editableRecord(w http.ResponseWriter, r *http.Request) (record.Record, bool) {
	rec, ok := s.visibleRecord(w, r, r.PathValue("id"))
	if !ok {
		return rec, false
	}
	if !canEdit(viewerOf(r.Context()), rec) {
		s.forbidden(w, r, "err.draftsonly", msgKey("status."+rec.Status))
		return rec, false
	}
	return rec, true
}

// handleDocEditPost saves the form as the record's next revision: 303 to the
// record; 422 with the form as typed and the refused field named; 409 with
// both versions when someone saved since the form was loaded. Nothing is
// saved unless everything is.
func (s *Server) handleDocEditPost(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.editableRecord(w, r)
	if !ok {
		return
	}
	posted, ok := s.postedForm(w, r)
	if !ok {
		return
	}
	f, errs := parseDocForm(posted)
	base, err := strconv.Atoi(f.Revision)
	if err != nil || base < 1 {
		errs["revision"] = "the form does not say which revision it was loaded at: reload the edit page"
	}
	fields, err := f.fields(posted)
	if err != nil {
		s.serverError(w, err)
		return
	}
	if len(errs) > 0 {
		s.renderDocEdit(w, http.StatusUnprocessableEntity, rec, f, errs)
		return
	}
	v := viewerOf(r.Context())
	after, err := s.raw.EditRecord(r.Context(), store.Edit{ID: rec.ID, Base: base, Fields: fields, Author: v.Name, Action: store.ActionEdit, Note: strings.TrimSpace(f.Why)})
	var fe *record.FieldError
	var stale *store.StaleError
	switch {
	case errors.As(err, &fe):
		s.renderDocEdit(w, http.StatusUnprocessableEntity, rec, f, fieldErrors{fe.Field: printer(w).Err(fe.Err)})
		return
	case errors.As(err, &stale):
		s.renderConflict(w, r, base, fields, f.Why, stale.Current)
		return
	case err != nil:
		s.serverError(w, err)
		return
	}
	if after.Revision != rec.Revision {
		s.audit(r, store.AuditEdit, rec.ID, editDetail(rec, after))
	}
	http.Redirect(w, r, "/documents/"+url.PathEscape(rec.ID), http.StatusSeeOther)
}

// editDetail is an edit's audit entry: the revision saved and the fields it
// changed (the history holds the values).
func editDetail(before, after record.Record) string {
	d := "revision " + strconv.Itoa(after.Revision)
	if cs, err := record.Diff(before, after); err == nil && len(cs) > 0 {
		names := make([]string, len(cs))
		for i, c := range cs {
			names[i] = c.Field
		}
		d += ": " + strings.Join(names, ", ")
	}
	return d
}

// conflictRow is one field on the conflict page: the stored value, the
// submitted one, and which the form below now holds.
type conflictRow struct {
	Field       string
	Theirs      string
	Yours       string
	BothChanged bool
	Kept        string // "yours" or "theirs": what the form now holds
}

// renderConflict answers 409: someone saved since the form was loaded. The
// form is shown again against the newest revision, holding the submitter's
// changes and, for the fields they did not change, the other person's, so a
// second submit keeps both where they do not collide and is a deliberate
// overwrite where they do.
func (s *Server) renderConflict(w http.ResponseWriter, r *http.Request, base int, yours map[string]json.RawMessage, why string, cur record.Record) {
	theirs, err := record.Fields(cur)
	if err != nil {
		s.serverError(w, err)
		return
	}
	// Without the history the base is unknown: every submitted value then
	// counts as the submitter's change.
	var atBase map[string]json.RawMessage
	var since []store.Revision
	if hist, err := s.raw.History(r.Context(), cur.ID); err == nil {
		atBase, _ = store.StateAt(cur, hist, base)
		for _, h := range hist {
			if h.Revision > base {
				since = append(since, h)
			}
		}
	}
	// Compare the values as the store would keep them: "" and an absent
	// member are the same, a date's bounds follow from its EDTF.
	kept := cur
	if err := record.SetFields(&kept, yours); err != nil {
		s.serverError(w, err)
		return
	}
	for name := range yours {
		store.CheckEdited(&kept, []string{name}) // a refused value stays as typed
	}
	mineNow, err := record.Fields(kept)
	if err != nil {
		s.serverError(w, err)
		return
	}
	merged := map[string]json.RawMessage{}
	var rows []conflictRow
	for _, name := range record.Editable {
		if _, ok := yours[name]; !ok {
			continue
		}
		mine := mineNow[name]
		youChanged := atBase == nil || !record.SameJSON(mine, atBase[name])
		theyChanged := atBase != nil && !record.SameJSON(theirs[name], atBase[name])
		if youChanged {
			merged[name] = yours[name]
		}
		if !record.SameJSON(mine, theirs[name]) {
			rows = append(rows, conflictRow{Field: name, Theirs: showJSON(theirs[name]), Yours: showJSON(mine),
				BothChanged: youChanged && theyChanged, Kept: map[bool]string{true: "yours", false: "theirs"}[youChanged]})
		}
	}
	next := cur
	if err := record.SetFields(&next, merged); err != nil {
		s.serverError(w, err)
		return
	}
	f := formOf(next)
	f.Why = why
	s.render(w, http.StatusConflict, "doc_conflict", map[string]any{"Title": printer(w).T("conflict.title", cur.Title),
		"R": cur, "Base": base, "Rows": rows, "Since": since,
		"F": docFormPage{Form: f, Errors: fieldErrors{}, Hints: hintsOf(cur)}})
}

// showJSON is a field's value as a person reads it: a string as itself, a
// list one item a line, an object's non-empty members as "name: value" in
// their order, joined by "; ".
func showJSON(v json.RawMessage) string {
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	out, err := readable(dec)
	if err != nil {
		return string(v)
	}
	return out
}

func readable(dec *json.Decoder) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", err
	}
	switch t := tok.(type) {
	case json.Delim:
		var parts []string
		for dec.More() {
			key := ""
			if t == '{' {
				k, err := dec.Token()
				if err != nil {
					return "", err
				}
				key, _ = k.(string)
			}
			v, err := readable(dec)
			if err != nil {
				return "", err
			}
			switch {
			case v == "":
			case t == '{':
				parts = append(parts, key+": "+v)
			default:
				parts = append(parts, v)
			}
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return "", err
		}
		if t == '{' {
			return strings.Join(parts, "; "), nil
		}
		return strings.Join(parts, "\n"), nil
	case string:
		return t, nil
	case nil:
		return "", nil
	default:
		return fmt.Sprint(t), nil
	}
}
