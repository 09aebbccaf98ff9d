package main

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Report is what one run measured and found.
type Report struct {
	Config   Config
	Kinds    []KindStats
	Requests int
	Errors   int
	// ErrorSamples are the first errors, each with its address.
	ErrorSamples []string
	Elapsed      time.Duration

	Records    int // stored at the end
	IngestTime time.Duration
	Edits      int

	Converged     bool
	ConvergeDelay time.Duration
	Disagreement  string // what still differed, when they did not converge

	Rejected float64  // requests the servers' limits refused (their metrics)
	Shutdown []string // servers that did not stop cleanly on SIGTERM
}

// KindStats is one request kind's count, errors and latency.
type KindStats struct {
	Name          string
	N, Errors     int
	P50, P99, Max time.Duration
}

func (r *Report) add(samples [][]sample) {
	durs := make([][]time.Duration, len(kinds))
	errs := make([]int, len(kinds))
	for _, ss := range samples {
		for _, s := range ss {
			durs[s.kind] = append(durs[s.kind], s.took)
			if s.err != "" {
				errs[s.kind]++
				r.Errors++
				if len(r.ErrorSamples) < 10 {
					r.ErrorSamples = append(r.ErrorSamples, kinds[s.kind].name+": "+s.err)
				}
			}
		}
	}
	for k, d := range durs {
		slices.Sort(d)
		r.Requests += len(d)
		r.Kinds = append(r.Kinds, KindStats{Name: kinds[k].name, N: len(d), Errors: errs[k], P50: rank(d, 0.50), P99: rank(d, 0.99), Max: rank(d, 1)})
	}
}

// rank is the nearest-rank percentile of sorted durations.
func rank(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := int(p*float64(len(d))+0.999999) - 1
	return d[min(max(i, 0), len(d)-1)]
}

// OK is the test's verdict: no errors, nothing refused, every kind
// exercised, convergence within the promised delay, clean shutdowns.
func (r *Report) OK() bool { return r.Failure() == "" }

// Failure says what failed, or "".
func (r *Report) Failure() string {
	var f []string
	if r.Errors > 0 {
		f = append(f, fmt.Sprintf("%d errors: %s", r.Errors, strings.Join(r.ErrorSamples, "; ")))
	}
	if r.Rejected > 0 {
		f = append(f, fmt.Sprintf("%v requests refused by the servers' limits", r.Rejected))
	}
	for _, k := range r.Kinds {
		if k.N == 0 {
			f = append(f, "no "+k.Name+" requests were made")
		}
	}
	if !r.Converged {
		f = append(f, fmt.Sprintf("the servers did not agree %s after the writes: %s", r.ConvergeDelay.Round(time.Millisecond), r.Disagreement))
	} else if r.ConvergeDelay > r.Config.ConvergeWithin {
		f = append(f, fmt.Sprintf("the servers agreed after %s, over the promised %s", r.ConvergeDelay.Round(time.Millisecond), r.Config.ConvergeWithin))
	}
	f = append(f, r.Shutdown...)
	return strings.Join(f, "\n")
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

// Markdown is the report as docs/benchmarks.md shows it.
func (r *Report) Markdown() string {
	c := r.Config
	var b strings.Builder
	fmt.Fprintf(&b, "%d servers on one PostgreSQL database, %d readers, %s (%d cores, %s/%s); %d letters, then %d folders of %d ingested by another process while an editor unpublished and published %d records (%d edits).\n\n",
		c.Servers, c.Readers, r.Elapsed.Round(time.Second), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, c.Initial, c.Batches, c.BatchSize, c.Edits, r.Edits)
	b.WriteString("| request | count | errors | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, k := range r.Kinds {
		fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %s |\n", k.Name, k.N, k.Errors, ms(k.P50), ms(k.P99), ms(k.Max))
	}
	fmt.Fprintf(&b, "\n%d requests (%.0f a second), %d errors, %v refused by limits. Ingest of %d letters in %s alongside. ",
		r.Requests, float64(r.Requests)/r.Elapsed.Seconds(), r.Errors, r.Rejected, c.Batches*c.BatchSize, r.IngestTime.Round(time.Millisecond))
	if r.Converged {
		fmt.Fprintf(&b, "Every server gave the same answers (%d records) %s after the last write (promised: within %s).\n", r.Records, r.ConvergeDelay.Round(time.Millisecond), c.ConvergeWithin)
	} else {
		fmt.Fprintf(&b, "The servers did NOT agree: %s.\n", r.Disagreement)
	}
	return b.String()
}
