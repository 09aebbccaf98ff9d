package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	porter "github.com/blevesearch/go-porterstemmer"
	"golang.org/x/text/unicode/norm"

	"fond/internal/testutil"
)

// TestMain lets the test binary stand in for fondbench when the parent re-executes
// itself to run an engine in a child process.
func TestMain(m *testing.M) {
	if slices.Contains(os.Args[1:], "-child") {
		if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
			os.Stderr.WriteString("fondbench child: " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const (
	testDocs    = 300
	testQueries = 20
	testSeed    = 7
)

// TestBenchmarkRunsAllEngines runs the whole benchmark at a tiny size and checks
// the report's shape and that the engines answer the same queries alike. It makes
// no assertion on time: the numbers vary with the machine.
//
// Hit counts are compared where the comparison is fair. fond and Bleve stem with
// Porter; the bare FTS5 table does not. So for term, and and phrase queries whose
// every word is the only form of its stem in the generated text (after folding
// diacritics and splitting possessives, as the tokenizers do), stemming changes
// nothing and all three engines must agree exactly. For every term, and and phrase
// query, fond must find at least what FTS5 finds, because stemming only widens.
//
// Sphinx and Xapian run when installed (bench/search.sh installs them; a
// subtest says so when one is missing). With fond, they must report the
// server measures (first answer, serving memory, adding one document).
func TestBenchmarkRunsAllEngines(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every engine's index")
	}
	engines := []string{"fond", "bleve", "fts5"}
	for _, peer := range []string{"sphinx", "xapian"} {
		if err := peerMissing(peer); err != nil {
			t.Run(peer, func(t *testing.T) { t.Skipf("%s not installed (bench/search.sh installs it): %v", peer, err) })
			continue
		}
		engines = append(engines, peer)
	}
	dir := t.TempDir()
	// fond is built in its own module (the repository's root), as bench/search.sh does.
	fond := filepath.Join(t.TempDir(), "fond")
	build := exec.CommandContext(t.Context(), "go", "build", "-o", fond, "./cmd/fond")
	build.Dir = testutil.RepoRoot(t)
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build fond: %v\n%s", err, msg)
	}
	var out, errs bytes.Buffer
	args := []string{"-docs", "300", "-queries", "20", "-seed", "7", "-counts", "-dir", dir,
		"-engines", strings.Join(engines, ","), "-fond", fond}
	// fond serve under a memory limit, where this machine lets the benchmark
	// make a memory cgroup (as root on cgroup v1, or with v2's controller
	// delegated): 256 MB is far more than a 300-document archive needs, so
	// every answer must come and equal the unlimited run's.
	limited := false
	if g, err := newMemGroup(256 << 20); err != nil {
		t.Run("limited", func(t *testing.T) { t.Skipf("no memory cgroup can be made here: %v", err) })
	} else {
		g.remove()
		limited = true
		args = append(args, "-serve-memory-mb", "256")
	}
	if err := run(t.Context(), args, &out, &errs); err != nil {
		t.Fatalf("run: %v\n%s", err, errs.String())
	}

	var shape map[string]any
	if err := json.Unmarshal(out.Bytes(), &shape); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out.String())
	}
	if shape["docs"] != float64(testDocs) {
		t.Errorf("docs = %v, want %d", shape["docs"], testDocs)
	}
	mach, _ := shape["machine"].(map[string]any)
	for _, k := range []string{"cpu", "cores", "go_version"} {
		if _, ok := mach[k]; !ok {
			t.Errorf("machine lacks %q: %v", k, mach)
		}
	}
	var rep Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for _, name := range engines {
		r, ok := rep.Engines[name]
		if !ok {
			t.Fatalf("no result for %s", name)
		}
		if r.IngestDocsPerS <= 0 || r.IndexBytes <= 0 || r.PeakRSSBytes <= 0 {
			t.Errorf("%s: ingest %v docs/s, %d index bytes, %d peak RSS: want all positive", name, r.IngestDocsPerS, r.IndexBytes, r.PeakRSSBytes)
		}
		for _, c := range classes {
			l, ok := r.Queries[c]
			if !ok || l.N != testQueries || l.P99 < l.P50 {
				t.Errorf("%s %s: %+v", name, c, l)
			}
			if len(r.Counts[c]) != testQueries {
				t.Errorf("%s %s: %d counts, want %d", name, c, len(r.Counts[c]), testQueries)
			}
		}
		inProcess := name != "sphinx" && name != "xapian"
		if _, err := os.Stat("/proc/self/status"); err == nil && (r.PeakRSSAnonIngestMB > 0) != inProcess {
			t.Errorf("%s: peak RssAnon while ingesting %v MB: want measured only for an engine in this process (%v)", name, r.PeakRSSAnonIngestMB, inProcess)
		}
		if l := r.LimitedServing; (l != nil) != (limited && name == "fond") {
			t.Errorf("%s: limited serving %+v, want it reported only for fond", name, l)
		} else if l != nil && (l.Answers != len(classes)*testQueries || l.AnswersEqual != l.Answers || l.MaxUsageMB <= 0 || l.Queries["term"].N != testQueries) {
			t.Errorf("fond under 256 MB: %+v: want every one of %d answers equal and the group's usage read", l, len(classes)*testQueries)
		}
		server := name == "fond" || name == "sphinx" || name == "xapian"
		if measured := r.OpenToFirstAnswerMs > 0 && r.RSSAnonServingMB > 0 && r.AddOneMs > 0 && r.AddOneWrittenMB > 0; measured != server {
			t.Errorf("%s: first answer %v ms, serving RssAnon %v MB, add one %v ms and %v MB written: want all measured: %v",
				name, r.OpenToFirstAnswerMs, r.RSSAnonServingMB, r.AddOneMs, r.AddOneWrittenMB, server)
		}
	}

	m, err := loadModel(filepath.Join(dir, "model.gob"))
	if err != nil {
		t.Fatal(err)
	}
	stems := stemClasses(m, testDocs)
	fair := func(words []string) bool {
		for _, w := range words {
			for form := range stems[porter.StemString(w)] {
				if form != w {
					return false
				}
			}
		}
		return true
	}
	compared, peerEqual := 0, map[string]int{}
	for i, q := range makeQueries(m, testSeed, testQueries) {
		if q.Class != "term" && q.Class != "and" && q.Class != "phrase" {
			continue
		}
		k := i % testQueries
		f, b, s := rep.Engines["fond"].Counts[q.Class][k], rep.Engines["bleve"].Counts[q.Class][k], rep.Engines["fts5"].Counts[q.Class][k]
		if f < s {
			t.Errorf("%s %v: fond found %d, fewer than FTS5's %d", q.Class, q.Words, f, s)
		}
		if !fair(q.Words) {
			continue
		}
		compared++
		if f != b || f != s {
			t.Errorf("%s %v: fond %d, bleve %d, fts5 %d hits; want equal", q.Class, q.Words, f, b, s)
		}
		for _, peer := range engines[3:] {
			p := rep.Engines[peer].Counts[q.Class][k]
			if p == f {
				peerEqual[peer]++
			}
			// Sphinx's stem_en is not the reference Porter: it conflates more
			// ("orderly" with "order"), so it finds at least fond's. Xapian keeps
			// a possessive whole ("braida's" is not "braida"), so it finds at most.
			if peer == "sphinx" && p < f || peer == "xapian" && p > f {
				t.Errorf("%s %v: fond %d, %s %d hits", q.Class, q.Words, f, peer, p)
			}
		}
	}
	if compared < 5 {
		t.Errorf("only %d queries had unambiguous stems; the comparison proves little", compared)
	}
	t.Logf("compared %d term/and/phrase queries across all three engines", compared)
	for _, peer := range engines[3:] {
		if peerEqual[peer]*2 < compared {
			t.Errorf("%s agreed with fond on %d of %d queries: want most", peer, peerEqual[peer], compared)
		}
		t.Logf("%s agreed with fond on %d of %d", peer, peerEqual[peer], compared)
	}
}

// stemClasses maps each Porter stem to the word forms of the first n documents
// that have it.
func stemClasses(m *Model, n int) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	g := newGenerator(m, testSeed)
	for i := range n {
		d := g.doc(i)
		text := strings.Join([]string{d.Title, d.Summary, d.Body, strings.Join(d.names(), " "), d.Place, d.archiveText()}, " ")
		for _, w := range strings.FieldsFunc(fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			s := porter.StemString(w)
			if out[s] == nil {
				out[s] = map[string]bool{}
			}
			out[s][w] = true
		}
	}
	return out
}

// fold lowercases and strips diacritics, as FTS5's remove_diacritics does.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// peerMissing says why a peer engine cannot run here, or nil.
func peerMissing(name string) error {
	if name == "xapian" {
		return exec.Command(xapianPython, "-c", "import xapian").Run()
	}
	for _, p := range []string{"indexer", "searchd"} {
		if _, err := exec.LookPath(p); err != nil {
			return err
		}
	}
	return nil
}
