package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"sort"
	"strings"
	"sync/atomic"
	"unsafe"

	"fond/internal/record"
	"fond/internal/subjects"
)

// A segment is the index in one file laid out to be mapped into memory and
// read in place: the posting lists' document streams of every term in one
// region, their positions in another (a walk that needs no positions touches
// none of their pages), the documents' stored strings in a third, small
// fixed-width tables to find them.
// Opening it decodes only the per-document arrays every query scans (hotDoc,
// facetDoc, the facet values) and the interned metadata strings; a posting
// list, a result line, a name's set of documents are read from the mapping
// when a search asks, and cost the page cache, not the heap.
//
// The layout (little-endian; every section starts 8-aligned):
//
//	magic · sections · section table · footer
//	footer: table offset u64 · table length u64 · table CRC u32 · 0 u32 · magic
//	table:  per section: CRC-32C u32 · 0 u32 · offset u64 · length u64
//
// The magic is the version: it changes when the layout does, or when what the
// index derives from records does (then an older file is rebuilt, never read
// short of it, as snapshots were before segments). FONDSEG1 kept positions
// inside the document stream; FONDSEG2 had no pair lists (pairs.go);
// FONDSEG3 had pairs of fewer words (10% of FRUS documents, not 3%), and
// pairwords.txt changing changes it again.
const segmentMagic = "FONDSEG4"

// Sections, in the table's order.
const (
	secMeta  = iota // uvarints: vocabulary version, epoch, gen, counts
	secStrs         // interned metadata strings, uvarint length + bytes
	secDocs         // docW bytes a document
	secVals         // u32 facet values (repositories, persons, places)
	secCold         // per document: id, title, summary, date, fonds, marks
	secTerms        // termW bytes a term, in term order
	secTstr         // the terms' text
	secPost         // posting lists' document streams
	secPos          // their positions streams
	secSkip         // skip points, skipW bytes each
	secRefs         // (ref i64, doc u32) in ref order
	secIDs          // doc u32 in id order
	secNames        // nameW bytes a key, in key order
	secNkey         // the keys' text
	secNlist        // u32 document lists of the keys
	numSections
)

// bigSection says which sections are checked after opening, in the background:
// the rest are read whole to open anyway, so checking them as they are read
// costs nothing more.
func bigSection(s int) bool { return s >= secCold }

const (
	docW    = 72
	termW   = 52
	nameW   = 24
	refW    = 12
	skipW   = 16
	tableW  = 24
	footerW = 32
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errDamaged is what a segment whose checks fail, or whose contents contradict
// themselves, is refused with: the store rebuilds it from the records.
var errDamaged = errors.New("index segment damaged")

// segment is an open segment file: its bytes (mapped, or in the heap for one
// read from a stream) and the sections' extents.
type segment struct {
	data    []byte
	sec     [numSections][]byte
	sums    [numSections]uint32
	ndocs   int
	nterms  int
	nnames  int
	gen     int64
	epoch   string
	release func() error // unmaps; nil for bytes in the heap
	refs    atomic.Int32 // holders: the index, and a merge writing from it
	damaged atomic.Bool  // a check failed after opening: rebuild
	stop    atomic.Bool  // the index is closing: a check under way gives up
}

// openSegment reads a segment's tables from data. It checks the small
// sections' sums; the big ones are checked by verifyBig.
func openSegment(data []byte) (*segment, error) {
	m := len(segmentMagic)
	if len(data) < m+footerW || string(data[:m]) != segmentMagic || string(data[len(data)-m:]) != segmentMagic {
		return nil, errors.New("index segment: not a segment of this version")
	}
	foot := data[len(data)-footerW:]
	toff, tlen := binary.LittleEndian.Uint64(foot), binary.LittleEndian.Uint64(foot[8:])
	if tlen != numSections*tableW || toff > uint64(len(data)-footerW) || uint64(len(data)-footerW)-toff < tlen {
		return nil, fmt.Errorf("%w: section table", errDamaged)
	}
	table := data[toff : toff+tlen]
	if crc32.Checksum(table, castagnoli) != binary.LittleEndian.Uint32(foot[16:]) {
		return nil, fmt.Errorf("%w: section table checksum", errDamaged)
	}
	s := &segment{data: data}
	for i := range numSections {
		e := table[i*tableW:]
		off, n := binary.LittleEndian.Uint64(e[8:]), binary.LittleEndian.Uint64(e[16:])
		if off < uint64(m) || off > toff || toff-off < n {
			return nil, fmt.Errorf("%w: section %d out of the file", errDamaged, i)
		}
		s.sec[i] = data[off : off+n : off+n]
		s.sums[i] = binary.LittleEndian.Uint32(e)
	}
	if err := s.readMeta(); err != nil {
		return nil, err
	}
	for i := range numSections {
		if !bigSection(i) && crc32.Checksum(s.sec[i], castagnoli) != s.sums[i] {
			return nil, fmt.Errorf("%w: section %d checksum", errDamaged, i)
		}
	}
	if len(s.sec[secDocs]) != s.ndocs*docW || len(s.sec[secTerms]) != s.nterms*termW ||
		len(s.sec[secRefs]) != s.ndocs*refW || len(s.sec[secIDs]) != s.ndocs*4 ||
		len(s.sec[secNames]) != s.nnames*nameW || len(s.sec[secSkip])%skipW != 0 ||
		len(s.sec[secVals])%4 != 0 || len(s.sec[secNlist])%4 != 0 {
		return nil, fmt.Errorf("%w: table sizes disagree with the counts", errDamaged)
	}
	s.refs.Store(1)
	return s, nil
}

func (s *segment) readMeta() error {
	r := reader{b: s.sec[secMeta]}
	if v := r.str(); v != subjects.Default().Version {
		return errors.New("index segment: made under another subject vocabulary")
	}
	s.epoch = strings.Clone(r.str())
	s.gen = int64(r.uint())
	s.ndocs, s.nterms, s.nnames = r.count(), r.count(), r.count()
	if r.bad || s.ndocs > maxCount || s.nterms > maxCount || s.nnames > maxCount {
		return fmt.Errorf("%w: header", errDamaged)
	}
	return nil
}

// verifyBig checks the sums of the sections opening did not read whole, and
// marks the segment damaged when one fails. It reads a few megabytes at a
// time, giving up when the index closes (a one-shot search must not wait for
// the check of a file it has answered from).
func (s *segment) verifyBig() error {
	const chunk = 4 << 20
	for i := range numSections {
		if !bigSection(i) {
			continue
		}
		sum := uint32(0)
		for b := s.sec[i]; len(b) > 0; b = b[min(chunk, len(b)):] {
			if s.stop.Load() {
				return nil
			}
			sum = crc32.Update(sum, castagnoli, b[:min(chunk, len(b))])
		}
		if sum != s.sums[i] {
			s.damaged.Store(true)
			return fmt.Errorf("%w: section %d checksum", errDamaged, i)
		}
	}
	return nil
}

// acquire and drop count the segment's holders; the last drop unmaps it.
func (s *segment) acquire() { s.refs.Add(1) }

func (s *segment) drop() {
	if s == nil || s.refs.Add(-1) != 0 {
		return
	}
	if s.release != nil {
		s.release()
	}
	s.data, s.sec = nil, [numSections][]byte{}
}

// retire drops the index's hold on the segment it no longer uses, stopping
// a check of it under way.
func (s *segment) retire() {
	if s != nil {
		s.stop.Store(true)
		s.drop()
	}
}

// reader decodes uvarints and strings from a section, noting rather than
// panicking when the bytes run out.
type reader struct {
	b   []byte
	off int
	bad bool
}

func (r *reader) uint() uint64 {
	if r.bad {
		return 0
	}
	v, n := binary.Uvarint(r.b[min(r.off, len(r.b)):])
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.off += n
	return v
}

func (r *reader) count() int {
	v := r.uint()
	if v > maxCount {
		r.bad = true
		return 0
	}
	return int(v)
}

// str returns bytes of the section as a string without copying: it lives as
// long as the mapping, so whatever leaves the index is cloned first.
func (r *reader) str() string {
	n := r.count()
	if r.bad || n > len(r.b)-r.off {
		r.bad = true
		return ""
	}
	s := unsafe.String(unsafe.SliceData(r.b[r.off:]), n)
	r.off += n
	return s
}

func (r *reader) ids() []uint32 {
	n := r.count()
	if r.bad || n > len(r.b)-r.off { // each takes a byte at least
		r.bad = true
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = uint32(r.uint())
	}
	return out
}

// littleEndian: fixed-width tables are cast in place only where the machine
// reads them in their order; elsewhere they are decoded.
var littleEndian = func() bool { x := uint16(1); return *(*byte)(unsafe.Pointer(&x)) == 1 }()

func u32s(b []byte) []uint32 {
	if len(b) < 4 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), len(b)/4)
	}
	out := make([]uint32, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

func skipsOf(b []byte) []skip {
	if len(b) < skipW {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 && unsafe.Sizeof(skip{}) == skipW {
		return unsafe.Slice((*skip)(unsafe.Pointer(&b[0])), len(b)/skipW)
	}
	out := make([]skip, len(b)/skipW)
	for i := range out {
		e := b[i*skipW:]
		out[i] = skip{doc: binary.LittleEndian.Uint32(e), prev: binary.LittleEndian.Uint32(e[4:]),
			off: binary.LittleEndian.Uint32(e[8:]), pos: binary.LittleEndian.Uint32(e[12:])}
	}
	return out
}

// termText is term i's text, or "" (and the segment marked damaged) when its
// table entry points outside the file.
func (s *segment) termText(i int) string {
	e := s.sec[secTerms][i*termW:]
	off, n := binary.LittleEndian.Uint64(e), uint64(binary.LittleEndian.Uint32(e[16:]))
	t := s.sec[secTstr]
	if off > uint64(len(t)) || uint64(len(t))-off < n {
		s.damaged.Store(true)
		return ""
	}
	return unsafe.String(unsafe.SliceData(t[off:]), int(n))
}

// findTerm is the position of t in the term table.
func (s *segment) findTerm(t string) (int, bool) {
	i := sort.Search(s.nterms, func(i int) bool { return s.termText(i) >= t })
	return i, i < s.nterms && s.termText(i) == t
}

// prefixed is the range of terms that begin with p.
func (s *segment) prefixed(p string) (int, int) {
	i := sort.Search(s.nterms, func(i int) bool { return s.termText(i) >= p })
	j := i
	for j < s.nterms && strings.HasPrefix(s.termText(j), p) {
		j++
	}
	return i, j
}

// list is term i's posting list, read in place.
func (s *segment) list(i int) *plist {
	e := s.sec[secTerms][i*termW:]
	off, n := binary.LittleEndian.Uint64(e[8:]), uint64(binary.LittleEndian.Uint32(e[20:]))
	cnt, last := binary.LittleEndian.Uint32(e[24:]), binary.LittleEndian.Uint32(e[28:])
	sk, nsk := uint64(binary.LittleEndian.Uint32(e[32:])), uint64(binary.LittleEndian.Uint32(e[36:]))
	poff, pn := binary.LittleEndian.Uint64(e[40:]), uint64(binary.LittleEndian.Uint32(e[48:]))
	post, pos, skips := s.sec[secPost], s.sec[secPos], s.sec[secSkip]
	if !within(post, off, n) || !within(pos, poff, pn) || (sk+nsk)*skipW > uint64(len(skips)) || cnt == 0 || last >= uint32(s.ndocs) {
		s.damaged.Store(true)
		return &plist{}
	}
	return &plist{base: post[off : off+n : off+n], basePos: pos[poff : poff+pn : poff+pn],
		baseSkips: skipsOf(skips[sk*skipW : (sk+nsk)*skipW]), baseN: cnt, baseLast: last}
}

// within says whether n bytes from off lie in b.
func within(b []byte, off, n uint64) bool { return off <= uint64(len(b)) && uint64(len(b))-off >= n }

// postingBytes is what the segment's posting lists hold, both streams.
func (s *segment) postingBytes() int64 { return int64(len(s.sec[secPost]) + len(s.sec[secPos])) }

// doc decodes document n's stored part (its strings point into the segment).
func (s *segment) doc(n uint32, into *docInfo) {
	e := s.sec[secDocs][int(n)*docW:]
	off := binary.LittleEndian.Uint64(e[64:])
	end := uint64(len(s.sec[secCold]))
	if int(n)+1 < s.ndocs {
		end = binary.LittleEndian.Uint64(s.sec[secDocs][(int(n)+1)*docW+64:])
	}
	if off > end || end > uint64(len(s.sec[secCold])) {
		s.damaged.Store(true)
		return
	}
	r := reader{b: s.sec[secCold][off:end]}
	into.ref = int64(binary.LittleEndian.Uint64(e))
	into.id, into.title, into.summary = r.str(), r.str(), r.str()
	into.date = record.Date{EDTF: r.str(), Display: r.str(), Earliest: r.str(), Latest: r.str(), Qualifier: r.str(), Note: r.str()}
	into.fonds = r.ids()
	marks := r.ids()
	for i := 1; i < len(marks); i++ {
		marks[i] += marks[i-1]
	}
	into.marks = marks
	if r.bad {
		s.damaged.Store(true)
	}
}

// id is document n's identifier, the first of its stored strings.
func (s *segment) id(n uint32) string {
	off := binary.LittleEndian.Uint64(s.sec[secDocs][int(n)*docW+64:])
	if off > uint64(len(s.sec[secCold])) {
		s.damaged.Store(true)
		return ""
	}
	r := reader{b: s.sec[secCold][off:]}
	return r.str()
}

func (s *segment) ref(n uint32) int64 {
	return int64(binary.LittleEndian.Uint64(s.sec[secDocs][int(n)*docW:]))
}

// byRef finds the document of ref.
func (s *segment) byRef(ref int64) (uint32, bool) {
	t := s.sec[secRefs]
	at := func(i int) int64 { return int64(binary.LittleEndian.Uint64(t[i*refW:])) }
	i := sort.Search(s.ndocs, func(i int) bool { return at(i) >= ref })
	if i == s.ndocs || at(i) != ref {
		return 0, false
	}
	n := binary.LittleEndian.Uint32(t[i*refW+8:])
	return n, int(n) < s.ndocs
}

// byID finds the document of id.
func (s *segment) byID(id string) (uint32, bool) {
	t := u32s(s.sec[secIDs])
	ok := func(i int) bool { return int(t[i]) < s.ndocs }
	i := sort.Search(len(t), func(i int) bool { return !ok(i) || s.id(t[i]) >= id })
	if i == len(t) || !ok(i) || s.id(t[i]) != id {
		return 0, false
	}
	return t[i], true
}

// nameKey is key i of the keyed sets.
func (s *segment) nameKey(i int) string {
	e := s.sec[secNames][i*nameW:]
	keys := s.sec[secNkey]
	off, n := binary.LittleEndian.Uint64(e), uint64(binary.LittleEndian.Uint32(e[8:]))
	if off > uint64(len(keys)) || uint64(len(keys))-off < n {
		s.damaged.Store(true)
		return ""
	}
	return unsafe.String(unsafe.SliceData(keys[off:]), int(n))
}

// names is the sorted document list of key.
func (s *segment) names(key string) []uint32 {
	i := sort.Search(s.nnames, func(i int) bool { return s.nameKey(i) >= key })
	if i == s.nnames || s.nameKey(i) != key {
		return nil
	}
	e := s.sec[secNames][i*nameW:]
	lists := u32s(s.sec[secNlist])
	n, off := uint64(binary.LittleEndian.Uint32(e[12:])), binary.LittleEndian.Uint64(e[16:])
	if off > uint64(len(lists)) || uint64(len(lists))-off < n {
		s.damaged.Store(true)
		return nil
	}
	return lists[off : off+n : off+n]
}
