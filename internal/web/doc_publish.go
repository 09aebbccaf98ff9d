package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"fond/internal/record"
	"fond/internal/store"
)

// maxReason bounds a withdrawal's reason: it is shown at the record's address.
const maxReason = 1000

// handleSetStatus is the publish, unpublish and withdraw forms' target: an
// editor changes the record's publication, it is logged, and the browser goes
// back to the record (303).
func (s *Server) handleSetStatus(status string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rec, ok := s.visibleRecord(w, r, r.PathValue("id"))
		if !ok {
			return
		}
		reason := strings.TrimSpace(r.PostFormValue("reason"))
		if status == record.Withdrawn && (reason == "" || utf8.RuneCountInString(reason) > maxReason) {
			p := printer(w)
			s.render(w, http.StatusUnprocessableEntity, "error", map[string]any{"Title": p.T("withdraw.reason.title"), "Message": p.T("withdraw.reason")})
			return
		}
		// One transaction changes the record and logs who did it: a crash
		// keeps both or neither.
		if _, err := s.raw.SetStatusLogged(r.Context(), rec.ID, status, reason, auditEntry(r, store.StatusAction[status])); err != nil {
			s.serverError(w, err)
			return
		}
		// A form on the review queue names the queue's page to go back to.
		to := "/documents/" + url.PathEscape(rec.ID)
		if next := r.PostFormValue("next"); next != "" {
			to = safeNext(next)
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
	}
}

// handleAdminAudit is the audit log for admins: the latest entries, newest
// first, optionally of one action.
func (s *Server) handleAdminAudit(w http.ResponseWriter, r *http.Request) {
	action := r.URL.Query().Get("action")
	log, err := s.raw.AuditLog(r.Context(), store.AuditQuery{Limit: 500, Action: action})
	if err != nil {
		s.serverError(w, err)
		return
	}
	s.render(w, http.StatusOK, "admin_audit", map[string]any{"Title": printer(w).T("layout.audit"), "Entries": log, "Action": action})
}
