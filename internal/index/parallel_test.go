package index

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"fond/internal/search"
)

// TestSplitSearchesAgree: a search whose loops are split over two cores (the
// walk of one word, a prefix's union, a phrase, scoring, the top of the page)
// answers exactly as one that runs on one: the same totals, hits in the same
// order with the same scores, positions and facets, on an index with a
// segment, a heap part and deletions, for reader and staff, every order,
// every word or most.
func TestSplitSearchesAgree(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(m, p int) { splitMin, parallelPhrase = m, p }(splitMin, parallelPhrase)

	docs := genDocs(3000, 5)
	first, more := docs[:2000], docs[2000:]
	removed, replaced := changes(first)
	ix, _ := roundTrip(t, build(first))
	ix.Apply(nil, analyzeAll(more))
	ix.Apply(removed, analyzeAll(replaced))

	all := func() string {
		var b strings.Builder
		b.WriteString(answers(ix))
		for _, q := range segmentQueries {
			for _, sort := range []string{search.SortRelevance, search.SortDateAsc} {
				res := run(ix, Request{Node: parse(q), Limit: 25, Offset: 5, Sort: sort, Facets: true})
				fmt.Fprintf(&b, "%q %s: %d %v;", q, sort, res.Total, res.Facets)
				for _, h := range res.Hits {
					fmt.Fprintf(&b, " %s %.9f %v", h.ID, h.Score, h.Where.Positions)
				}
				b.WriteByte('\n')
			}
		}
		return b.String()
	}
	splitMin, parallelPhrase = 1<<30, 1<<30
	one := all()
	before := splits.Load()
	splitMin, parallelPhrase = 1, 1
	two := all()
	if splits.Load() == before {
		t.Fatal("no search was split: the test compares nothing")
	}
	if one != two {
		t.Errorf("split and whole searches differ:\n%s", firstDiff(one, two))
	}
}

// A search beside another does not split: each already has a core.
func TestNoSplitUnderLoad(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(m int) { splitMin = m }(splitMin)
	splitMin = 1
	searching.Add(1) // another search running
	defer searching.Add(-1)
	ix := build(genDocs(500, 2))
	before := splits.Load()
	run(ix, Request{Node: parse("loan"), Limit: 10, Facets: true})
	if n := splits.Load() - before; n != 0 {
		t.Errorf("%d splits beside another search", n)
	}
	searching.Add(-1)
	run(ix, Request{Node: parse("loan"), Limit: 10, Facets: true})
	searching.Add(1)
	if splits.Load() == before {
		t.Error("a search alone did not split")
	}
}
