package index

import (
	"math"
	"slices"

	"fond/internal/search"
)

// A plain query in the reading room (search.MatchMost) has no dead ends: the
// documents with every word come first, then those with most of them, in
// tiers by how many words they have, each tier by bm25. A person remembering a
// phrase with one word wrong, or a name spelled another way, still finds the
// document; what the query language's AND means is unchanged (MatchAll).

// split divides a query's top-level conjunction into the plain words that may
// be missing (soft) and everything that must hold: fielded terms, filters,
// dates, negations, OR groups.
func split(n search.Node) (soft []search.Term, hard []search.Node) {
	kids := []search.Node{n}
	if a, ok := n.(search.And); ok {
		kids = flatten(a)
	}
	for _, k := range kids {
		if t, ok := k.(search.Term); ok && t.Field == "" {
			soft = append(soft, t)
			continue
		}
		hard = append(hard, k)
	}
	return soft, hard
}

func flatten(a search.And) []search.Node {
	var out []search.Node
	for _, k := range a.Nodes {
		if b, ok := k.(search.And); ok {
			out = append(out, flatten(b)...)
		} else {
			out = append(out, k)
		}
	}
	return out
}

// needed is how many of n words a partial match must have: at least half,
// so that one shared common word does not make a match.
func needed(n int) int { return max(1, (n+1)/2) }

// bestMatch evaluates the soft words one by one over what the hard part
// leaves, and returns every document with enough of them and, parallel, how
// many each has.
func (e *evaluator) bestMatch(soft []search.Term, hard []search.Node) (docs []uint32, tiers []uint8) {
	base := docset{all: true}
	if len(hard) > 0 {
		base = e.eval(search.And{Nodes: hard}, base, false)
	}
	if e.err != nil || !base.all && len(base.ids) == 0 {
		return nil, nil
	}
	count := make(map[uint32]uint8)
	for _, t := range soft {
		set := e.eval(t, base, false)
		if e.err != nil {
			return nil, nil
		}
		if set.all { // a word with nothing searchable in it restricts nothing
			continue
		}
		for i, d := range set.ids {
			if i%checkEvery == 0 && e.stopped() {
				return nil, nil
			}
			count[d]++
		}
	}
	need := uint8(needed(len(soft)))
	for d, c := range count {
		if c >= need {
			docs = append(docs, d)
		}
	}
	slices.Sort(docs)
	tiers = make([]uint8, len(docs))
	for i, d := range docs {
		tiers[i] = count[d]
	}
	return docs, tiers
}

// yearBonus is what a record dated in a year the query names gains: the
// weight of one word as rare as that year's records are, counted once, as a
// date, never as a word of the text (a year a text mentions is no sign it is
// the document sought, and an untitled record's title is its dateline).
func (e *evaluator) yearBonus(dated int) float64 {
	n := float64(e.ix.live)
	df := float64(min(dated, e.ix.live))
	idf := math.Log((n - df + 0.5) / (df + 0.5))
	return max(idf, 0.1) * 1.5
}

// tiered puts documents with more of the query's words first, then the
// usual order.
func tiered(tiers []uint8, less func(a, b ranked) bool) func(a, b ranked) bool {
	return func(a, b ranked) bool {
		if ta, tb := tiers[a.pos], tiers[b.pos]; ta != tb {
			return ta > tb
		}
		return less(a, b)
	}
}
