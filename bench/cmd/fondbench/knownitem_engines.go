package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/search"
)

// fondKI is fond as the reading room runs it: volumes ingested by the
// ordinary pipeline, queries through Store.Search. The store is opened as the
// benchmark opens it, index loaded first.
type fondKI struct{ *fondEngine }

func openFondKI(ctx context.Context, dir string) (fondKI, error) {
	e, err := openFond(ctx, dir)
	return fondKI{e}, err
}

// load runs fond ingest's own pipeline on each volume: the records stored are
// those eval.LoadFRUS read, with the same ids.
func (e fondKI) load(ctx context.Context, files []string, _ []record.Record) error {
	in := &ingest.Ingester{Store: e.st}
	for _, f := range files {
		if _, err := in.File(ctx, f); err != nil {
			return fmt.Errorf("fond: %w", err)
		}
	}
	return nil
}

// modes: "default" is the query as the reading room runs it (match=most:
// every word first, then most of them, near spellings of rare words); "and"
// the query language's every-word match; "or" joins the words with OR, to
// show what OR semantics alone would change.
func (e fondKI) modes() []string { return []string{"default", "and", "or"} }

func (e fondKI) topIDs(ctx context.Context, mode, text string, k int) ([]string, error) {
	q := search.Query{Text: text, Limit: k, Match: search.MatchMost}
	switch mode {
	case "and":
		q.Match = search.MatchAll
	case "or":
		q.Text, q.Match = strings.Join(plainWords(text), " OR "), search.MatchAll
	}
	res, err := e.st.Search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("fond: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// kiFields is what the peers index of a record: what fond's index holds
// (title, body, notes, people, places, sources and genre) plus the date as
// printed, which a generic engine can only hold as text and which lets a year
// typed in a query match.
func kiFields(r *record.Record) map[string]string {
	var notes, archive []string
	for _, n := range r.Notes {
		notes = append(notes, n.Text)
	}
	for _, s := range r.Sources {
		archive = append(archive, s.Repository, s.Abbreviation, s.Reference)
	}
	archive = append(archive, r.Type)
	date := r.Date.Display
	if date == "" {
		date = r.Date.EDTF
	}
	return map[string]string{
		"title": r.Title, "body": r.Body, "notes": strings.Join(notes, "\n"),
		"people": strings.Join(r.Names(), "\n"), "places": r.Place,
		"archive": strings.Join(archive, "\n"), "date": date,
	}
}

var kiFieldNames = []string{"title", "body", "notes", "people", "places", "archive", "date"}

// bleveKI: scorch, English analyzer, BM25, every field in _all.
type bleveKI struct{ *bleveEngine }

func openBleveKI(dir string) (bleveKI, error) {
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range kiFieldNames {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = en.AnalyzerName
		fm.Store = false
		dm.AddFieldMappingsAt(f, fm)
	}
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = en.AnalyzerName
	im.ScoringModel = index.BM25Scoring
	var m mapping.IndexMapping = im
	idx, err := bleve.New(filepath.Join(dir, "bleve"), m)
	if err != nil {
		return bleveKI{}, fmt.Errorf("bleve: create: %w", err)
	}
	return bleveKI{&bleveEngine{path: filepath.Join(dir, "bleve"), idx: idx}}, nil
}

func (e bleveKI) load(ctx context.Context, _ []string, recs []record.Record) error {
	for len(recs) > 0 && ctx.Err() == nil {
		n := min(batchSize, len(recs))
		b := e.idx.NewBatch()
		for i := range recs[:n] {
			if err := b.Index(recs[i].ID, kiFields(&recs[i])); err != nil {
				return fmt.Errorf("bleve: %w", err)
			}
		}
		if err := e.idx.Batch(b); err != nil {
			return fmt.Errorf("bleve: batch: %w", err)
		}
		recs = recs[n:]
	}
	return ctx.Err()
}

// modes: a match query (its words SHOULD, Bleve's default operator), the
// same with AND, the query-string syntax a search box passes on (bare words
// SHOULD as well), and the match query allowing one edit per word, Bleve's
// answer to a misspelled name.
func (e bleveKI) modes() []string {
	return []string{"match", "match-and", "query-string", "match-fuzzy"}
}

// bleveSpecial are the query-string syntax's operator characters, escaped
// so that a hyphenated name is a word, not a negation.
var bleveSpecial = strings.NewReplacer(`+`, `\+`, `-`, `\-`, `=`, `\=`, `&`, `\&`, `|`, `\|`, `>`, `\>`, `<`, `\<`,
	`!`, `\!`, `(`, `\(`, `)`, `\)`, `{`, `\{`, `}`, `\}`, `[`, `\[`, `]`, `\]`, `^`, `\^`, `"`, `\"`, `~`, `\~`,
	`*`, `\*`, `?`, `\?`, `:`, `\:`, `\`, `\\`, `/`, `\/`)

func (e bleveKI) topIDs(ctx context.Context, mode, text string, k int) ([]string, error) {
	var q query.Query
	switch mode {
	case "match-and":
		m := bleve.NewMatchQuery(text)
		m.SetOperator(query.MatchQueryOperatorAnd)
		q = m
	case "match-fuzzy":
		m := bleve.NewMatchQuery(text)
		m.SetFuzziness(1)
		q = m
	case "query-string":
		q = bleve.NewQueryStringQuery(bleveSpecial.Replace(text))
	default:
		q = bleve.NewMatchQuery(text)
	}
	res, err := e.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, k, 0, false))
	if err != nil {
		return nil, fmt.Errorf("bleve: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// fts5KI: one FTS5 table, bm25 with fond's column weights where fond has the
// column (title 10, people 3, places 2, the rest 1).
type fts5KI struct{ e *fts5Engine }

const fts5KISchema = `CREATE VIRTUAL TABLE ki USING fts5(
	title, body, notes, people, places, archive, date, id UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2')`

const fts5KIRank = `bm25(ki, 10.0, 1.0, 1.0, 3.0, 2.0, 1.0, 1.0)`

func openFTS5KI(ctx context.Context, dir string) (*fts5KI, error) {
	e := &fts5Engine{path: filepath.Join(dir, "fts5.db")}
	if err := e.reopen(ctx); err != nil {
		return nil, err
	}
	if _, err := e.db.ExecContext(ctx, fts5KISchema); err != nil {
		e.close()
		return nil, fmt.Errorf("fts5: schema: %w", err)
	}
	return &fts5KI{e: e}, nil
}

func (f *fts5KI) load(ctx context.Context, _ []string, recs []record.Record) error {
	tx, err := f.e.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO ki(title, body, notes, people, places, archive, date, id) VALUES (?,?,?,?,?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	defer stmt.Close()
	for i := range recs {
		m := kiFields(&recs[i])
		if _, err := stmt.ExecContext(ctx, m["title"], m["body"], m["notes"], m["people"], m["places"], m["archive"], m["date"], recs[i].ID); err != nil {
			return fmt.Errorf("fts5: insert: %w", err)
		}
	}
	return tx.Commit()
}

func (f *fts5KI) modes() []string { return []string{"or", "and"} }

// topIDs quotes every word, so none is read as an operator, and joins them
// with OR or AND.
func (f *fts5KI) topIDs(ctx context.Context, mode, text string, k int) ([]string, error) {
	words := plainWords(text)
	if len(words) == 0 {
		return nil, nil
	}
	op := " OR "
	if mode == "and" {
		op = " AND "
	}
	match := `"` + strings.Join(words, `"`+op+`"`) + `"`
	rows, err := f.e.db.QueryContext(ctx, `SELECT id FROM ki WHERE ki MATCH ? ORDER BY `+fts5KIRank+` LIMIT ?`, match, k)
	if err != nil {
		return nil, fmt.Errorf("fts5: %q: %w", match, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id sql.NullString
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id.String)
	}
	return ids, rows.Err()
}

func (f *fts5KI) close() error { return f.e.close() }
