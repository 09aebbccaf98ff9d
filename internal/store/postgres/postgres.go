// Package postgres is fond's store for institutions that outgrow one file: the
// same statements and search index as the embedded store (sqlstore), on
// PostgreSQL, so that several servers can share one archive. Each server keeps
// its own search index in memory and follows the others' writes through the
// database's change log.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"runtime"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"fond/internal/store/sqlstore"
)

// Store is the shared SQL store, opened on a PostgreSQL database.
type Store = sqlstore.Store

//go:embed migrations/*.sql
var migrations embed.FS

// dialect: writers in several processes take turns on the generation's row
// lock, which also makes generations commit in the order they are handed out;
// the index catches up inside one repeatable-read snapshot.
var dialect = &sqlstore.Dialect{
	Name:           "postgres",
	Numbered:       true,
	Bump:           `UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'gen' RETURNING value::bigint`,
	LockWriters:    `SELECT 1 FROM meta WHERE key = 'gen' FOR UPDATE`,
	LockMigrations: `SELECT pg_advisory_xact_lock(7220461)`,
	CatchUp:        sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
	Greatest:       "greatest",
}

// IsURL reports whether a database name is a PostgreSQL connection URL rather
// than an SQLite file.
func IsURL(name string) bool {
	return strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:port/db?…), brings
// its schema up to date, and returns the store. snapshot is a local file the
// search index is saved in between runs ("" to rebuild it at every start).
func Open(ctx context.Context, url, snapshot string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", Redact(url), err)
	}
	db.SetMaxOpenConns(2*runtime.NumCPU() + 2)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", Redact(url), err)
	}
	if err := sqlstore.Migrate(ctx, db, dialect, migrations); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", Redact(url), err)
	}
	s, err := sqlstore.New(ctx, db, db, dialect, snapshot)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", Redact(url), err)
	}
	return s, nil
}

// Redact drops a password from a URL, in its user part or its query, before it
// reaches an error message or log.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return raw
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}
