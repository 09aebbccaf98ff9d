// Package sqlite is fond's embedded store: one SQLite file in WAL mode, written by a
// single connection and read by a pool (the statements themselves are sqlstore's).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"fond/internal/store/sqlstore"
)

// Store is the shared SQL store, opened on a SQLite file.
type Store = sqlstore.Store

//go:embed migrations/*.sql
var migrations embed.FS

// dialect: one writer connection, so writers need no lock; one read transaction
// already sees one moment.
var dialect = &sqlstore.Dialect{
	Name:     "sqlite",
	Bump:     `UPDATE meta SET value = value + 1 WHERE key = 'gen' RETURNING value`,
	CatchUp:  sql.TxOptions{ReadOnly: true},
	Greatest: "max",
	// The writer is one connection that stays open, so what it prepares it keeps.
	PrepareWrites: true,
}

// Open opens (creating if needed) the database file at path and brings its schema
// up to date. The search index is saved beside it, as SQLite keeps its -wal and
// -shm files.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	q := url.Values{}
	// The writer checkpoints the log itself only past walFallbackPages: below
	// that, checkpointWAL does it beside (see there).
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)", "temp_store(MEMORY)", "cache_size(-32768)",
		fmt.Sprintf("wal_autocheckpoint(%d)", walFallbackPages)} {
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
	if err := sqlstore.Migrate(ctx, w, dialect, migrations); err != nil {
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	// Readers map the file rather than copy its pages with a system call each:
	// a result page reads twenty bodies, most of them on overflow pages, and
	// mapped reads took a fifth off that (BenchmarkPageBodies, "mmap"). The size
	// is this SQLite build's ceiling (SQLITE_MAX_MMAP_SIZE); past it, pages are
	// read as before. Only readers map: a writer's pages stay in its cache.
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)&_pragma=mmap_size(2147418112)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(2, runtime.NumCPU()))
	cp, err := sql.Open("sqlite", dsn)
	if err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	cp.SetMaxOpenConns(1)
	s, err := sqlstore.New(ctx, w, r, dialect, path+"-index")
	if err != nil {
		cp.Close()
		r.Close()
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	commits := s.Commits()
	s.RunBeside(func(ctx context.Context) {
		checkpointWAL(ctx, cp, commits, checkpointEvery)
		cp.Close()
	})
	return s, nil
}

// Checkpoints, which copy the write-ahead log's pages into the database file
// and sync both, ran inside the writer's commits (SQLite's automatic
// checkpoint, every 1,000 pages): an execution trace of a 100k ingest had the
// writer in them 13.5 s of 50, 10.4 s of it waiting for fsync, while the
// index's goroutines waited for its next file (docs/decisions.md,
// "Checkpoints beside the writer"). A connection of their own now checkpoints
// at most every checkpointEvery while commits come, and not at all while
// none do, without blocking the writer (PASSIVE); the writer
// checkpoints itself only when the log passes walFallbackPages, which bounds
// the log. A bulk ingest reaches that bound: SQLite starts the log over only
// when a write begins with all of it copied, which between two files the
// background seldom has; the writer's checkpoint then finds most pages copied.
const (
	walFallbackPages = 16384 // 64 MB of 4 KB pages
	checkpointEvery  = 100 * time.Millisecond
)

// checkpoints counts the checkpoints run beside writers, for tests to see
// when they run.
var checkpoints atomic.Int64

// checkpointWAL runs checkpoints while commits are told on commits, each
// starting every after the last began (as a ticker would: one that took
// longer is followed at once), and waits while none is.
func checkpointWAL(ctx context.Context, cp *sql.DB, commits <-chan struct{}, every time.Duration) {
	var next time.Time // when the next checkpoint may start
	for {
		select {
		case <-ctx.Done():
			return
		case <-commits:
		}
		if wait := time.Until(next); wait > 0 {
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
		}
		next = time.Now().Add(every)
		checkpoints.Add(1)
		if _, err := cp.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil && ctx.Err() == nil {
			slog.Debug("checkpoint beside the writer failed; the writer's own takes over past its bound", "err", err)
		}
	}
}
