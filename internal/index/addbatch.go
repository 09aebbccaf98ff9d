package index

// A change's postings are appended term by term, not document by document
// (docs/decisions.md, "A change's postings appended term by term"). One
// document's terms are some 500 lists scattered over a heap of gigabytes,
// and appending to each read three places the processor's cache did not
// hold: the list's entry, its document stream's end and its positions' end.
// That was most of the index's share of a 1M ingest. A file's documents share
// most of their postings' terms, so appending a part's postings term by term
// reads those places once a part, not once a document; the documents, read
// out of order, then miss where the lists did, so the gain measured is small
// (some 5% at 300k, less at 1M).

// batchPostings bounds the postings ordered at once: some eight documents'.
// Read term by term, a part's documents are read out of order, so their
// terms, fields and positions (some 40 KB a document) should stay in the
// cache. Profiles of 300k ingests with parts of 100 documents and of eight
// put the misses in different places (the first read of a posting's fields
// 15 s and 6 s, the lists' ends 8 s and 17 s) and their sum alike
// (docs/decisions.md, "A change's postings appended term by term").
var batchPostings = 1 << 12

// addPostings appends the postings of added, whose documents are numbered
// from first on, to their terms' lists: every term's in document order, as
// adding the documents one by one would, so the lists are the same bytes.
func (ix *Index) addPostings(first uint32, added []*Analyzed) {
	for lo := 0; lo < len(added); {
		hi, n := lo, 0
		for hi < len(added) && (hi == lo || n+len(added[hi].terms) <= batchPostings) {
			n += len(added[hi].terms)
			hi++
		}
		ix.addPostingsOf(first+uint32(lo), added[lo:hi], n)
		lo = hi
	}
}

// addPostingsOf is addPostings for documents whose postings number n. Each
// posting's key is its term above its place in the change (document by
// document, then term by term within one), so ordering the keys by their
// upper half alone, stably, gives each term's postings in document order.
func (ix *Index) addPostingsOf(first uint32, added []*Analyzed, n int) {
	if len(added) == 1 {
		ix.appendPostings(first, added[0].terms)
		return
	}
	keys, tmp, docOf := ix.scratchKeys(n)
	// at[i] is the place in keys of added[i]'s first posting; docOf is the
	// other way.
	at := make([]uint32, len(added))
	var top uint32
	for i, a := range added {
		at[i] = uint32(len(keys))
		for _, tp := range a.terms {
			docOf = append(docOf, uint32(i))
			keys = append(keys, uint64(tp.id)<<32|uint64(len(keys)))
			top = max(top, tp.id)
		}
	}
	keys = sortByUpper(keys, tmp[:len(keys)], top)
	var p *heapPart
	before, id := 0, ^uint32(0)
	for _, k := range keys {
		if t := uint32(k >> 32); t != id || p == nil {
			if p != nil {
				ix.heapBytes += int64(p.heapLen() - before)
			}
			id, p = t, ix.list(t)
			before = p.heapLen()
		}
		place := uint32(k)
		doc := docOf[place]
		p.add(first+doc, added[doc].terms[place-at[doc]].fields)
	}
	if p != nil {
		ix.heapBytes += int64(p.heapLen() - before)
	}
}

// appendPostings appends one document's postings, term by term.
func (ix *Index) appendPostings(n uint32, terms []termPositions) {
	for _, tp := range terms {
		p := ix.list(tp.id)
		before := p.heapLen()
		p.add(n, tp.fields)
		ix.heapBytes += int64(p.heapLen() - before)
	}
}

// scratchKeys returns the index's arrays for ordering n keys, kept between
// changes (the write lock is held): keys and docOf empty, tmp n long.
func (ix *Index) scratchKeys(n int) (keys, tmp []uint64, docOf []uint32) {
	if cap(ix.keys) < n {
		ix.keys, ix.keysTmp, ix.keysDoc = make([]uint64, 0, n), make([]uint64, n), make([]uint32, 0, n)
	}
	return ix.keys[:0], ix.keysTmp[:n], ix.keysDoc[:0]
}

// sortByUpper orders keys by their upper 32 bits, stably, by 11-bit digits
// (as few as top, the largest upper half, needs); it returns the sorted keys,
// in keys or in tmp, which is as long as keys.
func sortByUpper(keys, tmp []uint64, top uint32) []uint64 {
	const bits = 11
	var count [1 << bits]int
	for shift := uint(0); shift < 32 && top>>shift != 0; shift += bits {
		clear(count[:])
		for _, k := range keys {
			count[k>>(32+shift)&(1<<bits-1)]++
		}
		sum := 0
		for b, c := range count {
			count[b] = sum
			sum += c
		}
		for _, k := range keys {
			b := k >> (32 + shift) & (1<<bits - 1)
			tmp[count[b]] = k
			count[b]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}
