package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fond/internal/index"
	"fond/internal/ingest"
	"fond/internal/memlimit"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
	"fond/internal/store/sqlite"
	"fond/internal/store/sqlstore"
)

// fondEngine drives fond's own store: PutFile per file of batchSize documents,
// then the lookups the ingest pipeline makes after storing (edition candidates by
// archival file, dated mentions), and Search with fond's query syntax.
type fondEngine struct {
	path  string // the SQLite file; empty for fond-postgres
	open  func(context.Context) (*sqlstore.Store, error)
	st    *sqlstore.Store
	files int
}

func openFond(ctx context.Context, dir string) (*fondEngine, error) {
	path := filepath.Join(dir, "fond.db")
	e := &fondEngine{path: path, open: func(ctx context.Context) (*sqlstore.Store, error) { return sqlite.Open(ctx, path) }}
	return e, e.reopen(ctx)
}

// fondMemoryLimitMB is fond's --memory-limit-mb (-fond-memory-limit-mb): the
// soft memory limit every fond command runs under, which the fond engines of
// a child run under too, so that their ingest's memory is fond ingest's.
var fondMemoryLimitMB int64 = memlimit.DefaultMB

// fondMergeMaxMB is fond's --index-merge-max-mb (-fond-merge-max-mb; 0: its
// default), for trying the heap's ceiling against ingest memory.
var fondMergeMaxMB int64

func (e *fondEngine) reopen(ctx context.Context) error {
	st, err := e.open(ctx)
	if err != nil {
		return fmt.Errorf("fond: %w", err)
	}
	st.SetIndexOptions(index.Options{MaxMergeBytes: fondMergeMaxMB << 20})
	// Loaded at open, as fond serve does: every put then indexes as it stores,
	// and ingest time includes indexing (and, at finish, saving the index).
	if err := st.LoadIndex(ctx); err != nil {
		st.Close()
		return fmt.Errorf("fond: %w", err)
	}
	e.st = st
	return nil
}

func (e *fondEngine) add(ctx context.Context, docs []Doc) error {
	for len(docs) > 0 {
		n := min(batchSize, len(docs))
		if err := e.putFile(ctx, docs[:n]); err != nil {
			return err
		}
		docs = docs[n:]
	}
	return nil
}

// putFile stores one generated file: its bytes are the documents' texts, so the
// originals table grows as it does for real input.
func (e *fondEngine) putFile(ctx context.Context, docs []Doc) error {
	e.files++
	name := fmt.Sprintf("bench%06d.txt", e.files)
	var data strings.Builder
	for _, d := range docs {
		data.WriteString(d.original())
	}
	raw := []byte(data.String())
	sum := ingest.Checksum(raw)
	recs := make([]record.Record, len(docs))
	for i, d := range docs {
		recs[i] = toRecord(d, sum, name)
	}
	if _, err := e.st.PutFile(ctx, store.File{
		Path:     "/bench/" + name,
		Original: store.Original{Checksum: sum, Name: name, Size: int64(len(raw)), Data: raw},
		Format:   "bench",
		Records:  recs,
	}); err != nil {
		return fmt.Errorf("fond: put %s: %w", name, err)
	}
	// The pipeline's reads after a put: they are part of what ingest costs.
	for i := range recs {
		for _, src := range recs[i].Sources {
			if _, err := e.st.SameFile(ctx, src); err != nil {
				return fmt.Errorf("fond: same file: %w", err)
			}
		}
		if recs[i].Category == record.Primary {
			if _, err := e.st.Mentioning(ctx, recs[i].Date.Earliest, recs[i].Date.Latest); err != nil {
				return fmt.Errorf("fond: mentioning: %w", err)
			}
		}
	}
	return nil
}

func toRecord(d Doc, checksum, file string) record.Record {
	r := record.Record{
		Key:     d.Key,
		ID:      ingest.IDFor(checksum, d.Key),
		Title:   d.Title,
		Summary: d.Summary,
		Type:    d.Type,
		Date: record.Date{EDTF: d.EDTF, Display: d.Display, Earliest: d.Earliest, Latest: d.Latest,
			Qualifier: record.Exact},
		Category:     d.Category,
		Place:        d.Place,
		Languages:    record.Languages{Text: "en", Original: "en"},
		Sources:      []record.Source{{Repository: d.Repository, Abbreviation: d.Abbrev, File: d.Reference, Reference: d.Reference}},
		Authors:      d.Authors,
		Recipients:   d.Recipients,
		Participants: d.Participants,
		Body:         d.Body,
		SourceFile:   file,
		Checksum:     checksum,
		Format:       "bench",
	}
	r.Normalize()
	return r
}

func (e *fondEngine) finish(context.Context) error { return e.close() }

func (e *fondEngine) query(ctx context.Context, q Query) (int, error) {
	res, err := e.st.Search(ctx, search.Query{Text: fondText(q), Limit: pageSize, Facets: q.Class == "facet_date"})
	if err != nil {
		return 0, fmt.Errorf("fond: %w", err)
	}
	return res.Total, nil
}

// fondText writes q in fond's query syntax.
func fondText(q Query) string {
	switch q.Class {
	case "and":
		return strings.Join(q.Words, " AND ")
	case "phrase":
		return `"` + strings.Join(q.Words, " ") + `"`
	case "prefix":
		return q.Prefix + "*"
	case "facet_date":
		return fmt.Sprintf("%s date:%d..%d", q.Words[0], q.From, q.To)
	}
	return q.Words[0]
}

func (e *fondEngine) close() error {
	if e.st == nil {
		return nil
	}
	err := e.st.Close()
	e.st = nil
	return err
}
