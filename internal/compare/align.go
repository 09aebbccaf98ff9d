package compare

import "errors"

type aligned struct {
	a, b []int
	sim  float64
}

// steps are the alignment's moves in sentences of A and B: 1:1, 1:0, 0:1, 2:1,
// 1:2. Their order breaks ties, so it is kept as it has always been.
var steps = [...]point{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}

// alignSentences is a monotone alignment (dynamic programming over both sentence
// lists) allowing 1:1, 1:2, 2:1, 1:0 and 0:1 steps, scored by word overlap: the
// standard shape of bitext sentence alignment, here within one language. Only the
// corridor along the anchors is computed. When the budget runs out, the units
// returned end early, at the last waypoint reached, with errBudget. A lone
// sentence (loneA, loneB) takes part only in 1:1 steps scoring loneMatch or
// more, and in 1:0 or 0:1 steps.
func alignSentences(a, b [][]Token, loneA, loneB []bool, m *meter) ([]aligned, error) {
	const gap, unreached = -0.2, -1e18
	sc := newScorer(a, b)
	n, nb := len(a), len(b)
	var anchors []point
	if (n+1)*(nb+1) > gapCells {
		var err error
		if anchors, err = sc.sentenceAnchors(0, n, 0, nb, 0, m); err != nil {
			return nil, err
		}
	}
	c := plan(n, nb, anchors, m.limit-m.used)
	cells := c.off[c.end.a+1]
	score, back := make([]float64, cells), make([]uint8, cells)
	for k := range score {
		score[k] = unreached
	}
	score[0] = 0
	for i := 0; i <= c.end.a; i++ {
		for j := c.lo[i]; j <= c.hi[i]; j++ {
			here := score[c.at(i, j)]
			if here == unreached {
				continue
			}
			units := cellCost
			for k, st := range steps {
				ni, nj := i+st.a, j+st.b
				if ni > n || nj > nb || !c.has(ni, nj) {
					continue
				}
				lone := st.a > 0 && loneAny(loneA, i, st.a) || st.b > 0 && loneAny(loneB, j, st.b)
				if lone && st.a+st.b > 2 {
					continue
				}
				s := gap
				if st.a > 0 && st.b > 0 {
					sim, u := sc.dice(a2(sc.a, i, st.a), a2(sc.b, j, st.b))
					s, units = sim, units+u
					if st.a+st.b > 2 {
						s -= 0.05 // prefer 1:1 when it scores as well
					}
					if lone && sim < loneMatch {
						continue
					}
				}
				if to := c.at(ni, nj); here+s > score[to] {
					score[to], back[to] = here+s, uint8(k)
				}
			}
			if err := m.spend(units); errors.Is(err, errBudget) {
				return sc.path(&c, back, c.before(i)), err
			} else if err != nil {
				return nil, err
			}
		}
	}
	if c.end != (point{n, nb}) {
		return sc.path(&c, back, c.end), errBudget
	}
	return sc.path(&c, back, c.end), nil
}

// loneAny says whether any of the n sentences from i is lone.
func loneAny(lone []bool, i, n int) bool {
	for k := i; k < i+n; k++ {
		if lone[k] {
			return true
		}
	}
	return false
}

// path follows the back pointers from end to the start.
func (sc *scorer) path(c *corridor, back []uint8, end point) []aligned {
	var out []aligned
	for i, j := end.a, end.b; i > 0 || j > 0; {
		st := steps[back[c.at(i, j)]]
		p := aligned{}
		for k := i - st.a; k < i; k++ {
			p.a = append(p.a, k)
		}
		for k := j - st.b; k < j; k++ {
			p.b = append(p.b, k)
		}
		if len(p.a) > 0 && len(p.b) > 0 {
			p.sim, _ = sc.dice(a2(sc.a, p.a[0], len(p.a)), a2(sc.b, p.b[0], len(p.b)))
		}
		out = append(out, p)
		i, j = i-st.a, j-st.b
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// term is a word as similarity sees it: interned keys, so that scoring a cell
// allocates nothing; name is -1 for a word that is not a name.
type term struct{ key, name int32 }

// scorer holds both texts' sentences as words, with the counters similarity
// borrows and leaves zeroed.
type scorer struct {
	a, b          [][]term
	count, inName []int32 // by key, by name
}

func newScorer(a, b [][]Token) *scorer {
	keys, names := map[string]int32{}, map[string]int32{}
	intern := func(ids map[string]int32, s string) int32 {
		id, ok := ids[s]
		if !ok {
			id = int32(len(ids))
			ids[s] = id
		}
		return id
	}
	words := func(ss [][]Token) [][]term {
		out := make([][]term, len(ss))
		for i, s := range ss {
			for _, t := range s {
				// Apparatus and bare punctuation say nothing about which
				// sentences correspond.
				if t.Apparatus || t.Key == "" {
					continue
				}
				w := term{key: intern(keys, t.Key), name: -1}
				if t.Name != "" {
					w.name = intern(names, t.Name)
				}
				out[i] = append(out[i], w)
			}
		}
		return out
	}
	sc := &scorer{a: words(a), b: words(b)}
	sc.count, sc.inName = make([]int32, len(keys)), make([]int32, len(names))
	return sc
}

// a2 is the one or two sentences an alignment step takes from a text.
func a2(ss [][]term, i, n int) [2][]term {
	if n == 2 {
		return [2][]term{ss[i], ss[i+1]}
	}
	return [2][]term{ss[i], nil}
}

// dice is the Dice coefficient over the two sides' word multisets, equivalent
// spellings of a name counted as equal; it also returns the words it looked at.
func (sc *scorer) dice(a, b [2][]term) (float64, int) {
	na, nb, common := 0, 0, 0
	for _, s := range a {
		for _, w := range s {
			sc.count[w.key]++
			if w.name >= 0 {
				sc.inName[w.name]++
			}
		}
		na += len(s)
	}
	for _, s := range b {
		for _, w := range s {
			switch {
			case sc.count[w.key] > 0:
				sc.count[w.key]--
				common++
				if w.name >= 0 {
					sc.inName[w.name]--
				}
			case w.name >= 0 && sc.inName[w.name] > 0:
				// Another spelling of a name in the other sentence.
				sc.inName[w.name]--
				common++
			}
		}
		nb += len(s)
	}
	for _, side := range [2][2][]term{a, b} {
		for _, s := range side {
			for _, w := range s {
				sc.count[w.key] = 0
				if w.name >= 0 {
					sc.inName[w.name] = 0
				}
			}
		}
	}
	if na+nb == 0 {
		return 0, 0
	}
	return 2 * float64(common) / float64(na+nb), 2 * (na + nb)
}
