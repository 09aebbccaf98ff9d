package web

import (
	"context"
	"net/http"

	"fond/internal/redact"
	"fond/internal/search"
)

// releaseStats is the statistics page's data and the JSON answer.
type releaseStats struct {
	// Rows are by collection, releasing body and year; ByBody and ByYear
	// are the totals of each body and of each year of release.
	Rows   []redact.StatsRow `json:"rows"`
	ByBody []redact.StatsRow `json:"by_body"`
	ByYear []redact.StatsRow `json:"by_year"`
	// Read is how many withheld releases were counted, of Total found: the
	// page reads at most --max-stats-records.
	Read  int `json:"read"`
	Total int `json:"total"`
}

// releaseStats counts, by collection, releasing body and year of release, the
// documents released with text withheld, how much, and how much later
// releases showed, reading at most --max-stats-records releases.
func (s *Server) releaseStats(ctx context.Context) (releaseStats, error) {
	limit := max(s.Limits.MaxStatsRecords, 1)
	res, err := s.search(ctx, search.Query{Text: "withheld:yes", Limit: limit, Sort: search.SortDateAsc})
	if err != nil {
		return releaseStats{}, err
	}
	st := releaseStats{Total: res.Total}
	var rs []redact.Released
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return releaseStats{}, err
		}
		rec, err := s.store.Get(ctx, h.ID)
		if err != nil {
			continue // gone or hidden since the search: not counted
		}
		rs = append(rs, redact.ReleasedFrom(&rec, redact.History(s.releaseGroup(ctx, rec))))
	}
	st.Read = len(rs)
	st.Rows = orEmpty(redact.Stats(rs))
	st.ByBody = orEmpty(redact.StatsBy(rs, redact.ByBody))
	st.ByYear = orEmpty(redact.StatsBy(rs, redact.ByYear))
	return st, nil
}

func orEmpty(rows []redact.StatsRow) []redact.StatsRow {
	if rows == nil {
		return []redact.StatsRow{}
	}
	return rows
}

// handleReleaseStats answers the statistics as a page with a chart (GET
// /releases/stats) or as JSON (GET /api/releases/stats).
func (s *Server) handleReleaseStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.releaseStats(r.Context())
	if isAPI(r) {
		if err != nil {
			s.apiSearchError(w, r, err)
			return
		}
		writeJSON(w, st)
		return
	}
	if err != nil {
		s.searchError(w, r, err)
		return
	}
	tables := []statsTable{
		{ID: "by-year", Heading: "stats.byyear", Caption: "stats.byyear.caption", Rows: st.ByYear, Year: true},
		{ID: "by-body", Heading: "stats.bybody", Caption: "stats.bybody.caption", Rows: st.ByBody, Body: true},
		{ID: "detail", Heading: "stats.detail", Caption: "stats.detail.caption", Rows: st.Rows, Collection: true, Body: true, Year: true},
	}
	s.render(w, http.StatusOK, "release_stats", map[string]any{"Title": printer(w).T("stats.h1"), "Stats": st, "Tables": tables, "Chart": newReleaseChart(st.ByYear)})
}

// statsTable is one table of the page: its rows and which grouping columns
// it shows.
type statsTable struct {
	ID, Heading, Caption   string // Heading and Caption are message keys
	Rows                   []redact.StatsRow
	Collection, Body, Year bool
}
