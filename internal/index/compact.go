package index

// compact drops deleted documents from every posting list and renumbers the rest,
// once deletions outnumber live documents (an archive re-ingested many times).
// Only an index wholly in the heap compacts; one with a file drops its dead
// documents when it merges into a new segment.
func (ix *Index) compact() {
	if ix.seg != nil {
		return
	}
	renum := make([]uint32, len(ix.tail))
	var docs []docInfo
	for i, d := range ix.tail {
		if ix.hot[i].live() {
			renum[i] = uint32(len(docs))
			docs = append(docs, d)
		}
	}
	ix.heapBytes = 0
	for id, p := range ix.lists {
		if p == nil {
			continue
		}
		var out heapPart
		var it iter
		it.reset(p.list())
		for it.next() {
			if !ix.hot[it.doc].live() {
				continue
			}
			// Copy the posting after its document delta, which changes.
			out.appendPosting(renum[it.doc], &it)
		}
		if out.n == 0 {
			ix.lists[id] = nil
			ix.nterms--
			ix.sorted = nil
			continue
		}
		ix.heapBytes += int64(out.heapLen())
		*p = out
	}
	for k, l := range ix.names {
		var kept []uint32
		for _, d := range l {
			if ix.hot[d].live() {
				kept = append(kept, renum[d])
			}
		}
		if len(kept) == 0 {
			delete(ix.names, k)
		} else {
			ix.names[k] = kept
		}
	}
	// Fresh arrays, not the old ones overwritten: a merge may be reading them.
	ix.tail, ix.hot, ix.fac, ix.vals = docs, make([]hotDoc, 0, len(docs)), make([]facetDoc, 0, len(docs)), nil
	for i := range docs {
		d := &docs[i]
		ix.hot = append(ix.hot, hotDoc{length: d.length, earliest: d.earliest, latest: d.latest, seen: ix.seenBy(d.status)})
		ix.fac = append(ix.fac, ix.facetOf(d))
	}
	for i := range ix.tail {
		ix.byRef[ix.tail[i].ref] = uint32(i)
		ix.byID[ix.tail[i].id] = uint32(i)
	}
	ix.resets++
}
