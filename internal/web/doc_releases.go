package web

import (
	"context"
	"errors"
	"net/http"

	"fond/internal/compare"
	"fond/internal/editions"
	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/redact"
)

// releaseGroup is a record with its editions, as the viewer may see them:
// the records whose releases make up the document's history.
func (s *Server) releaseGroup(ctx context.Context, rec record.Record) []record.Record {
	group := []record.Record{rec}
	if !editions.IsRelease(&rec) {
		return group
	}
	for _, id := range rec.Editions {
		if x, err := s.store.Get(ctx, id); err == nil {
			group = append(group, x)
		}
	}
	return group
}

// releaseHistory is the document's release history, [] when it shows none.
func (s *Server) releaseHistory(ctx context.Context, rec record.Record) []redact.Entry {
	h := redact.History(s.releaseGroup(ctx, rec))
	if h == nil {
		h = []redact.Entry{}
	}
	return h
}

// releasePair links two releases' records side by side on /compare.
type releasePair struct{ A, B redact.Entry }

// handleReleases shows what each release revealed: the latest release's text
// with the passages earlier releases withheld marked with the year they came
// out, and what is still withheld as its marker with its size.
func (s *Server) handleReleases(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rec, ok := s.visibleRecord(w, r, id)
	if !ok {
		return
	}
	if rec.ID != id {
		http.Redirect(w, r, "/documents/"+rec.ID+"/releases", http.StatusMovedPermanently)
		return
	}
	group := s.releaseGroup(r.Context(), rec)
	history := redact.History(group)
	data := map[string]any{"Title": printer(w).T("releases.title", rec.Title), "R": rec, "History": history}
	perr, err := s.releasePairData(r.Context(), r, printer(w), history, group, data)
	if errors.Is(r.Context().Err(), context.Canceled) {
		return
	}
	if perr != nil {
		s.badRequest(w, perr)
		return
	}
	if err != nil {
		s.serverError(w, err)
		return
	}
	dated := 0
	for _, e := range history {
		if e.Release.Date != "" {
			dated++
		}
	}
	if dated < 2 {
		// One release, or none dated: nothing to compare, and the page says so.
		s.render(w, http.StatusOK, "doc_releases", data)
		return
	}
	// Each earlier release costs a comparison: the most recent ones are
	// compared, up to the limit, and the page names those left out.
	compared := history
	var skipped []redact.Entry
	if limit := max(s.Limits.MaxReleases, 1); dated-1 > limit {
		var keep []redact.Entry
		n := 0
		for i := len(history) - 1; i >= 0; i-- {
			e := history[i]
			if e.Release.Date == "" {
				continue
			}
			if n <= limit { // the latest and limit earlier ones
				keep = append([]redact.Entry{e}, keep...)
				n++
			} else {
				skipped = append([]redact.Entry{e}, skipped...)
			}
		}
		compared = keep
	}
	texts := map[string]string{}
	for _, g := range group {
		texts[g.ID] = g.Body
	}
	rv, err := redact.Reveal(r.Context(), compared, texts, names.Key, compare.Options{Budget: s.Limits.CompareBudget})
	if errors.Is(r.Context().Err(), context.Canceled) {
		return
	}
	if err != nil {
		s.serverError(w, err)
		return
	}
	var pairs []releasePair
	for _, e := range rv.Earlier {
		pairs = append(pairs, releasePair{A: e, B: rv.Latest})
	}
	data["Revealed"], data["Skipped"], data["Pairs"] = rv, skipped, pairs
	s.render(w, http.StatusOK, "doc_releases", data)
}
