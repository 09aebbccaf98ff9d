package sqlstore

import (
	"context"
	"fmt"
	"html"
	"strings"

	"fond/internal/index"
	"fond/internal/search"
)

// Search implements store.Store: the index finds, ranks and counts; the database
// supplies what each hit on the page shows.
func (s *Store) Search(ctx context.Context, q search.Query) (search.Result, error) {
	q.Normalize()
	ix, err := s.index(ctx)
	if err != nil {
		return search.Result{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	node := search.Parse(q.Text)
	found := ix.Search(index.Request{Node: node, Sort: q.Sort, Limit: q.Limit, Offset: q.Offset,
		DateMode: q.DateMode, Facets: q.Facets, Names: s.auth.Load()})
	res := search.Result{Total: found.Total, Hits: []search.Hit{}, Facets: found.Facets}
	if len(found.Hits) == 0 {
		return res, nil
	}
	bodies, err := s.bodies(ctx, found.Hits)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	hl := index.NewHighlighter(node)
	for _, h := range found.Hits {
		body, ok := bodies[h.Ref]
		if !ok {
			continue // deleted since the index answered
		}
		res.Hits = append(res.Hits, search.Hit{ID: h.ID, Title: h.Title, Date: h.Date, Type: h.Type,
			Summary: h.Summary, Snippet: snippet(hl, h, body), Score: h.Score})
	}
	return res, nil
}

// bodies reads the hits' bodies, for their snippets; the rest of a result line
// comes from the index.
func (s *Store) bodies(ctx context.Context, hits []index.Hit) (map[int64]string, error) {
	marks := make([]string, len(hits))
	args := make([]any, len(hits))
	for i, h := range hits {
		marks[i], args[i] = "?", h.Ref
	}
	rows, err := s.read.QueryContext(ctx, `SELECT rid, body FROM records WHERE rid IN (`+strings.Join(marks, ",")+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]string, len(hits))
	for rows.Next() {
		var rid int64
		var body string
		if err := rows.Scan(&rid, &body); err != nil {
			return nil, err
		}
		out[rid] = body
	}
	return out, rows.Err()
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
