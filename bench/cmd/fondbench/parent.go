package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Report is the one JSON object fondbench prints.
type Report struct {
	Docs            int                     `json:"docs"`
	Seed            uint64                  `json:"seed"`
	QueriesPerClass int                     `json:"queries_per_class"`
	Corpus          string                  `json:"corpus"`
	MeanBodyBytes   int                     `json:"mean_body_bytes"`
	Machine         Machine                 `json:"machine"`
	Engines         map[string]EngineResult `json:"engines"`
}

// runParent trains the text model once, then runs every engine in a child process
// of this same binary and gathers their results.
func runParent(ctx context.Context, o options, stdout, stderr io.Writer) error {
	dir := o.dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "fondbench-")
		if err != nil {
			return fmt.Errorf("work dir: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("work dir: %w", err)
	}
	for _, e := range o.engines {
		if !slices.Contains(knownEngines, e) {
			return fmt.Errorf("unknown engine %q (want one of %s)", e, strings.Join(knownEngines, ", "))
		}
	}

	start := time.Now()
	m, err := buildModel(ctx, o.corpus)
	if err != nil {
		return fmt.Errorf("text model: %w", err)
	}
	fmt.Fprintf(stderr, "fondbench: %s text model: %d words, %d bigrams (%s)\n", m.Src, len(m.Words), len(m.Next), time.Since(start).Round(time.Millisecond))
	if m.Src == "builtin" {
		// Its few hundred words are in nearly every document: totals and
		// latencies are not comparable with runs on the FRUS model.
		fmt.Fprintln(stderr, "fondbench: warning: no FRUS corpus (-corpus, default ../shared/corpus/frus beside the repository found from the working directory): the figures are not comparable with docs/benchmarks.md")
	}
	modelPath := filepath.Join(dir, "model.gob")
	if err := saveModel(modelPath, m); err != nil {
		return err
	}
	m = nil // the children load their own copy

	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find own binary: %w", err)
	}
	rep := Report{Docs: o.docs, Seed: o.seed, QueriesPerClass: o.queries, Machine: machine(), Engines: map[string]EngineResult{}}
	for _, name := range o.engines {
		edir := filepath.Join(dir, name)
		if err := os.RemoveAll(edir); err != nil {
			return fmt.Errorf("clear %s: %w", edir, err)
		}
		if err := os.MkdirAll(edir, 0o755); err != nil {
			return fmt.Errorf("make %s: %w", edir, err)
		}
		args := []string{"-child", "-engine", name, "-docs", strconv.Itoa(o.docs), "-queries", strconv.Itoa(o.queries),
			"-seed", strconv.FormatUint(o.seed, 10), "-dir", edir, "-model", modelPath}
		if o.counts {
			args = append(args, "-counts")
		}
		if o.clients > 0 {
			args = append(args, "-clients", strconv.Itoa(o.clients))
		}
		if o.serveMemMB > 0 {
			args = append(args, "-serve-memory-mb", strconv.FormatInt(o.serveMemMB, 10))
		}
		args = append(args, "-fond", fondBinary, "-xapian-commit", strconv.Itoa(xapianCommitEvery), "-fond-merge-max-mb", strconv.FormatInt(fondMergeMaxMB, 10),
			"-fond-memory-limit-mb", strconv.FormatInt(fondMemoryLimitMB, 10))
		fmt.Fprintf(stderr, "fondbench: %s: start\n", name)
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, exe, args...)
		cmd.Stdout, cmd.Stderr = &out, stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("engine %s: %w", name, err)
		}
		var cr childResult
		if err := json.Unmarshal(out.Bytes(), &cr); err != nil {
			return fmt.Errorf("engine %s: reading its result: %w", name, err)
		}
		r := cr.EngineResult
		rep.Engines[name] = r
		rep.Corpus, rep.MeanBodyBytes = cr.Corpus, cr.MeanBodyBytes
		anon := "" // an engine ingesting in a process of its own is not sampled
		if r.PeakRSSAnonIngestMB > 0 {
			anon = fmt.Sprintf(", %.0f MB peak RssAnon while ingesting", r.PeakRSSAnonIngestMB)
		}
		fmt.Fprintf(stderr, "fondbench: %s: %.0f docs/s, %d MB index, %d MB peak RSS%s\n", name, r.IngestDocsPerS, r.IndexBytes>>20, r.PeakRSSBytes>>20, anon)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
