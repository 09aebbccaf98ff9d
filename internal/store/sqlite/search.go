package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"fond/internal/index"
	"fond/internal/record"
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
	shown, err := s.hitDocs(ctx, found.Hits)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	hl := index.NewHighlighter(node)
	for _, h := range found.Hits {
		d, ok := shown[h.Ref]
		if !ok {
			continue // deleted since the index answered
		}
		res.Hits = append(res.Hits, search.Hit{ID: h.ID, Title: d.Title, Date: d.Date, Type: d.Type,
			Summary: d.Summary, Snippet: snippet(hl, d, h.Where), Score: h.Score})
	}
	return res, nil
}

// hitDoc is the part of a stored record a result line shows.
type hitDoc struct {
	Title   string      `json:"title"`
	Summary string      `json:"summary"`
	Type    string      `json:"type"`
	Date    record.Date `json:"date"`
	Body    string      `json:"-"`
}

func (s *Store) hitDocs(ctx context.Context, hits []index.Hit) (map[int64]hitDoc, error) {
	marks := make([]string, len(hits))
	args := make([]any, len(hits))
	for i, h := range hits {
		marks[i], args[i] = "?", h.Ref
	}
	rows, err := s.read.QueryContext(ctx, `SELECT rid, doc, body FROM records WHERE rid IN (`+strings.Join(marks, ",")+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]hitDoc, len(hits))
	for rows.Next() {
		var rid int64
		var doc []byte
		var d hitDoc
		if err := rows.Scan(&rid, &doc, &d.Body); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(doc, &d); err != nil {
			return nil, fmt.Errorf("decode stored record: %w", err)
		}
		out[rid] = d
	}
	return out, rows.Err()
}

// snippet highlights the best passage of the body, else of the summary or title;
// records matched by filters alone show the start of their summary or body.
func snippet(hl *index.Highlighter, d hitDoc, where index.Where) string {
	if sn := hl.SnippetAt(d.Body, where); sn != "" {
		return sn
	}
	for _, t := range []string{d.Summary, d.Title} {
		if sn := hl.Snippet(t); sn != "" {
			return sn
		}
	}
	text := d.Summary
	if text == "" {
		text = d.Body
	}
	if len(text) > 240 {
		cut := strings.LastIndex(text[:240], " ")
		text = strings.ToValidUTF8(text[:max(cut, 1)], "") + "…"
	}
	return html.EscapeString(text)
}
