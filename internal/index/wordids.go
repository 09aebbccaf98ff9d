package index

import (
	"encoding/binary"
	"strings"
)

// wordIDs is an Analyzer's memory of the words it has read, as written, and
// their terms' numbers, so that a word is folded, stemmed and numbered once.
// A Go map did this, and its lookups were an eighth of an ingest's CPU: a
// probe reads the map's control bytes, then the key's string header, then
// its bytes, three places in a table of up to 256K words that the
// processor's cache does not hold. Here a word of up to 12 bytes (most words
// of English prose) is held in its slot, with its number, in 16
// bytes: one place read a probe, four slots a cache line. Longer words keep
// a map. (docs/decisions.md, "The analyzer's words held in their slots")
type wordIDs struct {
	slots []wordSlot // a power of two long; half full at most
	n     int
	long  map[string]uint32
}

// wordSlot holds a word of up to shortWord bytes, zero-padded (a word has no
// zero byte, so the padding cannot make two words one), and its term's
// number plus one (0: the slot is empty).
type wordSlot struct {
	lo  uint64
	hi  uint32
	id1 uint32
}

const shortWord = 12

// maxLocalTerms bounds the words an Analyzer remembers, so that a stream of
// unique tokens cannot grow its memory without limit.
var maxLocalTerms = 1 << 18

// id is the number of word w's term; ascii and upper say what eachWord saw
// of its letters.
func (c *wordIDs) id(w string, ascii, upper bool) uint32 {
	if len(w) > shortWord {
		if id, ok := c.long[w]; ok {
			return id
		}
		id := termID(termOf(w, ascii, upper))
		if c.long == nil {
			c.long = map[string]uint32{}
		}
		if len(c.long)+c.n < maxLocalTerms {
			c.long[strings.Clone(w)] = id
		}
		return id
	}
	var b [16]byte
	copy(b[:], w)
	lo, hi := binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint32(b[8:12])
	if len(c.slots) == 0 {
		c.grow()
	}
	s := c.slot(lo, hi)
	if s.id1 != 0 {
		return s.id1 - 1
	}
	id := termID(termOf(w, ascii, upper))
	if c.n+len(c.long) < maxLocalTerms {
		if 2*(c.n+1) > len(c.slots) {
			c.grow()
			s = c.slot(lo, hi)
		}
		*s = wordSlot{lo, hi, id + 1}
		c.n++
	}
	return id
}

// slot is where the word of bytes lo and hi stands, or the empty slot
// where it would: the probe of a lookup and of an insertion alike.
func (c *wordIDs) slot(lo uint64, hi uint32) *wordSlot {
	mask := uint64(len(c.slots) - 1)
	for i := slotHash(lo, hi) & mask; ; i = (i + 1) & mask {
		if s := &c.slots[i]; s.id1 == 0 || s.lo == lo && s.hi == hi {
			return s
		}
	}
}

func (c *wordIDs) grow() {
	old := c.slots
	c.slots = make([]wordSlot, max(1024, 2*len(old)))
	for _, w := range old {
		if w.id1 != 0 {
			*c.slot(w.lo, w.hi) = w
		}
	}
}

// slotHash mixes a word's bytes so that linear probing finds short runs:
// words differ most in their first bytes, which a plain sum would leave in
// the low bits alone.
func slotHash(lo uint64, hi uint32) uint64 {
	h := lo*0x9e3779b97f4a7c15 ^ uint64(hi)*0xc2b2ae3d27d4eb4f
	return h ^ h>>29
}
