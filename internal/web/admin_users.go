package web

import "net/http"

// handleAdminUsers lists the staff accounts and API tokens, for admins.
// Accounts are made and changed with fond users on the server (README).
func (s *Server) handleAdminUsers(w http.ResponseWriter, r *http.Request) {
	accounts, err := s.raw.ListAccounts(r.Context())
	if err != nil {
		s.serverError(w, err)
		return
	}
	tokens, err := s.raw.ListTokens(r.Context())
	if err != nil {
		s.serverError(w, err)
		return
	}
	s.render(w, http.StatusOK, "admin_users", map[string]any{"Title": printer(w).T("layout.accounts"), "Accounts": accounts, "Tokens": tokens})
}
