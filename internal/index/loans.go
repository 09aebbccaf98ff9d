package index

import (
	"sync"
	"unsafe"
)

// A search's largest arrays (a word's documents, weights and posting places:
// 16 bytes a posting, 13 MB for a word in 800,000 documents) are lent from
// free lists and given back when the search ends, instead of made afresh:
// a fresh one is zeroed page by page, and a few searches of common words
// bring on a collection. The lists keep at most maxLentBytes.

// maxLentBytes bounds what the free lists keep between searches: about two
// searches of the commonest words of a 1M archive.
const maxLentBytes = 64 << 20

// minLent is the length from which arrays are lent: smaller ones cost less
// made than looked for.
var minLent = 1 << 12

type freeList[T any] struct {
	mu    sync.Mutex
	l     [][]T
	bytes int
}

var (
	freeU32 freeList[uint32]
	freeF32 freeList[float32]
	freeAt  freeList[postingAt]
)

// get returns an empty slice with room for n: the smallest kept that has
// it, else a new one.
func (f *freeList[T]) get(n int) []T {
	if n < minLent {
		return make([]T, 0, n)
	}
	f.mu.Lock()
	best := -1
	for i, s := range f.l {
		if cap(s) >= n && (best < 0 || cap(s) < cap(f.l[best])) {
			best = i
		}
	}
	if best >= 0 {
		s := f.l[best]
		f.l[best] = f.l[len(f.l)-1]
		f.l = f.l[:len(f.l)-1]
		f.bytes -= cap(s) * sizeOf[T]()
		f.mu.Unlock()
		return s[:0]
	}
	f.mu.Unlock()
	return make([]T, 0, n)
}

// put keeps s for another search, while the lists hold less than
// maxLentBytes; the caller no longer uses it.
func (f *freeList[T]) put(s []T) {
	if cap(s) < minLent {
		return
	}
	b := cap(s) * sizeOf[T]()
	f.mu.Lock()
	if f.bytes+b <= maxLentBytes/3 {
		f.l = append(f.l, s[:0])
		f.bytes += b
	}
	f.mu.Unlock()
}

func sizeOf[T any]() int {
	var x T
	return int(unsafe.Sizeof(x))
}

// loans are the arrays one search borrowed, given back when it ends.
type loans struct {
	mu  sync.Mutex // halves of a search borrow at once
	u32 [][]uint32
	f32 [][]float32
	at  [][]postingAt
}

// borrow returns empty slices with room for n documents, their weights and
// their posting places.
func (l *loans) borrow(n int) ([]uint32, []float32, []postingAt) {
	d, w, a := freeU32.get(n), freeF32.get(n), freeAt.get(n)
	l.mu.Lock()
	l.u32, l.f32, l.at = append(l.u32, d), append(l.f32, w), append(l.at, a)
	l.mu.Unlock()
	return d, w, a
}

// borrowDocs is borrow without the posting places.
func (l *loans) borrowDocs(n int) ([]uint32, []float32) {
	d, w := freeU32.get(n), freeF32.get(n)
	l.mu.Lock()
	l.u32, l.f32 = append(l.u32, d), append(l.f32, w)
	l.mu.Unlock()
	return d, w
}

// giveBack returns every array borrowed. Only when the search has ended
// without a panic: a panic may leave a half still reading.
func (l *loans) giveBack() {
	for _, s := range l.u32 {
		freeU32.put(s)
	}
	for _, s := range l.f32 {
		freeF32.put(s)
	}
	for _, s := range l.at {
		freeAt.put(s)
	}
	*l = loans{}
}
