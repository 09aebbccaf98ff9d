package compare

import (
	"cmp"
	"slices"
)

// Anchoring is what keeps comparison near-linear: material that occurs once in
// each text almost always marks the same place in both, so the longest chain of
// such matches that runs forward in both texts (patience diff) cuts the work into
// small gaps that the exact methods can afford.

// point is a position in each text: sentence indices, or word indices in a diff.
type point struct{ a, b int }

const (
	// minAnchorSim keeps a shared rare word from pinning two sentences that
	// otherwise differ: unrelated English sentences reach about 0.2 on their
	// common function words alone.
	minAnchorSim = 0.3
	// anchorDepth limits how often a gap is searched again for material rare
	// within it, which keeps an adversary from making each search peel one
	// anchor off a long gap.
	anchorDepth = 4
)

// uniquePairs returns the positions of the keys that occur exactly once in a and
// exactly once in b, in the order of a.
func uniquePairs[K comparable](a, b []K, m *meter) ([]point, error) {
	if err := m.spend(2*len(a) + len(b)); err != nil {
		return nil, err
	}
	type seen struct{ na, nb, pb int }
	occ := make(map[K]*seen, len(a))
	for _, k := range a {
		if o := occ[k]; o != nil {
			o.na++
		} else {
			occ[k] = &seen{na: 1}
		}
	}
	for j, k := range b {
		if o := occ[k]; o != nil {
			o.nb++
			o.pb = j
		}
	}
	var out []point
	for i, k := range a {
		if o := occ[k]; o.na == 1 && o.nb == 1 {
			out = append(out, point{i, o.pb})
		}
	}
	return out, nil
}

// chain returns the longest subsequence of ps increasing in both a and b, by
// patience sorting: O(k log k) where the general alignment is quadratic.
func chain(ps []point) []point {
	// Sorting b downward within one a keeps two points of the same a out of one
	// chain, which then need only increase in b.
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(x, y point) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(y.b, x.b))
	})
	var tops []int // index in ps of the smallest last b of a chain of each length
	prev := make([]int, len(ps))
	for k, p := range ps {
		n, _ := slices.BinarySearchFunc(tops, p.b, func(t, b int) int { return cmp.Compare(ps[t].b, b) })
		prev[k] = -1
		if n > 0 {
			prev[k] = tops[n-1]
		}
		if n == len(tops) {
			tops = append(tops, k)
		} else {
			tops[n] = k
		}
	}
	if len(tops) == 0 {
		return nil
	}
	out := make([]point, len(tops))
	for n, k := len(tops)-1, tops[len(tops)-1]; n >= 0; n-- {
		out[n] = ps[k]
		k = prev[k]
	}
	return out
}

// sentenceAnchors finds sentence pairs of a[i0:i1] and b[j0:j1] that the
// alignment can trust, increasing in both texts. A gap between them still too
// big to align exactly is searched again for words rare within the gap.
func (sc *scorer) sentenceAnchors(i0, i1, j0, j1, depth int, m *meter) ([]point, error) {
	var ka, kb []int32 // word keys of the range
	var sa, sb []int   // the sentence of each
	for i := i0; i < i1; i++ {
		for _, w := range sc.a[i] {
			ka, sa = append(ka, w.key), append(sa, i)
		}
	}
	for j := j0; j < j1; j++ {
		for _, w := range sc.b[j] {
			kb, sb = append(kb, w.key), append(sb, j)
		}
	}
	words, err := uniquePairs(ka, kb, m)
	if err != nil {
		return nil, err
	}
	cands := make([]point, 0, len(words))
	for _, w := range words {
		cands = append(cands, point{sa[w.a], sb[w.b]})
	}
	slices.SortFunc(cands, func(x, y point) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	cands = slices.Compact(cands)
	trusted := cands[:0]
	for _, p := range cands {
		sim, units := sc.dice(a2(sc.a, p.a, 1), a2(sc.b, p.b, 1))
		if err := m.spend(units); err != nil {
			return nil, err
		}
		if sim >= minAnchorSim {
			trusted = append(trusted, p)
		}
	}
	anchors := chain(trusted)
	if depth >= anchorDepth || len(anchors) == 0 {
		return anchors, nil
	}
	var out []point
	prev := point{i0 - 1, j0 - 1}
	for k := 0; k <= len(anchors); k++ {
		next := point{i1, j1}
		if k < len(anchors) {
			next = anchors[k]
		}
		if (next.a-prev.a)*(next.b-prev.b) > gapCells {
			inner, err := sc.sentenceAnchors(prev.a+1, next.a, prev.b+1, next.b, depth+1, m)
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
		}
		if k < len(anchors) {
			out = append(out, next)
		}
		prev = next
	}
	return out, nil
}
