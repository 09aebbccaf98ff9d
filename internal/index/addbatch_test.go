package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestChangeAddsAsOneByOne: a change's postings appended term by term leave
// every list the same bytes as adding its documents one change each, with
// documents replaced within the change and the change cut into parts.
func TestChangeAddsAsOneByOne(t *testing.T) {
	docs := genDocs(700, 7)
	// The same documents again, changed: each replaces its first version
	// within the change.
	for i := 0; i < len(docs); i += 9 {
		d := docs[i]
		d.Text[fBody] += " cipher railway amended"
		docs = append(docs, d)
	}
	var as []*Analyzed
	for _, d := range docs {
		as = append(as, Analyze(d))
	}
	for _, part := range []int{1 << 18, 3000, 1} {
		t.Run(fmt.Sprint("part ", part), func(t *testing.T) {
			defer func(n int) { batchPostings = n }(batchPostings)
			batchPostings = part
			whole, single := New(), New()
			whole.Apply(nil, as)
			for _, a := range as {
				single.Apply(nil, []*Analyzed{a})
			}
			sameHeap(t, whole, single)
		})
	}
}

func sameHeap(t *testing.T, a, b *Index) {
	t.Helper()
	if len(a.lists) != len(b.lists) || a.nterms != b.nterms || a.heapBytes != b.heapBytes || a.live != b.live {
		t.Fatalf("lists %d/%d, terms %d/%d, heap bytes %d/%d, live %d/%d", len(a.lists), len(b.lists), a.nterms, b.nterms, a.heapBytes, b.heapBytes, a.live, b.live)
	}
	for id, p := range a.lists {
		q := b.lists[id]
		if (p == nil) != (q == nil) {
			t.Fatalf("term %d: in one index only", id)
		}
		if p == nil {
			continue
		}
		if p.n != q.n || p.last != q.last || !slices.Equal(p.data, q.data) || !slices.Equal(p.pos, q.pos) || !slices.Equal(p.skips, q.skips) {
			t.Fatalf("term %d (%q): lists differ: %d/%d postings, %d/%d bytes", id, termText(uint32(id)), p.n, q.n, len(p.data), len(q.data))
		}
	}
	if !slices.Equal(a.hot, b.hot) {
		t.Fatal("documents differ")
	}
	for k, l := range a.names {
		if !slices.Equal(l, b.names[k]) {
			t.Fatalf("key %q: %v against %v", k, l, b.names[k])
		}
	}
}

// TestSortByUpper: the keys ordered by their upper half, stably, as many
// digits as the largest needs.
func TestSortByUpper(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, top := range []uint32{0, 1, 2047, 2048, 1 << 22, 1<<32 - 1} {
		keys := make([]uint64, 5000)
		for i := range keys {
			u := r.Uint32()
			if top < 1<<32-1 {
				u %= top + 1
			}
			keys[i] = uint64(u)<<32 | uint64(i)
		}
		want := slices.Clone(keys)
		slices.SortStableFunc(want, func(x, y uint64) int { return int(x>>32) - int(y>>32) })
		got := sortByUpper(slices.Clone(keys), make([]uint64, len(keys)), slices.Max(upper(keys)))
		if !slices.Equal(got, want) {
			t.Errorf("top %d: not in order", top)
		}
	}
}

func upper(keys []uint64) []uint32 {
	out := make([]uint32, len(keys))
	for i, k := range keys {
		out[i] = uint32(k >> 32)
	}
	return out
}
