package index

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// TestSeekGallops: seeks forward by small and large steps, in any mix, land
// where a search of the whole list says, so that starting each seek from the
// last one's skip point (skipBefore) loses nothing.
func TestSeekGallops(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var p plist
	var docs []uint32
	d := uint32(0)
	for range 20000 {
		d += 1 + uint32(r.IntN(5))
		docs = append(docs, d)
		p.add(d, []fieldPositions{{field: fBody, pos: []uint32{1}}})
	}
	if len(p.skips) < 100 {
		t.Fatalf("%d skip points: the test needs many", len(p.skips))
	}
	for run := range 50 {
		it := newIter(&p)
		target := uint32(0)
		for {
			// Mostly a few postings ahead, sometimes far.
			if r.IntN(10) == 0 {
				target += uint32(r.IntN(20000))
			} else {
				target += uint32(r.IntN(12))
			}
			want := sort.Search(len(docs), func(i int) bool { return docs[i] >= target })
			ok := it.seek(target)
			if want == len(docs) {
				if ok {
					t.Fatalf("run %d: seek(%d) found %d past the end", run, target, it.doc)
				}
				break
			}
			if !ok || it.doc != docs[want] {
				t.Fatalf("run %d: seek(%d) = %v, %d; want %d", run, target, ok, it.doc, docs[want])
			}
		}
	}
}
