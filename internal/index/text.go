package index

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"

	"fond/internal/search"
)

// wordLists are the posting lists one query word reads: one list, or every term
// a prefix expands to.
type wordLists []*plist

func (l wordLists) df() int {
	n := 0
	for _, p := range l {
		n += int(p.count())
	}
	return n
}

// text matches words (a phrase when more than one) in the fields of mask. ok is
// false when the text has nothing searchable.
func (e *evaluator) text(s string, prefix bool, mask uint8, cand docset) (termResult, bool) {
	if HasCJK(s) {
		return e.cjk(s, cand), true
	}
	toks := words(s, nil)
	if len(toks) == 0 {
		return termResult{}, false
	}
	lists := make([]wordLists, len(toks))
	for i, t := range toks {
		if prefix && i == len(toks)-1 {
			lists[i] = e.expand(Fold(s[t.start:t.end]))
		} else if p := e.ix.term(t.term); p != nil {
			lists[i] = wordLists{p}
		}
		if len(lists[i]) == 0 {
			return termResult{}, true
		}
	}
	if len(lists) == 1 {
		return e.word(lists[0], mask, cand), true
	}
	if !prefix {
		if r, ok := e.pairPhrase(toks, lists, mask, cand); ok {
			return r, true
		}
	}
	return e.phrase(lists, mask, cand), true
}

// expand lists the terms a prefix reaches: every indexed term that begins with
// it, and the stem of the prefix itself ("telegrams*" reaches "telegram"). Past
// e.maxExpand terms it keeps the most frequent: they hold most of the
// prefix's matches and weigh most in its score, where the first in
// alphabetical order ("a*": aa, aaa, aab…) would be the rarest spellings. The
// cut is recorded in e.capped for the result to report.
func (e *evaluator) expand(prefix string) wordLists {
	var out wordLists
	e.ix.eachTerm(prefix, func(t termRef) bool {
		if len(out)%checkEvery == 0 && e.stopped() {
			out = nil
			return false
		}
		out = append(out, t.list())
		return true
	})
	if e.err != nil {
		return nil
	}
	if matched := len(out); e.maxExpand > 0 && matched > e.maxExpand {
		// Ties by the dictionary's order, so a capped query's result is stable.
		type byFreq struct {
			n, at uint32
			p     *plist
		}
		byN := make([]byFreq, len(out))
		for i, p := range out {
			byN[i] = byFreq{p.count(), uint32(i), p}
		}
		slices.SortFunc(byN, func(a, b byFreq) int {
			if c := cmp.Compare(b.n, a.n); c != 0 {
				return c
			}
			return cmp.Compare(a.at, b.at)
		})
		for i := range e.maxExpand {
			out[i] = byN[i].p
		}
		out = out[:e.maxExpand]
		e.noteCapped(search.Capped{Prefix: prefix, Used: len(out), Matched: matched})
	}
	if st := stemCached(prefix); st != prefix && !strings.HasPrefix(st, prefix) {
		if p := e.ix.term(st); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// noteCapped records a capped prefix once, however often the query names it.
func (e *evaluator) noteCapped(c search.Capped) {
	for _, d := range e.capped {
		if d.Prefix == c.Prefix {
			return
		}
	}
	e.capped = append(e.capped, c)
}

// word matches one word, or the union of a prefix's terms.
func (e *evaluator) word(lists wordLists, mask uint8, cand docset) termResult {
	if len(lists) == 1 {
		return e.single(lists[0], mask, cand)
	}
	// Many lists: accumulate into a dense array and read it back in order, which
	// costs one pass per list instead of a merge. The arrays are reused, cleared
	// as they are read: fresh ones were 4 MB a query at 1M documents, each page
	// of it faulted in and zeroed by the system. With a core free, a long union
	// is done in two halves of the documents at once (the halves meet at a
	// multiple of 64, so that no word of seen is written by both).
	sc := getScratch(len(e.ix.hot))
	r := termResult{df: min(lists.df(), e.ix.live)}
	words := (len(e.ix.hot) + 63) / 64
	if mid := words / 2; lists.df() >= splitMin && mid > 0 && coreFree() {
		var r2 termResult
		both(func() { e.accumulate(lists, mask, sc, 0, uint32(mid*64)) },
			func() { e.accumulate(lists, mask, sc, uint32(mid*64), math.MaxUint32) })
		if e.stopped() {
			return termResult{} // left half-filled: dropped, not pooled, so no search finds it dirty
		}
		// The first half's arrays are made with room for the second's, appended after.
		spare := 0
		if cand.all {
			spare = ones(sc.seen[mid:words])
		}
		both(func() { e.readBack(sc, cand, 0, mid, spare, &r) }, func() { e.readBack(sc, cand, mid, words, 0, &r2) })
		r.docs, r.wtf = append(r.docs, r2.docs...), append(r.wtf, r2.wtf...)
	} else {
		if e.accumulate(lists, mask, sc, 0, math.MaxUint32); e.stopped() {
			return termResult{}
		}
		e.readBack(sc, cand, 0, words, 0, &r)
	}
	scratchPool.Put(sc) // not deferred: one left half-read by a panic must not return
	return r
}

// accumulate adds up, in sc, the weighted frequencies of every list's
// postings for documents in [from, to). It may run beside another, so it
// asks e.ended.
func (e *evaluator) accumulate(lists wordLists, mask uint8, sc *scratch, from, to uint32) {
	steps := 0
	for _, p := range lists {
		if !p.addWeights(mask, sc.acc, sc.seen, from, to, &steps, e.ended) {
			return
		}
	}
}

// readBack appends to r the documents of cand the search sees marked in words [wlo, whi)
// of sc.seen, in order, with their weights, clearing what it reads; spare is
// room to leave in r's arrays for what will be appended after.
func (e *evaluator) readBack(sc *scratch, cand docset, wlo, whi, spare int, r *termResult) {
	acc, seen := sc.acc, sc.seen
	// A prefix can match a third of the archive: sized up front, the results are
	// not copied as they grow (growing them was half of a prefix query at 1M).
	if cand.all {
		n := ones(seen[wlo:whi]) + spare
		r.docs, r.wtf = borrow[uint32](e.loans, &u32Pool, n), borrow[float32](e.loans, &f32Pool, n)
	}
	in := member{ids: cand.ids}
	if !cand.all && wlo > 0 {
		in.j, _ = slices.BinarySearch(cand.ids, uint32(wlo*64))
	}
	stopped := false // past the last candidate: only clearing is left
	for w := wlo; w < whi; w++ {
		word := seen[w]
		if word == 0 {
			continue
		}
		seen[w] = 0
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &= word - 1
			d := uint32(w*64 + b)
			weight := acc[d]
			acc[d] = 0
			if stopped || !e.sees(&e.ix.hot[d]) {
				continue
			}
			if !cand.all {
				found, ended := in.has(d)
				if ended {
					stopped = true
					continue
				}
				if !found {
					continue
				}
			}
			r.docs = append(r.docs, d)
			r.wtf = append(r.wtf, weight)
		}
	}
}

// ones counts the bits set in words.
func ones(words []uint64) int {
	n := 0
	for _, w := range words {
		n += bits.OnesCount64(w)
	}
	return n
}

// scratch is the dense accumulator of a many-list word; a pooled one is all zero.
type scratch struct {
	acc  []float32
	seen []uint64
}

var scratchPool sync.Pool

func getScratch(n int) *scratch {
	if sc, _ := scratchPool.Get().(*scratch); sc != nil && len(sc.acc) >= n {
		return sc
	}
	// Room to grow, so that an archive taking new records does not discard
	// every pooled array at each one.
	n += n / 8
	return &scratch{acc: make([]float32, n), seen: make([]uint64, (n+63)/64)}
}

func (e *evaluator) single(p *plist, mask uint8, cand docset) termResult {
	r := termResult{df: int(p.count()), list: p}
	if cand.all {
		mid, split := p.middle()
		if int(p.count()) < splitMin || !split || !coreFree() {
			e.singleRange(p, mask, 0, math.MaxUint32, &r)
		} else {
			// Two halves of the list at once: the second walked from the
			// middle skip point into results of its own, appended after.
			var r2 termResult
			both(func() { e.singleRange(p, mask, 0, mid, &r) }, func() { e.singleRange(p, mask, mid, math.MaxUint32, &r2) })
			r.docs, r.wtf, r.at = append(r.docs, r2.docs...), append(r.wtf, r2.wtf...), append(r.at, r2.at...)
		}
		if e.stopped() {
			return termResult{}
		}
		return r
	}
	// The candidates, each sought in the list (an AND's second word): in two
	// halves of the candidates at once when a core is free and the walk is
	// long. Its length is the candidates stepped through and the postings
	// read, at most a skip block's for each candidate: a rare word's 47,000
	// candidates in a list of 900,000 postings read most of the list, and were
	// one core's work when the split asked only how many candidates there were.
	var parts [2]termResult
	work := len(cand.ids) + min(int(p.count()), len(cand.ids)*skipEvery)
	halvesOf(len(cand.ids), work, func(lo, hi int) {
		// The first half's arrays have room for the second's, appended after.
		room := min(len(cand.ids)-lo, int(p.count()))
		e.seekEach(p, mask, cand.ids[lo:hi], room, &parts[min(lo, 1)])
	})
	if e.stopped() {
		return termResult{}
	}
	r.docs, r.wtf, r.at = parts[0].docs, parts[0].wtf, parts[0].at
	if parts[1].docs != nil {
		r.docs, r.wtf, r.at = append(r.docs, parts[1].docs...), append(r.wtf, parts[1].wtf...), append(r.at, parts[1].at...)
	}
	return r
}

// seekEach appends to r the postings of p for the documents of cand that
// have the word in a field of mask, into arrays with room for room. It reads
// the list's bytes itself, as singleRange does, jumping by the skip points
// over the postings before the next candidate: through the iterator, an AND of
// two common words at 1M spent half its time in headers. It is kept apart
// from singleRange, whose loop it repeats in part: one loop for both, asking
// which it was at each posting, made both a tenth slower at 1M. It may run
// beside another, so it asks e.ended.
func (e *evaluator) seekEach(p *plist, mask uint8, cand []uint32, room int, r *termResult) {
	if len(cand) == 0 {
		return
	}
	r.docs, r.wtf, r.at = borrow[uint32](e.loans, &u32Pool, room), borrow[float32](e.loans, &f32Pool, room), borrow[postingAt](e.loans, &atPool, room)
	i, steps := 0, 0
	for _, lp := range p.parts() {
		if i == len(cand) {
			return
		}
		data, skips := lp.data, lp.skips
		off, posOff, doc, k, ok := lp.start(cand[i])
		for ok && off < len(data) {
			if steps++; steps%checkEvery == 0 && e.ended() {
				return
			}
			if c := cand[i]; k+1 < len(skips) && skips[k+1].doc < c {
				// Skip points before the candidate: from the last of them,
				// unless this walk has passed it already.
				k = lastBefore(skips, k+1, c)
				if s := skips[k]; int(s.off) > off {
					off, posOff, doc = int(s.off), int(s.pos), s.prev
				}
			}
			d, n := uint64(data[off]), 1
			if d >= 0x80 {
				d, n = binary.Uvarint(data[off:])
			}
			doc += uint32(d)
			off += n
			at := postingAt(uint64(lp.posAt0+posOff)<<32 | uint64(lp.at0+off))
			pm, w, posLen, next, one := oneFieldHeader(data, off, mask)
			if !one {
				pm, w, posLen, next = readHeader(data, off, mask)
			}
			off, posOff = next, posOff+posLen
			for cand[i] < doc { // candidates the list lacks
				if i++; i == len(cand) {
					return
				}
			}
			if cand[i] != doc {
				continue
			}
			if pm&mask != 0 {
				r.docs = append(r.docs, doc)
				r.wtf = append(r.wtf, w)
				r.at = append(r.at, at)
			}
			if i++; i == len(cand) {
				return
			}
		}
	}
}

// singleRange appends to r p's postings for documents in [from, to) with a
// field of mask that the search sees, with where each lies. It reads the
// list's bytes itself, as addWeights does: through the iterator, the header
// of every posting was two thirds of a one-word search at 1M. It may run
// beside another, so it asks e.ended.
func (e *evaluator) singleRange(p *plist, mask uint8, from, to uint32, r *termResult) {
	// Room for every posting from here, most being kept: the first half's
	// arrays take the second's appended without growing.
	n := p.count()
	if from > 0 {
		n = n/2 + n/16
	}
	r.docs, r.wtf, r.at = borrow[uint32](e.loans, &u32Pool, int(n)), borrow[float32](e.loans, &f32Pool, int(n)), borrow[postingAt](e.loans, &atPool, int(n))
	hot := e.ix.hot
	steps := 0
	for _, lp := range p.parts() {
		data := lp.data
		off, posOff, doc, _, ok := lp.start(from)
		for ok && off < len(data) {
			if steps++; steps%checkEvery == 0 && e.ended() {
				return
			}
			d, n := uint64(data[off]), 1
			if d >= 0x80 {
				d, n = binary.Uvarint(data[off:])
			}
			if doc += uint32(d); doc >= to {
				return
			}
			off += n
			at := postingAt(uint64(lp.posAt0+posOff)<<32 | uint64(lp.at0+off))
			pm, w, posLen, next, one := oneFieldHeader(data, off, mask)
			if !one {
				pm, w, posLen, next = readHeader(data, off, mask)
			}
			off, posOff = next, posOff+posLen
			if doc < from || pm&mask == 0 || !e.sees(&hot[doc]) {
				continue
			}
			r.docs = append(r.docs, doc)
			r.wtf = append(r.wtf, w)
			r.at = append(r.at, at)
		}
	}
}

// phrase matches words at consecutive positions of one field; its frequency in a
// document is how often the whole phrase occurs there.
func (e *evaluator) phrase(lists []wordLists, mask uint8, cand docset) termResult {
	single := true
	for _, l := range lists {
		single = single && len(l) == 1
	}
	if single {
		return e.phraseOfWords(lists, mask, cand)
	}
	// Documents that have every word, rarest word first.
	order := make([]int, len(lists))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return lists[order[a]].df() < lists[order[b]].df() })
	docs := cand
	for _, i := range order {
		docs = docset{ids: e.word(lists[i], mask, docs).docs}
		if len(docs.ids) == 0 || e.err != nil {
			return termResult{}
		}
	}
	iters := make([][]*iter, len(lists))
	for i, l := range lists {
		for _, p := range l {
			iters[i] = append(iters[i], newIter(p))
		}
	}
	if len(e.pos) < len(lists) {
		e.pos = make([][]uint32, len(lists))
	}
	r := termResult{df: lists[order[0]].df()}
	for i, d := range docs.ids {
		if i%checkEvery == 0 && e.stopped() {
			return termResult{}
		}
		var w float32
		for f := uint8(0); f < numFields; f++ {
			if mask&(1<<f) == 0 {
				continue
			}
			if c := e.occurrences(iters, d, f); c > 0 {
				w += weights[f] * float32(c)
			}
		}
		if w > 0 {
			r.docs = append(r.docs, d)
			r.wtf = append(r.wtf, w)
		}
	}
	return r
}

// occurrences counts the phrase in field f of document d.
func (e *evaluator) occurrences(iters [][]*iter, d uint32, f uint8) int {
	for i, its := range iters {
		e.pos[i] = e.pos[i][:0]
		for _, it := range its {
			if it.seek(d) && it.doc == d && it.mask&(1<<f) != 0 {
				e.pos[i] = it.appendPositions(f, e.pos[i])
			}
		}
		if len(e.pos[i]) == 0 {
			return 0
		}
		if len(its) > 1 {
			sortU32(e.pos[i])
		}
	}
	count := 0
	for _, p := range e.pos[0] {
		ok := true
		for i := 1; i < len(iters) && ok; i++ {
			ok = containsU32(e.pos[i], p+uint32(i))
		}
		if ok {
			count++
		}
	}
	return count
}

func sortU32(s []uint32) { sort.Slice(s, func(i, j int) bool { return s[i] < s[j] }) }

func containsU32(s []uint32, v uint32) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= v })
	return i < len(s) && s[i] == v
}

// cjk matches a term of Chinese, Japanese or Korean text: each run as a phrase of
// its bigrams (a lone character as the prefix of the bigrams it begins), runs
// combined with AND.
func (e *evaluator) cjk(s string, cand docset) termResult {
	const mask = 1 << fCJK
	var parts []termResult
	for _, run := range cjkRuns(s) {
		var r termResult
		if len(run) == 1 {
			r = e.word(e.expand(string(run)), mask, cand)
		} else {
			var lists []wordLists
			for _, bg := range bigrams(run) {
				p := e.ix.term(bg)
				if p == nil {
					return termResult{}
				}
				lists = append(lists, wordLists{p})
			}
			if len(lists) == 1 {
				r = e.word(lists[0], mask, cand)
			} else {
				r = e.phrase(lists, mask, cand)
			}
		}
		if len(r.docs) == 0 || e.err != nil {
			return termResult{}
		}
		parts = append(parts, r)
		cand = docset{ids: r.docs}
	}
	return intersectResults(parts)
}

// A phrasePart is a list a phrase reads and where in the phrase its term
// stands: a word's list, or a pair's (pairs.go), which stands for two.
type phrasePart struct {
	p   *plist
	off uint32
}

// phraseOfWords is phrase for words without prefixes (nearly every phrase).
func (e *evaluator) phraseOfWords(lists []wordLists, mask uint8, cand docset) termResult {
	parts := make([]phrasePart, len(lists))
	for i, l := range lists {
		parts[i] = phrasePart{l[0], uint32(i)}
	}
	return e.phraseOfParts(parts, rarest(lists), mask, cand)
}

// rarest is the document frequency of a phrase's rarest word, the phrase's
// own for its score however its lists are read.
func rarest(lists []wordLists) int {
	df := math.MaxInt
	for _, l := range lists {
		df = min(df, l.df())
	}
	return df
}

// phraseOfParts matches a phrase read as parts, sorted by place, the first at
// 0: one pass over the shortest list's postings, the others followed
// alongside by their skip points, positions compared as they are decoded. A
// long pass is split in two halves for the two cores. df is the score's
// document frequency.
func (e *evaluator) phraseOfParts(parts []phrasePart, df int, mask uint8, cand docset) termResult {
	lead := 0
	for i, pt := range parts {
		if pt.p.count() < parts[lead].p.count() {
			lead = i
		}
	}
	r := termResult{df: df}
	mid, split := parts[lead].p.middle()
	if int(parts[lead].p.count()) < parallelPhrase || !coreFree() || !split {
		r.docs, r.wtf = e.phraseRange(parts, lead, mask, cand, 0, math.MaxUint32)
		if e.stopped() {
			return termResult{}
		}
		return r
	}
	var docs2 []uint32
	var wtf2 []float32
	both(func() { r.docs, r.wtf = e.phraseRange(parts, lead, mask, cand, 0, mid) },
		func() { docs2, wtf2 = e.phraseRange(parts, lead, mask, cand, mid, math.MaxUint32) })
	if e.stopped() {
		return termResult{}
	}
	r.docs, r.wtf = append(r.docs, docs2...), append(r.wtf, wtf2...)
	return r
}

// parallelPhrase is the lead list length from which a phrase uses both cores.
var parallelPhrase = 20000

// phraseRange matches a phrase in the documents [from, to). It may run beside
// another phraseRange, so it asks e.ended rather than e.stopped, which writes
// e.err; its caller looks at e.stopped after it, and a partial answer is then
// dropped.
func (e *evaluator) phraseRange(parts []phrasePart, lead int, mask uint8, cand docset, from, to uint32) ([]uint32, []float32) {
	n := len(parts)
	its := make([]iter, n)
	offs := make([]uint32, n)
	for i, pt := range parts {
		its[i].reset(pt.p)
		offs[i] = pt.off
	}
	pos := make([][]uint32, n)
	var docs []uint32
	var wtf []float32
	in := member{ids: cand.ids}
	if !cand.all {
		in.j = sort.Search(len(cand.ids), func(i int) bool { return cand.ids[i] >= from })
	}
	if !its[lead].seek(from) {
		return nil, nil
	}
	for ok, steps := true, 1; ok; ok, steps = its[lead].next(), steps+1 {
		if steps%checkEvery == 0 && e.ended() {
			return nil, nil
		}
		d := its[lead].doc
		if d >= to {
			break
		}
		if !cand.all {
			found, ended := in.has(d)
			if ended {
				break
			}
			if !found {
				continue
			}
		}
		fields := mask & its[lead].mask
		for i := 0; i < n && fields != 0; i++ {
			if i == lead {
				continue
			}
			if !its[i].seek(d) {
				return docs, wtf
			}
			if its[i].doc != d {
				fields = 0
				break
			}
			fields &= its[i].mask
		}
		if fields == 0 || !e.sees(&e.ix.hot[d]) {
			continue
		}
		if n == 1 { // one pair: each of its places is the phrase
			docs = append(docs, d)
			wtf = append(wtf, its[0].weighted(fields))
			continue
		}
		var w float32
		for m := fields; m != 0; m &= m - 1 {
			f := uint8(bits.TrailingZeros8(m))
			// The part fewest times in the field anchors the phrase: the others'
			// positions are decoded only as far as its last occurrence reaches.
			a := 0
			for i := range its {
				if its[i].tf[f] < its[a].tf[f] {
					a = i
				}
			}
			pos[a] = its[a].appendPositions(f, pos[a][:0])
			if len(pos[a]) == 0 {
				continue
			}
			last := int64(pos[a][len(pos[a])-1]) - int64(offs[a])
			// The part most times in the field (a stopword: "of" in "secretary
			// of state") is decoded last, and only where the others stand
			// in a row: its positions were most of such a phrase's time.
			z := -1
			if n >= 3 {
				z = 0
				for i := range its {
					if its[i].tf[f] > its[z].tf[f] {
						z = i
					}
				}
			}
			for i := range its {
				if i != a && i != z {
					pos[i] = its[i].appendPositionsTo(f, pos[i][:0], uint32(max(0, last+int64(offs[i]))))
				}
			}
			if z >= 0 && z != a {
				if phraseCountWithout(pos, offs, z) == 0 {
					continue
				}
				pos[z] = its[z].appendPositionsTo(f, pos[z][:0], uint32(max(0, last+int64(offs[z]))))
			}
			if k := phraseCount(pos, offs); k > 0 {
				w += weights[f] * float32(k)
			}
		}
		if w > 0 {
			docs = append(docs, d)
			wtf = append(wtf, w)
		}
	}
	return docs, wtf
}

// phraseCountWithout is phraseCount of every part but part z.
func phraseCountWithout(pos [][]uint32, offs []uint32, z int) int {
	var fixedPos [8][]uint32
	var fixedOffs [8]uint32
	sub, subOffs := fixedPos[:0], fixedOffs[:0]
	for i := range pos {
		if i != z {
			sub, subOffs = append(sub, pos[i]), append(subOffs, offs[i])
		}
	}
	// Places count from the first part left: offs are in order of place.
	for i := len(subOffs) - 1; i >= 0; i-- {
		subOffs[i] -= subOffs[0]
	}
	return phraseCount(sub, subOffs)
}

// phraseCount counts the places p of part 0 where part i stands at
// p+offs[i] for every part, the position lists sorted: one forward pass over
// each.
func phraseCount(pos [][]uint32, offs []uint32) int {
	if len(pos) == 2 { // the common case, without bookkeeping
		a, b, d := pos[0], pos[1], offs[1]
		count, j := 0, 0
		for _, p := range a {
			for j < len(b) && b[j] < p+d {
				j++
			}
			if j == len(b) {
				break
			}
			if b[j] == p+d {
				count++
			}
		}
		return count
	}
	var fixed [8]int
	var at []int
	if len(pos) <= len(fixed) {
		at = fixed[:len(pos)]
	} else {
		at = make([]int, len(pos))
	}
	count := 0
next:
	for _, p := range pos[0] {
		for i := 1; i < len(pos); i++ {
			want := p + offs[i]
			l := pos[i]
			for at[i] < len(l) && l[at[i]] < want {
				at[i]++
			}
			if at[i] == len(l) {
				break next
			}
			if l[at[i]] != want {
				continue next
			}
		}
		count++
	}
	return count
}
