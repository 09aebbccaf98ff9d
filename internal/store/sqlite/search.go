package sqlite

import (
	"context"
	"fmt"
	"html"
	"sort"
	"strings"
	"unicode"

	"fond/internal/names"
	"fond/internal/romanize"
	"fond/internal/search"
)

// Snippet markers: control characters that cannot occur in stored text survive
// FTS5's snippet() and are swapped for <mark> after the text is HTML-escaped.
const markOpen, markClose = "\x02", "\x03"

// bm25 weights follow the FTS column order: title and summary weigh most.
const rankFn = `bm25(records_fts, 10.0, 5.0, 1.0, 1.0, 3.0, 2.0, 1.0, 1.0)`

// ftsColumn maps query fields onto FTS columns.
var ftsColumn = map[string]string{
	"": "", "title": "title", "summary": "summary", "body": "body", "notes": "notes",
	"person": "people", "place": "places", "repository": "archive",
}

// Search implements store.Store. The query tree becomes one SQL condition over
// records, each text term a semi-join on the FTS index, so AND/OR/NOT combine text
// and metadata filters exactly; relevance comes from bm25 over the positive terms.
func (s *Store) Search(ctx context.Context, q search.Query) (search.Result, error) {
	q.Normalize()
	res := search.Result{Hits: []search.Hit{}}
	b := &builder{mode: q.DateMode, names: s.auth.Load()}
	node := search.Parse(q.Text)
	where := "1"
	if node != nil {
		where = b.where(node, false)
	}
	rank := strings.Join(b.rank, " OR ")
	// A query of words and phrases alone (the common case) is one FTS5 match
	// expression: the index evaluates AND/OR itself and ranks with its own
	// ORDER BY, instead of one semi-join per term.
	expr, pure := pureFTS(node)
	if pure {
		where = "r.rid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
		b.args = []any{expr}
		rank = expr
	}

	if q.Facets {
		var err error
		if res.Total, res.Facets, err = s.facets(ctx, where, b.args, b.names); err != nil {
			return res, fmt.Errorf("search %q: %w", q.Text, err)
		}
	} else if pure {
		if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM records_fts WHERE records_fts MATCH ?`, expr).Scan(&res.Total); err != nil {
			return res, fmt.Errorf("search %q: %w", q.Text, err)
		}
	} else if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM records r WHERE `+where, b.args...).Scan(&res.Total); err != nil {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if res.Total == 0 {
		return res, nil
	}

	var query string
	var args, orderArgs []any
	order := "r.earliest = '', r.earliest, r.id"
	if q.Sort == search.SortDateDesc {
		order = "r.earliest DESC, r.id"
	}
	if rank != "" {
		query = `WITH m AS MATERIALIZED (SELECT rowid AS rid, ` + rankFn + ` AS score FROM records_fts WHERE records_fts MATCH ?)
			SELECT r.rid, r.doc, r.ingested_at, m.score FROM records r LEFT JOIN m ON m.rid = r.rid WHERE ` + where
		args = append([]any{rank}, b.args...)
		if q.Sort == search.SortRelevance {
			boost, bargs := b.yearBoost()
			order = "m.score IS NULL, m.score * " + boost + ", r.id"
			orderArgs = bargs
		}
	} else {
		query = `SELECT r.rid, r.doc, r.ingested_at, NULL FROM records r WHERE ` + where
		args = append(args, b.args...)
	}
	args = append(append(args, orderArgs...), q.Limit, q.Offset)
	query += ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	if pure && q.Sort == search.SortRelevance {
		query = `SELECT r.rid, r.doc, r.ingested_at, m.score FROM (SELECT rowid AS rid, ` + rankFn + ` AS score FROM records_fts
			WHERE records_fts MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?) m JOIN records r ON r.rid = m.rid ORDER BY m.score, r.rid`
		args = []any{expr, q.Limit, q.Offset}
	}
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	var rids []int64
	var words []snippetWord
	queryWords(node, false, &words)
	useGo := !hasCJK(q.Text)
	var texts [][3]string
	for rows.Next() {
		var rid int64
		var doc, ingested string
		var score *float64
		if err := rows.Scan(&rid, &doc, &ingested, &score); err != nil {
			rows.Close()
			return res, err
		}
		r, err := decodeDoc(doc, ingested)
		if err != nil {
			rows.Close()
			return res, err
		}
		h := search.Hit{ID: r.ID, Title: r.Title, Date: r.Date, Type: r.Type, Summary: r.Summary}
		if score != nil {
			h.Score = -*score
		}
		res.Hits = append(res.Hits, h)
		rids = append(rids, rid)
		texts = append(texts, [3]string{r.Body, r.Summary, r.Title})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, err
	}
	for i, rid := range rids {
		if useGo {
			for _, t := range texts[i] {
				if sn := goSnippet(t, words); sn != "" {
					res.Hits[i].Snippet = sn
					break
				}
			}
			if res.Hits[i].Snippet != "" {
				continue
			}
		}
		res.Hits[i].Snippet, err = s.snippet(ctx, rid, rank)
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// snippet highlights the best passage of one record; records matched by filters
// alone get the start of their summary or body.
func (s *Store) snippet(ctx context.Context, rid int64, rank string) (string, error) {
	var snip string
	if rank != "" {
		err := s.read.QueryRowContext(ctx, `SELECT snippet(records_fts, -1, ?, ?, '…', 24) FROM records_fts WHERE records_fts MATCH ? AND rowid = ?`,
			markOpen, markClose, rank, rid).Scan(&snip)
		if err == nil && strings.Contains(snip, markOpen) {
			return markSnippet(snip), nil
		}
	}
	var summary, body string
	if err := s.read.QueryRowContext(ctx, `SELECT summary, substr(body, 1, 400) FROM records_fts WHERE rowid = ?`, rid).Scan(&summary, &body); err != nil {
		return "", err
	}
	if summary == "" {
		summary = body
	}
	if len(summary) > 240 {
		cut := strings.LastIndex(summary[:240], " ")
		summary = summary[:max(cut, 1)] + "…"
	}
	return html.EscapeString(summary), nil
}

func markSnippet(s string) string {
	s = html.EscapeString(s)
	s = strings.ReplaceAll(s, markOpen, "<mark>")
	return strings.ReplaceAll(s, markClose, "</mark>")
}

// builder turns a query tree into SQL, collecting arguments and the positive text
// terms that rank results.
type builder struct {
	args []any
	rank []string
	mode string
	// years are bare years in the query ("credit in 1949"): they match a record's
	// text or its date, and records dated then rank higher.
	years []string
	names *names.File // resolves person: and place: to every form of the name
}

func (b *builder) where(n search.Node, negated bool) string {
	switch n := n.(type) {
	case search.And:
		return b.join(n.Nodes, " AND ", negated)
	case search.Or:
		return b.join(n.Nodes, " OR ", negated)
	case search.Not:
		return "NOT (" + b.where(n.Node, !negated) + ")"
	case search.DateRange:
		return b.dateRange(n)
	case search.Term:
		return b.term(n, negated)
	}
	return "1"
}

func (b *builder) join(nodes []search.Node, op string, negated bool) string {
	parts := make([]string, 0, len(nodes))
	for _, n := range nodes {
		parts = append(parts, "("+b.where(n, negated)+")")
	}
	return strings.Join(parts, op)
}

func (b *builder) dateRange(d search.DateRange) string {
	from, to := d.From, d.To
	if from == "" {
		from = "0000-01-01"
	}
	if to == "" {
		to = "9999-12-31"
	}
	b.args = append(b.args, to, from)
	if b.mode == search.DateWithin {
		b.args[len(b.args)-2], b.args[len(b.args)-1] = from, to
		return "r.earliest <> '' AND r.earliest >= ? AND r.latest <= ?"
	}
	return "r.earliest <> '' AND r.earliest <= ? AND r.latest >= ?"
}

func (b *builder) term(t search.Term, negated bool) string {
	if t.Field == "" && !t.Phrase && !t.Prefix && isYear(t.Text) {
		if !negated {
			b.years = append(b.years, t.Text)
			b.rank = append(b.rank, ftsPhrase(t.Text, false))
		}
		b.args = append(b.args, ftsPhrase(t.Text, false), t.Text+"-12-31", t.Text+"-01-01")
		return "(r.rid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?) OR (r.earliest <> '' AND r.earliest <= ? AND r.latest >= ?))"
	}
	if col, ok := ftsColumn[t.Field]; ok {
		expr := ftsPhrase(t.Text, t.Prefix)
		if hasCJK(t.Text) {
			// Han and Hangul are searched as a phrase of character bigrams, so a
			// word matches inside a longer run ("북한군" in "북한군이").
			expr = "cjk : " + cjkPhrase(t.Text)
			col = ""
		}
		if expr == "" {
			return "1"
		}
		if col != "" {
			expr = col + " : " + expr
		}
		if !negated {
			b.rank = append(b.rank, expr)
		}
		b.args = append(b.args, expr)
		if (t.Field == "person" || t.Field == "place") && !t.Prefix {
			// Any name of the person or place: every form the authority file
			// lists (pseudonyms, old place names), and any spelling of those forms
			// through the romanization key.
			forms := b.names.Forms(t.Text)
			var fts []string
			keys := map[string]bool{}
			for _, f := range append(forms, t.Text) {
				if e := ftsPhrase(f, false); e != "" && !hasCJK(f) {
					fts = append(fts, col+" : "+e)
				}
				keys[romanize.Key(f)] = true
			}
			b.args[len(b.args)-1] = strings.Join(fts, " OR ")
			b.args = append(b.args, t.Field)
			marks := make([]string, 0, len(keys))
			for k := range keys {
				b.args = append(b.args, k)
				marks = append(marks, "?")
			}
			return "(r.rid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?) OR EXISTS (SELECT 1 FROM record_names n WHERE n.rid = r.rid AND n.kind IN (?, 'name') AND n.key IN (" + strings.Join(marks, ",") + ")))"
		}
		return "r.rid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
	}
	v := strings.TrimSpace(t.Text)
	switch t.Field {
	case "type":
		b.args = append(b.args, "%"+v+"%")
		return "r.type LIKE ?"
	case "category":
		b.args = append(b.args, v)
		return "r.category = ? COLLATE NOCASE"
	case "language":
		b.args = append(b.args, v, v)
		return "(r.lang = ? COLLATE NOCASE OR json_extract(r.doc, '$.languages.original') = ? COLLATE NOCASE)"
	case "collection":
		b.args = append(b.args, v, "%"+v+"%")
		return "(r.collection = ? OR json_extract(r.doc, '$.collection.title') LIKE ?)"
	case "fond":
		b.args = append(b.args, v)
		return "EXISTS (SELECT 1 FROM sources s WHERE s.rid = r.rid AND s.fond = ? COLLATE NOCASE)"
	case "id":
		b.args = append(b.args, v)
		return "r.id = ?"
	}
	return "1"
}

// pureFTS renders a tree of plain words and phrases (no filters, negation, dates,
// bare years or names, which need SQL) as one FTS5 expression.
func pureFTS(n search.Node) (string, bool) {
	switch n := n.(type) {
	case search.Term:
		col, ok := ftsColumn[n.Field]
		if !ok || n.Field == "person" || n.Field == "place" || n.Field == "" && !n.Phrase && !n.Prefix && isYear(n.Text) {
			return "", false
		}
		if hasCJK(n.Text) {
			return "cjk : " + cjkPhrase(n.Text), true
		}
		e := ftsPhrase(n.Text, n.Prefix)
		if e == "" {
			return "", false
		}
		if col != "" {
			e = col + " : " + e
		}
		return e, true
	case search.And, search.Or:
		var kids []search.Node
		op := " AND "
		if a, ok := n.(search.And); ok {
			kids = a.Nodes
		} else {
			kids = n.(search.Or).Nodes
			op = " OR "
		}
		parts := make([]string, 0, len(kids))
		for _, k := range kids {
			e, ok := pureFTS(k)
			if !ok {
				return "", false
			}
			parts = append(parts, "("+e+")")
		}
		return strings.Join(parts, op), true
	}
	return "", false
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s >= "1000" && s <= "2099"
}

// yearBoost is an ORDER BY factor: bm25 scores are negative (lower is better), so
// doubling the score of records dated in a year the query names ranks them first.
func (b *builder) yearBoost() (string, []any) {
	if len(b.years) == 0 {
		return "1.0", nil
	}
	var conds []string
	var args []any
	for _, y := range b.years {
		conds = append(conds, "(r.earliest <> '' AND r.earliest <= ? AND r.latest >= ?)")
		args = append(args, y+"-12-31", y+"-01-01")
	}
	return "(CASE WHEN " + strings.Join(conds, " OR ") + " THEN 2.0 ELSE 1.0 END)", args
}

// ftsPhrase makes an FTS5 string from words, dropping characters the tokenizer
// would ignore anyway, so nothing a user types is read as FTS5 syntax.
func ftsPhrase(s string, prefix bool) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if len(f) == 0 {
		return ""
	}
	q := `"` + strings.Join(f, " ") + `"`
	if prefix {
		q += "*"
	}
	return q
}

// facetQuery computes the total and every facet in one statement over one
// materialised set of hits, so the text index is searched once, not once a facet.
const facetQuery = `WITH hits AS MATERIALIZED (SELECT r.rid, r.type, r.category, r.lang, r.collection, r.earliest FROM records r WHERE %s)
SELECT 'total', '', count(*) FROM hits
UNION ALL SELECT 'type', type, count(*) FROM hits WHERE type <> '' GROUP BY 2
UNION ALL SELECT 'category', category, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'language', lang, count(*) FROM hits WHERE lang <> '' GROUP BY 2
UNION ALL SELECT 'collection', collection, count(*) FROM hits WHERE collection <> '' GROUP BY 2
UNION ALL SELECT 'decade', substr(earliest, 1, 3) || '0s', count(*) FROM hits WHERE earliest <> '' GROUP BY 2
UNION ALL SELECT 'year', substr(earliest, 1, 4), count(*) FROM hits WHERE earliest <> '' GROUP BY 2
UNION ALL SELECT 'repository', s.repository, count(DISTINCT h.rid) FROM hits h JOIN sources s ON s.rid = h.rid WHERE s.repository <> '' GROUP BY 2
UNION ALL SELECT 'person', n.name, count(DISTINCT h.rid) FROM hits h JOIN record_names n ON n.rid = h.rid AND n.kind = 'person' GROUP BY 2
UNION ALL SELECT 'place', n.name, count(DISTINCT h.rid) FROM hits h JOIN record_names n ON n.rid = h.rid AND n.kind = 'place' GROUP BY 2`

// facetLimit bounds long facets (people); years and decades are kept whole so a
// histogram can be drawn.
var facetLimit = map[string]int{"person": 30, "place": 30, "repository": 30, "type": 30, "collection": 30}

func (s *Store) facets(ctx context.Context, where string, args []any, auth *names.File) (int, map[string][]search.FacetCount, error) {
	out := map[string][]search.FacetCount{}
	for _, name := range search.FacetNames {
		out[name] = []search.FacetCount{}
	}
	rows, err := s.read.QueryContext(ctx, fmt.Sprintf(facetQuery, where), args...)
	if err != nil {
		return 0, nil, fmt.Errorf("facets: %w", err)
	}
	defer rows.Close()
	total := 0
	for rows.Next() {
		var name string
		var c search.FacetCount
		if err := rows.Scan(&name, &c.Value, &c.Count); err != nil {
			return 0, nil, err
		}
		if name == "total" {
			total = c.Count
			continue
		}
		out[name] = append(out[name], c)
	}
	if err := rows.Err(); err != nil {
		return 0, nil, err
	}
	for _, kind := range []string{"person", "place"} {
		out[kind] = preferredNames(out[kind], auth)
	}
	for name, counts := range out {
		if name == "year" || name == "decade" {
			sort.Slice(counts, func(i, j int) bool { return counts[i].Value < counts[j].Value })
			continue
		}
		sort.Slice(counts, func(i, j int) bool {
			if counts[i].Count != counts[j].Count {
				return counts[i].Count > counts[j].Count
			}
			return counts[i].Value < counts[j].Value
		})
		if n := facetLimit[name]; n > 0 && len(counts) > n {
			out[name] = counts[:n]
		}
	}
	return total, out, nil
}

// preferredNames shows a facet's names as the authority file prefers them,
// adding up the counts of spellings of one person.
func preferredNames(counts []search.FacetCount, auth *names.File) []search.FacetCount {
	merged := map[string]int{}
	var order []string
	for _, c := range counts {
		v := c.Value
		if m, ok := auth.Resolve(v); ok {
			v = m.Authority.Preferred
		}
		if _, seen := merged[v]; !seen {
			order = append(order, v)
		}
		merged[v] += c.Count
	}
	out := make([]search.FacetCount, 0, len(order))
	for _, v := range order {
		out = append(out, search.FacetCount{Value: v, Count: merged[v]})
	}
	return out
}
