package main

import (
	"context"

	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// openStore opens the configured store. Today that is the embedded SQLite file; a
// postgres:// URL will select the PostgreSQL store when it lands.
func (e *env) openStore(ctx context.Context) (store.Store, error) {
	return sqlite.Open(ctx, e.dbPath)
}
