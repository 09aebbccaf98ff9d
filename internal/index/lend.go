package index

import "sync"

// A search's long arrays (a common word's documents, their frequencies and
// posting places, the scores: 18 MB for a word in 750,000 documents) are lent
// from pools and given back when the search ends. Made fresh each time, they
// came from memory the runtime's scavenger had handed back to the system
// between collections (840 MB of it in 12 s of the benchmark's searches at
// 1M), so every page of them was faulted in and zeroed again by the kernel:
// the page faults' profile put most of them in the scores and the walks'
// results (docs/decisions.md, "A search's long arrays are lent, not made").
// Lent arrays stay in use, so the runtime keeps their pages.

// lendMin is the length from which an array is lent: shorter ones cost the
// allocator less than the pool. Tests lend every array.
var lendMin = 1 << 14

var (
	u8Pool, u32Pool, f32Pool, f64Pool, atPool sync.Pool
)

// loans are the arrays a search has borrowed, given back by giveBack. Both
// halves of a split loop borrow, so it locks.
type loans struct {
	mu   sync.Mutex
	back []func()
}

// borrow returns an empty slice with room for n, lent from pool when n is
// long. The search must not keep it past giveBack.
func borrow[T any](l *loans, pool *sync.Pool, n int) []T {
	if n < lendMin || l == nil {
		return make([]T, 0, n)
	}
	var s []T
	if p, _ := pool.Get().(*[]T); p != nil && cap(*p) >= n {
		s = (*p)[:0]
	} else {
		// One too short is left to the collector: the pool keeps the
		// longest a search has needed lately.
		s = make([]T, 0, n)
	}
	held := s
	l.mu.Lock()
	l.back = append(l.back, func() { pool.Put(&held) })
	l.mu.Unlock()
	return s
}

// borrowZeroed is borrow of n zeros.
func borrowZeroed[T any](l *loans, pool *sync.Pool, n int) []T {
	s := borrow[T](l, pool, n)[:n]
	clear(s)
	return s
}

// giveBack returns every array lent to the search to its pool. Nothing of
// them may outlive it: a search's answer holds copies.
func (l *loans) giveBack() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, f := range l.back {
		f()
	}
	l.back = nil
}
