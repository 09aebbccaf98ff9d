package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"fond/internal/compare"
	"fond/internal/names"
	"fond/internal/record"
)

// handleCompare shows two editions side by side, sentence by sentence, with
// word-level differences: changes, spelling variants of one name, and apparatus.
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	var recs [2]record.Record
	for i, key := range []string{"a", "b"} {
		rec, ok := s.visibleRecord(w, r, r.URL.Query().Get(key))
		if !ok {
			return
		}
		recs[i] = rec
	}
	// The request's context, so that a client who leaves stops the work.
	res, err := compare.CompareTexts(r.Context(), compare.TextOf(recs[0]), compare.TextOf(recs[1]), names.Key, compare.Options{Budget: s.Limits.CompareBudget})
	if errors.Is(r.Context().Err(), context.Canceled) {
		return // the client left: no one is waiting for the page
	}
	if err != nil {
		s.serverError(w, err) // past the request's deadline: a 503, as on every page
		return
	}
	// ?only=differences keeps the rows where the editions differ: on a long
	// text with a few changes, the changes are what a reader came for.
	only := r.URL.Query().Get("only")
	if only != "" && only != "differences" {
		s.badRequest(w, &paramError{"only", "param.only", nil})
		return
	}
	alike := 0
	if only != "" {
		kept := res.Pairs[:0:0]
		for _, p := range res.Pairs {
			if p.Differs() {
				kept = append(kept, p)
			} else {
				alike++
			}
		}
		res.Pairs = kept
	}
	// Where an edition was read from a scan, each of its sentences links to
	// where it stands on the page.
	var passages [2][]string
	for _, p := range res.Pairs {
		passages[0] = append(passages[0], strings.Join(p.ASentences, " "))
		passages[1] = append(passages[1], strings.Join(p.BSentences, " "))
	}
	s.render(w, http.StatusOK, "compare", map[string]any{"Title": printer(w).T("compare.h1"), "A": recs[0], "B": recs[1], "Result": res,
		"ARegions": passageRegions(recs[0], passages[0]), "BRegions": passageRegions(recs[1], passages[1]),
		"Only": only != "", "Alike": alike, "AllURL": "/compare?" + url.Values{"a": {recs[0].ID}, "b": {recs[1].ID}}.Encode(),
		"DiffURL": "/compare?" + url.Values{"a": {recs[0].ID}, "b": {recs[1].ID}, "only": {"differences"}}.Encode()})
}

// compareText is a record as the comparison reads it: its text and its
// footnotes, which get rows of their own after the text.
