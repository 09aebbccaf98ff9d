package index

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"fond/internal/subjects"
)

// A snapshot is the whole index in one file, so that a process opening a large
// archive reads it instead of re-tokenizing every record. The layout is private
// and versioned by its magic; a snapshot that fails to read is rebuilt from the
// store, never trusted in part (a CRC covers every byte). The version also
// changes when what the index derives from records changes though the layout
// does not, so that an older snapshot is rebuilt rather than kept short of
// it: 7 held the declassification keys (withheld, exemption, released, and
// released_later, which the store derives from a release's editions); 8
// adds the subjects.
const snapshotMagic = "FONDIDX8"

// A snapshot holds the subjects its records were assigned; one made under
// another vocabulary is rebuilt, so that the vocabulary in force applies.

// WriteTo writes a snapshot of the index.
func (ix *Index) WriteTo(w io.Writer) (int64, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	crc := crc32.NewIEEE()
	bw := bufio.NewWriterSize(io.MultiWriter(w, crc), 1<<20)
	e := &encoder{w: bw}
	e.bytes([]byte(snapshotMagic))
	e.str(subjects.Default().Version)
	e.str(ix.epoch)
	e.uint(uint64(ix.gen))
	e.uint(uint64(len(ix.strs.strs)))
	for _, s := range ix.strs.strs {
		e.str(s)
	}
	e.uint(uint64(len(ix.docs)))
	for i := range ix.docs {
		d := &ix.docs[i]
		e.int(d.ref)
		e.str(d.id)
		e.uint(uint64(d.earliest))
		e.uint(uint64(d.latest))
		e.uint(uint64(d.length))
		if d.live {
			e.uint(1)
		} else {
			e.uint(0)
		}
		for _, v := range []uint32{d.typ, d.cat, d.lang, d.olang, d.coll, d.collTitle, d.status} {
			e.uint(uint64(v))
		}
		for _, l := range [][]uint32{d.fonds, d.repos, d.persons, d.places, d.marks} {
			e.ids(l)
		}
		for _, s := range []string{d.title, d.summary, d.date.EDTF, d.date.Display, d.date.Earliest, d.date.Latest, d.date.Qualifier, d.date.Note} {
			e.str(s)
		}
	}
	e.uint(uint64(ix.nterms))
	for id, p := range ix.lists {
		if p == nil {
			continue
		}
		e.str(termText(uint32(id)))
		e.uint(uint64(p.last))
		e.uint(uint64(p.n))
		e.uint(uint64(len(p.data)))
		e.bytes(p.data)
		e.uint(uint64(len(p.skips)))
		for _, k := range p.skips {
			e.uint(uint64(k.doc))
			e.uint(uint64(k.prev))
			e.uint(uint64(k.off))
		}
	}
	e.uint(uint64(len(ix.names)))
	for k, l := range ix.names {
		e.str(k)
		e.ids(l)
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err != nil {
		return e.n, fmt.Errorf("index snapshot: %w", e.err)
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], crc.Sum32())
	n, err := w.Write(sum[:])
	return e.n + int64(n), err
}

// ReadSnapshot reads an index written by WriteTo.
func ReadSnapshot(r io.Reader) (*Index, error) {
	crc := crc32.NewIEEE()
	br := bufio.NewReaderSize(r, 1<<20)
	d := &decoder{r: br, crc: crc}
	if magic := d.bytes(len(snapshotMagic)); string(magic) != snapshotMagic {
		return nil, errors.New("index snapshot: not a snapshot of this version")
	}
	if v := d.str(); v != subjects.Default().Version {
		return nil, errors.New("index snapshot: made under another subject vocabulary")
	}
	ix := New()
	ix.epoch = d.str()
	ix.gen = int64(d.uint())
	ns := d.count()
	ix.strs.strs = make([]string, 0, min(ns, prealloc))
	ix.strs.byStr = make(map[string]uint32, min(ns, prealloc))
	for i := 0; i < ns && d.err == nil; i++ {
		s := d.str()
		ix.strs.byStr[s] = uint32(i)
		ix.strs.strs = append(ix.strs.strs, s)
	}
	nd := d.count()
	ix.docs = make([]docInfo, 0, min(nd, prealloc))
	for i := 0; i < nd && d.err == nil; i++ {
		ix.docs = append(ix.docs, docInfo{})
		x := &ix.docs[i]
		x.ref = d.int()
		x.id = d.str()
		x.earliest, x.latest = int32(d.uint()), int32(d.uint())
		x.length = uint32(d.uint())
		x.live = d.uint() == 1
		x.typ, x.cat, x.lang, x.olang, x.coll, x.collTitle, x.status = d.id(), d.id(), d.id(), d.id(), d.id(), d.id(), d.id()
		x.fonds, x.repos, x.persons, x.places, x.marks = d.ids(), d.ids(), d.ids(), d.ids(), d.ids()
		x.title, x.summary = d.str(), d.str()
		x.date.EDTF, x.date.Display, x.date.Earliest, x.date.Latest, x.date.Qualifier, x.date.Note = d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
		ix.hot = append(ix.hot, hotDoc{length: x.length, earliest: x.earliest, latest: x.latest, live: x.live})
		ix.fac = append(ix.fac, ix.facetOf(x))
		if x.live {
			ix.byRef[x.ref] = uint32(i)
			ix.byID[x.id] = uint32(i)
			ix.live++
			ix.lengths += uint64(x.length)
		}
	}
	nt := d.count()
	for i := 0; i < nt && d.err == nil; i++ {
		t := d.str()
		p := ix.list(termID(t))
		p.last, p.n = uint32(d.uint()), uint32(d.uint())
		p.data = d.bytes(d.count())
		if ns := d.count(); ns > 0 {
			p.skips = make([]skip, 0, min(ns, prealloc))
			for k := 0; k < ns && d.err == nil; k++ {
				sk := skip{doc: d.id(), prev: d.id(), off: d.id()}
				if int(sk.off) >= len(p.data) {
					d.err = errors.New("corrupt skip")
				}
				p.skips = append(p.skips, sk)
			}
		}
	}
	nn := d.count()
	for i := 0; i < nn && d.err == nil; i++ {
		k := d.str()
		ix.names[k] = d.ids()
	}
	if d.err != nil {
		return nil, fmt.Errorf("index snapshot: %w", d.err)
	}
	d.flush()
	want := crc.Sum32()
	var sum [4]byte
	if _, err := io.ReadFull(br, sum[:]); err != nil {
		return nil, fmt.Errorf("index snapshot: checksum: %w", err)
	}
	if binary.LittleEndian.Uint32(sum[:]) != want {
		return nil, errors.New("index snapshot: checksum mismatch")
	}
	for _, x := range ix.docs {
		for _, v := range []uint32{x.typ, x.cat, x.lang, x.olang, x.coll, x.collTitle, x.status} {
			if int(v) >= len(ix.strs.strs) {
				return nil, errors.New("index snapshot: corrupt string reference")
			}
		}
	}
	ix.recountHidden()
	return ix, nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	n   int64
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err != nil {
		return
	}
	n, err := e.w.Write(b)
	e.n += int64(n)
	e.err = err
}

func (e *encoder) uint(v uint64) { e.bytes(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *encoder) int(v int64)   { e.bytes(e.buf[:binary.PutVarint(e.buf[:], v)]) }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.bytes([]byte(s))
}

func (e *encoder) ids(l []uint32) {
	e.uint(uint64(len(l)))
	for _, v := range l {
		e.uint(uint64(v))
	}
}

type decoder struct {
	r       *bufio.Reader
	crc     io.Writer
	pending []byte // read but not yet checksummed
	err     error
}

func (d *decoder) ReadByte() (byte, error) {
	c, err := d.r.ReadByte()
	if err == nil {
		d.pending = append(d.pending, c)
		if len(d.pending) >= 1<<16 {
			d.flush()
		}
	}
	return c, err
}

func (d *decoder) flush() {
	d.crc.Write(d.pending)
	d.pending = d.pending[:0]
}

// maxCount bounds any length read from a snapshot, and nothing is allocated
// ahead of the data beyond prealloc, so a corrupt file fails cleanly instead of
// allocating what its lengths claim.
const (
	maxCount = 1 << 32
	prealloc = 1 << 16
)

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d)
	d.err = err
	return v
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d)
	d.err = err
	return v
}

func (d *decoder) count() int {
	v := d.uint()
	if v > maxCount {
		d.err = errors.New("corrupt length")
		return 0
	}
	return int(v)
}

func (d *decoder) id() uint32 { return uint32(d.uint()) }

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	var b []byte
	if n <= 1<<20 {
		b = make([]byte, n)
		_, d.err = io.ReadFull(d.r, b)
	} else { // grown as the data arrives, never ahead of it
		var buf bytes.Buffer
		var got int64
		got, d.err = io.CopyN(&buf, d.r, int64(n))
		if d.err == nil && got != int64(n) {
			d.err = io.ErrUnexpectedEOF
		}
		b = buf.Bytes()
	}
	d.flush()
	d.crc.Write(b)
	return b
}

func (d *decoder) str() string { return string(d.bytes(d.count())) }

func (d *decoder) ids() []uint32 {
	n := d.count()
	if n == 0 || d.err != nil {
		return nil
	}
	out := make([]uint32, 0, min(n, prealloc))
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.id())
	}
	return out
}
