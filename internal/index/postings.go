package index

import (
	"encoding/binary"
	"math"
	"math/bits"
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

// A posting list is two byte streams. The document stream holds, for every
// document that has the term, in ascending document order:
//
//	uvarint(doc − previous doc) · byte(field mask) · uvarint(tf) per field set ·
//	uvarint(length of positions)
//
// and the positions stream, in the same order, each posting's positions: per
// field set, tf uvarint deltas. Term, AND, prefix and facet walks, and the
// seeks of a phrase, read only the dense document stream; a phrase or a
// snippet reads a posting's positions where the running sum of the lengths
// before it says they start (docs/decisions.md, "Positions in a stream of
// their own").
//
// A list has two parts: a segment's, read in place from the mapped file, and
// the heap's, for documents added since (numbered after every segment's); each
// part starts with its first document whole and its positions at 0. Offsets
// into a list (a posting's place, noted for snippets) count through the
// segment's document stream into the heap's.
type plist struct {
	base      []byte // the segment's part, read-only: documents
	basePos   []byte // and positions
	baseSkips []skip
	baseN     uint32
	baseLast  uint32
	heapPart
}

// heapPart is the heap's part of a list, all the heap keeps of a term: half
// a plist, since an archive's heap holds hundreds of thousands of lists
// (most of them pairs, pairs.go) and their headers were most of its memory.
type heapPart struct {
	data  []byte // documents
	pos   []byte // and positions
	last  uint32 // last document appended
	n     uint32 // postings appended (deleted documents included until compaction)
	skips []skip // every skipEvery postings, so a seek jumps instead of decoding
}

// list is the heap's part as a list of its own (a term the segment lacks),
// nil for none.
func (h *heapPart) list() *plist {
	if h == nil {
		return nil
	}
	return &plist{heapPart: *h}
}

// count is the list's postings, both parts.
func (p *plist) count() uint32 { return p.baseN + p.n }

// heapLen is what the heap's part holds, for the merge bound.
func (p *heapPart) heapLen() int { return len(p.data) + len(p.pos) }

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
// it (from which its delta counts), its byte offset in the document stream and
// that of its positions.
type skip struct{ doc, prev, off, pos uint32 }

const skipEvery = 64

type fieldPositions struct {
	field uint8
	pos   []uint32
}

func (p *heapPart) add(doc uint32, fields []fieldPositions) {
	p.startPosting(doc, uint32(len(p.pos)))
	var mask uint8
	for _, f := range fields {
		mask |= 1 << f.field
	}
	p.data = append(p.data, mask)
	for _, f := range fields {
		p.data = binary.AppendUvarint(p.data, uint64(len(f.pos)))
	}
	before := len(p.pos)
	for _, f := range fields {
		prev := uint32(0)
		for _, x := range f.pos {
			p.pos = binary.AppendUvarint(p.pos, uint64(x-prev))
			prev = x
		}
	}
	p.data = binary.AppendUvarint(p.data, uint64(len(p.pos)-before))
	p.last = doc
	p.n++
}

// startPosting appends doc's delta, noting a skip point every skipEvery
// postings with posAt, where the posting's positions will start; the caller
// appends the rest of the posting and counts it.
func (p *heapPart) startPosting(doc, posAt uint32) {
	delta := doc
	if p.n > 0 {
		delta = doc - p.last
		if p.n%skipEvery == 0 {
			p.skips = append(p.skips, skip{doc: doc, prev: p.last, off: uint32(len(p.data)), pos: posAt})
		}
	}
	p.data = binary.AppendUvarint(p.data, uint64(delta))
}

// appendHeader appends the iterator's posting as document doc, its positions
// to start at posAt: a writer that puts them elsewhere counts them itself.
func (p *heapPart) appendHeader(doc uint32, it *iter, posAt uint32) {
	p.startPosting(doc, posAt)
	p.data = append(p.data, it.data[it.start:it.off]...)
	p.last, p.n = doc, p.n+1
}

// appendPosting appends the iterator's posting, positions and all, as
// document doc.
func (p *heapPart) appendPosting(doc uint32, it *iter) {
	p.appendHeader(doc, it, uint32(len(p.pos)))
	p.pos = append(p.pos, it.positions()...)
}

// iter walks one posting list forward, the segment's part, then the heap's.
type iter struct {
	data  []byte // the current part's documents
	pos   []byte // and positions
	skips []skip
	rest  *plist // the list whose heap part follows, while in the segment's
	// partLast is the segment's part's last document, while a heap part follows.
	partLast uint32
	at0      int // where the current part starts in the list's offsets
	posAt0   int // and in its positions' offsets
	off      int
	doc      uint32
	mask     uint8
	tf       [numFields]uint32
	wsum     float32 // tf weighted by field over every field of mask, for weighted
	posOff   int     // start of this posting's positions in pos
	posEnd   int     // and their end, where the next posting's start
	start    int     // start of this posting's header (after the document delta)
	sk       int     // the skip point the last seek jumped from or past: seeks go forward, so the next starts there
	done     bool
	first    bool
}

func newIter(p *plist) *iter {
	it := &iter{}
	it.reset(p)
	return it
}

func (it *iter) reset(p *plist) {
	*it = iter{data: p.data, pos: p.pos, skips: p.skips, first: true}
	if len(p.base) > 0 {
		it.data, it.pos, it.skips, it.partLast = p.base, p.basePos, p.baseSkips, p.baseLast
		if len(p.data) > 0 {
			it.rest = p
		}
	}
	if p.count() == 0 {
		it.done = true
	}
}

// nextPart moves to the heap's part of the list.
func (it *iter) nextPart() {
	it.at0, it.posAt0 = it.at0+len(it.data), it.posAt0+len(it.pos)
	it.data, it.pos, it.skips, it.rest = it.rest.data, it.rest.pos, it.rest.skips, nil
	it.off, it.posEnd, it.sk, it.first = 0, 0, 0, true
}

// A postingAt is where a posting lies in its list, noted for snippets: its
// positions' offset in the high half, its header's in the low, each counting
// through the segment's part into the heap's. Both are kept (8 bytes a hit
// rather than 4) so that positionsAt reads the positions at once: finding
// them from the header's offset alone means adding up the lengths from the
// last skip point, which made the reading room's plain queries, reading
// positions at a thousand candidates, twice as slow.
type postingAt uint64

// at is where the current posting lies in the list.
func (it *iter) at() postingAt {
	return postingAt(uint64(it.posAt0+it.posOff)<<32 | uint64(it.at0+it.start))
}

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

// header reads a posting's field mask, frequencies and the length of its
// positions, from it.off, and moves the running positions offset past them.
func (it *iter) header() {
	it.mask = it.data[it.off]
	it.off++
	it.tf = [numFields]uint32{}
	var w float32
	for m := it.mask; m != 0; m &= m - 1 {
		f := bits.TrailingZeros8(m)
		if b := it.data[it.off]; b < 0x80 { // most frequencies fit one byte
			it.tf[f] = uint32(b)
			w += weights[f] * float32(b)
			it.off++
			continue
		}
		v, n := binary.Uvarint(it.data[it.off:])
		it.off += n
		it.tf[f] = uint32(v)
		w += weights[f] * float32(v)
	}
	it.wsum = w
	l, n := uint64(it.data[it.off]), 1
	if l >= 0x80 {
		l, n = binary.Uvarint(it.data[it.off:])
	}
	it.off += n
	it.posOff = it.posEnd
	it.posEnd += int(l)
}

// positions are the current posting's position bytes.
func (it *iter) positions() []byte { return it.pos[it.posOff:it.posEnd] }

// positionsAt decodes field f's positions of the posting at at in p, which a
// search noted while it matched.
func positionsAt(p *plist, at postingAt, f uint8, buf []uint32) []uint32 {
	off, pos := int(uint32(at)), int(at>>32)
	data, posData := p.base, p.basePos
	if off >= len(p.base) {
		data, posData = p.data, p.pos
		off, pos = off-len(p.base), pos-len(p.basePos)
	}
	it := iter{data: data, pos: posData, off: off, posEnd: pos} // one iter made: a snippet's proximity asks thousands of times
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
		k := it.skipBefore(doc)
		if s := it.skips[k]; int(s.off) > it.off {
			it.off, it.posEnd, it.doc, it.first = int(s.off), int(s.pos), s.prev, false
		}
	}
	for it.next() {
		if it.doc >= doc {
			return true
		}
	}
	return false
}

// skipBefore is the last skip point whose document is before doc, which the
// caller knows is past the first (lastBefore).
func (it *iter) skipBefore(doc uint32) int {
	it.sk = lastBefore(it.skips, it.sk, doc)
	return it.sk
}

// lastBefore is the last of sk[lo:] whose document is before doc, where
// sk[lo]'s is. It gallops from lo rather than searching all of them: an
// intersection of two long lists (a phrase of common words, an AND) seeks a
// few postings ahead at a time, and a binary search over every skip point at
// each step was a third of a phrase's time at 1M documents.
func lastBefore(sk []skip, lo int, doc uint32) int {
	n := len(sk)
	hi, step := lo+1, 1
	for hi < n && sk[hi].doc < doc {
		lo, step = hi, step*2
		hi = lo + step
	}
	hi = min(hi, n)
	// The first point at or past doc lies in (lo, hi], or there is none.
	for lo+1 < hi {
		m := int(uint(lo+hi) >> 1)
		if sk[m].doc < doc {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
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
	data := it.pos
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
	if it.mask&^mask == 0 { // every field the posting has counts: summed as read
		return it.wsum
	}
	var w float32
	for m := it.mask & mask; m != 0; m &= m - 1 {
		f := bits.TrailingZeros8(m)
		w += weights[f] * float32(it.tf[f])
	}
	return w
}

// addWeights adds to acc, for each of p's postings with a document in
// [from, to) and a field of mask, its frequency weighted over those fields
// (as iter.weighted), and marks the document in seen. It is iter's seek, next
// and weighted in one loop that reads only what a sum needs: no frequencies
// kept, no positions' offsets. A prefix's union of hundreds of lists spent two
// thirds of its time in the iterator at 1M documents. ended is asked every
// checkEvery postings, counted in *steps through every list of a union (a
// prefix of many short lists asks as often as one of a long list);
// addWeights returns false when it said to stop.
func (p *plist) addWeights(mask uint8, acc []float32, seen []uint64, from, to uint32, steps *int, ended func() bool) bool {
	for _, lp := range p.parts() {
		data := lp.data
		off, _, doc, _, ok := lp.start(from)
		for ok && off < len(data) {
			if *steps++; *steps%checkEvery == 0 && ended() {
				return false
			}
			d, n := uint64(data[off]), 1
			if d >= 0x80 {
				d, n = binary.Uvarint(data[off:])
			}
			if doc += uint32(d); doc >= to {
				return true // the heap's part, numbered after the segment's, is past to too
			}
			pm, w, _, next, one := oneFieldHeader(data, off+n, mask)
			if !one {
				pm, w, _, next = readHeader(data, off+n, mask)
			}
			off = next
			if doc < from || pm&mask == 0 {
				continue
			}
			acc[doc] += w
			seen[doc/64] |= 1 << (doc % 64)
		}
	}
	return true
}

// listPart is one part of a list, the segment's or the heap's, for the loops
// that read its bytes themselves (addWeights, singleRange, seekEach): its document
// stream, skip points and last document, and where its offsets start in the
// list's (postingAt).
type listPart struct {
	data        []byte
	skips       []skip
	last        uint32
	at0, posAt0 int
}

func (p *plist) parts() [2]listPart {
	return [2]listPart{{p.base, p.baseSkips, p.baseLast, 0, 0}, {p.data, p.skips, p.last, len(p.base), len(p.basePos)}}
}

// start is where a walk of the part from document from begins: the offsets
// of a posting at or before from's in the document and positions streams,
// the document its delta counts from (0 at the part's head, whose first
// delta is its document whole), and the skip point it is (-1 for the head).
// ok is false when the part holds nothing from from on.
func (lp *listPart) start(from uint32) (off, posOff int, prev uint32, sk int, ok bool) {
	if len(lp.data) == 0 || lp.last < from {
		return 0, 0, 0, -1, false
	}
	if len(lp.skips) == 0 || lp.skips[0].doc >= from {
		return 0, 0, 0, -1, true
	}
	k := lastBefore(lp.skips, 0, from)
	return int(lp.skips[k].off), int(lp.skips[k].pos), lp.skips[k].prev, k, true
}

// readHeader reads the header of the posting at off in a document stream
// (past its document's delta): its field mask, its frequency weighted over
// the fields of mask (as iter.weighted), the length of its positions, and
// where the next posting starts: iter.header for the loops that keep no
// iterator. Too long to be inlined, it is called only for postings of more
// than one field or of a frequency or length over a byte (oneFieldHeader
// reads the others): called for every posting, a prefix search at 1M was a
// quarter slower.
func readHeader(data []byte, off int, mask uint8) (pm uint8, w float32, posLen, next int) {
	pm = data[off]
	off++
	for m := pm; m != 0; m &= m - 1 {
		f := bits.TrailingZeros8(m)
		tf, n := uint64(data[off]), 1
		if tf >= 0x80 {
			tf, n = binary.Uvarint(data[off:])
		}
		off += n
		if mask&(1<<f) != 0 {
			w += weights[f] * float32(uint32(tf))
		}
	}
	l, n := uint64(data[off]), 1
	if l >= 0x80 {
		l, n = binary.Uvarint(data[off:])
	}
	return pm, w, int(l), off + n
}

// oneFieldHeader is readHeader for the commonest posting, one field with a
// frequency and a length of one byte each, small enough to be inlined in the
// loops over every posting; ok is false for any other, which readHeader reads.
func oneFieldHeader(data []byte, off int, mask uint8) (pm uint8, w float32, posLen, next int, ok bool) {
	pm, tf, l := data[off], data[off+1], data[off+2]
	if pm == 0 || pm&(pm-1) != 0 || tf|l >= 0x80 {
		return 0, 0, 0, 0, false
	}
	if pm&mask != 0 {
		w = weights[bits.TrailingZeros8(pm)] * float32(tf)
	}
	return pm, w, int(l), off + 3, true
}
