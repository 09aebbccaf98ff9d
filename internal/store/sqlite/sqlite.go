// Package sqlite is fond's embedded store: one SQLite file in WAL mode, written by a
// single connection and read by a pool, with fond's own search index (internal/index) kept in step through a change log.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"sync"
	"sync/atomic"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"fond/internal/index"
	"fond/internal/names"
	"fond/internal/store"
)

// Store implements store.Store on SQLite.
type Store struct {
	write *sql.DB // exactly one connection: SQLite allows one writer at a time
	read  *sql.DB
	auth  atomic.Pointer[names.File]
	path  string
	idxMu sync.Mutex   // one index load or catch-up at a time
	idx   *index.Index // nil until the first search or LoadIndex
	saved int64        // the generation of the snapshot on disk
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the database file at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	dsn := "file:" + path + "?" + q.Encode()
	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(2, runtime.NumCPU()))
	s := &Store{write: w, read: r, path: path}
	if err := s.loadAuthorities(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Close saves the search index if it changed, and closes both pools. The index
// is a cache: failing to save it (a read-only folder) costs the next open a
// rebuild, not the caller an error.
func (s *Store) Close() error {
	if err := s.saveSnapshot(); err != nil {
		slog.Warn("search index not saved; the next open rebuilds it", "err", err)
	}
	return errors.Join(s.read.Close(), s.write.Close())
}
