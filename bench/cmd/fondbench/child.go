package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"time"

	"fond/internal/memlimit"
)

// EngineResult is what one engine's child process reports.
type EngineResult struct {
	IngestDocsPerS float64 `json:"ingest_docs_per_s"`
	IngestSeconds  float64 `json:"ingest_seconds"`
	IndexBytes     int64   `json:"index_bytes"`
	PeakRSSBytes   int64   `json:"peak_rss_bytes"`
	// PeakRSSAnonIngestMB is the ingesting process's anonymous memory at its
	// highest (sampled every 0.2 s), for the engines that ingest in this
	// process: what the index and the store hold, without mapped files.
	PeakRSSAnonIngestMB float64            `json:"peak_rss_anon_ingest_mb,omitempty"`
	BaselineRSS         int64              `json:"baseline_rss_bytes"` // after loading the text model, before the engine
	Queries             map[string]Latency `json:"queries"`
	Counts              map[string][]int   `json:"counts,omitempty"`
	// Server measures (serving.go), for the engines that answer from a
	// process of their own: fond serve, Sphinx's searchd, the Xapian worker.
	RSSAnonServingMB    float64 `json:"rss_anon_serving_mb,omitempty"`
	OpenToFirstAnswerMs float64 `json:"open_to_first_answer_ms,omitempty"`
	AddOneMs            float64 `json:"add_one_ms,omitempty"`
	AddOneWrittenMB     float64 `json:"add_one_written_mb,omitempty"`
	// With -clients: searches per second, one client against several.
	Throughput *Throughput `json:"throughput,omitempty"`
	// With -serve-memory-mb: fond serve's answers inside a memory cgroup.
	LimitedServing *LimitedServing `json:"limited_serving,omitempty"`
}

// childResult carries the fields the parent needs but does not print per engine.
type childResult struct {
	EngineResult
	Corpus        string `json:"corpus"`
	MeanBodyBytes int    `json:"mean_body_bytes"`
}

// genChunk documents are generated, untimed, before each timed add: big enough
// that Bleve's writers stay busy, small enough not to weigh on memory.
const genChunk = 2000

func runChild(ctx context.Context, o options, stdout, stderr io.Writer) error {
	m, err := loadModel(o.model)
	if err != nil {
		return err
	}
	if strings.HasPrefix(o.engine, "fond") {
		if _, err := memlimit.Apply(fondMemoryLimitMB, true); err != nil {
			return err
		}
	}
	baseline := procStatus("VmRSS")
	// FONDBENCH_CPUPROFILE=prefix writes prefix-ENGINE-ingest.pprof and
	// prefix-ENGINE-query.pprof, to see where an engine spends its time;
	// FONDBENCH_TRACE=prefix, the same phases' execution traces.
	stopProfile := startProfile(o.engine, "ingest")
	e, err := newEngine(ctx, o.engine, o.dir, !o.queryOnly)
	if err != nil {
		return err
	}
	defer e.close()

	g := newGenerator(m, o.seed)
	var ingest time.Duration
	var bodyBytes int
	nextReport := o.docs / 10
	var anon *peakSampler
	if _, external := e.(externalEngine); !external && !o.queryOnly {
		anon = samplePeak("RssAnon", 200*time.Millisecond)
	}
	for start := 0; start < o.docs && !o.queryOnly; start += genChunk {
		docs := make([]Doc, 0, genChunk)
		for i := start; i < min(start+genChunk, o.docs); i++ {
			d := g.doc(i)
			bodyBytes += len(d.Body)
			docs = append(docs, d)
		}
		t := time.Now()
		if err := e.add(ctx, docs); err != nil {
			return err
		}
		ingest += time.Since(t)
		if done := start + len(docs); done >= nextReport && done < o.docs {
			fmt.Fprintf(stderr, "fondbench: %s: %d/%d docs, %.0f docs/s, RssAnon %d MB\n", o.engine, done, o.docs, float64(done)/ingest.Seconds(), procStatus("RssAnon")>>20)
			writeHeapProfile(o.engine, done)
			nextReport += o.docs / 10
		}
	}
	t := time.Now()
	if err := e.finish(ctx); err != nil {
		return err
	}
	ingest += time.Since(t)
	peakAnon := anon.Stop() // 0 unsampled: the engine's process is not this one, or nothing was ingested
	size, err := dirSize(o.dir)
	if err != nil {
		return err
	}
	if db, ok := e.(interface {
		dbSize(context.Context) (int64, error)
	}); ok {
		n, err := db.dbSize(ctx)
		if err != nil {
			return err
		}
		size += n // a database server's files are not under dir
	}
	stopProfile()
	qs := makeQueries(m, o.seed, o.queries)
	if err := e.reopen(ctx); err != nil {
		return err
	}
	// An engine whose reopen starts its server (Sphinx, Xapian) times its
	// first answer from that start, so the first query comes right after.
	// (fond's is timed on fond serve, after the queries; for it this is one
	// more warm-up.)
	if _, ok := e.(serverEngine); ok {
		if _, err := e.query(ctx, qs[0]); err != nil {
			return err
		}
	}
	// The ingest leaves its garbage (for fond, the whole index it built before
	// reopening); collected during the first classes' queries it would be
	// measured as theirs, for every engine alike. A server collects it long
	// before its readers come.
	runtime.GC()

	stopProfile = startProfile(o.engine, "query")
	lat, counts, err := runQueries(ctx, e, qs, o.queries, func(class string, n int, total time.Duration) {
		fmt.Fprintf(stderr, "fondbench: %s: %d %s queries in %s\n", o.engine, n, class, total.Round(time.Millisecond))
	})
	stopProfile()
	if err != nil {
		return err
	}
	var tp *Throughput
	if o.clients > 0 {
		t, err := measureThroughput(ctx, e, qs, o.clients, counts)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "fondbench: %s: %.1f searches/s with 1 client (%.1f CPU s in %.1f s), %.1f with %d (%.1f CPU s in %.1f s), %d stopped at the time limit\n",
			o.engine, t.OneClientPerS, t.OneClientCPU, t.OneClientSecs, t.ClientsPerS, t.Clients, t.ClientsCPU, t.ClientsSeconds, t.ClientsStopped)
		tp = &t
	}
	// Before the server measures, which add a document the totals would then
	// count.
	var limited *LimitedServing
	if f, ok := e.(*fondEngine); ok && o.serveMemMB > 0 {
		if limited, err = f.measureLimited(ctx, qs, counts, o.serveMemMB); err != nil {
			return fmt.Errorf("fond serve under %d MB: %w", o.serveMemMB, err)
		}
		fmt.Fprintf(stderr, "fondbench: %s: under %d MB (cgroup %s): %d of %d answers equal, group peak %.0f MB, limit met %d times, server RssAnon %.0f MB\n",
			o.engine, o.serveMemMB, limited.Cgroup, limited.AnswersEqual, limited.Answers, limited.MaxUsageMB, limited.LimitHits, limited.RSSAnonMB)
	}
	var srv EngineResult
	if s, ok := e.(serverEngine); ok && !o.queryOnly {
		if srv, err = measureServer(ctx, s, qs, g.doc(o.docs), o.dir, stderr); err != nil {
			return err
		}
	}
	if err := e.close(); err != nil {
		return err
	}
	peak := procStatus("VmHWM")
	if x, ok := e.(externalEngine); ok {
		peak = x.peakRSS()
	}
	rate := float64(o.docs) / ingest.Seconds()
	if o.queryOnly {
		rate = 0 // nothing was ingested in this run
	}
	r := childResult{
		EngineResult: EngineResult{
			IngestDocsPerS:      rate,
			IngestSeconds:       ingest.Seconds(),
			IndexBytes:          size,
			PeakRSSBytes:        peak,
			PeakRSSAnonIngestMB: float64(peakAnon) / (1 << 20),
			BaselineRSS:         baseline,
			Queries:             lat,

			RSSAnonServingMB:    srv.RSSAnonServingMB,
			OpenToFirstAnswerMs: srv.OpenToFirstAnswerMs,
			AddOneMs:            srv.AddOneMs,
			AddOneWrittenMB:     srv.AddOneWrittenMB,
			Throughput:          tp,
			LimitedServing:      limited,
		},
		Corpus:        m.Src,
		MeanBodyBytes: bodyBytes / o.docs,
	}
	if o.counts {
		r.Counts = counts
	}
	return json.NewEncoder(stdout).Encode(r)
}

// runQueries warms up on the first few queries of each class, then times every
// query once, in list order, calling progress as each class ends: long runs are
// otherwise silent for minutes.
func runQueries(ctx context.Context, e querier, qs []Query, perClass int, progress func(class string, n int, total time.Duration)) (map[string]Latency, map[string][]int, error) {
	warm := min(10, perClass)
	seen := map[string]int{}
	for _, q := range qs {
		if seen[q.Class] < warm {
			seen[q.Class]++
			if _, err := e.query(ctx, q); err != nil {
				return nil, nil, err
			}
		}
	}
	times := map[string][]time.Duration{}
	counts := map[string][]int{}
	var classTime time.Duration
	slow := newSlowest(slowestEnv())
	defer slow.print(os.Stderr)
	for i, q := range qs {
		if i > 0 && q.Class != qs[i-1].Class {
			progress(qs[i-1].Class, len(times[qs[i-1].Class]), classTime)
			classTime = 0
		}
		var n int
		var err error
		t := time.Now()
		// Labelled by class, so a CPU profile reads per class
		// (go tool pprof -tagfocus class=phrase).
		pprof.Do(ctx, pprof.Labels("class", q.Class), func(ctx context.Context) { n, err = e.query(ctx, q) })
		if err != nil {
			return nil, nil, err
		}
		d := time.Since(t)
		slow.note(q, d, n)
		classTime += d
		times[q.Class] = append(times[q.Class], d)
		counts[q.Class] = append(counts[q.Class], n)
	}
	if len(qs) > 0 {
		last := qs[len(qs)-1].Class
		progress(last, len(times[last]), classTime)
	}
	lat := map[string]Latency{}
	for _, c := range classes {
		lat[c] = summarize(times[c], counts[c])
	}
	return lat, counts, nil
}

// writeHeapProfile writes, when FONDBENCH_HEAPPROFILE=prefix is set, the
// heap's live objects to prefix-ENGINE-DOCS.pprof: what an ingest holds at
// each tenth of its way, to see what its memory is.
func writeHeapProfile(engine string, docs int) {
	prefix := os.Getenv("FONDBENCH_HEAPPROFILE")
	if prefix == "" {
		return
	}
	f, err := os.Create(fmt.Sprintf("%s-%s-%d.pprof", prefix, engine, docs))
	if err != nil {
		return
	}
	defer f.Close()
	pprof.Lookup("heap").WriteTo(f, 0)
}

// startProfile starts what the environment asks for the phase: a CPU profile
// (FONDBENCH_CPUPROFILE=prefix) and an execution trace (FONDBENCH_TRACE=prefix,
// prefix-ENGINE-PHASE.trace: where goroutines wait, which a CPU profile does
// not show; `go tool trace -pprof=sync` reads it).
func startProfile(engine, phase string) func() {
	stopTrace := startRecording("FONDBENCH_TRACE", engine, phase, "trace", trace.Start, trace.Stop)
	stopCPU := startRecording("FONDBENCH_CPUPROFILE", engine, phase, "pprof", pprof.StartCPUProfile, pprof.StopCPUProfile)
	return func() {
		stopCPU()
		stopTrace()
	}
}

// startRecording runs start into prefix-ENGINE-PHASE.EXT when the variable
// env names a prefix, and returns what stops it.
func startRecording(env, engine, phase, ext string, start func(io.Writer) error, stop func()) func() {
	prefix := os.Getenv(env)
	if prefix == "" {
		return func() {}
	}
	f, err := os.Create(fmt.Sprintf("%s-%s-%s.%s", prefix, engine, phase, ext))
	if err != nil {
		return func() {}
	}
	if err := start(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		stop()
		f.Close()
	}
}
