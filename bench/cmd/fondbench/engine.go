package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// engine is one search system under test. add and finish are timed as ingest;
// reopen, query and close are not part of the ingest rate.
type engine interface {
	querier
	// add indexes docs; len(docs) is a multiple of batchSize except at the end.
	add(ctx context.Context, docs []Doc) error
	// finish makes everything added durable and closes the writer.
	finish(ctx context.Context) error
	// reopen opens the index for searching.
	reopen(ctx context.Context) error
	close() error
}

// querier is what the timed queries need of an engine: also a running
// `fond serve` (served), for the memory-limited run.
type querier interface {
	// query runs q and returns the total number of matching documents, having
	// fetched the first page of hits as a user would see them.
	query(ctx context.Context, q Query) (int, error)
}

// batchSize is documents per transaction (fond: per file, as a FRUS volume's
// documents arrive together) and per Bleve batch.
const batchSize = 100

// pageSize is the number of hits each query fetches with their titles.
const pageSize = 20

// engineNames run by default; fond-postgres needs a server, so it runs when named.
// Sphinx and Xapian are Debian packages (sphinxsearch, python3-xapian) that
// bench/search.sh installs.
var engineNames = []string{"fond", "bleve", "fts5", "sphinx", "xapian"}

var knownEngines = append(slices.Clone(engineNames), "fond-postgres")

// newEngine opens an engine on dir; fresh starts it empty (else it reuses
// what an earlier run there built, for -query-only).
func newEngine(ctx context.Context, name, dir string, fresh bool) (engine, error) {
	switch name {
	case "fond":
		return openFond(ctx, dir)
	case "fond-postgres":
		return openFondPostgres(ctx, dir, fresh)
	case "bleve":
		return openBleve(ctx, dir)
	case "fts5":
		return openFTS5(ctx, dir)
	case "sphinx", "xapian":
		if !fresh {
			return nil, fmt.Errorf("%s: -query-only is not supported (its index is rebuilt each run)", name)
		}
		if name == "sphinx" {
			return openSphinx(ctx, dir)
		}
		return openXapian(ctx, dir)
	}
	return nil, fmt.Errorf("unknown engine %q (want one of %s)", name, strings.Join(knownEngines, ", "))
}
