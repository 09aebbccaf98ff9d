package web

import (
	"net/http"

	"fond/internal/i18n"
	"fond/internal/store"
)

// reviewAnswer is GET /api/review's body (docs/api.md).
type reviewAnswer struct {
	Items  []store.ReviewItem `json:"items"`
	Counts map[string]int     `json:"counts"`
	// Next is the after= of the next page; absent on the last.
	Next string `json:"next,omitempty"`
}

// handleAPIReview is the review queue for scripts with a staff token.
func (s *Server) handleAPIReview(w http.ResponseWriter, r *http.Request) {
	q, perr := parseReview(r.URL.Query(), reviewPage)
	if perr != nil {
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", perr.Param, perr.reason(i18n.For(i18n.EN)))
		return
	}
	items, counts, next, err := s.reviewPageOf(r, q)
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	writeJSON(w, reviewAnswer{Items: items, Counts: counts, Next: next})
}
