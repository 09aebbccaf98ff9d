package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"fond/internal/record"
	"fond/internal/store"
)

// historyPage is how many revisions the history page shows at once: each can
// carry a whole text before and after.
const historyPage = 20

// changeView is one field's change as the history page shows it.
type changeView struct {
	Field    string
	From, To string
	// Words is the word-level difference of two texts; nil shows From and To.
	Words []diffPiece
}

// revisionView is one revision on the history page.
type revisionView struct {
	store.Revision
	Changes []changeView
}

// handleDocHistory lists the record's revisions, newest first, with what
// each changed, who, when and why; ?before=N pages to older ones. Staff who
// may change the record get a form to restore each earlier revision.
func (s *Server) handleDocHistory(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.visibleRecord(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	before, perr := wholeNumber(r.URL.Query(), "before", rec.Revision+1, rec.Revision+1)
	if perr != nil {
		s.badRequest(w, perr)
		return
	}
	hist, err := s.raw.History(r.Context(), rec.ID)
	if err != nil {
		s.serverError(w, err)
		return
	}
	var views []revisionView
	older := 0
	for _, h := range hist {
		if h.Revision >= before {
			continue
		}
		if len(views) == historyPage {
			older = h.Revision + 1
			break
		}
		views = append(views, revisionView{Revision: h, Changes: changeViews(h.Changes)})
	}
	s.render(w, http.StatusOK, "doc_history", map[string]any{"Title": printer(w).T("hist.title", rec.Title), "R": rec, "Revisions": views,
		"CanRevert": canEdit(viewerOf(r.Context()), rec), "Older": older})
}

func changeViews(cs []record.Change) []changeView {
	out := make([]changeView, 0, len(cs))
	for _, c := range cs {
		v := changeView{Field: c.Field, From: showJSON(c.From), To: showJSON(c.To)}
		// Long texts are compared word by word; short values read best whole.
		if len(v.From) > 80 || len(v.To) > 80 || strings.Contains(v.From+v.To, "\n") {
			v.Words = wordDiff(v.From, v.To)
		}
		out = append(out, v)
	}
	return out
}

// handleDocRevert restores an earlier revision's fields as the record's next
// revision (action "revert"): nothing is lost, the revision reverted from
// stays in the history. The form names the revision it was shown at (base):
// if another was saved since, nothing is restored (409).
func (s *Server) handleDocRevert(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.editableRecord(w, r)
	if !ok {
		return
	}
	n, err1 := strconv.Atoi(r.PostFormValue("revision"))
	base, err2 := strconv.Atoi(r.PostFormValue("base"))
	if err1 != nil || err2 != nil || n < 1 || n >= rec.Revision {
		p := printer(w)
		s.render(w, http.StatusUnprocessableEntity, "error", map[string]any{"Title": p.T("revert.nosuch.title"), "Message": p.T("revert.nosuch", rec.Revision-1)})
		return
	}
	hist, err := s.raw.History(r.Context(), rec.ID)
	if err != nil {
		s.serverError(w, err)
		return
	}
	state, err := store.StateAt(rec, hist, n)
	if err != nil {
		s.serverError(w, err)
		return
	}
	after, err := s.raw.EditRecord(r.Context(), store.Edit{ID: rec.ID, Base: base, Fields: state, Author: viewerOf(r.Context()).Name,
		Action: store.ActionRevert, Note: "restored revision " + strconv.Itoa(n)})
	var stale *store.StaleError
	var fe *record.FieldError
	switch {
	case errors.As(err, &stale):
		p := printer(w)
		s.render(w, http.StatusConflict, "error", map[string]any{"Title": p.T("revert.stale.title"), "Message": p.T("revert.stale", stale.Current.Revision)})
		return
	case errors.As(err, &fe):
		p := printer(w)
		s.render(w, http.StatusUnprocessableEntity, "error", map[string]any{"Title": p.T("revert.invalid.title"), "Message": p.T("revert.invalid", n, fe.Field, p.Err(fe.Err))})
		return
	case err != nil:
		s.serverError(w, err)
		return
	}
	if after.Revision != rec.Revision {
		s.audit(r, store.AuditRevert, rec.ID, "revision "+strconv.Itoa(n)+" restored as revision "+strconv.Itoa(after.Revision))
	}
	http.Redirect(w, r, "/documents/"+url.PathEscape(rec.ID)+"/history", http.StatusSeeOther)
}
