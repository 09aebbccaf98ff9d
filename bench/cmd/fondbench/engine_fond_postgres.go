package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"fond/internal/store/postgres"
	"fond/internal/store/sqlstore"
)

// benchSchema is where the fond-postgres engine keeps its archive: one schema,
// emptied by each ingest run and kept afterwards for -query-only runs.
const benchSchema = "fondbench"

// postgresServer is the server fond-postgres uses: $FONDBENCH_POSTGRES, else the
// one on this machine.
func postgresServer() string {
	if u := os.Getenv("FONDBENCH_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// fondPostgres is fond's store on PostgreSQL: the same engine as "fond", with
// the database on a server (on this machine, over loopback) and the index
// snapshot in dir.
type fondPostgres struct {
	*fondEngine
	server string
}

func openFondPostgres(ctx context.Context, dir string, fresh bool) (*fondPostgres, error) {
	server := postgresServer()
	db, err := sql.Open("pgx", server)
	if err != nil {
		return nil, fmt.Errorf("fond-postgres: %w", err)
	}
	defer db.Close()
	if fresh {
		if _, err := db.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+benchSchema+` CASCADE`); err != nil {
			return nil, fmt.Errorf("fond-postgres: %s: %w", postgres.Redact(server), err)
		}
	}
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+benchSchema); err != nil {
		return nil, fmt.Errorf("fond-postgres: %s: %w", postgres.Redact(server), err)
	}
	u, err := url.Parse(server)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("search_path", benchSchema)
	u.RawQuery = q.Encode()
	snapshot := filepath.Join(dir, "fond-postgres.index")
	e := &fondPostgres{server: server, fondEngine: &fondEngine{open: func(ctx context.Context) (*sqlstore.Store, error) {
		return postgres.Open(ctx, u.String(), snapshot)
	}}}
	return e, e.reopen(ctx)
}

// dbSize is the bytes of the schema's tables with their indexes and TOAST.
func (e *fondPostgres) dbSize(ctx context.Context) (int64, error) {
	db, err := sql.Open("pgx", e.server)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n sql.NullInt64
	err = db.QueryRowContext(ctx, `SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
		WHERE s.nspname = $1 AND c.relkind = 'r'`, benchSchema).Scan(&n)
	return n.Int64, err
}
