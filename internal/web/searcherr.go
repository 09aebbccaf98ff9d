package web

import (
	"context"
	"errors"
	"fond/internal/i18n"
	"net/http"

	"fond/internal/search"
)

// searchError answers a failed search on a page: a query the limits refuse is
// the reader's to change (400, saying why); a deadline is the server's (503).
func (s *Server) searchError(w http.ResponseWriter, r *http.Request, err error) {
	if perr, ok := queryRefused(err); ok {
		s.badRequest(w, perr)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, search.ErrQueryTooComplex) || r.Context().Err() != nil {
		s.rejected("timeout")
		w.Header().Set("Retry-After", retryAfter(s.Limits.QueueWait))
		p := printer(w)
		s.render(w, http.StatusServiceUnavailable, "error", map[string]any{"Title": p.T("err.searchslow.title"), "Message": p.T("err.searchslow")})
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
	if errors.Is(err, search.ErrQueryTooComplex) {
		s.rejected("timeout")
		w.Header().Set("Retry-After", retryAfter(s.Limits.QueueWait))
		writeAPIError(w, http.StatusServiceUnavailable, "timeout", "", err.Error())
		return
	}
	s.apiServerError(w, r, err)
}

// search runs q under the server's search limits: every search a page makes
// goes through here, so none escapes them.
func (s *Server) search(ctx context.Context, q search.Query) (search.Result, error) {
	q.Limits = s.Limits.Search
	return s.store.Search(ctx, q)
}

// queryRefused recognises the search package's refusals of a query: the
// reader's to change, so a 400 that names the parameter. MaxDuration is not
// one: a loaded server can reach it with an ordinary query.
func queryRefused(err error) (*paramError, bool) {
	var le *search.LimitError
	if !errors.As(err, &le) || le.Param == "MaxDuration" {
		return nil, false
	}
	param := "q"
	if le.Param == "MaxOffset" {
		param = "page"
	}
	var why any = le.Error()
	if key := "limit." + le.Param; i18n.Has(i18n.EN, key) {
		// The refusal's numbers, said in the reader's language.
		why = &i18n.Msg{Key: key, Args: []any{le.Got, le.Limit}}
	}
	return &paramError{param, "param.limit", []any{why}}, true
}
