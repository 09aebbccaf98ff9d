package web

import (
	"net/http"

	"fond/internal/store"
)

// maxAuthorityHistory bounds the history page: authorities change rarely.
const maxAuthorityHistory = 500

// handleAuthorityHistory shows who changed one authority record, when and
// how, newest first (from the audit log: the authority file keeps no
// history of its own).
func (s *Server) handleAuthorityHistory(w http.ResponseWriter, r *http.Request) {
	f, i, ok := s.loadAuthority(w, r)
	if !ok {
		return
	}
	a := f.Authorities[i]
	log, err := s.raw.AuditLog(r.Context(), store.AuditQuery{Action: store.AuditAuthority, Target: a.ID, Limit: maxAuthorityHistory})
	if err != nil {
		s.serverError(w, err)
		return
	}
	s.render(w, http.StatusOK, "authority_history", map[string]any{"Title": printer(w).T("ahist.title", a.Preferred), "A": a, "Entries": log})
}
