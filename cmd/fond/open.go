package main

import (
	"context"
	"fmt"

	"fond/internal/record"

	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// openStore opens the configured store. Today that is the embedded SQLite file; a
// postgres:// URL will select the PostgreSQL store when it lands.
func (e *env) openStore(ctx context.Context) (store.Store, error) {
	return sqlite.Open(ctx, e.dbPath)
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
