package index

import (
	"runtime"
	"strings"
	"testing"
)

// Indexing a long body costs about its positions (four bytes a word), not a
// token of forty bytes for every word held at once, as it did: a 20 MB text
// file took 600 MB to index.
func TestAnalyzeMemoryIsProportional(t *testing.T) {
	const k = 5 // measured: 3.1 (2.9 with a slice a term and field, 37.7 with every token held)
	var d Doc
	d.Text[fTitle] = "A long transcript"
	d.Text[fBody] = strings.Repeat("The ambassador said that the government would consider the proposal in Moscow. ", 50000)
	// A fresh analyzer, as after a start: what it keeps between documents
	// is made here and counted.
	z := &Analyzer{cache: &wordIDs{}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	a := z.Analyze(d)
	runtime.ReadMemStats(&after)
	if a.length == 0 {
		t.Fatal("nothing analysed")
	}
	if f := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(d.Text[fBody])); f > k {
		t.Errorf("Analyze allocated %.1f bytes per byte of body, want under %d", f, k)
	} else {
		t.Logf("%.2f bytes allocated per byte of body", f)
	}
}
