package index

import (
	"encoding/binary"
	"math"
	"math/bits"
	"sort"
)

// Fields of the text index, in a fixed order: weights and masks follow it.
const (
	fTitle = iota
	fSummary
	fBody
	fNotes
	fPeople
	fPlaces
	fArchive
	fCJK
	numFields
)

// weights make a word in the title count ten times one in the body, as the
// archive's readers expect of a title.
var weights = [numFields]float32{10, 5, 1, 1, 3, 2, 1, 1}

// textFields are the fields an unqualified word searches (CJK bigrams are
// searched only by CJK query terms).
const textFields uint8 = 1<<fCJK - 1

// A posting list holds, for every document that has a term, in ascending
// document order:
//
//	uvarint(doc − previous doc) · byte(field mask) · uvarint(tf) per field set ·
//	uvarint(length of positions) · positions: per field set, tf uvarint deltas
//
// Everything a ranked term query needs comes before the positions, which only a
// phrase reads, and their length lets every other query jump over them.
//
// A list has two parts: a segment's, read in place from the mapped file, and
// the heap's, for documents added since (numbered after every segment's); each
// part starts with its first document whole. Offsets into a list (a posting's
// place, noted for snippets) count through the segment's part into the heap's.
type plist struct {
	base      []byte // the segment's part, read-only
	baseSkips []skip
	baseN     uint32
	baseLast  uint32
	data      []byte // the heap's part
	last      uint32 // last document appended
	n         uint32 // postings appended (deleted documents included until compaction)
	skips     []skip // every skipEvery postings, so a seek jumps instead of decoding
}

// count is the list's postings, both parts.
func (p *plist) count() uint32 { return p.baseN + p.n }

// middle is a document near the middle of the list, for splitting a pass over
// it in two; false for a list too short to split.
func (p *plist) middle() (uint32, bool) {
	sk := p.skips
	if p.baseN >= p.n {
		sk = p.baseSkips
	}
	if len(sk) < 2 {
		return 0, false
	}
	return sk[len(sk)/2].doc, true
}

// skip says where posting k·skipEvery starts: its document, the document before
// it (from which its delta counts) and its byte offset.
type skip struct{ doc, prev, off uint32 }

const skipEvery = 64

type fieldPositions struct {
	field uint8
	pos   []uint32
}

func (p *plist) add(doc uint32, fields []fieldPositions, scratch []byte) []byte {
	p.startPosting(doc)
	var mask uint8
	for _, f := range fields {
		mask |= 1 << f.field
	}
	p.data = append(p.data, mask)
	for _, f := range fields {
		p.data = binary.AppendUvarint(p.data, uint64(len(f.pos)))
	}
	scratch = scratch[:0]
	for _, f := range fields {
		prev := uint32(0)
		for _, x := range f.pos {
			scratch = binary.AppendUvarint(scratch, uint64(x-prev))
			prev = x
		}
	}
	p.data = binary.AppendUvarint(p.data, uint64(len(scratch)))
	p.data = append(p.data, scratch...)
	p.last = doc
	p.n++
	return scratch
}

// startPosting appends doc's delta, noting a skip point every skipEvery
// postings; the caller appends the rest of the posting and counts it.
func (p *plist) startPosting(doc uint32) {
	delta := doc
	if p.n > 0 {
		delta = doc - p.last
		if p.n%skipEvery == 0 {
			p.skips = append(p.skips, skip{doc: doc, prev: p.last, off: uint32(len(p.data))})
		}
	}
	p.data = binary.AppendUvarint(p.data, uint64(delta))
}

// iter walks one posting list forward, the segment's part, then the heap's.
type iter struct {
	data   []byte
	skips  []skip
	rest   []byte // the heap's part, while in the segment's
	restSk []skip
	// partLast is the segment's part's last document, while a heap part follows.
	partLast uint32
	at0      int // where the current part starts in the list's offsets
	off      int
	doc      uint32
	mask     uint8
	tf       [numFields]uint32
	posOff   int // start of this posting's positions
	start    int // start of this posting's header (after the document delta)
	done     bool
	first    bool
}

func newIter(p *plist) *iter {
	it := &iter{}
	it.reset(p)
	return it
}

func (it *iter) reset(p *plist) {
	*it = iter{data: p.data, skips: p.skips, first: true}
	if len(p.base) > 0 {
		it.data, it.skips, it.partLast = p.base, p.baseSkips, p.baseLast
		if len(p.data) > 0 {
			it.rest, it.restSk = p.data, p.skips
		}
	}
	if p.count() == 0 {
		it.done = true
	}
}

// nextPart moves to the heap's part of the list.
func (it *iter) nextPart() {
	it.at0 += len(it.data)
	it.data, it.skips, it.rest, it.restSk = it.rest, it.restSk, nil, nil
	it.off, it.first = 0, true
}

// at is where the current posting's header lies among the list's offsets.
func (it *iter) at() uint32 { return uint32(it.at0 + it.start) }

// next moves to the next posting; false at the end.
func (it *iter) next() bool {
	if !it.done && it.off >= len(it.data) && it.rest != nil {
		it.nextPart()
	}
	if it.done || it.off >= len(it.data) {
		it.done = true
		return false
	}
	d, n := uint64(it.data[it.off]), 1
	if d >= 0x80 {
		d, n = binary.Uvarint(it.data[it.off:])
	}
	it.off += n
	if it.first {
		it.doc, it.first = uint32(d), false
	} else {
		it.doc += uint32(d)
	}
	it.start = it.off
	it.header()
	return true
}

// header reads a posting's field mask, frequencies and the extent of its
// positions, from it.off.
func (it *iter) header() {
	it.mask = it.data[it.off]
	it.off++
	it.tf = [numFields]uint32{}
	for m := it.mask; m != 0; m &= m - 1 {
		f := bits.TrailingZeros8(m)
		if b := it.data[it.off]; b < 0x80 { // most frequencies fit one byte
			it.tf[f] = uint32(b)
			it.off++
			continue
		}
		v, n := binary.Uvarint(it.data[it.off:])
		it.off += n
		it.tf[f] = uint32(v)
	}
	l, n := uint64(it.data[it.off]), 1
	if l >= 0x80 {
		l, n = binary.Uvarint(it.data[it.off:])
	}
	it.off += n
	it.posOff = it.off
	it.off += int(l)
}

// positionsAt decodes field f's positions of the posting whose header starts at
// off in p, which a search noted while it matched.
func positionsAt(p *plist, off uint32, f uint8, buf []uint32) []uint32 {
	it := iter{data: p.base, off: int(off)}
	if int(off) >= len(p.base) {
		it.data, it.off = p.data, int(off)-len(p.base)
	}
	it.header()
	return it.appendPositions(f, buf)
}

// seek moves to the first posting at or after doc; false when there is none.
func (it *iter) seek(doc uint32) bool {
	if !it.first && !it.done && it.doc >= doc {
		return true
	}
	if it.done {
		return false
	}
	if it.rest != nil && doc > it.partLast {
		it.nextPart()
	}
	// Jump to the last skip point before doc, when it lies ahead.
	if n := len(it.skips); n > 0 && it.skips[0].doc < doc {
		k := sort.Search(n, func(i int) bool { return it.skips[i].doc >= doc }) - 1
		if s := it.skips[k]; int(s.off) > it.off {
			it.off, it.doc, it.first = int(s.off), s.prev, false
		}
	}
	for it.next() {
		if it.doc >= doc {
			return true
		}
	}
	return false
}

// appendPositions appends the current posting's positions in field f to buf.
func (it *iter) appendPositions(f uint8, buf []uint32) []uint32 {
	return it.appendPositionsTo(f, buf, math.MaxUint32)
}

// appendPositionsTo is appendPositions stopping after the first position past
// limit: a phrase needs a common word's positions only up to the rare word's last.
func (it *iter) appendPositionsTo(f uint8, buf []uint32, limit uint32) []uint32 {
	if it.mask&(1<<f) == 0 {
		return buf
	}
	off := it.posOff
	data := it.data
	// Skip the fields before f: a varint ends at the first byte below 0x80.
	skip := uint32(0)
	for g := uint8(0); g < f; g++ {
		skip += it.tf[g]
	}
	for ; skip > 0; off++ {
		if data[off] < 0x80 {
			skip--
		}
	}
	prev := uint32(0)
	for k := uint32(0); k < it.tf[f]; k++ {
		if b := data[off]; b < 0x80 { // most gaps between positions fit one byte
			prev += uint32(b)
			off++
		} else {
			v, n := binary.Uvarint(data[off:])
			off += n
			prev += uint32(v)
		}
		buf = append(buf, prev)
		if prev > limit {
			break
		}
	}
	return buf
}

// weighted is the posting's term frequency weighted by field, over the fields in
// mask.
func (it *iter) weighted(mask uint8) float32 {
	var w float32
	for m := it.mask & mask; m != 0; m &= m - 1 {
		f := bits.TrailingZeros8(m)
		w += weights[f] * float32(it.tf[f])
	}
	return w
}
