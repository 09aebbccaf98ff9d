package index

import (
	"slices"

	"fond/internal/record"
	"sort"
	"strings"
	"sync"
)

// Doc is what the index knows of one record: its searchable text by field and
// the metadata that filters and facets read.
type Doc struct {
	Ref  int64 // the store's key for the record
	ID   string
	Text [numFields - 1]string // title, summary, body, notes, people, places, archive

	Earliest, Latest string // YYYY-MM-DD, "" when undated
	Date             record.Date

	Type, Category, Lang, OrigLang string
	// Status is the record's publication state: searches for anonymous
	// readers (Request.Unpublished false) see only "published" ones.
	Status                      string
	Collection, CollectionTitle string
	Fonds, Repositories         []string
	Persons, Places             []string // names as written: facet values
	// NameKeys are "kind\x00key" for each name's romanization key, kind person,
	// place or name (a variant pair the text gives without saying what it names).
	NameKeys []string
}

// Analyzed is a Doc broken into terms, ready to add. Analysis needs no lock, so a
// store can analyse while it writes.
type Analyzed struct {
	doc    Doc
	length uint32
	terms  []termPositions
	marks  []uint32
}

// markEvery is how often the index notes a body word's byte offset, so that a
// snippet can start reading the body near the words it shows.
const markEvery = 64

type termPositions struct {
	id     uint32
	fields []fieldPositions
}

// SetRef gives the analysed document the store's key, when the store learns it
// only after analysis (a new row's id).
func (a *Analyzed) SetRef(ref int64) { a.doc.Ref = ref }

// Ref is the store's reference of the analysed record.
func (a *Analyzed) Ref() int64 { return a.doc.Ref }

// Analyzer tokenizes documents, remembering the words it has seen; one per
// goroutine, so that the hot path takes no lock.
type Analyzer struct {
	cache map[string]cachedWord
	// slot[id] is where term id stands in the document being analysed, valid
	// when stamp[id] is this document's stamp: no per-document map to clear.
	slot  []int32
	stamp []uint32
	now   uint32
}

// analyzers keeps idle Analyzers with their caches. Not a sync.Pool: that drops
// its contents at every collection, and a cold cache stems every word again.
var analyzers = make(chan *Analyzer, 16)

// Analyze tokenizes a document with an idle Analyzer.
func Analyze(d Doc) *Analyzed {
	var z *Analyzer
	select {
	case z = <-analyzers:
	default:
		z = &Analyzer{cache: map[string]cachedWord{}}
	}
	a := z.Analyze(d)
	select {
	case analyzers <- z:
	default:
	}
	return a
}

// Analyze tokenizes a document.
func (z *Analyzer) Analyze(d Doc) *Analyzed {
	a := &Analyzed{doc: d}
	z.now++
	if z.now == 0 { // wrapped: old stamps could collide
		clear(z.stamp)
		z.now = 1
	}
	for f := uint8(0); f < fCJK; f++ {
		n := uint32(0)
		eachWord(d.Text[f], true, z.cache, func(t token) {
			z.addPos(a, t.id, f, n)
			if f == fBody && n > 0 && n%markEvery == 0 {
				a.marks = append(a.marks, uint32(t.start))
			}
			n++
		})
		a.length += n
	}
	// CJK bigrams of the text fields; a gap between runs keeps a phrase inside one.
	pos := uint32(0)
	for f := fTitle; f <= fPeople; f++ {
		if !HasCJK(d.Text[f]) {
			continue
		}
		for _, run := range cjkRuns(d.Text[f]) {
			for _, bg := range bigrams(run) {
				z.addPos(a, termID(bg), fCJK, pos)
				pos++
			}
			pos++
		}
	}
	a.length += pos
	return a
}

func (z *Analyzer) addPos(a *Analyzed, id uint32, f uint8, pos uint32) {
	if int(id) >= len(z.slot) {
		n := max(int(id)+1, 2*len(z.slot))
		z.slot = append(z.slot, make([]int32, n-len(z.slot))...)
		z.stamp = append(z.stamp, make([]uint32, n-len(z.stamp))...)
	}
	if z.stamp[id] != z.now {
		z.stamp[id] = z.now
		z.slot[id] = int32(len(a.terms))
		a.terms = append(a.terms, termPositions{id: id})
	}
	tp := &a.terms[z.slot[id]]
	if n := len(tp.fields); n == 0 || tp.fields[n-1].field != f {
		tp.fields = append(tp.fields, fieldPositions{field: f})
	}
	fp := &tp.fields[len(tp.fields)-1]
	fp.pos = append(fp.pos, pos)
}

// docInfo is a document's metadata in the index: strings interned, dates as
// yyyymmdd numbers (0: undated) so that filters and facets compare integers.
type docInfo struct {
	ref              int64
	id               string
	earliest, latest int32
	length           uint32
	live             bool
	typ, cat         uint32
	lang, olang      uint32
	coll, collTitle  uint32
	status           uint32
	fonds, repos     []uint32
	persons, places  []uint32
	marks            []uint32 // byte offsets of body words markEvery, 2·markEvery, …
	// What a result line shows, so a page of hits needs no record decoded.
	title, summary string
	date           record.Date
}

// hotDoc is what every posting of a query consults, kept apart from docInfo so
// that scanning a long posting list touches 12 bytes a document, not a cache line.
type hotDoc struct {
	length           uint32
	earliest, latest int32
	live             bool
}

// facetDoc is what facet counting reads of a document, compact and apart for
// the same reason as hotDoc; its many-valued facets stand in Index.vals.
type facetDoc struct {
	typ, cat, lang, coll uint32
	olang, collTitle     uint32
	off                  uint32 // repositories, then persons, then places, in vals
	repos, persons       uint16
	places               uint16
}

func (ix *Index) facetOf(d *docInfo) facetDoc {
	f := facetDoc{typ: d.typ, cat: d.cat, lang: d.lang, coll: d.coll, olang: d.olang, collTitle: d.collTitle, off: uint32(len(ix.vals)),
		repos: uint16(min(len(d.repos), 1<<16-1)), persons: uint16(min(len(d.persons), 1<<16-1)), places: uint16(min(len(d.places), 1<<16-1))}
	ix.vals = append(ix.vals, d.repos[:f.repos]...)
	ix.vals = append(ix.vals, d.persons[:f.persons]...)
	ix.vals = append(ix.vals, d.places[:f.places]...)
	return f
}

// Index is safe for concurrent use: searches share a read lock, changes take the
// write lock.
type Index struct {
	mu     sync.RWMutex
	docs   []docInfo
	hot    []hotDoc   // parallel to docs
	fac    []facetDoc // parallel to docs
	vals   []uint32
	byRef  map[int64]uint32
	byID   map[string]uint32
	lists  []*plist // by term number (vocab); nil where this index lacks the term
	nterms int
	sorted []string // the term dictionary in order, for prefixes; nil when stale
	dictMu sync.Mutex
	// romKeys caches romanize.Key of dictionary terms (string → string) for
	// near spellings: a key costs microseconds, and a respelled name compares
	// hundreds of terms. Terms only, so it is bounded by the vocabulary.
	romKeys sync.Map
	names   map[string][]uint32
	strs    interner
	live    int
	hidden  int    // live documents readers may not see (drafts, withdrawn)
	lengths uint64 // total length of live documents, for the average in bm25
	gen     int64  // the store change this index reflects
	epoch   string // which store it reflects
	scratch []byte
}

// New returns an empty index.
func New() *Index {
	return &Index{byRef: map[int64]uint32{}, byID: map[string]uint32{}, names: map[string][]uint32{}, strs: newInterner()}
}

// Reset empties the index.
func (ix *Index) Reset() {
	fresh := New()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.fac, ix.vals = nil, nil
	ix.docs, ix.hot, ix.byRef, ix.byID, ix.lists, ix.nterms, ix.sorted, ix.names, ix.strs = nil, nil, fresh.byRef, fresh.byID, nil, 0, nil, fresh.names, fresh.strs
	ix.live, ix.hidden, ix.lengths, ix.gen, ix.epoch = 0, 0, 0, 0, ""
	ix.romKeys.Clear()
}

// Gen is the store change the index reflects.
func (ix *Index) Gen() (int64, string) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.gen, ix.epoch
}

// SetGen records that the index now reflects store change gen of store epoch.
func (ix *Index) SetGen(gen int64, epoch string) {
	ix.mu.Lock()
	ix.gen, ix.epoch = gen, epoch
	ix.mu.Unlock()
}

// Len is the number of live documents.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// Apply removes the documents with the given refs, then adds or replaces the
// analysed ones, as one change.
func (ix *Index) Apply(removed []int64, added []*Analyzed) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, ref := range removed {
		ix.remove(ref)
	}
	for _, a := range added {
		ix.remove(a.doc.Ref)
		ix.add(a)
	}
	if dead := len(ix.docs) - ix.live; dead > 1024 && dead > ix.live {
		ix.compact()
	}
}

func (ix *Index) remove(ref int64) {
	n, ok := ix.byRef[ref]
	if !ok {
		return
	}
	d := &ix.docs[n]
	d.live = false
	ix.hot[n].live = false
	delete(ix.byRef, ref)
	if ix.byID[d.id] == n {
		delete(ix.byID, d.id)
	}
	ix.live--
	ix.lengths -= uint64(d.length)
	if ix.hiddenStatus(d.status) {
		ix.hidden--
	}
}

func (ix *Index) add(a *Analyzed) {
	n := uint32(len(ix.docs))
	d := a.doc
	info := docInfo{
		ref: d.Ref, id: d.ID, live: true, length: a.length,
		earliest: dateNum(d.Earliest), latest: dateNum(d.Latest),
		typ: ix.strs.id(d.Type), cat: ix.strs.id(d.Category), lang: ix.strs.id(d.Lang), olang: ix.strs.id(d.OrigLang),
		coll: ix.strs.id(d.Collection), collTitle: ix.strs.id(d.CollectionTitle), status: ix.strs.id(d.Status),
		fonds: ix.strs.ids(d.Fonds), repos: ix.strs.ids(d.Repositories),
		persons: ix.strs.ids(d.Persons), places: ix.strs.ids(d.Places),
		marks: a.marks,
		title: d.Text[fTitle], summary: d.Text[fSummary], date: d.Date,
	}
	ix.docs = append(ix.docs, info)
	ix.hot = append(ix.hot, hotDoc{length: info.length, earliest: info.earliest, latest: info.latest, live: true})
	ix.fac = append(ix.fac, ix.facetOf(&info))
	ix.byRef[d.Ref] = n
	ix.byID[d.ID] = n
	ix.live++
	ix.lengths += uint64(a.length)
	if ix.hiddenStatus(info.status) {
		ix.hidden++
	}
	for _, tp := range a.terms {
		ix.scratch = ix.list(tp.id).add(n, tp.fields, ix.scratch)
	}
	for _, k := range uniq(d.NameKeys) {
		l, ok := ix.names[k]
		if !ok {
			k = strings.Clone(k)
		}
		ix.names[k] = append(l, n)
	}
}

// list returns term id's posting list, creating it when new.
func (ix *Index) list(id uint32) *plist {
	if int(id) >= len(ix.lists) {
		n := max(int(id)+1, 2*len(ix.lists), 1024)
		ix.lists = append(ix.lists, make([]*plist, n-len(ix.lists))...)
	}
	p := ix.lists[id]
	if p == nil {
		p = &plist{}
		ix.lists[id] = p
		ix.nterms++
		ix.sorted = nil
	}
	return p
}

// term returns a term's posting list, or nil.
func (ix *Index) term(t string) *plist {
	id, ok := lookupTerm(t)
	if !ok || int(id) >= len(ix.lists) {
		return nil
	}
	return ix.lists[id]
}

// dateNum turns YYYY-MM-DD into yyyymmdd; "" and unreadable dates are 0.
func dateNum(s string) int32 {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return 0
	}
	var v int32
	for i, c := range []byte(s[:10]) {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return 0
		}
		v = v*10 + int32(c-'0')
	}
	return v
}

func uniq(list []string) []string {
	if len(list) < 2 {
		return list
	}
	out := slices.Clone(list)
	sort.Strings(out)
	return slices.Compact(out)
}

// dictionary returns the sorted term list, rebuilding it after new terms.
// Callers hold at least the read lock; the rebuild, which searches sharing that
// lock may race to, is guarded by its own.
func (ix *Index) dictionary() []string {
	ix.dictMu.Lock()
	defer ix.dictMu.Unlock()
	if ix.sorted == nil {
		s := make([]string, 0, ix.nterms)
		vocab.RLock()
		for id, p := range ix.lists {
			if p != nil {
				s = append(s, vocab.terms[id])
			}
		}
		vocab.RUnlock()
		sort.Strings(s)
		ix.sorted = s
	}
	return ix.sorted
}

// interner maps each distinct metadata string to a small number; 0 is "".
type interner struct {
	byStr map[string]uint32
	strs  []string
}

func newInterner() interner {
	return interner{byStr: map[string]uint32{"": 0}, strs: []string{""}}
}

func (in *interner) id(s string) uint32 {
	if v, ok := in.byStr[s]; ok {
		return v
	}
	v := uint32(len(in.strs))
	s = strings.Clone(s)
	in.byStr[s] = v
	in.strs = append(in.strs, s)
	return v
}

func (in *interner) ids(list []string) []uint32 {
	list = uniq(list)
	var out []uint32
	for _, s := range list {
		if s != "" {
			out = append(out, in.id(s))
		}
	}
	return out
}

// hiddenStatus says whether a document of this status is kept from readers.
func (ix *Index) hiddenStatus(status uint32) bool {
	st := ix.strs.strs[status]
	return st != "" && st != record.Published
}

// recountHidden counts the live documents readers may not see, after a load.
func (ix *Index) recountHidden() {
	ix.hidden = 0
	for i := range ix.docs {
		if ix.docs[i].live && ix.hiddenStatus(ix.docs[i].status) {
			ix.hidden++
		}
	}
}

// Entries calls fn for every live document, in the order they were added, so
// that a store can check the index against its records (fond verify) without
// reaching into its tables. fn runs under the read lock and must not call back.
func (ix *Index) Entries(fn func(ref int64, id string)) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for i := range ix.docs {
		if ix.docs[i].live {
			fn(ix.docs[i].ref, ix.docs[i].id)
		}
	}
}
