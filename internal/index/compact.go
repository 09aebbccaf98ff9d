package index

import "encoding/binary"

// compact drops deleted documents from every posting list and renumbers the rest,
// once deletions outnumber live documents (an archive re-ingested many times).
func (ix *Index) compact() {
	renum := make([]uint32, len(ix.docs))
	var docs []docInfo
	for i, d := range ix.docs {
		if d.live {
			renum[i] = uint32(len(docs))
			docs = append(docs, d)
		}
	}
	for id, p := range ix.lists {
		if p == nil {
			continue
		}
		var out plist
		var it iter
		it.reset(p)
		start := 0
		for {
			start = it.off
			if !it.next() {
				break
			}
			if !ix.docs[it.doc].live {
				continue
			}
			// Copy the posting after its document delta, which changes.
			_, n := binary.Uvarint(it.data[start:])
			doc := renum[it.doc]
			out.startPosting(doc)
			out.data = append(out.data, it.data[start+n:it.off]...)
			out.last, out.n = doc, out.n+1
		}
		if out.n == 0 {
			ix.lists[id] = nil
			ix.nterms--
			ix.sorted = nil
			continue
		}
		*p = out
	}
	for k, l := range ix.names {
		var kept []uint32
		for _, d := range l {
			if ix.docs[d].live {
				kept = append(kept, renum[d])
			}
		}
		if len(kept) == 0 {
			delete(ix.names, k)
		} else {
			ix.names[k] = kept
		}
	}
	ix.docs = docs
	ix.hot, ix.fac, ix.vals = ix.hot[:0], ix.fac[:0], nil
	for i := range docs {
		d := &docs[i]
		ix.hot = append(ix.hot, hotDoc{length: d.length, earliest: d.earliest, latest: d.latest, live: true})
		ix.fac = append(ix.fac, ix.facetOf(d))
	}
	for i := range ix.docs {
		ix.byRef[ix.docs[i].ref] = uint32(i)
		ix.byID[ix.docs[i].id] = uint32(i)
	}
}
