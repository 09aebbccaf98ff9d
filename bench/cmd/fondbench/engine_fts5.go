package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the driver fond uses, so the comparison isolates fond's SQL
)

// fts5Engine is the floor: one plain FTS5 table, the metadata filters need kept as
// UNINDEXED columns, one query for the count and one for the ranked page.
type fts5Engine struct {
	path string
	db   *sql.DB
}

const fts5Schema = `CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(
	title, summary, body, people, places, archive,
	id UNINDEXED, type UNINDEXED, year UNINDEXED, earliest UNINDEXED, latest UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2')`

// fts5Rank weighs columns as fond does (title and summary most).
const fts5Rank = `bm25(docs, 10.0, 5.0, 1.0, 3.0, 2.0, 1.0)`

func openFTS5(ctx context.Context, dir string) (*fts5Engine, error) {
	e := &fts5Engine{path: filepath.Join(dir, "fts5.db")}
	if err := e.reopen(ctx); err != nil {
		return nil, err
	}
	if _, err := e.db.ExecContext(ctx, fts5Schema); err != nil {
		e.db.Close()
		return nil, fmt.Errorf("fts5: schema: %w", err)
	}
	return e, nil
}

func (e *fts5Engine) reopen(ctx context.Context) error {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+e.path+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("fts5: open: %w", err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return fmt.Errorf("fts5: open: %w", err)
	}
	e.db = db
	return nil
}

func (e *fts5Engine) add(ctx context.Context, docs []Doc) error {
	for len(docs) > 0 {
		n := min(batchSize, len(docs))
		if err := e.insert(ctx, docs[:n]); err != nil {
			return err
		}
		docs = docs[n:]
	}
	return nil
}

func (e *fts5Engine) insert(ctx context.Context, docs []Doc) error {
	tx, err := e.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("fts5: begin: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO docs(title, summary, body, people, places, archive, id, type, year, earliest, latest)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("fts5: prepare: %w", err)
	}
	defer stmt.Close()
	for _, d := range docs {
		if _, err := stmt.ExecContext(ctx, d.Title, d.Summary, d.Body, strings.Join(d.names(), "\n"), d.Place,
			d.archiveText(), d.ID, d.Type, d.year(), d.Earliest, d.Latest); err != nil {
			return fmt.Errorf("fts5: insert %s: %w", d.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("fts5: commit: %w", err)
	}
	return nil
}

func (e *fts5Engine) finish(context.Context) error { return e.close() }

// fts5Match writes q as an FTS5 expression; every word is quoted so none is read
// as an operator.
func fts5Match(q Query) string {
	switch q.Class {
	case "and":
		return `"` + strings.Join(q.Words, `" AND "`) + `"`
	case "phrase":
		return `"` + strings.Join(q.Words, " ") + `"`
	case "prefix":
		return `"` + q.Prefix + `"*`
	}
	return `"` + q.Words[0] + `"`
}

func (e *fts5Engine) query(ctx context.Context, q Query) (int, error) {
	where := `docs MATCH ?`
	args := []any{fts5Match(q)}
	if q.Class == "facet_date" {
		where += ` AND earliest <> '' AND earliest <= ? AND latest >= ?`
		args = append(args, fmt.Sprintf("%04d-12-31", q.To), fmt.Sprintf("%04d-01-01", q.From))
	}
	var total int
	if err := e.db.QueryRowContext(ctx, `SELECT count(*) FROM docs WHERE `+where, args...).Scan(&total); err != nil {
		return 0, fmt.Errorf("fts5: count %q: %w", args[0], err)
	}
	rows, err := e.db.QueryContext(ctx, `SELECT id, title, snippet(docs, -1, '<mark>', '</mark>', '…', 24) FROM docs WHERE `+
		where+` ORDER BY `+fts5Rank+` LIMIT ?`, append(args, pageSize)...)
	if err != nil {
		return 0, fmt.Errorf("fts5: page %q: %w", args[0], err)
	}
	if err := drain(rows, 3); err != nil {
		return 0, fmt.Errorf("fts5: page: %w", err)
	}
	if q.Class == "facet_date" {
		for _, col := range []string{"type", "year"} {
			rows, err := e.db.QueryContext(ctx, `SELECT `+col+`, count(*) FROM docs WHERE `+where+` GROUP BY 1 ORDER BY 2 DESC`, args...)
			if err != nil {
				return 0, fmt.Errorf("fts5: facet %s: %w", col, err)
			}
			if err := drain(rows, 2); err != nil {
				return 0, fmt.Errorf("fts5: facet %s: %w", col, err)
			}
		}
	}
	return total, nil
}

// drain reads every row as strings, as a caller rendering them would.
func drain(rows *sql.Rows, cols int) error {
	defer rows.Close()
	vals := make([]sql.NullString, cols)
	ptrs := make([]any, cols)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (e *fts5Engine) close() error {
	if e.db == nil {
		return nil
	}
	err := e.db.Close()
	e.db = nil
	return err
}
