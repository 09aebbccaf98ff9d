package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fond/internal/index"
	"fond/internal/record"

	"fond/internal/store"
	"fond/internal/store/postgres"
	"fond/internal/store/sqlite"
)

// openStore opens the configured store: a postgres:// URL selects PostgreSQL,
// anything else names the embedded SQLite file.
func (e *env) openStore(ctx context.Context) (store.Store, error) {
	var st store.Store
	var err error
	if postgres.IsURL(e.dbPath) {
		st, err = postgres.Open(ctx, e.dbPath, postgresSnapshot(e.dbPath))
	} else {
		st, err = sqlite.Open(ctx, e.dbPath)
	}
	if s, ok := st.(interface{ SetIndexOptions(index.Options) }); ok && err == nil {
		s.SetIndexOptions(e.indexOpts)
	}
	return st, err
}

// postgresSnapshot is where this machine keeps its copy of a PostgreSQL
// archive's search index between runs: in the user's cache folder, one file per
// database URL ("" when there is no cache folder, so that each start rebuilds).
func postgresSnapshot(url string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(url))
	dir = filepath.Join(dir, "fond")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	return filepath.Join(dir, "index-"+hex.EncodeToString(sum[:8]))
}

// dbName is the database as messages show it: a URL without its password.
func (e *env) dbName() string {
	return postgres.Redact(e.dbPath)
}

// openIndexedStore opens the store with its search index loaded, for commands
// that write many records (ingest, reindex) or serve searches: each write is then
// indexed as it is stored, and the archive is ready to search when they end.
func (e *env) openIndexedStore(ctx context.Context) (store.Store, error) {
	st, err := e.openStore(ctx)
	if err != nil {
		return nil, err
	}
	if w, ok := st.(store.IndexLoader); ok {
		start := time.Now()
		if err := w.LoadIndex(ctx); err != nil {
			st.Close()
			return nil, err
		}
		e.log.Debug("search index ready", "took", time.Since(start).Round(time.Millisecond))
	}
	return st, nil
}

// indexWorthLoading is how large an ingest's input must be, beside the saved
// index, for the ingest to load the index and keep it current as it stores.
// Loading costs reading the whole snapshot and, at the end, writing it again
// (488 MB at 100k documents); catching up from the change log later costs
// analysing what changed. An input an eighth of the snapshot's size or more
// is a bulk ingest, where indexing as records are stored is the fast way.
const indexWorthLoading = 8

// loadIndexFor says whether an ingest of inputBytes loads the search index.
func (e *env) loadIndexFor(mode string, inputBytes int64) (bool, error) {
	switch mode {
	case "load":
		return true, nil
	case "skip":
		return false, nil
	case "auto":
	default:
		return false, fmt.Errorf("%w: --index %q: auto, load or skip", errUsage, mode)
	}
	path := e.dbPath + "-index"
	if postgres.IsURL(e.dbPath) {
		path = postgresSnapshot(e.dbPath)
	}
	info, err := os.Stat(path)
	if path == "" || err != nil {
		return true, nil // no saved index: this ingest builds it
	}
	return inputBytes*indexWorthLoading >= info.Size(), nil
}

// records loads the records named by ids (exactly want of them) from the store.
func (e *env) records(ctx context.Context, ids []string, want int) ([]record.Record, error) {
	if len(ids) != want {
		return nil, fmt.Errorf("%w: name %d record id(s)", errUsage, want)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	out := make([]record.Record, 0, want)
	for _, id := range ids {
		r, err := st.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}
