package index

import (
	"math"
	"slices"
	"strings"

	"fond/internal/search"
)

// A plain query in the reading room (search.MatchMost) has no dead ends: the
// documents with every word come first, then those with most of them, in
// tiers by how many words they have, each tier by bm25. A person remembering a
// phrase with one word wrong, or a name spelled another way, still finds the
// document; what the query language's AND means is unchanged (MatchAll).

// split divides a query's top-level conjunction into the plain words that may
// be missing (soft) and everything that must hold: quoted phrases, prefixes,
// fielded terms, filters, dates, negations, OR groups.
func split(n search.Node) (soft []search.Term, hard []search.Node) {
	kids := []search.Node{n}
	if a, ok := n.(search.And); ok {
		kids = flatten(a)
	}
	for _, k := range kids {
		// Plain words may be missing; what the reader marked (a "quoted
		// phrase", a prefix*) is asked for as typed, and must hold.
		if t, ok := k.(search.Term); ok && t.Field == "" && !t.Phrase && !t.Prefix {
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

// nameWords is the most plain words in a row read as one name.
const nameWords = 3

// joinNames makes one word of plain words in a row that the authority file
// lists as one name ("Port Arthur", "La Habana"), longest first, so that the
// name finds its other forms (Lüshun, Havana) as a one-word name does; each
// word alone would resolve to nothing, or to someone else.
func (e *evaluator) joinNames(soft []search.Term) []search.Term {
	if e.names == nil || len(soft) < 2 {
		return soft
	}
	var out []search.Term
	for i := 0; i < len(soft); {
		n := 1
		for k := min(nameWords, len(soft)-i); k >= 2; k-- {
			words := make([]string, k)
			for j := range k {
				words[j] = soft[i+j].Text
			}
			if m, ok := e.names.Resolve(strings.Join(words, " ")); ok && m.Confidence >= 0.9 {
				out = append(out, search.Term{Text: strings.Join(words, " ")})
				n = k
				break
			}
		}
		if n == 1 {
			out = append(out, soft[i])
		}
		i += n
	}
	return out
}

// needed is how many of n words a partial match must have: at least half,
// so that one shared common word does not make a match.
func needed(n int) int { return max(1, (n+1)/2) }

// denseFrom: when more than one document in denseFrom has a telling word,
// bestMatch lists them by a pass over every document's count rather than by
// sorting them (a pass over a byte a document against a sort of the few).
var denseFrom = 32

// bestMatch evaluates the soft words one by one over what the hard part
// leaves, and returns every document with enough of them, parallel how many
// telling words each has (its tier), and how many have every word.
func (e *evaluator) bestMatch(soft []search.Term, hard []search.Node) (docs []uint32, tiers, held []uint8, exact int) {
	base := docset{all: true}
	if len(hard) > 0 {
		base = e.eval(search.And{Nodes: hard}, base, false)
	}
	if e.err != nil || !base.all && len(base.ids) == 0 {
		return nil, nil, nil, 0
	}
	soft = e.joinNames(soft)
	sets := make([][]uint32, 0, len(soft))
	searchable := 0 // words with something searchable in them, for Exact
	for _, t := range soft {
		at := len(e.ranked)
		set := e.eval(t, base, false)
		if len(e.ranked) > at {
			e.softRanked = append(e.softRanked, at)
		} else {
			e.softRanked = append(e.softRanked, -1)
		}
		if e.err != nil {
			return nil, nil, nil, 0
		}
		if set.all { // a word with nothing searchable in it restricts nothing
			continue
		}
		searchable++
		sets = append(sets, set.ids)
	}
	// A word in more than one record in twenty says little about which
	// document is meant: a remembered phrase's wrong word is usually such a
	// word, and a document that happens to hold it must not outrank the one
	// that holds every rarer word. Tiers count the telling words; common ones
	// only rank within a tier (bm25), unless every word found is common.
	common := max(len(e.ix.hot)/20, 20)
	telling := 0
	for _, ids := range sets {
		if len(ids) > 0 && len(ids) <= common {
			telling++
		}
	}
	// Dense counts: a common word's set can be a third of the archive, where
	// a map per document costs far more than two bytes a document.
	count := borrowZeroed[uint8](e.loans, &u8Pool, len(e.ix.hot)) // telling words a document has
	every := borrowZeroed[uint8](e.loans, &u8Pool, len(e.ix.hot)) // words a document has
	var touched []uint32                                          // documents with a telling word
	for _, ids := range sets {
		tells := telling == 0 || len(ids) <= common
		for i, d := range ids {
			if i%checkEvery == 0 && e.stopped() {
				return nil, nil, nil, 0
			}
			every[d]++
			if tells {
				if count[d] == 0 {
					touched = append(touched, d)
				}
				count[d]++
			}
		}
	}
	n := telling
	if n == 0 {
		n = len(sets)
	}
	need := uint8(needed(n)) // at least 1: a document needs a telling word
	// Every document here came from a walk that skips what the search may
	// not see, so a reader's search finds no draft.
	keep := func(d uint32) {
		if count[d] >= need {
			docs = append(docs, d)
			if int(every[d]) == searchable {
				exact++
			}
		}
	}
	docs = borrow[uint32](e.loans, &u32Pool, len(touched))
	if len(touched) > len(count)/denseFrom {
		// Much of the archive: a pass over the counts lists the documents
		// in order. Sorting them was a third of a plain search of two
		// common words at 1M ("united states": 991,040 documents).
		for d, c := range count {
			if c != 0 {
				keep(uint32(d))
			}
		}
	} else {
		for _, d := range touched {
			keep(d)
		}
		slices.Sort(docs)
	}
	tiers = make([]uint8, len(docs))
	held = make([]uint8, len(docs))
	for i, d := range docs {
		tiers[i], held[i] = count[d], every[d]
	}
	return docs, tiers, held, exact
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

// mostWords puts, within a tier, documents holding more of the words typed
// (common ones included) first: for keywords, a surname, a place and a year,
// the document with all three comes before one with the rare two, however
// bm25 weighs them ("Crowder Washington 1925": surname-place-year 53% -> 59%
// success@10 on seed 2, 59% -> 61% on seed 1). Not for a remembered wording,
// whose wrong word is usually a common one (proximity ranks those).
func mostWords(held []uint8, less func(a, b ranked) bool) func(a, b ranked) bool {
	return func(a, b ranked) bool {
		if ha, hb := held[a.pos], held[b.pos]; ha != hb {
			return ha > hb
		}
		return less(a, b)
	}
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

// proximity: a remembered phrase is remembered as words in a row. Among the
// best candidates, a document where consecutive words of the query stand
// within proximityGap positions of each other, in order, gains for each such
// pair; a wrong word in the phrase breaks one pair, not the whole.
//
// A query of phraseWords typed words or more (the small words the query drops
// counted: they are what makes a wording of keywords) is a remembered wording rather than
// keywords, and there each pair in a row also counts as a word found for the
// tier: the document with four of five words in a row outranks one with all
// five scattered, which the common words of a phrase ("the letter of
// instruction") put in every long despatch. Those are looked for among the
// phraseTop best by bm25 too, since the tiers alone would leave the document
// missing one word out of the first proximityTop (phrases 84% -> 92%
// success@10 on the known-item evaluation, seed 1; docs/evaluation.md).
const (
	proximityTop    = 200
	proximityGap    = 3
	proximityWeight = 2.0
	// proximityMinWords: two words are a name and a year, not a phrase.
	proximityMinWords = 3
	phraseWords       = 5
	phraseTop         = 1000
)

// proximity adds the pairs bonus to the scores of the best candidates, and
// for a phrase to their tiers; byScore is the order without tiers.
func (e *evaluator) proximity(docs []uint32, scores []float64, tiers []uint8, less, byScore func(a, b ranked) bool) {
	if len(e.softRanked) < proximityMinWords {
		return
	}
	best := e.top(docs, less, proximityTop)
	phrase := e.typed >= phraseWords
	if phrase {
		seen := make(map[int]bool, len(best))
		for _, rk := range best {
			seen[rk.pos] = true
		}
		for _, rk := range e.top(docs, byScore, phraseTop) {
			if !seen[rk.pos] {
				best = append(best, rk)
			}
		}
	}
	var lists [][]uint32
	for _, rk := range best {
		if e.stopped() {
			return
		}
		d := rk.doc
		pairs := 0
		// A title remembered is words in a row too: pairs count in the
		// title or in the body, whichever has more; and in the dateline's
		// place, where a name of several words ("Rio de Janeiro") stands
		// in a row as it does in the body of another document.
		for _, f := range []uint8{fBody, fTitle, fPlaces} {
			lists = lists[:0]
			for _, ri := range e.softRanked {
				var pos []uint32
				if ri >= 0 {
					r := &e.ranked[ri]
					if r.at != nil && r.list != nil {
						if j, ok := slices.BinarySearch(r.docs, d); ok {
							pos = positionsAt(r.list, r.at[j], f, nil)
						}
					}
				}
				lists = append(lists, pos)
			}
			n := 0
			for i := 0; i+1 < len(lists); i++ {
				if near(lists[i], lists[i+1], proximityGap) {
					n++
				} else if phrase && i+2 < len(lists) && len(lists[i+1]) == 0 && near(lists[i], lists[i+2], 2*proximityGap) {
					// the word between is the one remembered wrong: the
					// words either side of it still stand in a row
					n++
				}
			}
			pairs = max(pairs, n)
		}
		scores[rk.pos] += proximityWeight * float64(pairs)
		if phrase {
			tiers[rk.pos] = uint8(min(int(tiers[rk.pos])+pairs, 255))
		}
	}
}

// near reports whether some b follows some a by 1 to gap positions.
func near(a, b []uint32, gap uint32) bool {
	j := 0
	for _, p := range a {
		for j < len(b) && b[j] <= p {
			j++
		}
		if j < len(b) && b[j]-p <= gap {
			return true
		}
	}
	return false
}

// typedFirst ranks documents holding more of the words as the reader typed
// them before those found only through another form of a name (Filippov for
// Stalin) or a near spelling: the other forms widen a search, they do not
// outrank what was asked for. It applies within a tier (tiered wraps it).
func typedFirst(asTyped [][]uint32, docs []uint32, less func(a, b ranked) bool) func(a, b ranked) bool {
	typed := make([]uint8, len(docs))
	for _, ids := range asTyped {
		in := member{ids: ids}
		for i, d := range docs {
			if found, ended := in.has(d); ended {
				break
			} else if found {
				typed[i]++
			}
		}
	}
	return func(a, b ranked) bool {
		if ta, tb := typed[a.pos], typed[b.pos]; ta != tb {
			return ta > tb
		}
		return less(a, b)
	}
}
