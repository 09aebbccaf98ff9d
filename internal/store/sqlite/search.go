package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"strings"
	"unicode"

	"fond/internal/search"
)

// Snippet markers: control characters that cannot occur in stored text survive
// FTS5's snippet() and are swapped for <mark> after the text is HTML-escaped.
const markOpen, markClose = "\x02", "\x03"

// Search implements store.Store with FTS5. Title and summary weigh more than body.
func (s *Store) Search(ctx context.Context, q search.Query) (search.Result, error) {
	q.Normalize()
	match := ftsExpr(q.Text)
	res := search.Result{Hits: []search.Hit{}}
	if match == "" {
		return res, nil
	}
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM records_fts WHERE records_fts MATCH ?`, match).Scan(&res.Total); err != nil {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	order := "rank"
	switch q.Sort {
	case search.SortDateAsc:
		order = "r.earliest = '', r.earliest, r.id"
	case search.SortDateDesc:
		order = "r.earliest DESC, r.id"
	}
	rows, err := s.read.QueryContext(ctx, `SELECT r.id, r.doc, r.ingested_at,
			snippet(records_fts, -1, ?, ?, '…', 24), bm25(records_fts, 10.0, 5.0, 1.0, 1.0, 3.0) AS rank
		FROM records_fts JOIN records r ON r.rid = records_fts.rowid
		WHERE records_fts MATCH ? ORDER BY `+order+` LIMIT ? OFFSET ?`,
		markOpen, markClose, match, q.Limit, q.Offset)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, doc, ingested, snip string
		var rank sql.NullFloat64
		if err := rows.Scan(&id, &doc, &ingested, &snip, &rank); err != nil {
			return res, err
		}
		r, err := decodeDoc(doc, ingested)
		if err != nil {
			return res, err
		}
		res.Hits = append(res.Hits, search.Hit{
			ID: r.ID, Title: r.Title, Date: r.Date, Type: r.Type, Summary: r.Summary,
			Snippet: markSnippet(snip), Score: -rank.Float64,
		})
	}
	return res, rows.Err()
}

func markSnippet(s string) string {
	s = html.EscapeString(s)
	s = strings.ReplaceAll(s, markOpen, "<mark>")
	return strings.ReplaceAll(s, markClose, "</mark>")
}

// ftsExpr turns a user query into a safe FTS5 expression: words and phrases are
// quoted (so punctuation cannot be read as FTS5 syntax), a trailing * keeps prefix
// search, and AND/OR/NOT and parentheses pass through when balanced.
func ftsExpr(text string) string {
	var out []string
	depth := 0
	rs := []rune(text)
	for i := 0; i < len(rs); {
		c := rs[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '(':
			out = append(out, "(")
			depth++
			i++
		case c == ')':
			if depth > 0 {
				out = append(out, ")")
				depth--
			}
			i++
		case c == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if phrase := quote(string(rs[i+1 : min(j, len(rs))])); phrase != "" {
				out = append(out, phrase)
			}
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '(' && rs[j] != ')' && rs[j] != '"' {
				j++
			}
			word := string(rs[i:j])
			i = j
			switch word {
			case "AND", "OR", "NOT":
				out = append(out, word)
				continue
			}
			prefix := strings.HasSuffix(word, "*")
			if q := quote(strings.TrimRight(word, "*")); q != "" {
				if prefix {
					q += "*"
				}
				out = append(out, q)
			}
		}
	}
	for ; depth > 0; depth-- {
		out = append(out, ")")
	}
	return tidyOperators(out)
}

// quote makes an FTS5 string from words, dropping characters the tokenizer would
// ignore anyway; "" when nothing searchable is left.
func quote(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if len(f) == 0 {
		return ""
	}
	return `"` + strings.Join(f, " ") + `"`
}

// tidyOperators drops operators that would make FTS5 reject the expression (leading,
// trailing, doubled, or next to a parenthesis) rather than failing the user's search.
func tidyOperators(toks []string) string {
	isOp := func(t string) bool { return t == "AND" || t == "OR" || t == "NOT" }
	var out []string
	for _, t := range toks {
		if isOp(t) && (len(out) == 0 || isOp(out[len(out)-1]) || out[len(out)-1] == "(") {
			continue
		}
		if t == ")" && len(out) > 0 && isOp(out[len(out)-1]) {
			out = out[:len(out)-1]
		}
		if t == ")" && len(out) > 0 && out[len(out)-1] == "(" {
			out = out[:len(out)-1]
			continue
		}
		out = append(out, t)
	}
	for len(out) > 0 && isOp(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	// FTS5 accepts implicit AND between phrases but not next to a parenthesis.
	var joined []string
	for i, t := range out {
		if i > 0 {
			prev := out[i-1]
			if (t == "(" || prev == ")") && !isOp(prev) && prev != "(" && !isOp(t) && t != ")" {
				joined = append(joined, "AND")
			}
		}
		joined = append(joined, t)
	}
	return strings.Join(joined, " ")
}
