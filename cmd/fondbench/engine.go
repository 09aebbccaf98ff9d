package main

import (
	"context"
	"fmt"
)

// engine is one search system under test. add and finish are timed as ingest;
// reopen, query and close are not part of the ingest rate.
type engine interface {
	// add indexes docs; len(docs) is a multiple of batchSize except at the end.
	add(ctx context.Context, docs []Doc) error
	// finish makes everything added durable and closes the writer.
	finish(ctx context.Context) error
	// reopen opens the index for searching.
	reopen(ctx context.Context) error
	// query runs q and returns the total number of matching documents, having
	// fetched the first page of hits as a user would see them.
	query(ctx context.Context, q Query) (int, error)
	close() error
}

// batchSize is documents per transaction (fond: per file, as a FRUS volume's
// documents arrive together) and per Bleve batch.
const batchSize = 100

// pageSize is the number of hits each query fetches with their titles.
const pageSize = 20

var engineNames = []string{"fond", "bleve", "fts5"}

func newEngine(ctx context.Context, name, dir string) (engine, error) {
	switch name {
	case "fond":
		return openFond(ctx, dir)
	case "bleve":
		return openBleve(ctx, dir)
	case "fts5":
		return openFTS5(ctx, dir)
	}
	return nil, fmt.Errorf("unknown engine %q (want fond, bleve or fts5)", name)
}
