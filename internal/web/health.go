package web

import (
	"net/http"

	"fond/internal/search"
)

// handleHealthz is liveness for load balancers and orchestrators: the process
// answers. It touches nothing else, so a slow database does not get a healthy
// server restarted.
func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n"))
}

// handleReadyz is readiness: the store answers and a search runs, which first
// brings this server's index up to date with what every writer committed; a
// server that cannot is taken out of rotation (503) until it can.
func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if _, err := s.raw.ArchiveID(r.Context()); err != nil {
		s.log.Warn("not ready: store", "err", err)
		http.Error(w, "not ready: the store does not answer", http.StatusServiceUnavailable)
		return
	}
	if _, err := s.raw.Search(r.Context(), search.Query{Limit: 1, Match: search.MatchAll}); err != nil {
		s.log.Warn("not ready: index", "err", err)
		http.Error(w, "not ready: the search index is not up to date", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}

// handleMetrics answers a Prometheus scrape (text format): see
// internal/metrics for what is counted.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	s.Metrics.Handler().ServeHTTP(w, r)
}
