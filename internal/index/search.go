package index

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/search"
)

// Request is a parsed query with what to return.
type Request struct {
	Node          search.Node
	Sort          string // search.SortRelevance, SortDateAsc, SortDateDesc or SortAddedDesc
	Limit, Offset int
	DateMode      string
	Facets        bool
	Names         *names.File // resolves person: and place: to every form; may be nil
	// Match is search.MatchMost for the reading room's plain queries (partial
	// matches after exact ones, near spellings of rare words); else every word.
	Match string
	// Limits: the index applies MaxPrefixExpansion and MaxDuration (the rest
	// bound the query before it gets here); zero fields take
	// search.DefaultLimits.
	Limits search.Limits
	// Unpublished lets drafts and withdrawn records match (search.Query's
	// field of that name); otherwise only published ones are found and counted.
	Unpublished bool
	// Typed is how many plain words the reader typed, small words included
	// (search.TypedWords): five or more are read as a remembered wording.
	Typed int
}

// Hit is one document of a result page.
type Hit struct {
	Ref   int64
	ID    string
	Score float64
	// What the result line shows.
	Title, Summary, Type string
	Date                 record.Date
	Status               string // publication, so staff see drafts marked
	// Where: the body positions of the query's words and the index's marks of the
	// body, when known, so Highlighter.SnippetAt reads only the passage it shows.
	Where Where
	// Matched: the forms other than the reader's this document was found under.
	Matched []string
}

// Where locates query words in a body.
type Where struct {
	Known     bool     // every query word's postings were at hand
	Positions []uint32 // word positions, ascending
	marks     []uint32
}

// Response is a page of hits, the size of the whole result and, when asked, its
// facets.
type Response struct {
	Total  int
	Hits   []Hit
	Facets map[string][]search.FacetCount
	// Capped: the prefixes cut to Limits.MaxPrefixExpansion terms.
	Capped []search.Capped
	// Exact is how many of Total have every word (fewer under MatchMost when
	// partial matches follow); Corrected, the words matched in near spellings.
	Exact     int
	Corrected []search.Correction
}

// bm25 parameters, as SQLite FTS5 and Lucene use them.
const k1, b = 1.2, 0.75

// Search evaluates a request. It stops with ctx's error when ctx ends, and
// with a *search.LimitError when it has worked longer than
// req.Limits.MaxDuration: every loop over postings or documents looks at its
// context every checkEvery steps. The time counts from when the search holds
// the index, so a wait behind an update is not taken for the query's cost.
func (ix *Index) Search(ctx context.Context, req Request) (res Response, err error) {
	if err := ctx.Err(); err != nil {
		return Response{}, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	searching.Add(1)
	defer searching.Add(-1)
	defer ix.damagedPanic(&err)
	lim := req.Limits.WithDefaults()
	start := time.Now()
	e := &evaluator{loans: &loans{}, ix: ix, ctx: ctx, deadline: start.Add(lim.MaxDuration), names: req.Names,
		within: req.DateMode == search.DateWithin, maxExpand: lim.MaxPrefixExpansion, fuzzy: req.Match == search.MatchMost, typed: req.Typed}
	defer e.loans.giveBack()
	// why tells the caller's end (its error as it is) from the time limit.
	why := func(err error) (Response, error) {
		if errors.Is(err, errOverTime) {
			err = lim.TimeoutError(time.Since(start))
		}
		return Response{}, err
	}
	e.countPrefixes(req.Node)
	var docs []uint32
	var tiers []uint8 // under MatchMost: how many of the query's telling words each document has
	var held []uint8  // and how many of all its words
	exact := -1
	node := e.foldDate(req.Node)
	soft, hard := split(node)
	// A reader's search sees only what readers may see (every walk skips the
	// documents without e.see, as it skips deleted ones), so nothing a draft
	// holds (a word, a name's form, a near spelling) shapes the answer: not its
	// hits, totals or facets, nor the tiers, corrections or variants it notes.
	e.see = seenReaders
	if req.Unpublished {
		e.see = seenStaff
	}
	if e.fuzzy && len(soft) >= 2 {
		docs, tiers, held, exact = e.bestMatch(soft, hard)
	} else {
		set := e.eval(node, docset{all: true}, false)
		docs = set.ids
		if set.all { // the query restricted nothing
			docs = e.allDocs()
		}
	}
	if e.err != nil {
		return why(e.err)
	}
	res = Response{Total: len(docs), Exact: len(docs), Capped: e.capped, Corrected: e.corrected}
	if exact >= 0 {
		res.Exact = exact
	}
	if req.Facets {
		f, ok := ix.facets(e.ended, docs, req.Names, e.see)
		if !ok {
			e.stopped()
			return why(e.err)
		}
		res.Facets = f
	}
	if len(docs) == 0 {
		return res, nil
	}
	var scores []float64
	sortBy := req.Sort
	one := false // scored by topOfOne as the page is chosen
	if sortBy == search.SortRelevance || sortBy == "" {
		switch {
		case len(e.ranked) == 0:
			sortBy = search.SortDateAsc // nothing to rank by: filters alone list in date order
		case scoreAsYouGo && e.oneWord(docs) && tiers == nil && len(e.asTyped) == 0:
			one = true
			scores = borrow[float64](e.loans, &f64Pool, len(docs))[:len(docs)]
		default:
			scores = e.score(docs)
		}
	}
	k := req.Offset + req.Limit
	less := ix.order(scores, sortBy)
	if len(e.asTyped) > 0 && scores != nil {
		less = typedFirst(e.asTyped, docs, less)
	}
	if tiers != nil {
		if e.typed < phraseWords {
			less = mostWords(held, less)
		}
		byScore := less
		less = tiered(tiers, less)
		if scores != nil {
			e.proximity(docs, scores, tiers, less, byScore)
		}
	}
	var plain []float64 // the order is by these scores alone: top can pass over the lower ones
	if scores != nil && tiers == nil && len(e.asTyped) == 0 {
		plain = scores
	}
	var top []ranked
	if one {
		top = e.topOfOne(docs, scores, less, k)
	} else {
		top = e.topScored(docs, less, k, plain)
	}
	if e.err != nil {
		return why(e.err)
	}
	for i := req.Offset; i < len(top); i++ {
		n := top[i].doc
		d := ix.info(n)
		// Cloned: a segment's strings live only as long as its mapping.
		h := Hit{Ref: d.ref, ID: strings.Clone(d.id), Where: e.where(top[i].doc, d.marks),
			Title: strings.Clone(d.title), Summary: strings.Clone(d.summary), Type: ix.strs.strs[ix.fac[n].typ], Date: cloneDate(d.date), Status: ix.strs.strs[ix.fac[n].status]}
		if scores != nil {
			h.Score = scores[top[i].pos]
		}
		h.Matched = e.matched(top[i].doc)
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}

func cloneDate(d record.Date) record.Date {
	return record.Date{EDTF: strings.Clone(d.EDTF), Display: strings.Clone(d.Display), Earliest: strings.Clone(d.Earliest),
		Latest: strings.Clone(d.Latest), Qualifier: strings.Clone(d.Qualifier), Note: strings.Clone(d.Note)}
}

// damagedPanic turns a panic met while reading a segment into an error, and
// marks the segment damaged for the store to rebuild: its big sections are
// checked after opening, in the background, so a damaged byte may be read
// before the check finds it, and a bounds check is then what catches it. A
// panic in an index without a segment is a bug, and stays a panic.
func (ix *Index) damagedPanic(err *error) {
	if ix.seg == nil {
		return
	}
	if r := recover(); r != nil {
		ix.seg.damaged.Store(true)
		*err = fmt.Errorf("%w: %v", errDamaged, r)
	}
}

// checkEvery is how many postings or documents a loop handles between looks at
// its context: a look is a lock and a load, so a few thousand steps (tens of
// microseconds) make it free and still stop a search promptly.
const checkEvery = 1 << 12

// errOverTime is how the evaluator notes that MaxDuration has passed; Search
// turns it into the *search.LimitError that says so.
var errOverTime = errors.New("over time")

// stopped reports whether the search's context has ended or its time is up,
// keeping the reason. The time is read here rather than through a context
// with a deadline, which would need a timer per search and would hide the
// caller's context from the checks.
func (e *evaluator) stopped() bool {
	if e.err == nil {
		if e.err = e.ctx.Err(); e.err == nil && time.Now().After(e.deadline) {
			e.err = errOverTime
		}
	}
	return e.err != nil
}

// ended is stopped without keeping the reason, for a goroutine beside the
// evaluator's own (which alone writes e.err).
func (e *evaluator) ended() bool {
	return e.ctx.Err() != nil || time.Now().After(e.deadline)
}

// where gathers a hit's body positions from the postings its terms matched.
// Positions stay nil when a term's postings were not kept (prefixes, phrases).
func (e *evaluator) where(doc uint32, marks []uint32) Where {
	w := Where{Known: true, marks: marks}
	for _, r := range e.ranked {
		i, found := slices.BinarySearch(r.docs, doc)
		if !found {
			continue
		}
		if r.at == nil {
			return Where{}
		}
		w.Positions = positionsAt(r.list, r.at[i], fBody, w.Positions)
	}
	slices.Sort(w.Positions)
	return w
}

// score is bm25 over the positive text terms, each term's frequency weighted by
// field, and doubled for records dated in a year the query names. A long
// result is scored in two halves at once when a core is free.
func (e *evaluator) score(docs []uint32) []float64 {
	scores := borrowZeroed[float64](e.loans, &f64Pool, len(docs))
	halves(len(docs), func(lo, hi int) { e.scoreRange(docs, scores, lo, hi) })
	e.stopped()
	return scores
}

// scoreRange scores docs[lo:hi] into scores[lo:hi]. It may run beside
// another, so it asks e.ended.
func (e *evaluator) scoreRange(docs []uint32, scores []float64, lo, hi int) {
	norm0, norm1 := e.norms()
	hot := e.ix.hot
	for _, r := range e.ranked {
		idf := e.idf(r)
		if e.ended() {
			return
		}
		if len(r.docs) == len(docs) && (len(docs) == 0 || &r.docs[0] == &docs[0]) {
			// The term's own documents (a one-word search, or each word of an
			// OR over the same set): no lookup, only the arithmetic.
			for i := lo; i < hi; i++ {
				if i%checkEvery == 0 && i > lo && e.ended() {
					return
				}
				tf := float64(r.wtf[i])
				scores[i] += idf * tf * (k1 + 1) / (tf + norm0 + norm1*float64(hot[docs[i]].length))
			}
			continue
		}
		in := member{ids: r.docs}
		if lo > 0 {
			in.j, _ = slices.BinarySearch(r.docs, docs[lo])
		}
		for i := lo; i < hi; i++ {
			if i%checkEvery == 0 && i > lo && e.ended() {
				return
			}
			d := docs[i]
			found, ended := in.has(d)
			if ended {
				break
			}
			if !found {
				continue
			}
			tf := float64(r.wtf[in.j])
			scores[i] += idf * tf * (k1 + 1) / (tf + norm0 + norm1*float64(hot[d].length))
		}
	}
	for yi, y := range e.years {
		bonus := e.yearBonus(e.yearDated[yi])
		for i := lo; i < hi; i++ {
			h := &hot[docs[i]]
			if h.earliest != 0 && h.earliest <= y*10000+1231 && h.latest >= y*10000+101 {
				scores[i] += bonus
			}
		}
	}
}

// norms are bm25's length norm, with what does not depend on the document
// taken out of the loops: a document of length l divides by tf + norm0 +
// norm1·l.
func (e *evaluator) norms() (norm0, norm1 float64) {
	avg := float64(e.ix.lengths) / math.Max(float64(e.ix.live), 1)
	return k1 * (1 - b), k1 * b / avg
}

// idf is bm25's weight of a term.
func (e *evaluator) idf(r termResult) float64 {
	n := float64(e.ix.live)
	df := float64(min(r.df, e.ix.live))
	idf := math.Log((n - df + 0.5) / (df + 0.5))
	if idf <= 0 {
		idf = 1e-6
	}
	return idf
}

// oneWord reports whether docs are the documents of the search's only
// ranked term and its score is bm25 alone (no year named): a search of one
// word, prefix or phrase, the commonest and, for a word of most of the
// archive, the longest to score.
func (e *evaluator) oneWord(docs []uint32) bool {
	if len(e.ranked) != 1 || len(e.years) > 0 || len(docs) == 0 {
		return false
	}
	r := e.ranked[0].docs
	return len(r) == len(docs) && &r[0] == &docs[0]
}

// scoreAsYouGo lets a oneWord search score in topOfOne; tests turn it off to
// compare with scoring every document first.
var scoreAsYouGo = true

// topOfOne is topScored for a oneWord search, scoring as it goes. A document
// whose score could not enter the heap even at length 0 (bm25 falls as the
// document grows) is passed over without its length being read, and only the
// scores read are written: scores is lent, not zeroed. At 1M the scores of a
// word's every document and the pass over them after were a fifth of a
// prefix search's time.
//
// The bounds are tested without dividing (two divisions a document were most
// of this loop's time at 1M): the frequency below which a document cannot
// reach the heap's floor is worked out when the floor moves, and a score is
// compared as its numerator against the floor times its denominator. Both
// tests keep a margin far wider than the rounding of either side, so that a
// document they pass over is certainly under the floor, and one they keep is
// scored exactly as scoreRange scores it, and compared as before.
func (e *evaluator) topOfOne(docs []uint32, scores []float64, less func(a, b ranked) bool, k int) []ranked {
	r := e.ranked[0]
	idf := e.idf(r)
	norm0, norm1 := e.norms()
	hot := e.ix.hot
	const margin = 1 - 1e-9
	return e.topBy(docs, less, k, func(lo, hi int) []ranked {
		h := &rankHeap{less: less}
		floor := math.Inf(-1)
		minTF := math.Inf(-1) // under it, even a document of length 0 scores under floor
		for i := lo; i < hi; i++ {
			if (i-lo)%checkEvery == 0 && e.ended() {
				return nil
			}
			tf := float64(r.wtf[i])
			if tf < minTF {
				continue
			}
			num := idf * tf * (k1 + 1) // as scoreRange computes it, so that scores are the same to the bit
			den := tf + norm0 + norm1*float64(hot[docs[i]].length)
			if num < floor*den*margin {
				continue
			}
			s := num / den
			scores[i] = s
			if s < floor {
				continue
			}
			if !h.offer(ranked{docs[i], i}, k) {
				continue
			}
			if len(h.items) == k {
				floor = scores[h.items[0].pos]
				minTF = tfUnder(floor, idf*(k1+1), norm0) * margin
			}
		}
		return h.best()
	})
}

// tfUnder is the frequency under which bm25 at length 0, c·tf/(tf+norm0)
// with c = idf·(k1+1), stays under floor: it rises with tf towards c, so
// every tf under floor·norm0/(c−floor) scores under floor, and when floor is c
// or more, every tf does.
func tfUnder(floor, c, norm0 float64) float64 {
	if floor >= c {
		return math.Inf(1)
	}
	if floor <= 0 {
		return math.Inf(-1)
	}
	return floor * norm0 / (c - floor)
}

// ranked is a document and its place in the result list (for its score).
type ranked struct {
	doc uint32
	pos int
}

// top returns the first k documents in the requested order, by a bounded heap:
// a page of twenty from a hundred thousand matches sorts twenty, not all.
func (e *evaluator) top(docs []uint32, less func(a, b ranked) bool, k int) []ranked {
	return e.topScored(docs, less, k, nil)
}

// topScored is top for an order that is by scores alone when scores is not
// nil (ties by id): a document scoring below the heap's worst cannot enter
// it, and is passed over without the comparison's call (top was 11% of the
// profile of a one-word search matching a quarter of a 300k archive). A long list is taken in
// two halves at once when a core is free, each keeping its own k best.
func (e *evaluator) topScored(docs []uint32, less func(a, b ranked) bool, k int, scores []float64) []ranked {
	return e.topBy(docs, less, k, func(lo, hi int) []ranked { return e.topRange(docs, less, k, scores, lo, hi) })
}

// topBy is the k best of docs by less, from best(lo, hi), the k best of
// docs[lo:hi] best first, run over two halves at once when a core is free.
func (e *evaluator) topBy(docs []uint32, less func(a, b ranked) bool, k int, best func(lo, hi int) []ranked) []ranked {
	var parts [2][]ranked
	halves(len(docs), func(lo, hi int) { parts[min(lo, 1)] = best(lo, hi) })
	if e.stopped() {
		return nil
	}
	if parts[1] == nil {
		return parts[0]
	}
	out := append(parts[0], parts[1]...)
	slices.SortFunc(out, func(a, b ranked) int {
		if less(a, b) {
			return -1
		}
		if less(b, a) {
			return 1
		}
		return 0
	})
	return out[:min(k, len(out))]
}

// topRange is the k best of docs[lo:hi], best first. It may run beside
// another, so it asks e.ended.
func (e *evaluator) topRange(docs []uint32, less func(a, b ranked) bool, k int, scores []float64, lo, hi int) []ranked {
	h := &rankHeap{less: less}
	floor := math.Inf(-1)
	for i := lo; i < hi; i++ {
		if (i-lo)%checkEvery == 0 && e.ended() {
			return nil
		}
		if scores != nil && scores[i] < floor {
			continue
		}
		if !h.offer(ranked{docs[i], i}, k) {
			continue
		}
		if scores != nil && len(h.items) == k {
			floor = scores[h.items[0].pos]
		}
	}
	return h.best()
}

// order says whether a comes before b: by score (higher first), or by date
// (undated last), ties by record id so that pages never shift.
func (ix *Index) order(scores []float64, sortBy string) func(a, b ranked) bool {
	byID := func(a, b ranked) bool { return ix.id(a.doc) < ix.id(b.doc) }
	// Records of one day come in the order they were first stored: a
	// volume's documents are stored in the volume's order, so a day's
	// telegrams list as the edition prints them, not by a hash.
	sameDay := func(a, b ranked) bool {
		if ra, rb := ix.ref(a.doc), ix.ref(b.doc); ra != rb {
			return ra < rb
		}
		return byID(a, b)
	}
	switch {
	case scores != nil:
		return func(a, b ranked) bool {
			if sa, sb := scores[a.pos], scores[b.pos]; sa != sb {
				return sa > sb
			}
			return byID(a, b)
		}
	case sortBy == search.SortAddedDesc:
		// A record's ref is its row, numbered as records are first stored.
		return func(a, b ranked) bool { return ix.ref(a.doc) > ix.ref(b.doc) }
	case sortBy == search.SortDateDesc:
		return func(a, b ranked) bool {
			if ea, eb := ix.hot[a.doc].earliest, ix.hot[b.doc].earliest; ea != eb {
				return ea > eb
			}
			return sameDay(a, b)
		}
	}
	return func(a, b ranked) bool {
		ea, eb := ix.hot[a.doc].earliest, ix.hot[b.doc].earliest
		if (ea == 0) != (eb == 0) {
			return eb == 0
		}
		if ea != eb {
			return ea < eb
		}
		return sameDay(a, b)
	}
}

// rankHeap keeps the k best so far with the worst on top.
type rankHeap struct {
	items []ranked
	less  func(a, b ranked) bool
}

// offer adds r when the heap holds fewer than k or r comes before its
// worst, which it then replaces; false when r was not taken.
func (h *rankHeap) offer(r ranked, k int) bool {
	if len(h.items) < k {
		heap.Push(h, r)
		return true
	}
	if k > 0 && h.less(r, h.items[0]) {
		h.items[0] = r
		heap.Fix(h, 0)
		return true
	}
	return false
}

// best empties the heap into a list, best first.
func (h *rankHeap) best() []ranked {
	out := make([]ranked, len(h.items))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(ranked)
	}
	return out
}

func (h *rankHeap) Len() int           { return len(h.items) }
func (h *rankHeap) Less(i, j int) bool { return h.less(h.items[j], h.items[i]) }
func (h *rankHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *rankHeap) Push(x any)         { h.items = append(h.items, x.(ranked)) }
func (h *rankHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

// matched lists the other forms (names' variants, near spellings) that found
// doc, so the result line can say "matched Peking".
func (e *evaluator) matched(doc uint32) []string {
	var out []string
	for i := range e.ranked {
		r := &e.ranked[i]
		if r.form == "" || slices.Contains(out, r.form) {
			continue
		}
		if _, ok := slices.BinarySearch(r.docs, doc); ok {
			out = append(out, r.form)
		}
	}
	return out
}
