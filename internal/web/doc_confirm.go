package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"fond/internal/record"
	"fond/internal/store"
)

// handleConfirm answers one question of the review queue on a record's page:
// keep a value (a person's, whose source now reads otherwise, or the
// machine's, read without confidence: store.ActionConfirm), or take the
// source's new reading (take=source: an edit). The form names the revision
// it was loaded at; a later save answers 409 and changes nothing. Then back
// to the record, in the same queue (303).
func (s *Server) handleConfirm(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.visibleRecord(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	v := viewerOf(r.Context())
	if !canEdit(v, rec) {
		s.forbidden(w, r, "err.draftsonly", msgKey("status."+rec.Status))
		return
	}
	queue, perr := parseQueue(r.PostForm, "queue")
	if perr != nil {
		s.badRequest(w, perr)
		return
	}
	field := r.PostFormValue("field")
	base, err := strconv.Atoi(r.PostFormValue("revision"))
	if err != nil || base < 1 {
		s.unprocessable(w, "confirm.norevision")
		return
	}
	e := store.Edit{ID: rec.ID, Base: base, Author: v.Name, Action: store.ActionConfirm, Confirm: []string{field}}
	detail := "kept " + field
	if r.PostFormValue("take") == "source" {
		p := rec.Provenance[field]
		if !p.Person() || len(p.SourceChanged) == 0 {
			s.unprocessable(w, "confirm.nosource", field)
			return
		}
		e = store.Edit{ID: rec.ID, Base: base, Author: v.Name, Action: store.ActionEdit,
			Fields: map[string]json.RawMessage{field: p.SourceChanged}, Note: "took the source's new reading"}
		detail = "took the source's reading of " + field
	}
	after, err := s.raw.EditRecord(r.Context(), e)
	var stale *store.StaleError
	var bad *record.FieldError
	switch {
	case errors.As(err, &stale):
		p := printer(w)
		s.render(w, http.StatusConflict, "error", map[string]any{"Title": p.T("confirm.stale.title"), "Message": p.T("confirm.stale", stale.Current.Revision, stale.Base)})
		return
	case errors.As(err, &bad):
		s.unprocessable(w, "confirm.bad", bad.Field, printer(w).Err(bad.Err))
		return
	case err != nil:
		s.serverError(w, err)
		return
	}
	s.audit(r, store.AuditConfirm, rec.ID, detail+" (revision "+strconv.Itoa(after.Revision)+")")
	to := "/documents/" + url.PathEscape(rec.ID)
	if queue != "" {
		to += "?queue=" + url.QueryEscape(queue)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// unprocessable refuses a form that cannot be acted on as sent (422).
func (s *Server) unprocessable(w http.ResponseWriter, key string, args ...any) {
	p := printer(w)
	s.render(w, http.StatusUnprocessableEntity, "error", map[string]any{"Title": p.T("err.notsaved"), "Message": p.T(key, args...)})
}
