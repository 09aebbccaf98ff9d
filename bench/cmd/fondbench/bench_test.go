package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	porter "github.com/blevesearch/go-porterstemmer"
	"golang.org/x/text/unicode/norm"
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
func TestBenchmarkRunsAllEngines(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three indexes")
	}
	dir := t.TempDir()
	var out, errs bytes.Buffer
	args := []string{"-docs", "300", "-queries", "20", "-seed", "7", "-counts", "-dir", dir}
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
	for _, name := range engineNames {
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
	compared := 0
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
	}
	if compared < 5 {
		t.Errorf("only %d queries had unambiguous stems; the comparison proves little", compared)
	}
	t.Logf("compared %d term/and/phrase queries across all three engines", compared)
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
