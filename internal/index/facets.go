package index

import (
	"fmt"
	"math/bits"
	"runtime"
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

// facetNames are the facets counted from interned values, in facetCounts'
// order.
var facetNames = [...]string{"type", "category", "language", "collection", "repository", "person", "place"}

// facetCounts is one pass's counts: the interned facets, the years, and the
// subjects (by their place in the vocabulary).
type facetCounts struct {
	c        [len(facetNames)]counter
	byYear   [10000]int32
	subjects [subjects.MaxSubjects]int32
	// gathered keeps what countFacets read ahead, so that the compiler keeps
	// the reads; it means nothing.
	gathered uint32
}

// facets counts every facet over the whole result set in one pass: metadata is
// interned, so a count is an array increment. A long result is counted in two
// halves at once when a core is free, each into counts of its own, added up
// after. ended is asked every checkEvery documents (from both halves); when
// it says yes the count ends, and ok is false.
// docs are among the documents whose hotDoc.seen has see (those the search's
// readers may see), so that a result of most of them can be counted by what
// it lacks.
func (ix *Index) facets(ended func() bool, docs []uint32, auth *names.File, see uint8) (_ map[string][]search.FacetCount, ok bool) {
	masks := ix.subjectMasks()
	var fc *facetCounts
	if float64(len(docs)) > wholeShare*float64(ix.live) {
		if fc, ok = ix.facetsByLack(ended, docs, see, masks); !ok {
			return nil, false
		}
	} else if fc, ok = ix.countAll(ended, docs, masks); !ok {
		return nil, false
	}
	years := map[int32]int{}
	for y, c := range fc.byYear {
		if c > 0 {
			years[int32(y)] = int(c)
		}
	}
	out := map[string][]search.FacetCount{}
	for _, name := range search.FacetNames {
		out[name] = []search.FacetCount{}
	}
	for i, name := range facetNames {
		c := &fc.c[i]
		for _, id := range c.touched {
			if n := c.counts[id]; n > 0 { // 0: counted over every document, none of them in the result
				out[name] = append(out[name], search.FacetCount{Value: ix.strs.strs[id], Count: int(n)})
			}
		}
	}
	var counts []search.FacetCount // nil when none, as the facet has always been
	for i, s := range subjects.Default().Subjects {
		if n := fc.subjects[i]; n > 0 {
			counts = append(counts, search.FacetCount{Value: s.ID, Count: int(n)})
		}
	}
	out["subject"] = counts
	fc.release()
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
	return out, true
}

// countAll counts docs' facets, in two halves at once when a core is free.
func (ix *Index) countAll(ended func() bool, docs []uint32, masks []uint64) (*facetCounts, bool) {
	var parts [2]*facetCounts
	var done [2]bool
	halves(len(docs), func(lo, hi int) {
		k := min(lo, 1)
		parts[k] = ix.newFacetCounts()
		done[k] = ix.countFacets(ended, docs[lo:hi], masks, parts[k])
	})
	fc := parts[0]
	if parts[1] != nil {
		fc.add(parts[1])
		parts[1].release()
	}
	if !done[0] || parts[1] != nil && !done[1] {
		fc.release()
		return nil, false
	}
	return fc, true
}

// A result holding most of what its search may see (a common word, the
// archive browsed without a word) has its facets counted as every such
// document's, counted once and kept, less those of the documents it lacks:
// at 1M the facets of the whole archive took 18 ms a page, of a word in
// 750,000 documents 14 (docs/decisions.md, "Facets of most of the archive
// counted by what the result lacks"). wholeShare is the share of the live
// documents from which a result is counted so; below it, the pass over
// every document to find the lacking ones costs more than it saves.
var wholeShare = 2.0 / 3

// wholeCounts is the facets of every document a search's readers see, for
// one numbering of the documents and one state of them.
type wholeCounts struct {
	resets  int
	applied uint64
	n       int // documents counted
	fc      *facetCounts
}

// wholeFacets returns the facets of every document whose seen has see,
// counting them the first time; nil when ended said to stop. The search
// that counts them pays for it within its own time limit: its result holds
// two thirds of them at least, so the count costs it at most half again what
// counting its result would, and nothing is kept when it stops.
func (ix *Index) wholeFacets(ended func() bool, see uint8, masks []uint64) *wholeCounts {
	slot := &ix.whole[see>>1] // seenStaff is 1, seenReaders 2
	current := func(w *wholeCounts) bool {
		return w != nil && w.resets == ix.resets && w.applied == ix.applied
	}
	if w := slot.Load(); current(w) {
		return w
	}
	ix.wholeMu.Lock()
	defer ix.wholeMu.Unlock()
	if w := slot.Load(); current(w) {
		return w
	}
	var l loans
	defer l.giveBack()
	every, ok := ix.seenBut(ended, see, nil, borrow[uint32](&l, &u32Pool, ix.live))
	if !ok {
		return nil
	}
	fc, ok := ix.countAll(ended, every, masks)
	if !ok {
		return nil
	}
	// Kept, never released: a copy of it is what a search counts into.
	w := &wholeCounts{resets: ix.resets, applied: ix.applied, n: len(every), fc: fc}
	slot.Store(w)
	return w
}

// facetsByLack counts the facets of docs, most of the documents whose seen
// has see, as all of those documents' less those of the ones docs lack.
func (ix *Index) facetsByLack(ended func() bool, docs []uint32, see uint8, masks []uint64) (*facetCounts, bool) {
	w := ix.wholeFacets(ended, see, masks)
	if w == nil {
		return nil, false
	}
	var l loans
	defer l.giveBack()
	lack, ok := ix.seenBut(ended, see, docs, borrow[uint32](&l, &u32Pool, max(0, w.n-len(docs))))
	if !ok {
		return nil, false
	}
	less, ok := ix.countAll(ended, lack, masks)
	if !ok {
		return nil, false
	}
	fc := ix.newFacetCounts()
	fc.add(w.fc)
	fc.sub(less)
	less.release()
	return fc, true
}

// seenBut appends to out, in order, the documents whose seen has see and
// that docs (sorted) does not hold; false when ended said to stop.
func (ix *Index) seenBut(ended func() bool, see uint8, docs, out []uint32) ([]uint32, bool) {
	j := 0
	for i := range ix.hot {
		if i%(16*checkEvery) == 0 && ended() {
			return nil, false
		}
		if j < len(docs) && docs[j] == uint32(i) {
			j++
			continue
		}
		if ix.hot[i].seen&see != 0 {
			out = append(out, uint32(i))
		}
	}
	return out, true
}

// countFacets adds docs' facet values to fc; false when ended said to stop.
// It may run beside another, so it only reads the index.
func (ix *Index) countFacets(ended func() bool, docs []uint32, masks []uint64, fc *facetCounts) bool {
	typ, cat, lang, coll, repo, person, place := &fc.c[0], &fc.c[1], &fc.c[2], &fc.c[3], &fc.c[4], &fc.c[5], &fc.c[6]
	// A result's documents lie anywhere in the archive, and the search's walk
	// has just filled the processor's caches with postings: at 1M each
	// document's facets, subjects and values were three waits on memory, one
	// after the other (some 190 ns a document: 9 ms of a date-filtered search
	// of 36,000 to 62,000 documents, docs/decisions.md).
	// A block's are gathered first, by loops of loads that do not wait on
	// each other, so that the processor waits for many at once.
	const block = 32 // checkEvery is a multiple
	var local [block]facetDoc
	var subj [block]uint64
	for lo := 0; lo < len(docs); lo += block {
		if lo%checkEvery == 0 && ended() {
			return false
		}
		b := docs[lo:min(lo+block, len(docs))]
		for i, n := range b {
			local[i], subj[i] = ix.fac[n], masks[n]
		}
		var first uint32
		for i := range b {
			if d := &local[i]; d.repos+d.persons+d.places > 0 {
				first |= ix.vals[d.off] // read now, counted below
			}
		}
		fc.gathered |= first
		for i := range b {
			d := &local[i]
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
			if y := d.year; y != 0 {
				fc.byYear[y-1]++
			}
			for m := subj[i]; m != 0; m &= m - 1 {
				fc.subjects[bits.TrailingZeros64(m)]++
			}
		}
	}
	return true
}

// add adds o's counts to fc's.
func (fc *facetCounts) add(o *facetCounts) {
	for i := range fc.c {
		for _, id := range o.c[i].touched {
			fc.c[i].addN(id, o.c[i].counts[id])
		}
	}
	for y, c := range o.byYear {
		fc.byYear[y] += c
	}
	for i, c := range o.subjects {
		fc.subjects[i] += c
	}
}

// sub takes o's counts from fc's, o's being counted over documents that fc's
// were: every value o has, fc has too.
func (fc *facetCounts) sub(o *facetCounts) {
	for i := range fc.c {
		for _, id := range o.c[i].touched {
			fc.c[i].counts[id] -= o.c[i].counts[id]
		}
	}
	for y, c := range o.byYear {
		fc.byYear[y] -= c
	}
	for i, c := range o.subjects {
		fc.subjects[i] -= c
	}
}

// facetCountsFree keeps counts between searches. Not a sync.Pool, which
// empties at every collection: at 1M documents a search's arrays were
// megabytes, and a collection came every few searches, so most searches
// allocated and zeroed a fresh set.
var facetCountsFree struct {
	sync.Mutex
	l []*facetCounts
}

// maxFreeFacetCounts bounds the sets kept: two for each search that may run
// at once on a core of its own, the rest collected.
var maxFreeFacetCounts = 2 * runtime.GOMAXPROCS(0)

func (ix *Index) newFacetCounts() *facetCounts {
	n := len(ix.strs.strs)
	facetCountsFree.Lock()
	var fc *facetCounts
	if k := len(facetCountsFree.l); k > 0 {
		fc = facetCountsFree.l[k-1]
		facetCountsFree.l = facetCountsFree.l[:k-1]
	}
	facetCountsFree.Unlock()
	if fc == nil {
		fc = &facetCounts{}
	}
	for i := range fc.c {
		if len(fc.c[i].counts) < n {
			fc.c[i].counts = make([]int32, n+n/8) // room for values added later
		}
	}
	return fc
}

// release clears what fc counted and keeps it for another search.
func (fc *facetCounts) release() {
	for i := range fc.c {
		c := &fc.c[i]
		for _, id := range c.touched {
			c.counts[id] = 0
		}
		c.touched = c.touched[:0]
	}
	fc.byYear = [10000]int32{}
	fc.subjects = [subjects.MaxSubjects]int32{}
	facetCountsFree.Lock()
	if len(facetCountsFree.l) < maxFreeFacetCounts {
		facetCountsFree.l = append(facetCountsFree.l, fc)
	}
	facetCountsFree.Unlock()
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

// counter counts interned values; only the values it touched are read back
// and cleared.
type counter struct {
	counts  []int32
	touched []uint32
}

func (c *counter) inc(id uint32) {
	if c.counts[id] == 0 {
		c.touched = append(c.touched, id)
	}
	c.counts[id]++
}

func (c *counter) addN(id uint32, n int32) {
	if c.counts[id] == 0 {
		c.touched = append(c.touched, id)
	}
	c.counts[id] += n
}

// subjectCache is each document's subjects as bits, for the numbering of
// one segment and one reset: bit i is the vocabulary's i-th subject.
type subjectCache struct {
	seg    *segment
	resets int
	masks  []uint64
}

// subjectMasks returns each document's subjects as bits (bit i: the
// vocabulary's i-th subject; a vocabulary holds at most subjects.MaxSubjects).
// Counting a result's subjects is then a pass over the result, as for the
// other facets, where walking each subject's set cost the whole set however
// small the result (at 1M documents, a third of a facet search on a few
// thousand). Built from the sets at the first search after the documents are
// numbered anew (a merge, a reset), extended for the documents added since:
// 8 bytes a document. The caller holds ix.mu for reading.
func (ix *Index) subjectMasks() []uint64 {
	subs := subjects.Default().Subjects
	fresh := func(c *subjectCache) bool {
		return c != nil && c.seg == ix.seg && c.resets == ix.resets && len(c.masks) <= len(ix.hot)
	}
	if c := ix.subjects.Load(); fresh(c) && len(c.masks) == len(ix.hot) {
		return c.masks
	}
	ix.subjectsMu.Lock()
	defer ix.subjectsMu.Unlock()
	c := ix.subjects.Load()
	if fresh(c) && len(c.masks) == len(ix.hot) {
		return c.masks // built while this search waited
	}
	n, from := len(ix.hot), 0
	var masks []uint64
	if fresh(c) {
		// Extended in place, past the old length: searches holding the old
		// slice read only below it (documents are added under the write
		// lock, never while they run), so nothing they read is written, and
		// the array is copied only when its room runs out, not at each edit.
		from = len(c.masks)
		masks = slices.Grow(c.masks, n-from)[:n]
		clear(masks[from:])
	} else {
		masks = make([]uint64, n, n+n/8) // room for documents added later
	}
	for i, s := range subs {
		set := ix.namesOf(subjectKey + s.ID)
		j, _ := slices.BinarySearch(set, uint32(from))
		for _, n := range set[j:] {
			masks[n] |= 1 << i
		}
	}
	ix.subjects.Store(&subjectCache{seg: ix.seg, resets: ix.resets, masks: masks})
	return masks
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
