package index

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
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

	ix := changedIndex(t, 3000, 5)

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

// Searches share what they keep between them (the facets' count arrays, the
// prefix accumulator, the long arrays lent to each, here every one of them):
// a search with lent arrays answers as one with arrays of its own, an answer
// kept across later searches stays as it was, and searches running at once
// answer as they do one at a time.
func TestSearchesAtOnceAgree(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(m, l int) { splitMin, lendMin = m, l }(splitMin, lendMin)
	splitMin = 1
	ix, _ := roundTrip(t, build(genDocs(2000, 4)))
	queries := []string{"loan", "telegram railway", `"soviet army"`, "tel*", "loan OR uranium", "cipher -harbor", "date:1947..1950 treaty"}
	show := func(res Response) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%d %v;", res.Total, res.Facets)
		for _, h := range res.Hits {
			fmt.Fprintf(&b, " %s %.9f %v", h.ID, h.Score, h.Where.Positions)
		}
		return b.String()
	}
	ask := func(q string, staff bool) Response {
		return run(ix, Request{Node: parse(q), Limit: 20, Facets: true, Unpublished: staff})
	}
	want := map[string]string{}
	lendMin = math.MaxInt
	for _, q := range queries {
		for _, staff := range []bool{false, true} {
			want[fmt.Sprint(q, staff)] = show(ask(q, staff))
		}
	}
	lendMin = 1
	kept := map[string]Response{}
	for _, q := range queries {
		for _, staff := range []bool{false, true} {
			k := fmt.Sprint(q, staff)
			kept[k] = ask(q, staff)
			if got := show(kept[k]); got != want[k] {
				t.Errorf("%s: with lent arrays:\n%s\nwith its own\n%s", k, got, want[k])
			}
		}
	}
	for _, q := range queries {
		ask(q, true)
	}
	for k, res := range kept {
		if got := show(res); got != want[k] {
			t.Errorf("%s: an answer changed after later searches:\n%s\nwas\n%s", k, got, want[k])
		}
	}
	errs := make(chan string, 8)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 4 * len(queries) {
				q, staff := queries[(g+i)%len(queries)], (g+i)%2 == 0
				if got := show(ask(q, staff)); got != want[fmt.Sprint(q, staff)] {
					errs <- fmt.Sprint(q, staff)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for k := range errs {
		t.Errorf("%s answered otherwise beside other searches", k)
	}
}

// halves gives each half something to do and the second a lo above 0, which
// its callers use to tell the halves apart (parts[min(lo, 1)]): one document
// split as [0, 0) and [0, 1) had both halves write the first part at once.
func TestHalvesTellApart(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(m int) { splitMin = m }(splitMin)
	splitMin = 1
	for n := range 6 {
		var mu sync.Mutex
		var got [][2]int
		halves(n, func(lo, hi int) {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, [2]int{lo, hi})
		})
		slices.SortFunc(got, func(a, b [2]int) int { return a[0] - b[0] })
		for _, h := range got {
			if n > 0 && h[1] <= h[0] {
				t.Errorf("n %d: an empty half %v of %v", n, h, got)
			}
		}
		whole := len(got) == 1 && got[0] == [2]int{0, n}
		split := len(got) == 2 && got[0][0] == 0 && got[0][1] == got[1][0] && got[1][0] > 0 && got[1][1] == n
		if !whole && !split {
			t.Errorf("n %d: halves %v", n, got)
		}
	}
}

// TestScoreAsYouGo: a search of one word, prefix or phrase scored as its page
// is chosen (topOfOne, which passes over documents whose score could not
// enter the page) answers as one that scores every document first: the same
// hits in the same order with the same scores to the bit, on every page,
// split over two cores or not.
func TestScoreAsYouGo(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(m int, s bool) { splitMin, scoreAsYouGo = m, s }(splitMin, scoreAsYouGo)
	ix := build(genDocs(3000, 5))
	show := func(res Response) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%d;", res.Total)
		for _, h := range res.Hits {
			fmt.Fprintf(&b, " %s %x", h.ID, math.Float64bits(h.Score))
		}
		return b.String()
	}
	queries := []string{"loan", "harbor", "tel*", "u*", `"soviet army"`, "person:stalin", "loan date:1947..1950", "1949"}
	for _, split := range []int{1 << 30, 1} {
		splitMin = split
		for _, q := range queries {
			for _, page := range [][2]int{{1, 0}, {5, 0}, {20, 0}, {20, 40}, {500, 0}} {
				for _, match := range []string{"", search.MatchMost} {
					req := Request{Node: parse(q), Limit: page[0], Offset: page[1], Match: match}
					scoreAsYouGo = false
					want := show(run(ix, req))
					scoreAsYouGo = true
					if got := show(run(ix, req)); got != want {
						t.Errorf("%q %v %q split %d: scored as it went\n%s\nscored first\n%s", q, page, match, split, got, want)
					}
				}
			}
		}
	}
}

// TestTFUnder: under the frequency tfUnder gives, bm25 at length 0 is under
// the floor, and a little over it, it is not: topOfOne passes over only
// documents that could not enter its page, and over nearly all of them.
func TestTFUnder(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	norm0 := k1 * (1 - b)
	for range 100000 {
		c := (0.01 + 20*r.Float64()) * (k1 + 1)
		floor := c * r.Float64() * 1.2
		tf := 1000 * r.Float64() * r.Float64()
		bound := c * tf / (tf + norm0)
		under := tfUnder(floor, c, norm0)
		if tf < under && bound >= floor {
			t.Fatalf("c %v floor %v: tf %v under %v scores %v, not under the floor", c, floor, tf, under, bound)
		}
		if tf > under*(1+1e-6) && bound < floor {
			t.Fatalf("c %v floor %v: tf %v over %v scores %v, under the floor", c, floor, tf, under, bound)
		}
	}
	if got := tfUnder(math.Inf(-1), 3, norm0); !math.IsInf(got, -1) {
		t.Errorf("no floor yet: tfUnder %v, want -Inf", got)
	}
}

// TestHalvesOfWork: a loop splits by its work, not its length, so that a few
// candidates sought in a long list take both cores, and many steps of no work
// do not.
func TestHalvesOfWork(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(m int) { splitMin = m }(splitMin)
	splitMin = 1000
	for _, c := range []struct {
		n, work int
		split   bool
	}{{10, 5000, true}, {5000, 10, false}, {10, 999, false}, {1, 5000, false}} {
		var mu sync.Mutex
		calls := 0
		halvesOf(c.n, c.work, func(lo, hi int) {
			mu.Lock()
			defer mu.Unlock()
			calls++
		})
		if got := calls == 2; got != c.split {
			t.Errorf("n %d, work %d: split %v, want %v", c.n, c.work, got, c.split)
		}
	}
}
