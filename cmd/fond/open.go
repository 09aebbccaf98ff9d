package main

import (
	"context"
	"fmt"
	"time"

	"fond/internal/record"

	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// openStore opens the configured store. Today that is the embedded SQLite file; a
// postgres:// URL will select the PostgreSQL store when it lands.
func (e *env) openStore(ctx context.Context) (store.Store, error) {
	return sqlite.Open(ctx, e.dbPath)
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
