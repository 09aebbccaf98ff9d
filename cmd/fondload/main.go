// Command fondload is fond's load test. It starts several `fond serve` on one
// PostgreSQL database, all on loopback, and runs readers against them
// (searches, document pages, OAI-PMH harvesting) while another process
// ingests and an editor, signed in once, unpublishes and publishes records
// through the forms of each server in turn. It counts every
// answer that is not a 200 as an error, checks that the servers converge on
// the same answers once the writes stop, and prints p50/p99 by request kind
// (docs/benchmarks.md). It is bounded: --duration, --max-requests, and a
// fresh schema of its own, dropped at the end.
//
//	go build -o /tmp/fond ./cmd/fond
//	go run ./cmd/fondload --fond /tmp/fond --servers 3 --readers 6 --duration 60s
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, as fond's postgres store
)

func main() {
	cfg := DefaultConfig
	server := flag.String("postgres", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable", "PostgreSQL server; a schema fondload_<random> is made there and dropped at the end")
	cfg.RegisterFlags(flag.CommandLine)
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, cfg, *server))
}

func run(ctx context.Context, cfg Config, server string) int {
	db, drop, err := freshSchema(ctx, server)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fondload:", err)
		return 2
	}
	defer drop()
	cfg.Database = db
	dir, err := os.MkdirTemp("", "fondload-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "fondload:", err)
		return 2
	}
	defer os.RemoveAll(dir)
	cfg.Dir = dir
	rep, err := Run(ctx, cfg, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fondload:", err)
		return 2
	}
	fmt.Print(rep.Markdown())
	if !rep.OK() {
		fmt.Fprintln(os.Stderr, "fondload: FAILED:", rep.Failure())
		return 1
	}
	return 0
}

// freshSchema makes an empty schema on server and returns a database URL
// that uses it, and a function that drops it.
func freshSchema(ctx context.Context, server string) (string, func(), error) {
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return "", nil, err
	}
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("PostgreSQL at %s: %w", server, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "fondload_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	drop := func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	}
	u, err := url.Parse(server)
	if err != nil {
		drop()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}
