package index

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestListBytesAsIter: a prefix's sums read straight from the bytes
// (addWeights), and a word's postings so read (singleRange) or sought
// (seekEach), are the iterator's, to the bit, for lists with a segment's part
// and a heap's, skip points, frequencies and gaps of several bytes, any mask
// and any range of documents, as a union split in halves asks.
func TestListBytesAsIter(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	part := func(from uint32, n int) (heapPart, uint32) {
		var h heapPart
		d := from
		for range n {
			if r.IntN(20) == 0 {
				d += 200 + uint32(r.IntN(2000)) // a gap of several bytes
			} else {
				d += 1 + uint32(r.IntN(6))
			}
			var fields []fieldPositions
			for f := range uint8(numFields) {
				if r.IntN(3) != 0 {
					continue
				}
				tf := 1 + r.IntN(4)
				if r.IntN(30) == 0 {
					tf = 130 + r.IntN(300) // a frequency of two bytes
				}
				pos := make([]uint32, tf)
				for i := range pos {
					pos[i] = uint32(i*3 + r.IntN(3))
				}
				fields = append(fields, fieldPositions{field: f, pos: pos})
			}
			if len(fields) == 0 {
				fields = []fieldPositions{{field: fBody, pos: []uint32{1}}}
			}
			h.add(d, fields)
		}
		return h, d
	}
	for round := range 24 {
		var p plist
		last := uint32(0)
		if round%4 != 3 { // some lists are the heap's alone
			base, end := part(uint32(r.IntN(50)), 1+r.IntN(2000))
			p.base, p.basePos, p.baseSkips, p.baseN, p.baseLast = base.data, base.pos, base.skips, base.n, base.last
			last = end
		}
		if round%4 != 2 { // and some the segment's alone
			p.heapPart, last = part(last, 1+r.IntN(2000))
		}
		n := int(last) + 1
		for _, mask := range []uint8{textFields, 1 << fTitle, 1<<fBody | 1<<fPeople, 1 << fCJK, 0xff} {
			for range 4 {
				from, to := uint32(0), uint32(math.MaxUint32)
				if r.IntN(2) == 0 {
					from = uint32(r.IntN(n))
				}
				if r.IntN(2) == 0 {
					to = from + uint32(r.IntN(n))
				}
				wantAcc, wantSeen := make([]float32, n), make([]uint64, (n+63)/64)
				var it iter
				it.reset(&p)
				for ok := it.seek(from); ok && it.doc < to; ok = it.next() {
					if it.mask&mask != 0 {
						wantAcc[it.doc] += it.weighted(mask)
						wantSeen[it.doc/64] |= 1 << (it.doc % 64)
					}
				}
				// singleRange, for the documents the search sees (every third hidden).
				hot := make([]hotDoc, n)
				for d := range hot {
					if d%3 != 0 {
						hot[d].seen = seenStaff
					}
				}
				e := &evaluator{loans: &loans{}, ix: &Index{hot: hot}, ctx: context.Background(), deadline: time.Now().Add(time.Hour), see: seenStaff}
				var got termResult
				e.singleRange(&p, mask, from, to, &got)
				var want termResult
				it.reset(&p)
				for ok := it.seek(from); ok && it.doc < to; ok = it.next() {
					if it.mask&mask != 0 && it.doc%3 != 0 {
						want.docs, want.wtf, want.at = append(want.docs, it.doc), append(want.wtf, it.weighted(mask)), append(want.at, it.at())
					}
				}
				if !slices.Equal(got.docs, want.docs) || !slices.Equal(got.wtf, want.wtf) || !slices.Equal(got.at, want.at) {
					t.Fatalf("round %d mask %08b [%d, %d): singleRange read %d postings unlike the iterator's %d", round, mask, from, to, len(got.docs), len(want.docs))
				}
				// seekEach, for candidates sparse or dense, in the list or not.
				var cand []uint32
				every := 1 + r.IntN(300)
				for d := int(from); d < n && uint32(d) < to; d += 1 + r.IntN(every) {
					cand = append(cand, uint32(d))
				}
				got = termResult{}
				e.seekEach(&p, mask, cand, len(cand), &got)
				want = termResult{}
				it.reset(&p)
				for _, c := range cand {
					if it.seek(c) && it.doc == c && it.mask&mask != 0 {
						want.docs, want.wtf, want.at = append(want.docs, c), append(want.wtf, it.weighted(mask)), append(want.at, it.at())
					}
				}
				if !slices.Equal(got.docs, want.docs) || !slices.Equal(got.wtf, want.wtf) || !slices.Equal(got.at, want.at) {
					t.Fatalf("round %d mask %08b, %d candidates one in %d: seekEach found %d postings unlike the iterator's %d", round, mask, len(cand), every, len(got.docs), len(want.docs))
				}
				e.loans.giveBack()
				acc, seen := make([]float32, n), make([]uint64, (n+63)/64)
				if !p.addWeights(mask, acc, seen, from, to, new(int), func() bool { return false }) {
					t.Fatal("addWeights stopped unasked")
				}
				for d := range acc {
					if math.Float32bits(acc[d]) != math.Float32bits(wantAcc[d]) {
						t.Fatalf("round %d mask %08b [%d, %d): doc %d weighs %v, the iterator %v", round, mask, from, to, d, acc[d], wantAcc[d])
					}
				}
				for w := range seen {
					if seen[w] != wantSeen[w] {
						t.Fatalf("round %d mask %08b [%d, %d): documents %d… marked %064b, the iterator %064b", round, mask, from, to, w*64, seen[w], wantSeen[w])
					}
				}
			}
		}
	}
	// Told to stop, it stops.
	h, last := part(0, 3*checkEvery)
	p := plist{heapPart: h}
	n := int(last) + 1
	if p.addWeights(textFields, make([]float32, n), make([]uint64, (n+63)/64), 0, math.MaxUint32, new(int), func() bool { return true }) {
		t.Error("addWeights went on after ended said to stop")
	}
}
