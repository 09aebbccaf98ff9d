package web

import (
	"net/http"

	"fond/internal/redact"
	"fond/internal/search"
)

// releaseStats is the statistics page's data and the JSON answer.
type releaseStats struct {
	Rows []redact.StatsRow `json:"rows"`
	// Read is how many withheld releases were counted, of Total found: the
	// page reads at most --max-stats-records.
	Read  int `json:"read"`
	Total int `json:"total"`
}

// handleReleaseStats counts, by collection and year of release, the documents
// released with text withheld, how much, and how much later releases showed:
// as a page (GET /releases/stats) or JSON (GET /api/releases/stats).
func (s *Server) handleReleaseStats(w http.ResponseWriter, r *http.Request) {
	limit := max(s.Limits.MaxStatsRecords, 1)
	res, err := s.search(r.Context(), search.Query{Text: "withheld:yes", Limit: limit, Sort: search.SortDateAsc})
	if err != nil {
		s.searchError(w, r, err)
		return
	}
	st := releaseStats{Rows: []redact.StatsRow{}, Total: res.Total}
	var rs []redact.Released
	for _, h := range res.Hits {
		if err := r.Context().Err(); err != nil {
			s.serverError(w, err)
			return
		}
		rec, err := s.store.Get(r.Context(), h.ID)
		if err != nil {
			continue // gone or hidden since the search: not counted
		}
		rs = append(rs, redact.ReleasedFrom(&rec, redact.History(s.releaseGroup(r.Context(), rec))))
	}
	st.Read = len(rs)
	if rows := redact.Stats(rs); rows != nil {
		st.Rows = rows
	}
	if isAPI(r) {
		writeJSON(w, st)
		return
	}
	s.render(w, http.StatusOK, "release_stats", map[string]any{"Title": "Release statistics", "Stats": st})
}
