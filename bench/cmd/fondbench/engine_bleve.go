package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// bleveEngine indexes the same fields in Bleve's default (scorch) index with the
// English analyzer (Porter stemming, as fond's FTS tokenizer) and BM25 scoring.
// Text queries go to the _all field, which, like fond's FTS table, spans every text
// field.
type bleveEngine struct {
	path string
	idx  bleve.Index
}

// bleveWriters is how many goroutines submit batches concurrently.
const bleveWriters = 2

func bleveMapping() mapping.IndexMapping {
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = store
		return f
	}
	keyword := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.IncludeInAll = false
		f.Store = false
		return f
	}
	date := func() *mapping.FieldMapping {
		f := bleve.NewDateTimeFieldMapping()
		f.IncludeInAll = false
		f.Store = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("title", text(true)) // stored: a hit shows its title
	for _, f := range []string{"summary", "body", "people", "places", "archive"} {
		dm.AddFieldMappingsAt(f, text(false))
	}
	dm.AddFieldMappingsAt("type", keyword())
	dm.AddFieldMappingsAt("year", keyword())
	dm.AddFieldMappingsAt("earliest", date())
	dm.AddFieldMappingsAt("latest", date())
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = en.AnalyzerName
	im.ScoringModel = index.BM25Scoring
	return im
}

func openBleve(_ context.Context, dir string) (*bleveEngine, error) {
	e := &bleveEngine{path: filepath.Join(dir, "bleve")}
	idx, err := bleve.New(e.path, bleveMapping())
	if err != nil {
		return nil, fmt.Errorf("bleve: create: %w", err)
	}
	e.idx = idx
	return e, nil
}

func (e *bleveEngine) reopen(context.Context) error {
	idx, err := bleve.Open(e.path)
	if err != nil {
		return fmt.Errorf("bleve: open: %w", err)
	}
	e.idx = idx
	return nil
}

func bleveDoc(d Doc) map[string]any {
	day := func(s string) time.Time {
		t, _ := time.Parse(time.DateOnly, s)
		return t
	}
	return map[string]any{
		"title": d.Title, "summary": d.Summary, "body": d.Body,
		"people": strings.Join(d.names(), "\n"), "places": d.Place, "archive": d.archiveText(),
		"type": d.Type, "year": d.year(), "earliest": day(d.Earliest), "latest": day(d.Latest),
	}
}

// add feeds batches to bleveWriters goroutines; by default a scorch Batch returns
// only once its segment is persisted, so the time covers durable indexing.
func (e *bleveEngine) add(ctx context.Context, docs []Doc) error {
	batches := make(chan []Doc)
	errs := make([]error, bleveWriters)
	var wg sync.WaitGroup
	for w := range bleveWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ds := range batches {
				if errs[w] != nil {
					continue
				}
				b := e.idx.NewBatch()
				for _, d := range ds {
					if err := b.Index(d.ID, bleveDoc(d)); err != nil {
						errs[w] = fmt.Errorf("bleve: batch %s: %w", d.ID, err)
						break
					}
				}
				if errs[w] == nil {
					if err := e.idx.Batch(b); err != nil {
						errs[w] = fmt.Errorf("bleve: batch: %w", err)
					}
				}
			}
		}()
	}
	for len(docs) > 0 && ctx.Err() == nil {
		n := min(batchSize, len(docs))
		batches <- docs[:n]
		docs = docs[n:]
	}
	close(batches)
	wg.Wait()
	return errors.Join(append(errs, ctx.Err())...)
}

func (e *bleveEngine) finish(context.Context) error { return e.close() }

func (e *bleveEngine) query(ctx context.Context, q Query) (int, error) {
	var qq query.Query
	switch q.Class {
	case "and":
		var parts []query.Query
		for _, w := range q.Words {
			parts = append(parts, bleve.NewMatchQuery(w))
		}
		qq = bleve.NewConjunctionQuery(parts...)
	case "phrase":
		qq = bleve.NewMatchPhraseQuery(strings.Join(q.Words, " "))
	case "prefix":
		qq = bleve.NewPrefixQuery(q.Prefix)
	case "facet_date":
		// Overlap, as fond matches: earliest <= end of range and latest >= start.
		// The open ends are fixed years because Bleve dates must fit int64 nanoseconds.
		yes := true
		lo, hi := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2200, 12, 31, 0, 0, 0, 0, time.UTC)
		from := time.Date(q.From, 1, 1, 0, 0, 0, 0, time.UTC)
		to := time.Date(q.To, 12, 31, 0, 0, 0, 0, time.UTC)
		early := bleve.NewDateRangeInclusiveQuery(lo, to, &yes, &yes)
		early.SetField("earliest")
		late := bleve.NewDateRangeInclusiveQuery(from, hi, &yes, &yes)
		late.SetField("latest")
		qq = bleve.NewConjunctionQuery(bleve.NewMatchQuery(q.Words[0]), early, late)
	default:
		qq = bleve.NewMatchQuery(q.Words[0])
	}
	req := bleve.NewSearchRequestOptions(qq, pageSize, 0, false)
	req.Fields = []string{"title"}
	if q.Class == "facet_date" {
		req.AddFacet("type", bleve.NewFacetRequest("type", 30))
		req.AddFacet("year", bleve.NewFacetRequest("year", 100))
	}
	res, err := e.idx.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("bleve: search: %w", err)
	}
	return int(res.Total), nil
}

func (e *bleveEngine) close() error {
	if e.idx == nil {
		return nil
	}
	err := e.idx.Close()
	e.idx = nil
	return err
}
