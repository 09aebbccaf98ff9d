package index

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCountCommon against counting by a map, on sorted lists of every shape a
// facet meets: empty, disjoint, nested, one much longer than the other.
func TestCountCommon(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sorted := func(n, max int) []uint32 {
		seen := map[uint32]bool{}
		for len(seen) < n {
			seen[uint32(r.IntN(max))] = true
		}
		var l []uint32
		for x := range seen {
			l = append(l, x)
		}
		slices.Sort(l)
		return l
	}
	cases := [][2][]uint32{
		{nil, nil},
		{{1, 2, 3}, nil},
		{nil, {1, 2, 3}},
		{{1, 2, 3}, {4, 5, 6}},
		{{4, 5, 6}, {1, 2, 3}},
		{{1, 3, 5, 7}, {1, 2, 3, 4, 5, 6, 7}},
		{{7}, {1, 2, 3, 4, 5, 6, 7}},
		{{0}, {0}},
		{{2, 9}, {1, 3, 5, 7, 9, 11}},
	}
	for range 200 {
		cases = append(cases, [2][]uint32{sorted(r.IntN(50), 2000), sorted(r.IntN(1500), 2000)})
	}
	for _, c := range cases {
		in := map[uint32]bool{}
		for _, x := range c[1] {
			in[x] = true
		}
		want := 0
		for _, x := range c[0] {
			if in[x] {
				want++
			}
		}
		if got := countCommon(c[0], c[1]); got != want {
			t.Fatalf("countCommon(%v, %v) = %d, want %d", c[0], c[1], got, want)
		}
	}
}
