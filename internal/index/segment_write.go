package index

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"strings"

	"fond/internal/subjects"
)

// view is what a segment is written from: the index as it stood at one moment,
// taken under the read lock in time proportional to the heap part (the
// tombstones are copied, the rest are slice headers of append-only arrays),
// then read without the lock while the index goes on changing.
type view struct {
	seg    *segment // acquired: unmapped only after the write
	base   uint32
	hot    []hotDoc
	fac    []facetDoc
	vals   []uint32
	tail   []docInfo
	strs   []string
	lists  []tailList // by text
	names  map[string][]uint32
	gen    int64
	epoch  string
	resets int
}

// tailList is a heap posting list as a view holds it: a copy of its header.
type tailList struct {
	text string
	p    heapPart
}

// freeze takes a view of the index. Callers hold at least the read lock.
func (ix *Index) freeze() *view {
	v := &view{seg: ix.seg, base: ix.base, hot: slices.Clone(ix.hot), fac: ix.fac[:len(ix.fac):len(ix.fac)],
		vals: ix.vals[:len(ix.vals):len(ix.vals)], tail: ix.tail[:len(ix.tail):len(ix.tail)],
		strs: ix.strs.strs[:len(ix.strs.strs):len(ix.strs.strs)], names: make(map[string][]uint32, len(ix.names)),
		gen: ix.gen, epoch: ix.epoch, resets: ix.resets}
	if v.seg != nil {
		v.seg.acquire()
	}
	n := 0
	for _, p := range ix.lists {
		if p != nil && p.n > 0 {
			n++
		}
	}
	v.lists = make([]tailList, 0, n) // exactly: the heap's lists run to hundreds of thousands
	vocab.RLock()
	for id, p := range ix.lists {
		if p != nil && p.n > 0 {
			v.lists = append(v.lists, tailList{text: vocab.terms[id], p: *p})
		}
	}
	vocab.RUnlock()
	slices.SortFunc(v.lists, func(a, b tailList) int { return strings.Compare(a.text, b.text) })
	for k, l := range ix.names {
		v.names[k] = l[:len(l):len(l)]
	}
	return v
}

func (v *view) release() { v.seg.drop() }

// noDoc marks a document the segment drops.
const noDoc = math.MaxUint32

// renumbering numbers the view's live documents from 0, in order.
func (v *view) renumbering() ([]uint32, int) {
	renum := make([]uint32, len(v.hot))
	k := 0
	for d := range v.hot {
		if v.hot[d].live() {
			renum[d] = uint32(k)
			k++
		} else {
			renum[d] = noDoc
		}
	}
	return renum, k
}

// doc is the view's document d, its strings in the segment or the heap.
func (v *view) doc(d uint32) docInfo {
	if d < v.base {
		var info docInfo
		v.seg.doc(d, &info)
		return info
	}
	return v.tail[d-v.base]
}

// sectionWriter writes sections one after another, each 8-aligned, noting
// where each lies and its sum.
type sectionWriter struct {
	w     *bufio.Writer
	n     int64
	crc   hash.Hash32
	start int64
	table [numSections][3]uint64 // crc, offset, length
	err   error
}

func (sw *sectionWriter) raw(b []byte) {
	if sw.err != nil {
		return
	}
	n, err := sw.w.Write(b)
	sw.n += int64(n)
	sw.err = err
	if sw.crc != nil {
		sw.crc.Write(b)
	}
}

func (sw *sectionWriter) begin() {
	var pad [8]byte
	sw.raw(pad[:(8-sw.n%8)%8])
	sw.start = sw.n
	sw.crc = crc32.New(castagnoli)
}

func (sw *sectionWriter) end(sec int) {
	sw.table[sec] = [3]uint64{uint64(sw.crc.Sum32()), uint64(sw.start), uint64(sw.n - sw.start)}
	sw.crc = nil
}

func (sw *sectionWriter) section(sec int, b []byte) {
	sw.begin()
	sw.raw(b)
	sw.end(sec)
}

// writeSegment writes the view's live documents as a segment and returns how
// documents were renumbered (noDoc for the dropped).
func (v *view) writeSegment(w io.Writer) ([]uint32, int64, error) {
	sw := &sectionWriter{w: bufio.NewWriterSize(w, 1<<20)}
	sw.raw([]byte(segmentMagic))
	renum, ndocs := v.renumbering()

	var buf []byte
	for _, s := range v.strs {
		buf = appendStr(buf, s)
	}
	sw.section(secStrs, buf)

	// Documents: the fixed table and the values are kept until the stored
	// strings, written as they come, are done.
	docs := make([]byte, 0, ndocs*docW)
	var vals []byte
	sw.begin()
	var cold int64
	var blob []byte
	refs := make([]refDoc, 0, ndocs)
	for d := range v.hot {
		if renum[d] == noDoc {
			continue
		}
		info, h, f := v.doc(uint32(d)), &v.hot[d], &v.fac[d]
		var e [docW]byte
		binary.LittleEndian.PutUint64(e[0:], uint64(info.ref))
		binary.LittleEndian.PutUint32(e[8:], uint32(h.earliest))
		binary.LittleEndian.PutUint32(e[12:], uint32(h.latest))
		binary.LittleEndian.PutUint32(e[16:], h.length)
		for i, x := range []uint32{f.typ, f.cat, f.lang, f.olang, f.coll, f.collTitle, f.status} {
			binary.LittleEndian.PutUint32(e[20+4*i:], x)
		}
		binary.LittleEndian.PutUint32(e[48:], uint32(len(vals)/4))
		binary.LittleEndian.PutUint16(e[52:], f.repos)
		binary.LittleEndian.PutUint16(e[54:], f.persons)
		binary.LittleEndian.PutUint16(e[56:], f.places)
		binary.LittleEndian.PutUint64(e[64:], uint64(cold))
		docs = append(docs, e[:]...)
		for _, x := range v.vals[f.off : f.off+uint32(f.repos)+uint32(f.persons)+uint32(f.places)] {
			vals = binary.LittleEndian.AppendUint32(vals, x)
		}
		blob = blob[:0]
		for _, s := range []string{info.id, info.title, info.summary, info.date.EDTF, info.date.Display, info.date.Earliest, info.date.Latest, info.date.Qualifier, info.date.Note} {
			blob = appendStr(blob, s)
		}
		blob = appendIDs(blob, info.fonds, false)
		blob = appendIDs(blob, info.marks, true)
		sw.raw(blob)
		cold += int64(len(blob))
		refs = append(refs, refDoc{info.ref, renum[d], info.id})
	}
	sw.end(secCold)
	sw.section(secDocs, docs)
	docs = nil
	sw.section(secVals, vals)
	vals = nil

	nterms, err := v.writeTerms(sw, renum)
	if err != nil {
		return nil, sw.n, err
	}

	slices.SortFunc(refs, func(a, b refDoc) int { return cmp.Compare(a.ref, b.ref) })
	buf = buf[:0]
	for _, r := range refs {
		buf = binary.LittleEndian.AppendUint64(buf, uint64(r.ref))
		buf = binary.LittleEndian.AppendUint32(buf, r.doc)
	}
	sw.section(secRefs, buf)
	slices.SortFunc(refs, func(a, b refDoc) int { return cmp.Or(strings.Compare(a.id, b.id), cmp.Compare(a.doc, b.doc)) })
	buf = buf[:0]
	for _, r := range refs {
		buf = binary.LittleEndian.AppendUint32(buf, r.doc)
	}
	sw.section(secIDs, buf)
	refs = nil

	nnames := v.writeNames(sw, renum)

	buf = appendStr(buf[:0], subjects.Default().Version)
	buf = appendStr(buf, v.epoch)
	for _, x := range []uint64{uint64(v.gen), uint64(ndocs), uint64(nterms), uint64(nnames)} {
		buf = binary.AppendUvarint(buf, x)
	}
	sw.section(secMeta, buf)

	sw.begin()
	sw.crc = nil
	toff := sw.n
	var table []byte
	for _, e := range sw.table {
		table = binary.LittleEndian.AppendUint32(table, uint32(e[0]))
		table = binary.LittleEndian.AppendUint32(table, 0)
		table = binary.LittleEndian.AppendUint64(table, e[1])
		table = binary.LittleEndian.AppendUint64(table, e[2])
	}
	sw.raw(table)
	var foot []byte
	foot = binary.LittleEndian.AppendUint64(foot, uint64(toff))
	foot = binary.LittleEndian.AppendUint64(foot, uint64(len(table)))
	foot = binary.LittleEndian.AppendUint32(foot, crc32.Checksum(table, castagnoli))
	foot = binary.LittleEndian.AppendUint32(foot, 0)
	sw.raw(append(foot, segmentMagic...))
	if sw.err == nil {
		sw.err = sw.w.Flush()
	}
	return renum, sw.n, sw.err
}

type refDoc struct {
	ref int64
	doc uint32
	id  string
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendIDs writes a list of numbers, as gaps when delta (ascending marks).
func appendIDs(b []byte, l []uint32, delta bool) []byte {
	b = binary.AppendUvarint(b, uint64(len(l)))
	prev := uint32(0)
	for _, x := range l {
		if delta {
			x, prev = x-prev, x
		}
		b = binary.AppendUvarint(b, uint64(x))
	}
	return b
}

// writeTerms writes the posting lists of every term the view's live documents
// hold, in term order: the segment's and the heap's merged, dead documents
// dropped, the rest renumbered. It passes over the lists twice, once for the
// document streams and once for the positions, since each is a section of its
// own and a section is written whole before the next: the first pass counts
// the positions' lengths the term table and the skips need.
func (v *view) writeTerms(sw *sectionWriter, renum []uint32) (int, error) {
	var terms, tstr, skips []byte
	// When the segment lost no document its numbers stand, and each term's
	// segment part is copied as it is, skips and all: only the heap's part
	// is decoded and renumbered (a bulk ingest's merges copy, not re-encode).
	whole := v.seg != nil && !slices.ContainsFunc(v.hot[:v.base], func(h hotDoc) bool { return !h.live() })
	var out plist
	sw.begin()
	var post, pos int64
	for text, p := range v.eachList {
		if v.seg != nil && v.seg.damaged.Load() {
			return 0, errDamaged
		}
		out = plist{heapPart: heapPart{data: out.data[:0], skips: out.skips[:0]}}
		var npos uint64
		keep(p, renum, whole, func(p *plist) {
			out.data, out.skips = append(out.data, p.base...), append(out.skips, p.baseSkips...)
			out.n, out.last, npos = p.baseN, p.baseLast, uint64(len(p.basePos))
		}, func(nd uint32, it *iter) {
			out.appendHeader(nd, it, uint32(npos))
			npos += uint64(len(it.positions()))
		})
		if out.n == 0 {
			continue
		}
		if npos > math.MaxUint32 || uint64(len(out.data)) > math.MaxUint32 || len(skips)/skipW+len(out.skips) > math.MaxUint32 {
			return 0, errors.New("index segment: too large")
		}
		var e [termW]byte
		binary.LittleEndian.PutUint64(e[0:], uint64(len(tstr)))
		binary.LittleEndian.PutUint64(e[8:], uint64(post))
		binary.LittleEndian.PutUint32(e[16:], uint32(len(text)))
		binary.LittleEndian.PutUint32(e[20:], uint32(len(out.data)))
		binary.LittleEndian.PutUint32(e[24:], out.n)
		binary.LittleEndian.PutUint32(e[28:], out.last)
		binary.LittleEndian.PutUint32(e[32:], uint32(len(skips)/skipW))
		binary.LittleEndian.PutUint32(e[36:], uint32(len(out.skips)))
		binary.LittleEndian.PutUint64(e[40:], uint64(pos))
		binary.LittleEndian.PutUint32(e[48:], uint32(npos))
		terms = append(terms, e[:]...)
		tstr = append(tstr, text...)
		for _, k := range out.skips {
			skips = binary.LittleEndian.AppendUint32(skips, k.doc)
			skips = binary.LittleEndian.AppendUint32(skips, k.prev)
			skips = binary.LittleEndian.AppendUint32(skips, k.off)
			skips = binary.LittleEndian.AppendUint32(skips, k.pos)
		}
		sw.raw(out.data)
		post += int64(len(out.data))
		pos += int64(npos)
	}
	sw.end(secPost)
	out = plist{}
	if err := v.writePositions(sw, renum, whole, terms); err != nil {
		return 0, err
	}
	sw.section(secTerms, terms)
	sw.section(secTstr, tstr)
	sw.section(secSkip, skips)
	return len(terms) / termW, sw.err
}

// writePositions is writeTerms' second pass: the positions of the same
// postings, in the same order, each term's as long as the first pass counted.
func (v *view) writePositions(sw *sectionWriter, renum []uint32, whole bool, terms []byte) error {
	sw.begin()
	var buf []byte
	k := 0
	for _, p := range v.eachList {
		if v.seg != nil && v.seg.damaged.Load() {
			return errDamaged
		}
		n, npos := 0, 0
		keep(p, renum, whole, func(p *plist) {
			sw.raw(buf) // the terms' before this one first
			buf = buf[:0]
			sw.raw(p.basePos)
			n, npos = int(p.baseN), len(p.basePos)
		}, func(_ uint32, it *iter) {
			buf = append(buf, it.positions()...)
			n, npos = n+1, npos+len(it.positions())
			if len(buf) >= 1<<20 {
				sw.raw(buf)
				buf = buf[:0]
			}
		})
		if n == 0 {
			continue
		}
		if k*termW >= len(terms) || uint64(npos) != uint64(binary.LittleEndian.Uint32(terms[k*termW+48:])) {
			return fmt.Errorf("%w: a list's positions changed while it was written", errDamaged)
		}
		k++
	}
	sw.raw(buf)
	sw.end(secPos)
	if k*termW != len(terms) {
		return fmt.Errorf("%w: a list's positions changed while it was written", errDamaged)
	}
	return sw.err
}

// keep walks what of p the new segment keeps: when whole, the segment's part
// goes to part as it is (no document of the segment died, so its numbers
// stand), then every other live posting to each, with its new number.
func keep(p plist, renum []uint32, whole bool, part func(*plist), each func(uint32, *iter)) {
	if whole && len(p.base) > 0 {
		part(&p)
		p.base, p.basePos, p.baseSkips, p.baseN = nil, nil, nil, 0
	}
	var it iter
	it.reset(&p)
	for it.next() {
		if nd := renum[it.doc]; nd != noDoc {
			each(nd, &it)
		}
	}
}

// eachList yields every term's list of the view, in term order: the
// segment's part, the heap's, or the heap's following the segment's.
func (v *view) eachList(yield func(string, plist) bool) {
	nseg := 0
	if v.seg != nil {
		nseg = v.seg.nterms
	}
	i, j := 0, 0
	for i < nseg || j < len(v.lists) {
		var text string
		var p plist
		switch {
		case j == len(v.lists) || i < nseg && v.seg.termText(i) < v.lists[j].text:
			text, p = v.seg.termText(i), *v.seg.list(i)
			i++
		case i == nseg || v.lists[j].text < v.seg.termText(i):
			text, p = v.lists[j].text, plist{heapPart: v.lists[j].p}
			j++
		default: // in both: the heap's postings follow the segment's
			text, p = v.seg.termText(i), *v.seg.list(i)
			p.heapPart = v.lists[j].p
			i, j = i+1, j+1
		}
		if !yield(text, p) {
			return
		}
	}
}

// writeNames writes the keyed sets of documents (names, subjects, releases),
// the segment's and the heap's merged.
func (v *view) writeNames(sw *sectionWriter, renum []uint32) int {
	keys := make([]string, 0, len(v.names))
	for k := range v.names {
		keys = append(keys, k)
	}
	if v.seg != nil {
		for i := range v.seg.nnames {
			keys = append(keys, v.seg.nameKey(i))
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	var tab, text, lists []byte
	nlist := 0
	for _, k := range keys {
		var l []uint32
		if v.seg != nil {
			l = v.seg.names(k)
		}
		n := 0
		for _, part := range [][]uint32{l, v.names[k]} {
			for _, d := range part {
				if int(d) < len(renum) && renum[d] != noDoc {
					lists = binary.LittleEndian.AppendUint32(lists, renum[d])
					n++
				}
			}
		}
		if n == 0 {
			continue
		}
		var e [nameW]byte
		binary.LittleEndian.PutUint64(e[0:], uint64(len(text)))
		binary.LittleEndian.PutUint32(e[8:], uint32(len(k)))
		binary.LittleEndian.PutUint32(e[12:], uint32(n))
		binary.LittleEndian.PutUint64(e[16:], uint64(nlist))
		tab = append(tab, e[:]...)
		text = append(text, k...)
		nlist += n
	}
	sw.section(secNames, tab)
	sw.section(secNkey, text)
	sw.section(secNlist, lists)
	return len(tab) / nameW
}
