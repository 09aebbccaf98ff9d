package subjects_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fond/internal/ingest"
	"fond/internal/subjects"
	"fond/internal/testutil"
)

// TestFRUSSample scores assignment against subjects judged by hand on a
// sample of the FRUS corpus (testdata/frus_sample.tsv): precision (of the
// subjects assigned, how many a person judged right) and recall. The floors
// are what the vocabulary reached when the sample was judged (docs/evaluation.md);
// a change of vocabulary or assigner that falls below them fails here.
func TestFRUSSample(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	want := readLabels(t, "testdata/frus_sample.tsv")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	v := subjects.Default()
	assigned, right, labelled := 0, 0, 0
	seen := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ingest.Extract(context.Background(), f, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Records {
			labels, ok := want[r.ID]
			if !ok {
				continue
			}
			seen++
			got := v.Of(&r)
			labelled += len(labels)
			for _, s := range got {
				assigned++
				if slices.Contains(labels, s) {
					right++
				}
			}
			t.Logf("%s %q: assigned %v, judged %v", r.ID, r.Title, got, labels)
		}
	}
	if seen != len(want) {
		t.Fatalf("%d of the %d judged documents found in the corpus", seen, len(want))
	}
	precision := float64(right) / float64(max(assigned, 1))
	recall := float64(right) / float64(max(labelled, 1))
	fmt.Printf("subjects on %d FRUS documents: %d assigned, %d right, %d judged: precision %.2f, recall %.2f\n",
		seen, assigned, right, labelled, precision, recall)
	if precision < 0.75 || recall < 0.55 {
		t.Errorf("precision %.2f (floor 0.75), recall %.2f (floor 0.55)", precision, recall)
	}
}

func readLabels(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		id, list, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab between id and subjects", path, line)
		}
		out[id] = []string{}
		for _, s := range strings.Fields(list) {
			if s == "-" {
				continue
			}
			if _, ok := subjects.Default().Lookup(s); !ok {
				t.Fatalf("%s:%d: %q is not a subject", path, line, s)
			}
			out[id] = append(out[id], s)
		}
	}
	return out
}

// BenchmarkAssignFRUS assigns subjects to every FRUS document (5,825), read
// once before the clock starts: the cost the index pays per record read.
//
//	go test -run=^$ -bench=AssignFRUS ./internal/subjects/
func BenchmarkAssignFRUS(b *testing.B) {
	dir := testutil.Shared(b, "corpus/frus")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	var texts []subjects.Text
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		res, err := ingest.Extract(context.Background(), f, data)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res.Records {
			texts = append(texts, subjects.Text{Title: r.Title, Body: r.Body, Collection: r.Collection.Title})
			size += int64(len(r.Title) + len(r.Body))
		}
	}
	v := subjects.Default()
	b.SetBytes(size)
	for b.Loop() {
		for _, t := range texts {
			v.Assign(t)
		}
	}
	b.ReportMetric(float64(len(texts))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
