package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"fond/internal/eval"
	"fond/internal/record"
)

// kiEngine answers known-item queries over the FRUS records: each engine
// indexes the real documents (not generated ones) and returns the ids of its
// first hits for a query typed as a person types it.
type kiEngine interface {
	// load indexes recs, which came from the volume files, in that order.
	load(ctx context.Context, files []string, recs []record.Record) error
	// modes are the ways the engine can run a plain query; the first is the
	// one its users get by default.
	modes() []string
	// topIDs runs text in mode and returns up to k record ids, best first.
	topIDs(ctx context.Context, mode, text string, k int) ([]string, error)
	close() error
}

func newKIEngine(ctx context.Context, name, dir string) (kiEngine, error) {
	switch name {
	case "fond":
		return openFondKI(ctx, dir)
	case "bleve":
		return openBleveKI(dir)
	case "fts5":
		return openFTS5KI(ctx, dir)
	case "sphinx":
		return openSphinxKI(ctx, dir)
	case "xapian":
		return openXapianKI(ctx, dir)
	}
	return nil, fmt.Errorf("known-item: unknown engine %q (want fond, bleve, fts5, sphinx or xapian)", name)
}

// KIReport is the known-item evaluation's JSON.
type KIReport struct {
	Corpus    string   `json:"corpus"`
	Volumes   []string `json:"volumes"`
	Documents int      `json:"documents"`
	Seed      uint64   `json:"seed"`
	PerForm   int      `json:"queries_per_form"`
	Machine   Machine  `json:"machine"`
	// Runs is one entry per engine and mode, in the order run.
	Runs []KIRun `json:"runs"`
	// Ceiling is what ranking the documents alike to each target first, in
	// any order, would score (eval.KnownItemCeiling): the part of a form's
	// misses no engine can be held to.
	Ceiling []eval.KnownItemScore `json:"ceiling"`
	// IdentifiableAlike is the most documents alike a query may fit to count
	// as identifiable (eval.IdentifiableAlike); CeilingIdentifiable is the
	// ceiling on those queries, whose success@10 is 100% by construction.
	IdentifiableAlike   int                   `json:"identifiable_alike"`
	CeilingIdentifiable []eval.KnownItemScore `json:"ceiling_identifiable"`
	// Queries lists every query with, per run ("engine/mode"), the target's
	// rank in the first ten (0: not there), so a change can be read query by
	// query.
	Queries []KIQuery `json:"queries"`
	// Seconds is the whole evaluation's wall time.
	Seconds float64 `json:"seconds"`
}

// KIRun is one engine in one mode.
type KIRun struct {
	Engine       string                `json:"engine"`
	Mode         string                `json:"mode"`
	Default      bool                  `json:"default_mode"`
	IndexSeconds float64               `json:"index_seconds"`
	Scores       []eval.KnownItemScore `json:"scores"`
	// Identifiable scores the same answers on the identifiable queries only
	// (eval.ScoreIdentifiable): what issue 25's targets are judged on.
	Identifiable []eval.KnownItemScore `json:"identifiable"`
}

// KIQuery is one query and its target's rank per run.
type KIQuery struct {
	eval.KnownItemQuery
	Ranks map[string]int `json:"ranks"`
}

type kiOptions struct {
	corpus  string
	volumes []string
	engines []string
	perForm int
	seed    uint64
	dir     string
}

// runKnownItem builds every engine in this process, one after the other (each
// closed before the next opens; speed is not what is compared here), and
// runs the same queries on each.
func runKnownItem(ctx context.Context, o kiOptions, stderr io.Writer) (*KIReport, error) {
	start := time.Now()
	if o.corpus == "" {
		return nil, fmt.Errorf("known-item: no corpus (-corpus DIR with the FRUS TEI volumes)")
	}
	recs, files, err := eval.LoadFRUS(ctx, o.corpus, o.volumes...)
	if err != nil {
		return nil, fmt.Errorf("known-item: %w", err)
	}
	qs := eval.GenerateKnownItem(recs, o.seed, o.perForm)
	fmt.Fprintf(stderr, "fondbench: known-item: %d documents from %d volumes, %d queries (%s)\n", len(recs), len(files), len(qs), time.Since(start).Round(time.Millisecond))
	rep := &KIReport{Corpus: o.corpus, Documents: len(recs), Seed: o.seed, PerForm: o.perForm, Machine: machine(),
		Ceiling: eval.KnownItemCeiling(qs), IdentifiableAlike: eval.IdentifiableAlike, CeilingIdentifiable: eval.IdentifiableCeiling(qs)}
	for _, f := range files {
		rep.Volumes = append(rep.Volumes, filepath.Base(f))
	}
	for _, q := range qs {
		rep.Queries = append(rep.Queries, KIQuery{KnownItemQuery: q, Ranks: map[string]int{}})
	}
	for _, name := range o.engines {
		edir := filepath.Join(o.dir, "knownitem-"+name)
		if err := os.RemoveAll(edir); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(edir, 0o755); err != nil {
			return nil, err
		}
		e, err := newKIEngine(ctx, name, edir)
		if err != nil {
			return nil, err
		}
		t := time.Now()
		if err := e.load(ctx, files, recs); err != nil {
			e.close()
			return nil, err
		}
		loaded := time.Since(t).Seconds()
		fmt.Fprintf(stderr, "fondbench: known-item: %s indexed in %.1f s\n", name, loaded)
		for mi, mode := range e.modes() {
			runs := make([]eval.KnownItemRun, len(qs))
			key := name + "/" + mode
			for i, q := range qs {
				t := time.Now()
				top, err := e.topIDs(ctx, mode, q.Text, 10)
				if err != nil {
					e.close()
					return nil, fmt.Errorf("%s: %q: %w", key, q.Text, err)
				}
				runs[i] = eval.KnownItemRun{Query: q, Top: top, Latency: time.Since(t)}
				for k, id := range top {
					if id == q.TargetID {
						rep.Queries[i].Ranks[key] = k + 1
						break
					}
				}
				if _, ok := rep.Queries[i].Ranks[key]; !ok {
					rep.Queries[i].Ranks[key] = 0
				}
			}
			rep.Runs = append(rep.Runs, KIRun{Engine: name, Mode: mode, Default: mi == 0, IndexSeconds: loaded, Scores: eval.ScoreKnownItem(runs),
				Identifiable: eval.ScoreIdentifiable(runs)})
			fmt.Fprintf(stderr, "fondbench: known-item: %s done\n", key)
		}
		if err := e.close(); err != nil {
			return nil, err
		}
		os.RemoveAll(edir)
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// Markdown writes the figures as two tables, engine by mode by form: every
// query, then the identifiable ones, each closed by its ceiling.
func (r *KIReport) Markdown(w io.Writer) {
	fmt.Fprintf(w, "Known-item search, %d FRUS documents (%d volumes), %d queries per form, seed %d, %.0f s\n\n",
		r.Documents, len(r.Volumes), r.PerForm, r.Seed, r.Seconds)
	kiTable(w, r.Runs, func(run KIRun) []eval.KnownItemScore { return run.Scores }, r.Ceiling)
	fmt.Fprintf(w, "\nIdentifiable queries (at most %d documents alike):\n\n", r.IdentifiableAlike)
	kiTable(w, r.Runs, func(run KIRun) []eval.KnownItemScore { return run.Identifiable }, r.CeilingIdentifiable)
}

func kiTable(w io.Writer, runs []KIRun, scores func(KIRun) []eval.KnownItemScore, ceiling []eval.KnownItemScore) {
	fmt.Fprintln(w, "| engine / mode | form | n | success@1 | success@10 | MRR@10 | zero hits | p50 / p99 ms |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|")
	for _, run := range runs {
		name := run.Engine + " / " + run.Mode
		if run.Default && run.Mode != "default" {
			name += " (default)"
		}
		for _, s := range scores(run) {
			fmt.Fprintf(w, "| %s | %s | %d | %.1f%% | %.1f%% | %.3f | %d | %.1f / %.1f |\n", name, s.Form, s.N,
				100*s.Success1, 100*s.Success10, s.MRR10, s.ZeroHits, s.P50Ms, s.P99Ms)
		}
	}
	for _, s := range ceiling {
		fmt.Fprintf(w, "| ceiling: documents alike, any order | %s | %d | %.1f%% | %.1f%% | %.3f | | |\n", s.Form, s.N,
			100*s.Success1, 100*s.Success10, s.MRR10)
	}
}

func writeKIReport(path string, r *KIReport) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// plainWords splits a typed query into the words every engine's tokenizer
// would make of it, for the engines that need them one by one.
func plainWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
