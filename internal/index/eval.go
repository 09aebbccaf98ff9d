package index

import (
	"context"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fond/internal/names"
	"fond/internal/redact"
	"fond/internal/search"
	"fond/internal/subjects"
)

// docset is a set of document numbers in ascending order, or every document
// the search may see (evaluator.sees: live, published for a reader's search,
// within the folded date filter).
type docset struct {
	all bool
	ids []uint32
}

// termResult is what a text term matched: documents in order with their
// field-weighted term frequencies, and the term's document frequency for idf.
type termResult struct {
	docs []uint32
	wtf  []float32
	df   int
	// list and at (each document's posting) let a snippet find where the term
	// stands in a hit without reading the list again; only single words keep them.
	list *plist
	at   []postingAt
	// form is the spelling matched in place of the reader's (a name's other
	// form, a near spelling); "" for the words as typed.
	form string
}

type evaluator struct {
	// loans are the long arrays the search has borrowed (lend.go), given
	// back when it ends.
	loans *loans
	ix    *Index
	ctx   context.Context
	// see is the hotDoc.seen bit of who searches: seenReaders, or seenStaff
	// for a search that may find drafts.
	see uint8
	// win, when set, is a date filter the whole query is ANDed with, folded
	// into every walk: a document outside it is passed over where a deleted
	// one is, so that a common word's walk keeps only the documents of the
	// years asked for, instead of listing all of its own and filtering them
	// after (foldDate).
	win *dateWindow
	// deadline is when Limits.MaxDuration has passed.
	deadline time.Time
	err      error // why the search stopped (ctx's error, errOverTime): every step after returns nothing
	names    *names.File
	within   bool
	ranked   []termResult
	// typed is Request.Typed: how many plain words the reader typed.
	typed int
	// years are the bare years of the query, yearDated how many records each
	// dates: a year ranks as a date, once (yearBonus), never as a word.
	years     []int32
	yearDated []int
	// fuzzy (search.MatchMost) also matches near spellings of rare words;
	// corrected lists them.
	fuzzy     bool
	corrected []search.Correction
	// softRanked is, for each plain word of a MatchMost query in order, the
	// index of its entry in ranked (-1: none), for the proximity bonus.
	softRanked []int
	// asTyped holds, for each word also matched in other forms, the documents
	// that have it as typed: those rank before the ones found only through a
	// variant or a near spelling.
	asTyped [][]uint32
	pos     [][]uint32 // scratch position buffers, one per phrase word
	// maxExpand is Limits.MaxPrefixExpansion; capped lists the prefixes cut to it.
	maxExpand int
	capped    []search.Capped
	// repeated counts the prefix terms a query names more than once, and
	// prefixes keeps what each matched, so that "a* OR (a* x) OR …" walks the
	// prefix's postings once, not once a mention.
	repeated map[search.Term]int
	prefixes map[search.Term]termResult
}

// countPrefixes notes the prefix terms of n that occur more than once.
func (e *evaluator) countPrefixes(n search.Node) {
	switch n := n.(type) {
	case search.And:
		for _, k := range n.Nodes {
			e.countPrefixes(k)
		}
	case search.Or:
		for _, k := range n.Nodes {
			e.countPrefixes(k)
		}
	case search.Not:
		e.countPrefixes(n.Node)
	case search.Term:
		if n.Prefix {
			if e.repeated == nil {
				e.repeated = map[search.Term]int{}
			}
			e.repeated[n]++
		}
	}
}

// prefixOnce is text for a term, a prefix named more than once matched over
// every document the first time and restricted to cand each time.
func (e *evaluator) prefixOnce(t search.Term, mask uint8, cand docset) (termResult, bool) {
	if !t.Prefix || e.repeated[t] < 2 {
		return e.text(t.Text, t.Prefix, mask, cand)
	}
	r, seen := e.prefixes[t]
	if !seen {
		var ok bool
		if r, ok = e.text(t.Text, true, mask, docset{all: true}); !ok {
			return r, false
		}
		if e.err != nil {
			return termResult{}, true
		}
		if e.prefixes == nil {
			e.prefixes = map[search.Term]termResult{}
		}
		e.prefixes[t] = r
	}
	return r.within(cand), true
}

// eval returns the documents of cand that n matches. Every child of an AND is
// evaluated against what its earlier siblings left, cheapest first, so a filter
// never scans more than the text already narrowed down.
func (e *evaluator) eval(n search.Node, cand docset, negated bool) docset {
	if e.stopped() {
		return docset{}
	}
	if !cand.all && len(cand.ids) == 0 {
		return cand
	}
	switch n := n.(type) {
	case nil:
		return cand
	case search.And:
		kids := slices.Clone(n.Nodes)
		sort.SliceStable(kids, func(i, j int) bool { return e.cost(kids[i]) < e.cost(kids[j]) })
		for _, k := range kids {
			cand = e.eval(k, cand, negated)
			if e.err != nil || !cand.all && len(cand.ids) == 0 {
				break
			}
		}
		return cand
	case search.Or:
		var parts [][]uint32
		for _, k := range n.Nodes {
			r := e.eval(k, cand, negated)
			if e.err != nil {
				return docset{}
			}
			if r.all {
				return r
			}
			parts = append(parts, r.ids)
		}
		return docset{ids: union(parts)}
	case search.Not:
		inner := e.eval(n.Node, cand, !negated)
		if e.err != nil {
			return docset{}
		}
		base := cand
		if base.all {
			base = docset{ids: e.allDocs()}
		}
		if inner.all {
			return docset{}
		}
		return docset{ids: difference(base.ids, inner.ids)}
	case search.DateRange:
		w := windowOf(n)
		return e.filterPure(cand, func(n uint32) bool { return e.inRange(&e.ix.hot[n], w.from, w.to) })
	case search.Term:
		return e.term(n, cand, negated)
	}
	return cand
}

// dateWindow is a date filter's bounds as YYYYMMDD numbers, open ends filled.
type dateWindow struct{ from, to int32 }

func windowOf(n search.DateRange) dateWindow {
	w := dateWindow{dateNum(n.From), dateNum(n.To)}
	if n.From == "" {
		w.from = 0
	}
	if n.To == "" {
		w.to = math.MaxInt32
	}
	return w
}

// foldDates says whether Search folds a query's top date filter into its
// walks (evaluator.win); off only in the test that compares both ways.
var foldDates = true

// foldDate takes out of n a date filter that the whole query is ANDed with,
// so that e.win applies it to every walk. A date filter alone stays as it
// is: there is no walk to fold it into.
func (e *evaluator) foldDate(n search.Node) search.Node {
	a, ok := n.(search.And)
	if !ok || !foldDates || len(a.Nodes) < 2 {
		return n
	}
	for i, k := range a.Nodes {
		if r, ok := k.(search.DateRange); ok {
			w := windowOf(r)
			e.win = &w
			rest := slices.Delete(slices.Clone(a.Nodes), i, i+1)
			if len(rest) == 1 {
				return rest[0]
			}
			return search.And{Nodes: rest}
		}
	}
	return n
}

// sees reports whether the search may find document d: one its reader may
// see, within the folded date filter if there is one.
func (e *evaluator) sees(d *hotDoc) bool {
	return d.seen&e.see != 0 && (e.win == nil || e.inRange(d, e.win.from, e.win.to))
}

func (e *evaluator) inRange(d *hotDoc, from, to int32) bool {
	if d.earliest == 0 {
		return false
	}
	if e.within {
		return d.earliest >= from && d.latest <= to
	}
	return d.earliest <= to && d.latest >= from
}

// cost orders the children of an AND: rare words first, then common ones, then
// metadata filters and negations, which test each remaining document.
func (e *evaluator) cost(n search.Node) int {
	switch n := n.(type) {
	case search.Term:
		if _, text := fieldMask[n.Field]; text && !n.Prefix && !isYear(n.Text) && n.Field != "person" && n.Field != "place" {
			toks := words(n.Text, nil)
			best := math.MaxInt32 / 4
			for _, t := range toks {
				df := 0
				if p := e.ix.term(t.term); p != nil {
					df = int(p.count())
				}
				best = min(best, df)
			}
			return best
		}
		if n.Field == "id" {
			return 0
		}
		return math.MaxInt32 / 2
	case search.Not:
		return math.MaxInt32
	case search.And:
		c := math.MaxInt32
		for _, k := range n.Nodes {
			c = min(c, e.cost(k))
		}
		return c
	case search.Or:
		c := 0
		for _, k := range n.Nodes {
			c += e.cost(k)
		}
		return min(c, math.MaxInt32/2)
	}
	return math.MaxInt32 / 2
}

// fieldMask maps query fields onto index fields.
var fieldMask = map[string]uint8{
	"": textFields, "title": 1 << fTitle, "summary": 1 << fSummary, "body": 1 << fBody, "notes": 1 << fNotes,
	"person": 1 << fPeople, "place": 1 << fPlaces, "repository": 1 << fArchive,
}

func (e *evaluator) term(t search.Term, cand docset, negated bool) docset {
	mask, text := fieldMask[t.Field]
	if !text {
		return e.metadata(t, cand)
	}
	r, ok := e.prefixOnce(t, mask, cand)
	if !ok {
		return cand // nothing searchable in the term: it restricts nothing
	}
	if (t.Field == "person" || t.Field == "place") && !t.Prefix {
		r = e.name(t, mask, cand, r)
	}
	if t.Field == "" && !t.Phrase && !t.Prefix && isYear(t.Text) {
		// A bare year finds the records dated in it and those that mention it,
		// but ranks only as a date: records of that year first.
		year := int32(atoi(t.Text))
		inYear := func(n uint32) bool {
			d := &e.ix.hot[n]
			return d.earliest != 0 && d.earliest <= year*10000+1231 && d.latest >= year*10000+101
		}
		dated := e.filter(cand, inYear)
		if !negated {
			// The year's weight is how rare it is among what this search may
			// see, not among the candidates the query's other words left nor
			// within the folded dates: counted again when cand is fewer.
			all := len(dated.ids)
			if !cand.all || e.win != nil {
				win := e.win
				e.win = nil // nothing runs beside this call: the halves end in it
				all = len(e.filter(docset{all: true}, inYear).ids)
				e.win = win
			}
			e.years = append(e.years, year)
			e.yearDated = append(e.yearDated, all)
		}
		return docset{ids: union([][]uint32{r.docs, dated.ids})}
	}
	if e.fuzzy && t.Field == "" && !t.Phrase && !t.Prefix && !negated {
		if forms := e.variants(t.Text, mask, cand); len(forms) > 0 {
			ids := [][]uint32{r.docs}
			for _, x := range forms {
				ids = append(ids, x.docs)
			}
			e.ranked = append(e.ranked, r)
			e.ranked = append(e.ranked, forms...)
			e.asTyped = append(e.asTyped, r.docs)
			return docset{ids: union(ids)}
		}
	}
	if e.fuzzy && t.Field == "" && !t.Phrase && !t.Prefix && !negated && len(r.docs) == 0 {
		if near := e.correct(t.Text, mask, cand); len(near) > 0 {
			ids := make([][]uint32, len(near))
			for i, x := range near {
				ids[i] = x.docs
			}
			e.ranked = append(e.ranked, near...)
			return docset{ids: union(ids)}
		}
	}
	if !negated {
		e.ranked = append(e.ranked, r)
	}
	return docset{ids: r.docs}
}

// name matches any form of a person or place: every form the authority file
// lists (pseudonyms, old place names) in the names field, and any spelling of
// those forms through the romanization key.
func (e *evaluator) name(t search.Term, mask uint8, cand docset, typed termResult) termResult {
	forms := []string{t.Text}
	if e.names != nil {
		forms = append(e.names.Forms(t.Text), t.Text)
	}
	parts := []termResult{typed}
	keys := map[string]bool{}
	for _, f := range forms {
		if f != t.Text && !HasCJK(f) {
			if r, ok := e.text(f, false, mask, cand); ok {
				parts = append(parts, r)
			}
		}
		keys[nameKey(f)] = true
	}
	for k := range keys {
		for _, kind := range []string{t.Field, "name"} {
			if l := e.ix.namesOf(kind + "\x00" + k); len(l) > 0 {
				docs := e.restrict(l, cand)
				parts = append(parts, termResult{docs: docs, wtf: make([]float32, len(docs))})
			}
		}
	}
	return mergeResults(parts, typed.df)
}

// restrict keeps the documents of a sorted list that the search sees and cand holds.
func (e *evaluator) restrict(l []uint32, cand docset) []uint32 {
	out := borrow[uint32](e.loans, &u32Pool, len(l))
	in := member{ids: cand.ids}
	for i, d := range l {
		if i%checkEvery == 0 && e.stopped() {
			return nil
		}
		if !e.sees(&e.ix.hot[d]) {
			continue
		}
		if !cand.all {
			found, ended := in.has(d)
			if ended {
				break
			}
			if !found {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// metadata filters on the record's type, category, language, collection, fond
// or id, case-insensitively. Each distinct value is tested once a query.
func (e *evaluator) metadata(t search.Term, cand docset) docset {
	v := strings.TrimSpace(t.Text)
	lv := strings.ToLower(v)
	strs := e.ix.strs.strs
	memo := make([]int8, len(strs)) // 0 untested, 1 yes, -1 no
	test := func(id uint32, f func(string) bool) bool {
		if memo[id] == 0 {
			memo[id] = -1
			if f(strs[id]) {
				memo[id] = 1
			}
		}
		return memo[id] > 0
	}
	contains := func(s string) bool { return strings.Contains(strings.ToLower(s), lv) }
	equal := func(s string) bool { return strings.EqualFold(s, v) }
	fac := e.ix.fac
	switch t.Field {
	case "type":
		return e.filter(cand, func(n uint32) bool { return test(fac[n].typ, contains) })
	case "category":
		return e.filter(cand, func(n uint32) bool { return test(fac[n].cat, equal) })
	case "language":
		return e.filter(cand, func(n uint32) bool { return test(fac[n].lang, equal) || test(fac[n].olang, equal) })
	case "collection":
		return e.filter(cand, func(n uint32) bool {
			return strs[fac[n].coll] == v || fac[n].collTitle != 0 && test(fac[n].collTitle, contains)
		})
	case "fond":
		return e.filter(cand, func(n uint32) bool {
			return slices.ContainsFunc(e.ix.info(n).fonds, func(id uint32) bool { return test(id, equal) })
		})
	case "status":
		return e.filter(cand, func(n uint32) bool { return test(fac[n].status, equal) })
	case "withheld", "exemption", "released", "released_later":
		return e.declassified(t.Field, lv, cand)
	case "subject":
		// By id or label; a subject the vocabulary lacks may still be a
		// person's from an older one, kept by its id.
		id := lv
		if s, ok := subjects.Default().Lookup(v); ok {
			id = s.ID
		}
		in := e.ix.namesOf(subjectKey + id)
		return e.filter(cand, func(n uint32) bool { _, ok := slices.BinarySearch(in, n); return ok })
	case "id":
		want, ok := e.ix.docByID(v)
		if !ok {
			return docset{}
		}
		return e.filter(cand, func(n uint32) bool { return n == want })
	}
	return cand
}

// maxReleaseYears bounds the years a released: range is read as: a range
// wider than this is cut to the years after its start (no release predates
// the twentieth century's declassification programmes by much).
const maxReleaseYears = 200

// declassified filters on what releases withheld and when they came out:
// withheld:yes / withheld:no, exemption:b1 (any spelling of the code),
// released:2008 or released:2005..2010 (a release in those years),
// released_later:yes / no (a release showing text an earlier one withheld).
func (e *evaluator) declassified(field, v string, cand docset) docset {
	lists := map[uint32]bool{}
	add := func(key string) {
		for _, n := range e.ix.namesOf(field + "\x00" + key) {
			lists[n] = true
		}
	}
	switch field {
	case "withheld", "released_later":
		add("yes")
		switch v {
		case "yes", "true", "1":
		case "no", "false", "0":
			return e.filter(cand, func(n uint32) bool { return !lists[n] })
		default:
			return docset{}
		}
	case "exemption":
		add(redact.NormalizeExemption(v))
	case "released":
		from, to, isRange := strings.Cut(v, "..")
		if !isRange {
			to = from
		}
		lo, hi := 1900, 2100 // "..2010", "2005.." are open
		var err1, err2 error
		if from != "" {
			lo, err1 = strconv.Atoi(from)
		}
		if to != "" {
			hi, err2 = strconv.Atoi(to)
		}
		if err1 != nil || err2 != nil {
			return docset{}
		}
		for y := lo; y <= hi && y < lo+maxReleaseYears; y++ {
			add(strconv.Itoa(y))
		}
	}
	return e.filter(cand, func(n uint32) bool { return lists[n] })
}

// filter keeps the documents of cand that keep says yes to.
func (e *evaluator) filter(cand docset, keep func(n uint32) bool) docset {
	out := e.filterRange(cand, keep, 0, e.candLen(cand))
	if e.stopped() {
		return docset{}
	}
	return docset{ids: out}
}

// filterPure is filter for a keep that only reads, so that a long list can be
// filtered in two halves at once when a core is free.
func (e *evaluator) filterPure(cand docset, keep func(n uint32) bool) docset {
	var parts [2][]uint32
	halves(e.candLen(cand), func(lo, hi int) { parts[min(lo, 1)] = e.filterRange(cand, keep, lo, hi) })
	if e.stopped() {
		return docset{}
	}
	if parts[1] == nil {
		return docset{ids: parts[0]}
	}
	return docset{ids: append(parts[0], parts[1]...)}
}

// candLen is how many documents cand stands for: every document's number
// when it is all of them.
func (e *evaluator) candLen(cand docset) int {
	if cand.all {
		return len(e.ix.hot)
	}
	return len(cand.ids)
}

// filterRange is what keep says yes to of cand's documents [lo, hi) (document
// numbers when cand is all, those the search sees only). It may run beside another, so it
// asks e.ended; its caller asks e.stopped after.
func (e *evaluator) filterRange(cand docset, keep func(n uint32) bool, lo, hi int) []uint32 {
	var out []uint32
	for i := lo; i < hi; i++ {
		if (i-lo)%checkEvery == 0 && e.ended() {
			return nil
		}
		if cand.all {
			if e.sees(&e.ix.hot[i]) && keep(uint32(i)) {
				out = append(out, uint32(i))
			}
		} else if keep(cand.ids[i]) {
			out = append(out, cand.ids[i])
		}
	}
	return out
}

// allDocs lists every document the search may find (docset.all).
func (e *evaluator) allDocs() []uint32 {
	out := borrow[uint32](e.loans, &u32Pool, e.ix.live)
	for i := range e.ix.hot {
		if e.sees(&e.ix.hot[i]) {
			out = append(out, uint32(i))
		}
	}
	return out
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s >= "1000" && s <= "2099"
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
