package main

import (
	"errors"
	"flag"
	"time"
)

// Config is one load test's shape and bounds.
type Config struct {
	Fond     string // the fond binary
	Database string // a PostgreSQL URL of an empty schema (run makes one)
	Dir      string // work folder: letters, servers' caches and logs

	Servers     int           // `fond serve` processes on the one database
	Readers     int           // concurrent readers, spread over the servers
	Duration    time.Duration // the least time readers run; they also wait for the writers
	MaxRequests int           // readers stop after this many requests, whatever the time

	Initial   int // letters ingested before the servers start
	Batches   int // folders ingested, one after another, while readers read
	BatchSize int // letters in each
	Edits     int // records the editor unpublishes and publishes in turn while the ingest runs

	// ConvergeWithin is the promise: once the writers stop, every server
	// gives the same answers (and the true counts) within this delay.
	ConvergeWithin time.Duration
	Seed           uint64
}

// DefaultConfig is the long form behind docs/benchmarks.md.
var DefaultConfig = Config{Fond: "fond", Servers: 3, Readers: 6, Duration: time.Minute, MaxRequests: 200000,
	Initial: 1000, Batches: 10, BatchSize: 100, Edits: 4, ConvergeWithin: 5 * time.Second, Seed: 21}

// RegisterFlags adds a flag for each field a user may choose.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Fond, "fond", c.Fond, "the fond binary (go build -o fond ./cmd/fond)")
	fs.IntVar(&c.Servers, "servers", c.Servers, "fond serve processes sharing the database")
	fs.IntVar(&c.Readers, "readers", c.Readers, "concurrent readers, spread evenly over the servers")
	fs.DurationVar(&c.Duration, "duration", c.Duration, "least time the readers run (they also wait for the writers to finish)")
	fs.IntVar(&c.MaxRequests, "max-requests", c.MaxRequests, "readers stop after this many requests")
	fs.IntVar(&c.Initial, "initial", c.Initial, "letters ingested before the servers start")
	fs.IntVar(&c.Batches, "batches", c.Batches, "folders ingested during the load, one after another")
	fs.IntVar(&c.BatchSize, "batch-size", c.BatchSize, "letters in each folder")
	fs.IntVar(&c.Edits, "edits", c.Edits, "records unpublished and published again during the ingest")
	fs.DurationVar(&c.ConvergeWithin, "converge-within", c.ConvergeWithin, "the delay within which every server must give the same answers once writes stop")
	fs.Uint64Var(&c.Seed, "seed", c.Seed, "seed of the letters and the readers' choices")
}

func (c Config) check() error {
	switch {
	case c.Fond == "" || c.Database == "" || c.Dir == "":
		return errors.New("the fond binary, the database and the work folder are needed")
	case c.Servers < 1 || c.Readers < 1 || c.Initial < 1 || c.Batches < 1 || c.BatchSize < 1:
		return errors.New("servers, readers, initial letters, batches and batch size must each be at least 1")
	case c.Duration <= 0 || c.MaxRequests < 1 || c.ConvergeWithin <= 0:
		return errors.New("the duration, the request bound and the convergence delay must be positive")
	case c.Edits < 0 || c.Edits >= c.Initial:
		return errors.New("the edited records must be fewer than the initial letters (readers open the others)")
	case c.Servers > 16 || c.Readers > 256:
		return errors.New("at most 16 servers and 256 readers: this is a test on one machine")
	}
	return nil
}
