package index

import (
	"fmt"
	"slices"
	"sort"
	"sync"

	"fond/internal/names"
	"fond/internal/redact"
	"fond/internal/search"
	"fond/internal/subjects"
)

// facetLimit bounds long facets; years and decades are kept whole so that a
// histogram can be drawn.
var facetLimit = map[string]int{"person": 30, "place": 30, "repository": 30, "type": 30, "collection": 30}

// facets counts every facet over the whole result set in one pass: metadata is
// interned, so a count is an array increment. stop is asked every checkEvery
// documents; its error ends the count.
func (ix *Index) facets(stop func() error, docs []uint32, auth *names.File) (map[string][]search.FacetCount, error) {
	names := []string{"type", "category", "language", "collection", "repository", "person", "place"}
	counts := make([]counter, len(names))
	for i := range counts {
		counts[i] = newCounter(len(ix.strs.strs))
	}
	typ, cat, lang, coll, repo, person, place := &counts[0], &counts[1], &counts[2], &counts[3], &counts[4], &counts[5], &counts[6]
	years := map[int32]int{}
	var byYear [10000]int32
	// The subjects are counted from their own sets, beside the other facets
	// when the result is long and a core is free.
	var subjectsOut []search.FacetCount
	countSubjects := func() { subjectsOut = ix.subjectCounts(docs) }
	if len(docs) >= splitMin && coreFree() {
		done := make(chan any, 1)
		splits.Add(1)
		go func() {
			defer func() { done <- recover() }()
			subjectsOut = ix.subjectCounts(docs)
		}()
		// Waited for however this function ends: the goroutine reads the index.
		waited := false
		waitSubjects := func() {
			if !waited {
				waited = true
				if p := <-done; p != nil {
					panic(p)
				}
			}
		}
		defer waitSubjects()
		countSubjects = waitSubjects
	}
	for i, n := range docs {
		if i%checkEvery == 0 {
			if err := stop(); err != nil {
				for j := range counts {
					counts[j].release()
				}
				return nil, err
			}
		}
		d := &ix.fac[n]
		if d.typ != 0 {
			typ.inc(d.typ)
		}
		cat.inc(d.cat)
		if d.lang != 0 {
			lang.inc(d.lang)
		}
		if d.coll != 0 {
			coll.inc(d.coll)
		}
		v := ix.vals[d.off : d.off+uint32(d.repos)+uint32(d.persons)+uint32(d.places)]
		for _, r := range v[:d.repos] {
			repo.inc(r)
		}
		for _, p := range v[d.repos : d.repos+d.persons] {
			person.inc(p)
		}
		for _, p := range v[d.repos+d.persons:] {
			place.inc(p)
		}
		if e := ix.hot[n].earliest; e != 0 {
			byYear[e/10000]++
		}
	}
	for y, c := range byYear {
		if c > 0 {
			years[int32(y)] = int(c)
		}
	}
	out := map[string][]search.FacetCount{}
	for _, name := range search.FacetNames {
		out[name] = []search.FacetCount{}
	}
	for i, name := range names {
		c := &counts[i]
		for _, id := range c.touched {
			out[name] = append(out[name], search.FacetCount{Value: ix.strs.strs[id], Count: int(c.counts[id])})
		}
		c.release()
	}
	countSubjects()
	out["subject"] = subjectsOut
	decades := map[int32]int{}
	for y, n := range years {
		out["year"] = append(out["year"], search.FacetCount{Value: fmt.Sprintf("%04d", y), Count: n})
		decades[y/10] += n
	}
	for dec, n := range decades {
		out["decade"] = append(out["decade"], search.FacetCount{Value: fmt.Sprintf("%03d0s", dec), Count: n})
	}
	for _, kind := range []string{"person", "place"} {
		out[kind] = preferredNames(out[kind], auth)
	}
	ix.releaseFacets(docs, out)
	for name, list := range out {
		if name == "withheld" {
			continue // yes, then no
		}
		if name == "year" || name == "decade" {
			sort.Slice(list, func(i, j int) bool { return list[i].Value < list[j].Value })
			continue
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Value < list[j].Value
		})
		if n := facetLimit[name]; n > 0 && len(list) > n {
			out[name] = list[:n]
		}
	}
	return out, nil
}

// releaseFacets counts the declassification facets (withheld, exemption,
// released_later) over docs from the keyed sets their filters read, so the
// snapshot keeps its format. Releases are few: when none withholds anything
// nothing is counted, and otherwise docs are marked once in a bitset and each
// set walked (a closed list of exemption codes is looked up, not the whole
// key table scanned).
func (ix *Index) releaseFacets(docs []uint32, out map[string][]search.FacetCount) {
	if len(ix.namesOf("withheld\x00yes")) == 0 || len(docs) == 0 {
		return
	}
	in := newBitmap(len(ix.hot), docs)
	defer in.release()
	count := func(key string) int { return in.count(ix.namesOf(key)) }
	if c := count("withheld\x00yes"); c > 0 {
		out["withheld"] = append(out["withheld"], search.FacetCount{Value: "yes", Count: c})
		if c < len(docs) {
			out["withheld"] = append(out["withheld"], search.FacetCount{Value: "no", Count: len(docs) - c})
		}
	}
	for _, code := range redact.ExemptionCodes() {
		if c := count("exemption\x00" + code); c > 0 {
			out["exemption"] = append(out["exemption"], search.FacetCount{Value: code, Count: c})
		}
	}
	if c := count(releasedLaterKey); c > 0 {
		out["released_later"] = append(out["released_later"], search.FacetCount{Value: "yes", Count: c})
	}
}

// preferredNames shows a facet's names as the authority file prefers them,
// adding up the counts of spellings of one person.
func preferredNames(counts []search.FacetCount, auth *names.File) []search.FacetCount {
	if auth == nil {
		return counts
	}
	merged := map[string]int{}
	var order []string
	for _, c := range counts {
		v := c.Value
		if m, ok := auth.Resolve(v); ok {
			v = m.Authority.Preferred
		}
		if _, seen := merged[v]; !seen {
			order = append(order, v)
		}
		merged[v] += c.Count
	}
	out := make([]search.FacetCount, 0, len(order))
	for _, v := range order {
		out = append(out, search.FacetCount{Value: v, Count: merged[v]})
	}
	return out
}

// counter counts interned values; its array is pooled, and only the values it
// touched are read back and cleared.
type counter struct {
	counts  []int32
	touched []uint32
}

var countPool sync.Pool

func newCounter(n int) counter {
	if p, ok := countPool.Get().(*[]int32); ok && len(*p) >= n {
		return counter{counts: *p}
	}
	return counter{counts: make([]int32, n)}
}

func (c *counter) inc(id uint32) {
	if c.counts[id] == 0 {
		c.touched = append(c.touched, id)
	}
	c.counts[id]++
}

func (c *counter) release() {
	for _, id := range c.touched {
		c.counts[id] = 0
	}
	countPool.Put(&c.counts)
}

// subjectCounts counts the result's documents in each subject's set. The
// vocabulary is small, so the sets are walked rather than subjects kept among
// every document's facet values; each set the way that costs less: a large
// result is marked in a bitmap once and each set's members tested in it, a
// small one looked up in each set by galloping (a bitmap pass costs the whole
// set, and at 1M documents the sets together hold millions of entries, which
// a result of a few hundred documents would pay for at every search).
func (ix *Index) subjectCounts(docs []uint32) []search.FacetCount {
	var in *bitmap
	defer func() {
		if in != nil {
			in.release()
		}
	}()
	var out []search.FacetCount
	for _, s := range subjects.Default().Subjects {
		set := ix.namesOf(subjectKey + s.ID)
		c := 0
		if len(docs)*gallopFactor < len(set) {
			c = countCommon(docs, set)
		} else {
			if in == nil {
				in = newBitmap(len(ix.hot), docs)
			}
			c = in.count(set)
		}
		if c > 0 {
			out = append(out, search.FacetCount{Value: s.ID, Count: c})
		}
	}
	return out
}

// gallopFactor is how many times longer than the result a set must be for
// galloping through it to beat testing each of its members in a bitmap: a
// gallop costs a few comparisons per step, a bitmap test one load.
const gallopFactor = 16

// countCommon counts the members of small found in large, both ascending, by
// galloping through large.
func countCommon(small, large []uint32) int {
	c, lo := 0, 0
	for _, d := range small {
		// Gallop to a window whose end is at or past d, then search it.
		step, hi := 1, lo
		for hi < len(large) && large[hi] < d {
			lo = hi + 1
			hi += step
			step *= 2
		}
		hi = min(hi+1, len(large))
		j, found := slices.BinarySearch(large[lo:hi], d)
		lo += j
		if found {
			c++
		}
		if lo >= len(large) {
			break
		}
	}
	return c
}

// bitmap marks a result's documents for membership tests. Its words are
// pooled, and cleared through the result when released: at 1M documents a
// fresh one is 125 KB to allocate and zero at every facet count.
type bitmap struct {
	words []uint64
	docs  []uint32
}

var bitmapPool sync.Pool

func newBitmap(n int, docs []uint32) *bitmap {
	w := (n + 63) / 64
	b, _ := bitmapPool.Get().(*bitmap)
	if b == nil || len(b.words) < w {
		b = &bitmap{words: make([]uint64, w+w/8)}
	}
	b.docs = docs
	for _, n := range docs {
		b.words[n/64] |= 1 << (n % 64)
	}
	return b
}

func (b *bitmap) has(n uint32) bool { return b.words[n/64]&(1<<(n%64)) != 0 }

// count is how many of l are marked.
func (b *bitmap) count(l []uint32) int {
	c := 0
	for _, n := range l {
		if b.has(n) {
			c++
		}
	}
	return c
}

func (b *bitmap) release() {
	for _, n := range b.docs {
		b.words[n/64] = 0
	}
	b.docs = nil
	bitmapPool.Put(b)
}
