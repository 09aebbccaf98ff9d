package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"fond/internal/search"
)

// TestClientsMeasuresThroughput runs fond alone on a tiny archive with
// -clients 4: the report carries both rates, and runClients has checked every
// concurrent answer's hit count against the sequential run's.
func TestClientsMeasuresThroughput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index")
	}
	var out, errs bytes.Buffer
	args := []string{"-docs", "200", "-queries", "10", "-seed", "7", "-engines", "fond", "-dir", t.TempDir(), "-fond", "", "-clients", "4"}
	if err := run(t.Context(), args, &out, &errs); err != nil {
		t.Fatalf("run: %v\n%s", err, errs.String())
	}
	var rep Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	tp := rep.Engines["fond"].Throughput
	if tp == nil {
		t.Fatalf("no throughput in the report: %s", out.String())
	}
	if tp.Clients != 4 || tp.OneClientPerS <= 0 || tp.ClientsPerS <= 0 || tp.OneClientSecs <= 0 || tp.ClientsSeconds <= 0 || tp.OneClientCPU <= 0 || tp.ClientsCPU <= 0 {
		t.Errorf("throughput %+v: want 4 clients and positive rates, times and CPU times", *tp)
	}
	if !strings.Contains(errs.String(), "with 4") {
		t.Errorf("stderr does not report the rates:\n%s", errs.String())
	}
}

// TestClientsFlagLimits passes -clients values the benchmark refuses.
func TestClientsFlagLimits(t *testing.T) {
	for _, args := range [][]string{
		{"-clients", "-1", "-engines", "fond"},
		{"-clients", "8", "-engines", "fond,xapian"},
		{"-child", "-engine", "bleve", "-clients", "2"},
	} {
		if _, err := parseFlags(args, io.Discard); err == nil || !strings.Contains(err.Error(), "-clients") {
			t.Errorf("%v: error %v, want a -clients refusal", args, err)
		}
	}
	for _, engines := range []string{"fond", "fond,sphinx"} {
		o, err := parseFlags([]string{"-clients", "8", "-engines", engines}, io.Discard)
		if err != nil || o.clients != 8 {
			t.Errorf("-clients 8 with %s: %+v, %v", engines, o.clients, err)
		}
	}
}

// TestRunClientsCatchesChangedCounts gives runClients a wrong expected count:
// a concurrent answer that differs from the sequential one must fail the run.
func TestRunClientsCatchesChangedCounts(t *testing.T) {
	qs := []Query{{Class: "term", Words: []string{"a"}}, {Class: "term", Words: []string{"b"}}, {Class: "and", Words: []string{"a", "b"}}}
	e := fixedEngine{"a": 3, "b": 5, "a b": 1}
	if _, stopped, err := runClients(t.Context(), e, qs, 3, map[string][]int{"term": {3, 5}, "and": {1}}); err != nil || stopped != 0 {
		t.Fatalf("right counts: %d stopped, %v", stopped, err)
	}
	if _, _, err := runClients(t.Context(), e, qs, 3, map[string][]int{"term": {3, 4}, "and": {1}}); err == nil {
		t.Error("a changed count passed")
	}
}

// TestRunClientsCountsStoppedSearches: a search refused at the time limit is
// counted as stopped, not failed and not compared; any other error fails.
func TestRunClientsCountsStoppedSearches(t *testing.T) {
	qs := []Query{{Class: "term", Words: []string{"a"}}, {Class: "phrase", Words: []string{"slow", "one"}}}
	e := fixedEngine{"a": 3, "slow one": -1}
	_, stopped, err := runClients(t.Context(), e, qs, 2, map[string][]int{"term": {3}, "phrase": {9}})
	if err != nil || stopped != 1 {
		t.Errorf("%d stopped, %v: want 1 and no error", stopped, err)
	}
	e["slow one"] = -2
	if _, _, err := runClients(t.Context(), e, qs, 2, map[string][]int{"term": {3}, "phrase": {9}}); err == nil {
		t.Error("a failed search passed")
	}
}

// fixedEngine answers each query with the count kept for its words; -1
// stands for a search stopped at the time limit, -2 for a failed one.
type fixedEngine map[string]int

func (f fixedEngine) query(_ context.Context, q Query) (int, error) {
	switch n := f[strings.Join(q.Words, " ")]; n {
	case -1:
		return 0, fmt.Errorf("fond: %w", search.Limits{}.TimeoutError(time.Second))
	case -2:
		return 0, errors.New("broken")
	default:
		return n, nil
	}
}

func (fixedEngine) add(context.Context, []Doc) error { return nil }
func (fixedEngine) finish(context.Context) error     { return nil }
func (fixedEngine) reopen(context.Context) error     { return nil }
func (fixedEngine) close() error                     { return nil }

// TestProcCPUSeconds reads this process's CPU time from /proc as the
// benchmark reads searchd's, and holds it to getrusage's.
func TestProcCPUSeconds(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc here: searchd's CPU time is not read")
	}
	for start := cpuSeconds(); cpuSeconds()-start < 0.3; { // some CPU time to count
	}
	got, want := procCPUSeconds(strconv.Itoa(os.Getpid())), cpuSeconds()
	if got <= 0 || math.Abs(got-want) > 0.05 {
		t.Errorf("procCPUSeconds = %.3f s, getrusage says %.3f", got, want)
	}
	if procCPUSeconds("0") != 0 {
		t.Error("a process that does not exist has CPU time")
	}
}
