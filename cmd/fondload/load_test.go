package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fond/internal/testutil"
)

// The load test's short form, in CI: two servers on one PostgreSQL schema,
// four readers, an ingest of two folders and an editor, with the servers'
// default limits. No request fails or is refused, every kind is exercised,
// the servers agree on the answers once the writes stop, and the request
// bound holds. (The long form, for docs/benchmarks.md, is the command.)
func TestLoadShortForm(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the load test in -short mode")
	}
	db := testutil.PostgresSchema(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "fond")
	testutil.GoBuild(t, "../fond", bin)
	cfg := Config{Fond: bin, Database: db, Dir: dir, Servers: 2, Readers: 4, Duration: 3 * time.Second, MaxRequests: 1500,
		Initial: 60, Batches: 2, BatchSize: 15, Edits: 2, ConvergeWithin: 30 * time.Second, Seed: 7}
	var log strings.Builder
	rep, err := Run(context.Background(), cfg, &log)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	t.Log("\n" + rep.Markdown())
	if !rep.OK() {
		t.Errorf("load test failed: %s", rep.Failure())
	}
	if rep.Requests > cfg.MaxRequests || rep.Requests == 0 {
		t.Errorf("%d requests made, bound %d", rep.Requests, cfg.MaxRequests)
	}
	if rep.Edits < 2 {
		t.Errorf("the editor made %d edits during the ingest", rep.Edits)
	}
	if rep.Records != 90 || !rep.Converged {
		t.Errorf("records %d, converged %v: %s", rep.Records, rep.Converged, rep.Disagreement)
	}
}

// A configuration outside the bounds is refused before anything starts.
func TestConfigBounds(t *testing.T) {
	good := Config{Fond: "fond", Database: "postgres://x", Dir: "d", Servers: 2, Readers: 2, Duration: time.Second, MaxRequests: 10,
		Initial: 5, Batches: 1, BatchSize: 1, Edits: 1, ConvergeWithin: time.Second}
	if err := good.check(); err != nil {
		t.Fatalf("a sound configuration refused: %v", err)
	}
	for name, change := range map[string]func(*Config){
		"no database":         func(c *Config) { c.Database = "" },
		"no servers":          func(c *Config) { c.Servers = 0 },
		"too many servers":    func(c *Config) { c.Servers = 17 },
		"too many readers":    func(c *Config) { c.Readers = 257 },
		"no duration":         func(c *Config) { c.Duration = 0 },
		"no request bound":    func(c *Config) { c.MaxRequests = 0 },
		"every record edited": func(c *Config) { c.Edits = 5 },
	} {
		c := good
		change(&c)
		if err := c.check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// The percentile is the nearest rank: p50 of 1..4 is 2, p99 and max are 4.
func TestRank(t *testing.T) {
	d := []time.Duration{1, 2, 3, 4}
	if rank(d, 0.5) != 2 || rank(d, 0.99) != 4 || rank(d, 1) != 4 || rank(nil, 0.5) != 0 {
		t.Errorf("rank: %v %v %v", rank(d, 0.5), rank(d, 0.99), rank(d, 1))
	}
}
