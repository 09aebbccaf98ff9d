package web

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"fond/internal/csvrec"
	"fond/internal/redact"
)

// releaseStatsColumns are the CSV's header: the JSON's field names, so the
// two downloads read alike.
var releaseStatsColumns = []string{"collection", "body", "year", "documents_with_withholding", "spans_withheld",
	"lines_withheld", "paragraphs_withheld", "pages_withheld", "later_released", "lines_later_released", "median_years_to_release"}

// handleReleaseStatsCSV answers the statistics' rows (by collection, body and
// year) as CSV for a spreadsheet (GET /releases/stats.csv). A body's name
// comes from a document's stamp, so every text cell is guarded against being
// read as a formula (csvrec.Escape). How many releases were counted, of how
// many found, is in the X-Stats-Read and X-Stats-Total headers: a row of
// notes would break the table for the programs that read it.
func (s *Server) handleReleaseStatsCSV(w http.ResponseWriter, r *http.Request) {
	st, err := s.releaseStats(r.Context())
	if err != nil {
		s.searchError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="release-stats.csv"`)
	w.Header().Set("X-Stats-Read", strconv.Itoa(st.Read))
	w.Header().Set("X-Stats-Total", strconv.Itoa(st.Total))
	cw := csv.NewWriter(w)
	cw.Write(releaseStatsColumns)
	for _, row := range st.Rows {
		cw.Write(releaseStatsRecord(row))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		s.log.Warn("release stats csv", "err", err) // the reader has gone: nothing to answer
	}
}

func releaseStatsRecord(row redact.StatsRow) []string {
	n := strconv.Itoa
	return []string{csvrec.Escape(row.Collection), csvrec.Escape(row.Body), csvrec.Escape(row.Year), n(row.Documents), n(row.Spans),
		formatNum(row.Lines), formatNum(row.Paragraphs), formatNum(row.Pages), n(row.LaterReleased), formatNum(row.LinesReleased), formatNum(row.MedianYears)}
}
