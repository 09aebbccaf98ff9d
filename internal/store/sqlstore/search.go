package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"html"
	"runtime"
	"strings"
	"sync"
	"time"

	"fond/internal/index"
	"fond/internal/search"
)

// Search implements store.Store: the index finds, ranks and counts; the database
// supplies what each hit on the page shows. A query beyond q.Limits is refused
// with a *search.LimitError before the index is touched, as is one that works
// longer than MaxDuration; when ctx ends the search stops wherever it is and
// returns ctx's error.
func (s *Store) Search(ctx context.Context, q search.Query) (search.Result, error) {
	q.Normalize()
	if err := q.CheckPage(); err != nil {
		return search.Result{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	node, err := search.Parse(q.Text, q.Limits)
	if err != nil {
		// The text is not quoted: it may be the megabyte that was refused.
		return search.Result{}, fmt.Errorf("search: %w", err)
	}
	ix, err := s.index(ctx)
	if err != nil {
		return search.Result{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	lim := q.Limits.WithDefaults()
	found, err := ix.Search(ctx, index.Request{Node: node, Sort: q.Sort, Limit: q.Limit, Offset: q.Offset,
		DateMode: q.DateMode, Facets: q.Facets, Names: s.auth.Load(), Limits: lim, Match: q.Match, Unpublished: q.Unpublished,
		Typed: search.TypedWords(q.Text)})
	if err != nil {
		return search.Result{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	res := search.Result{Total: found.Total, Hits: []search.Hit{}, Facets: found.Facets, Capped: found.Capped,
		Exact: found.Exact, Corrected: found.Corrected}
	if len(found.Hits) == 0 {
		return res, nil
	}
	// The page's bodies get a MaxDuration of their own: up to a thousand of
	// them, each highlighted, after the index's time was spent on matching.
	start := time.Now()
	bodies, cancel := context.WithTimeout(ctx, lim.MaxDuration)
	defer cancel()
	snippets, found2, err := s.snippets(bodies, node, found.Hits)
	if err != nil {
		// The driver may report an ended context in words of its own.
		switch {
		case ctx.Err() != nil && !errors.Is(err, ctx.Err()):
			err = fmt.Errorf("%w: %w", ctx.Err(), err)
		case ctx.Err() == nil && errors.Is(bodies.Err(), context.DeadlineExceeded):
			err = lim.TimeoutError(time.Since(start))
		}
		return search.Result{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	for i, h := range found.Hits {
		if !found2[i] {
			continue // deleted since the index answered
		}
		res.Hits = append(res.Hits, search.Hit{ID: h.ID, Title: h.Title, Date: h.Date, Type: h.Type,
			Summary: h.Summary, Snippet: snippets[i], Score: h.Score, Matched: h.Matched, Status: h.Status})
	}
	return res, nil
}

// snippets reads the hits' bodies and highlights each (the rest of a result
// line comes from the index). Reading the bodies was most of a two-word
// search's time, so the page's hits are split between the cores, each part read
// on its own connection and highlighted as its rows arrive.
func (s *Store) snippets(ctx context.Context, node search.Node, hits []index.Hit) ([]string, []bool, error) {
	out, have := make([]string, len(hits)), make([]bool, len(hits))
	parts := min(runtime.NumCPU(), max(1, len(hits)/8))
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[p] = s.snippetPart(ctx, index.NewHighlighter(node), hits, p, parts, out, have)
		}()
	}
	wg.Wait()
	return out, have, errors.Join(errs...)
}

// snippetPart fills the snippets of every parts-th hit from the p-th.
func (s *Store) snippetPart(ctx context.Context, hl *index.Highlighter, hits []index.Hit, p, parts int, out []string, have []bool) error {
	var marks []string
	var args []any
	at := map[int64]int{}
	for i := p; i < len(hits); i += parts {
		marks, args = append(marks, "?"), append(args, hits[i].Ref)
		at[hits[i].Ref] = i
	}
	rows, err := s.read.queryPrepared(ctx, `SELECT rid, body FROM records WHERE rid IN (`+strings.Join(marks, ",")+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		// A body can be a book: highlighting a page of them is worth stopping
		// between when the client has gone.
		if err := ctx.Err(); err != nil {
			return err
		}
		var rid int64
		var body string
		if err := rows.Scan(&rid, &body); err != nil {
			return err
		}
		if i, ok := at[rid]; ok {
			out[i], have[i] = snippet(hl, hits[i], body), true
		}
	}
	return rows.Err()
}

// snippet highlights the best passage of the body, else of the summary or title;
// records matched by filters alone show the start of their summary or body.
func snippet(hl *index.Highlighter, h index.Hit, body string) string {
	if sn := hl.SnippetAt(body, h.Where); sn != "" {
		return sn
	}
	for _, t := range []string{h.Summary, h.Title} {
		if sn := hl.Snippet(t); sn != "" {
			return sn
		}
	}
	text := h.Summary
	if text == "" {
		text = body
	}
	if len(text) > 240 {
		cut := strings.LastIndex(text[:240], " ")
		text = strings.ToValidUTF8(text[:max(cut, 1)], "") + "…"
	}
	return html.EscapeString(text)
}
