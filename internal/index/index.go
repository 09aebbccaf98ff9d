package index

import (
	"slices"

	"fond/internal/record"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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
	cache *wordIDs
	// slot[id] is where term id stands in the document being analysed, valid
	// when stamp[id] is this document's stamp: no per-document map to clear.
	slot  []int32
	stamp []uint32
	now   uint32
	// The document being analysed, kept between documents so that a
	// document costs its three arrays and not one slice a term and a field
	// (docs/decisions.md, "A document's positions in one array"): its terms
	// by slot, their counts of positions and of fields, and every
	// occurrence in the order read, in chunks (a long body's are not copied
	// as they grow), those of field f from fieldAt[f] on.
	ids     []uint32
	npos    []int32
	nfields []int32
	lastF   []uint8
	occ     [][]occurrence
	nocc    int
	fieldAt [numFields + 1]int
}

// occurrence is one term at one position, as read.
type occurrence struct {
	slot int32
	pos  uint32
}

// occChunk is the occurrences of one chunk: 32 KB, a long FRUS document's.
const occChunk = 4096

// keepChunks bounds the scratch an idle Analyzer keeps: a document past it
// (a book-length body) has its further chunks made for it and dropped after.
const keepChunks = 4

// analyzers keeps idle Analyzers with their caches. Not a sync.Pool: that drops
// its contents at every collection, and a cold cache stems every word again.
var analyzers = make(chan *Analyzer, 16)

// Analyze tokenizes a document with an idle Analyzer.
func Analyze(d Doc) *Analyzed {
	var z *Analyzer
	select {
	case z = <-analyzers:
	default:
		z = &Analyzer{cache: &wordIDs{}}
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
	z.ids, z.npos, z.nfields, z.lastF, z.nocc = z.ids[:0], z.npos[:0], z.nfields[:0], z.lastF[:0], 0
	defer z.dropLarge()
	for f := uint8(0); f < fCJK; f++ {
		z.fieldAt[f] = z.nocc
		n := uint32(0)
		prev, prevPair := uint32(0), false
		eachWord(d.Text[f], true, z.cache, func(t token) {
			z.addPos(t.id, f, n)
			pair := isPairID(t.id)
			if pair && prevPair {
				z.addPos(pairID(prev, t.id), f, n-1)
			}
			prev, prevPair = t.id, pair
			if f == fBody && n > 0 && n%markEvery == 0 {
				a.marks = append(a.marks, uint32(t.start))
			}
			n++
		})
		a.length += n
	}
	// CJK bigrams of the text fields; a gap between runs keeps a phrase inside one.
	z.fieldAt[fCJK] = z.nocc
	pos := uint32(0)
	for f := fTitle; f <= fPeople; f++ {
		if !HasCJK(d.Text[f]) {
			continue
		}
		for _, run := range cjkRuns(d.Text[f]) {
			for _, bg := range bigrams(run) {
				z.addPos(termID(bg), fCJK, pos)
				pos++
			}
			pos++
		}
	}
	a.length += pos
	z.fieldAt[fCJK+1] = z.nocc
	a.terms = z.terms()
	return a
}

// addPos notes that term id stands at pos in field f. Fields come in
// order, and positions in order within a field, for every term.
func (z *Analyzer) addPos(id uint32, f uint8, pos uint32) {
	if int(id) >= len(z.slot) {
		n := max(int(id)+1, 2*len(z.slot))
		z.slot = append(z.slot, make([]int32, n-len(z.slot))...)
		z.stamp = append(z.stamp, make([]uint32, n-len(z.stamp))...)
	}
	if z.stamp[id] != z.now {
		z.stamp[id] = z.now
		z.slot[id] = int32(len(z.ids))
		z.ids = append(z.ids, id)
		z.npos = append(z.npos, 0)
		z.nfields = append(z.nfields, 0)
		z.lastF = append(z.lastF, noField)
	}
	s := z.slot[id]
	z.npos[s]++
	if z.lastF[s] != f {
		z.lastF[s] = f
		z.nfields[s]++
	}
	c := z.nocc / occChunk
	if c == len(z.occ) {
		z.occ = append(z.occ, make([]occurrence, occChunk))
	}
	z.occ[c][z.nocc%occChunk] = occurrence{slot: s, pos: pos}
	z.nocc++
}

// noField is no field's number: a term's last field before its first.
const noField = 0xff

// terms lays the document's occurrences out by term, in the order each term
// was first read: every term's fields in one array, every field's positions
// in another, each a slice of them.
func (z *Analyzer) terms() []termPositions {
	terms := make([]termPositions, len(z.ids))
	var nf int
	for _, n := range z.nfields {
		nf += int(n)
	}
	fields := make([]fieldPositions, nf)
	pos := make([]uint32, z.nocc)
	fo, po := 0, 0
	for s, id := range z.ids {
		end := po + int(z.npos[s])
		terms[s] = termPositions{id: id, fields: fields[fo : fo : fo+int(z.nfields[s])]}
		// The term's first field starts its positions; lastF marks that none has.
		z.npos[s] = int32(po)
		z.lastF[s] = noField
		fo, po = fo+int(z.nfields[s]), end
	}
	f := uint8(0)
	for i := range z.nocc {
		for i == z.fieldAt[f+1] {
			f++
		}
		o := z.occ[i/occChunk][i%occChunk]
		t := &terms[o.slot]
		if z.lastF[o.slot] != f {
			z.lastF[o.slot] = f
			at := z.npos[o.slot]
			t.fields = append(t.fields, fieldPositions{field: f, pos: pos[at:at]})
		}
		fp := &t.fields[len(t.fields)-1]
		pos[z.npos[o.slot]] = o.pos
		z.npos[o.slot]++
		fp.pos = fp.pos[:len(fp.pos)+1]
	}
	// Each field's slice ends where its positions do: one that appended would
	// write another's, were anything to append.
	for i := range fields {
		fields[i].pos = fields[i].pos[:len(fields[i].pos):len(fields[i].pos)]
	}
	return terms
}

// dropLarge lets go of the scratch a long document grew past keepChunks.
func (z *Analyzer) dropLarge() {
	if len(z.occ) > keepChunks {
		clear(z.occ[keepChunks:])
		z.occ = z.occ[:keepChunks]
		z.ids, z.npos, z.nfields, z.lastF = nil, nil, nil, nil
	}
}

// docInfo is a document's metadata in the index: strings interned, dates as
// yyyymmdd numbers (0: undated) so that filters and facets compare integers.
// Documents in a segment keep theirs there (segment.doc decodes it); those
// added since, in Index.tail.
type docInfo struct {
	ref              int64
	id               string
	earliest, latest int32
	length           uint32
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
// that scanning a long posting list touches 16 bytes a document, not a cache line.
type hotDoc struct {
	length           uint32
	earliest, latest int32
	// seen says who may find the document: seenStaff while it is live, and
	// seenReaders too while its status lets readers see it. A reader's search
	// then skips drafts as every search skips deleted documents, in the same
	// test, instead of starting from a list of the published documents (8 MB
	// made a search at 1M, which also cost the walks their path for "every
	// document").
	seen uint8
}

const (
	seenStaff   uint8 = 1
	seenReaders uint8 = 2
)

// live reports whether the document is still in the index (not deleted).
func (h *hotDoc) live() bool { return h.seen != 0 }

// facetDoc is what facet counting reads of a document, compact and apart for
// the same reason as hotDoc; its many-valued facets stand in Index.vals.
type facetDoc struct {
	typ, cat, lang, coll uint32
	olang, collTitle     uint32
	status               uint32
	off                  uint32 // repositories, then persons, then places, in vals
	repos, persons       uint16
	places               uint16
	// year is the earliest date's year plus one, 0 when undated: the year
	// facet then reads no other array (it sits in what was padding).
	year uint16
}

// facetYear is facetDoc.year for an earliest date (YYYYMMDD, 0 undated).
func facetYear(earliest int32) uint16 {
	if earliest <= 0 {
		return 0
	}
	return uint16(min(earliest/10000, 1<<16-2) + 1)
}

func (ix *Index) facetOf(d *docInfo) facetDoc {
	f := facetDoc{typ: d.typ, cat: d.cat, lang: d.lang, coll: d.coll, olang: d.olang, collTitle: d.collTitle, status: d.status, off: uint32(len(ix.vals)),
		repos: uint16(min(len(d.repos), 1<<16-1)), persons: uint16(min(len(d.persons), 1<<16-1)), places: uint16(min(len(d.places), 1<<16-1)),
		year: facetYear(d.earliest)}
	ix.vals = append(ix.vals, d.repos[:f.repos]...)
	ix.vals = append(ix.vals, d.persons[:f.persons]...)
	ix.vals = append(ix.vals, d.places[:f.places]...)
	return f
}

// Index is safe for concurrent use: searches share a read lock, changes take the
// write lock.
//
// Documents are numbered in the order they were added. Those below base are a
// segment's (a file mapped read-only, see segment.go); the rest, added since,
// live in the heap (tail, lists, names, byRef, byID) until a merge writes them
// into a new segment. A posting list is the segment's part followed by the
// heap's. Deleting marks the document dead in hot, wherever it lives.
type Index struct {
	mu     sync.RWMutex
	seg    *segment // nil: every document is in the heap
	base   uint32   // documents in seg
	tail   []docInfo
	hot    []hotDoc   // every document
	fac    []facetDoc // parallel to hot
	vals   []uint32
	byRef  map[int64]uint32  // heap documents
	byID   map[string]uint32 // heap documents
	lists  []*heapPart       // heap postings by term number (vocab); nil where none
	nterms int
	sorted []string // the heap's terms the segment lacks, in order; nil when stale
	dictMu sync.Mutex
	// romKeys caches romanize.Key of dictionary terms (string → string) for
	// near spellings: a key costs microseconds, and a respelled name compares
	// hundreds of terms. Terms only, so it is bounded by the vocabulary.
	romKeys sync.Map
	names   map[string][]uint32 // heap documents' keyed sets
	strs    interner
	live    int
	lengths uint64 // total length of live documents, for the average in bm25
	gen     int64  // the store change this index reflects
	epoch   string // which store it reflects
	// heapBytes is what the heap's postings hold, for the merge bound.
	heapBytes int64
	// keys, keysTmp and keysDoc order a change's postings by term
	// (addPostings), kept between changes under the write lock.
	keys, keysTmp []uint64
	keysDoc       []uint32
	// resets counts Reset and compact, which renumber documents: a merge
	// begun before one is dropped.
	resets int
	// applied counts Apply's changes: with resets, it says whether what was
	// counted over every document (wholeFacets) still holds.
	applied uint64
	file    fileState
	// subjects is each document's subjects as bits, built by the first
	// search that counts them (subjectMasks), under subjectsMu.
	subjects   atomic.Pointer[subjectCache]
	subjectsMu sync.Mutex
	// whole is the facets of every document a staff search sees ([0]) and
	// a reader's ([1]), built by the first search that needs them
	// (wholeFacets), under wholeMu.
	whole   [2]atomic.Pointer[wholeCounts]
	wholeMu sync.Mutex
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
	ix.seg.retire()
	ix.seg, ix.base = nil, 0
	ix.fac, ix.vals, ix.tail = nil, nil, nil
	ix.hot, ix.byRef, ix.byID, ix.lists, ix.nterms, ix.sorted, ix.names, ix.strs = nil, fresh.byRef, fresh.byID, nil, 0, nil, fresh.names, fresh.strs
	ix.live, ix.lengths, ix.gen, ix.epoch, ix.heapBytes = 0, 0, 0, "", 0
	ix.resets++
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
	ix.applied++
	for _, ref := range removed {
		ix.remove(ref)
	}
	first := uint32(len(ix.hot))
	for _, a := range added {
		ix.remove(a.doc.Ref)
		ix.addDoc(a)
	}
	ix.addPostings(first, added)
	dead := len(ix.hot) - ix.live
	switch {
	case ix.file.path != "":
		ix.mergeIfDue(dead)
	case dead > 1024 && dead > ix.live:
		ix.compact()
	}
}

// docByRef finds the live document of ref.
func (ix *Index) docByRef(ref int64) (uint32, bool) {
	if n, ok := ix.byRef[ref]; ok {
		return n, true
	}
	if ix.seg != nil {
		if n, ok := ix.seg.byRef(ref); ok && ix.hot[n].live() {
			return n, true
		}
	}
	return 0, false
}

// docByID finds the live document of id.
func (ix *Index) docByID(id string) (uint32, bool) {
	if n, ok := ix.byID[id]; ok {
		return n, true
	}
	if ix.seg != nil {
		if n, ok := ix.seg.byID(id); ok && ix.hot[n].live() {
			return n, true
		}
	}
	return 0, false
}

// info is document n's stored part; for a segment's document its strings
// point into the mapping, and are cloned before they leave the index.
func (ix *Index) info(n uint32) docInfo {
	if n >= ix.base {
		return ix.tail[n-ix.base]
	}
	var d docInfo
	ix.seg.doc(n, &d)
	return d
}

func (ix *Index) id(n uint32) string {
	if n >= ix.base {
		return ix.tail[n-ix.base].id
	}
	return ix.seg.id(n)
}

func (ix *Index) ref(n uint32) int64 {
	if n >= ix.base {
		return ix.tail[n-ix.base].ref
	}
	return ix.seg.ref(n)
}

func (ix *Index) remove(ref int64) {
	if n, ok := ix.docByRef(ref); ok {
		ix.kill(n)
	}
}

// kill marks document n dead, as remove does for a ref.
func (ix *Index) kill(n uint32) {
	if !ix.hot[n].live() {
		return
	}
	ix.hot[n].seen = 0
	ix.live--
	ix.lengths -= uint64(ix.hot[n].length)
	if n >= ix.base {
		d := &ix.tail[n-ix.base]
		delete(ix.byRef, d.ref)
		if ix.byID[d.id] == n {
			delete(ix.byID, d.id)
		}
	}
}

// appendDoc adds a document's stored part, its strings already interned.
func (ix *Index) appendDoc(info docInfo) uint32 {
	n := uint32(len(ix.hot))
	ix.tail = append(ix.tail, info)
	ix.hot = append(ix.hot, hotDoc{length: info.length, earliest: info.earliest, latest: info.latest, seen: ix.seenBy(info.status)})
	ix.fac = append(ix.fac, ix.facetOf(&info))
	ix.byRef[info.ref] = n
	ix.byID[info.id] = n
	ix.live++
	ix.lengths += uint64(info.length)
	return n
}

// addDoc adds an analysed document's stored part and keyed sets; its
// postings follow, with the rest of its change's (addPostings).
func (ix *Index) addDoc(a *Analyzed) {
	d := a.doc
	info := docInfo{
		ref: d.Ref, id: d.ID, length: a.length,
		earliest: dateNum(d.Earliest), latest: dateNum(d.Latest),
		typ: ix.strs.id(d.Type), cat: ix.strs.id(d.Category), lang: ix.strs.id(d.Lang), olang: ix.strs.id(d.OrigLang),
		coll: ix.strs.id(d.Collection), collTitle: ix.strs.id(d.CollectionTitle), status: ix.strs.id(d.Status),
		fonds: ix.strs.ids(d.Fonds), repos: ix.strs.ids(d.Repositories),
		persons: ix.strs.ids(d.Persons), places: ix.strs.ids(d.Places),
		marks: a.marks,
		title: d.Text[fTitle], summary: d.Text[fSummary], date: d.Date,
	}
	n := ix.appendDoc(info)
	for _, k := range uniq(d.NameKeys) {
		l, ok := ix.names[k]
		if !ok {
			k = strings.Clone(k)
		}
		ix.names[k] = append(l, n)
	}
}

// namesOf is the sorted list of documents under a key: the segment's, then
// the heap's.
func (ix *Index) namesOf(key string) []uint32 {
	l := ix.names[key]
	if ix.seg == nil {
		return l
	}
	s := ix.seg.names(key)
	if len(l) == 0 {
		return s
	}
	if len(s) == 0 {
		return l
	}
	return append(slices.Clip(s), l...)
}

// list returns term id's posting list, creating it when new.
func (ix *Index) list(id uint32) *heapPart {
	if int(id) >= len(ix.lists) {
		n := max(int(id)+1, 2*len(ix.lists), 1024)
		ix.lists = append(ix.lists, make([]*heapPart, n-len(ix.lists))...)
	}
	p := ix.lists[id]
	if p == nil {
		p = &heapPart{}
		ix.lists[id] = p
		ix.nterms++
		ix.sorted = nil
	}
	return p
}

// term returns a term's posting list, or nil: the segment's part, if any,
// followed by the heap's.
func (ix *Index) term(t string) *plist {
	heap := ix.heapList(t)
	i, ok := -1, false
	if ix.seg != nil {
		i, ok = ix.seg.findTerm(t)
	}
	if !ok {
		return heap.list()
	}
	return ix.withHeap(ix.seg.list(i), heap)
}

// withHeap completes p, a segment's part of a list, with the heap's part.
func (ix *Index) withHeap(p *plist, heap *heapPart) *plist {
	if heap != nil {
		p.heapPart = *heap
	}
	return p
}

// heapList is the heap's part of term t's list, or nil.
func (ix *Index) heapList(t string) *heapPart {
	if id, ok := lookupTerm(t); ok && int(id) < len(ix.lists) {
		return ix.lists[id]
	}
	return nil
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

// heapTerms returns, in order, the heap's terms the segment lacks, rebuilding
// the list after new terms. Callers hold at least the read lock; the rebuild,
// which searches sharing that lock may race to, is guarded by its own.
func (ix *Index) heapTerms() []string {
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
		if ix.seg != nil {
			s = slices.DeleteFunc(s, func(t string) bool { _, ok := ix.seg.findTerm(t); return ok })
		}
		sort.Strings(s)
		ix.sorted = s
	}
	return ix.sorted
}

// termRef is a term of the dictionary: its text, and where its list is (the
// segment's term number, or -1 for a term only the heap has). Its list is
// made when asked: a scan of the dictionary reads most terms' text only.
type termRef struct {
	ix *Index
	t  string
	i  int
}

func (r termRef) list() *plist {
	if r.i < 0 {
		return r.ix.heapList(r.t).list()
	}
	return r.ix.withHeap(r.ix.seg.list(r.i), r.ix.heapList(r.t))
}

// eachTerm calls fn with every term that begins with prefix ("" for all), in
// order, until fn returns false.
func (ix *Index) eachTerm(prefix string, fn func(termRef) bool) {
	// Every word starts past the pairs, a run at the head that no word's
	// prefix reaches.
	from := prefix
	if prefix == "" {
		from = pairEnd
	}
	heap := ix.heapTerms()
	j := sort.SearchStrings(heap, from)
	i, end := 0, 0
	switch {
	case ix.seg == nil:
	case prefix == "":
		i = sort.Search(ix.seg.nterms, func(i int) bool { return ix.seg.termText(i) >= from })
		end = ix.seg.nterms
	default:
		i, end = ix.seg.prefixed(prefix)
	}
	for {
		hasHeap := j < len(heap) && strings.HasPrefix(heap[j], prefix)
		if i < end && (!hasHeap || ix.seg.termText(i) < heap[j]) {
			if !fn(termRef{ix, ix.seg.termText(i), i}) {
				return
			}
			i++
			continue
		}
		if !hasHeap {
			return
		}
		if !fn(termRef{ix, heap[j], -1}) {
			return
		}
		j++
	}
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

// seenBy is a live document's hotDoc.seen for its status: readers see the
// published and those without a status (records of a store that has none).
func (ix *Index) seenBy(status uint32) uint8 {
	if st := ix.strs.strs[status]; st != "" && st != record.Published {
		return seenStaff
	}
	return seenStaff | seenReaders
}

// markSeen sets who may see each live document, after a load.
func (ix *Index) markSeen() {
	for i := range ix.hot {
		if h := &ix.hot[i]; h.live() {
			h.seen = ix.seenBy(ix.fac[i].status)
		}
	}
}

// Entries calls fn for every live document, in the order they were added, so
// that a store can check the index against its records (fond verify) without
// reaching into its tables. fn runs under the read lock and must not call back.
func (ix *Index) Entries(fn func(ref int64, id string)) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for i := range ix.hot {
		if ix.hot[i].live() {
			n := uint32(i)
			fn(ix.ref(n), strings.Clone(ix.id(n)))
		}
	}
}
