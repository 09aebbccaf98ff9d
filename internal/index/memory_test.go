package index

import (
	"encoding/binary"
	"os"
	"runtime"
	"testing"
	"unsafe"
)

// TestIndexMemoryBreakdown says where a loaded index's heap goes, part by part,
// for the file FOND_INDEX_FILE names (a saved index of a benchmark archive:
// bench/search.sh -dir keeps one). It is a measurement, run by hand; it
// asserts only that the parts add up to what the heap grew by, within 25%.
func TestIndexMemoryBreakdown(t *testing.T) {
	path := savedIndexFile(t)
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	total := heap() - before
	parts := ix.memoryParts()
	var sum uint64
	for _, p := range parts {
		sum += p.bytes
	}
	t.Logf("documents %d, terms %d, heap grew %.1f MB", len(ix.hot), ix.termCount(), mb(total))
	for _, p := range parts {
		t.Logf("%-34s %9.1f MB  %5.1f%%", p.name, mb(p.bytes), 100*float64(p.bytes)/float64(max(total, 1)))
	}
	t.Logf("%-34s %9.1f MB", "sum of the parts", mb(sum))
	if sum > total*5/4 || sum < total*3/4 {
		t.Errorf("the parts (%.1f MB) do not account for the heap's growth (%.1f MB)", mb(sum), mb(total))
	}
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// memPart is one part of an index's heap, estimated from its sizes.
// savedIndexFile is the saved index FOND_INDEX_FILE names, for the
// measurements run by hand; they are skipped without one.
func savedIndexFile(t *testing.T) string {
	path := os.Getenv("FOND_INDEX_FILE")
	if path == "" {
		t.Skip("FOND_INDEX_FILE names no saved index to measure")
	}
	return path
}

// TestPostingLayout says how the posting lists of the file FOND_INDEX_FILE
// names (a saved index of a benchmark archive) divide between their document
// streams, the positions' lengths within them, the positions and the skip
// points. It is a measurement, run by hand; it asserts that each list's
// lengths add up to its positions stream.
func TestPostingLayout(t *testing.T) {
	ix, err := Open(savedIndexFile(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s := ix.seg
	var postings, lengths, docs, pos int
	var buf [binary.MaxVarintLen64]byte
	for i := range s.nterms {
		p := s.list(i)
		it := newIter(p)
		for it.next() {
			postings++
			lengths += binary.PutUvarint(buf[:], uint64(len(it.positions())))
		}
		if it.posEnd != len(p.basePos) {
			t.Fatalf("term %q: lengths add up to %d bytes of positions, the stream holds %d", s.termText(i), it.posEnd, len(p.basePos))
		}
		docs, pos = docs+len(p.base), pos+len(p.basePos)
	}
	t.Logf("%d terms, %d postings", s.nterms, postings)
	t.Logf("document streams %.1f MB (%.2f bytes a posting), of which the positions' lengths %.1f MB (%.1f%%)",
		mb(uint64(docs)), float64(docs)/float64(postings), mb(uint64(lengths)), 100*float64(lengths)/float64(docs))
	t.Logf("positions %.1f MB (%.2f bytes a posting), skip points %.1f MB", mb(uint64(pos)), float64(pos)/float64(postings), mb(uint64(len(s.sec[secSkip]))))
}

type memPart struct {
	name  string
	bytes uint64
}

// mapBytes estimates a Go map's heap: its entries at their size and load, with
// the table's control words (measured: within 10% for maps of a million).
func mapBytes(n int, entry uintptr) uint64 {
	return uint64(float64(n) * float64(entry+1) / 0.8)
}

func (ix *Index) termCount() int {
	n := ix.nterms
	if ix.seg != nil {
		n += ix.seg.nterms
	}
	return n
}

func (ix *Index) memoryParts() []memPart {
	var postings, skips, plists uint64
	for _, p := range ix.lists {
		if p == nil {
			continue
		}
		postings += uint64(cap(p.data) + cap(p.pos))
		skips += uint64(cap(p.skips)) * uint64(unsafe.Sizeof(skip{}))
		plists += uint64(unsafe.Sizeof(plist{}))
	}
	plists += uint64(cap(ix.lists)) * 8
	var docStrs, docLists, marks uint64
	for i := range ix.tail {
		d := &ix.tail[i]
		docStrs += uint64(len(d.id) + len(d.title) + len(d.summary) + len(d.date.EDTF) + len(d.date.Display) +
			len(d.date.Earliest) + len(d.date.Latest) + len(d.date.Qualifier) + len(d.date.Note))
		docLists += 4 * uint64(cap(d.fonds)+cap(d.repos)+cap(d.persons)+cap(d.places))
		marks += 4 * uint64(cap(d.marks))
	}
	var idKeys, nameKeys, nameLists, strs uint64
	for k := range ix.byID {
		idKeys += uint64(len(k)) // shared with docInfo.id only when the same string
	}
	for k, l := range ix.names {
		nameKeys += uint64(len(k))
		nameLists += 4 * uint64(cap(l))
	}
	for _, s := range ix.strs.strs {
		strs += uint64(len(s))
	}
	var vocabBytes uint64
	for _, s := range vocab.terms {
		vocabBytes += uint64(len(s))
	}
	return []memPart{
		{"posting data", postings},
		{"skip points", skips},
		{"posting list headers", plists},
		{"docInfo structs", uint64(cap(ix.tail)) * uint64(unsafe.Sizeof(docInfo{}))},
		{"docInfo strings (id, title, dates)", docStrs},
		{"docInfo facet lists", docLists},
		{"docInfo marks", marks},
		{"hot + facet arrays + vals", uint64(cap(ix.hot))*uint64(unsafe.Sizeof(hotDoc{})) + uint64(cap(ix.fac))*uint64(unsafe.Sizeof(facetDoc{})) + 4*uint64(cap(ix.vals))},
		{"byRef map", mapBytes(len(ix.byRef), 8+4)},
		{"byID map (+ keys)", mapBytes(len(ix.byID), 16+4) + idKeys},
		{"names map (+ keys, lists)", mapBytes(len(ix.names), 16+24) + nameKeys + nameLists},
		{"interner", mapBytes(len(ix.strs.byStr), 16+4) + 16*uint64(cap(ix.strs.strs)) + 2*strs},
		{"vocab (process-wide terms)", mapBytes(len(vocab.ids), 16+4) + 16*uint64(cap(vocab.terms)) + vocabBytes},
	}
}
