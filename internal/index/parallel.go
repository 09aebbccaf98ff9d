package index

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// searching counts the searches running in this process, over every index:
// what decides whether a search may take a second core is whether one is
// idle, and that is the process's (the machine's, for a server alone on it).
var searching atomic.Int32

// splits counts the loops run in two halves, for tests to see that a split
// happened.
var splits atomic.Int64

// coreFree reports whether a search may split its work over two cores: only
// when it runs alone. Under concurrent searches every core has a search of
// its own already, and a split would only add its goroutine and its merge to
// theirs (docs/decisions.md, "A second core for one search").
func coreFree() bool {
	return runtime.GOMAXPROCS(0) >= 2 && searching.Load() <= 1
}

// splitMin is the work (postings or documents) from which a loop is split:
// below it the goroutine and the merge cost more than the half they save.
var splitMin = 1 << 16

// halves runs f over [0, n) in two halves, the second on a goroutine of its
// own, when n reaches splitMin and a core is free; else over the whole. A
// panic in the second half (a damaged segment read) is raised again here,
// where Search recovers it. f must not write e.err: it asks e.ended, and its
// caller asks e.stopped after.
func halves(n int, f func(lo, hi int)) { halvesOf(n, n, f) }

// halvesOf is halves for a loop over [0, n) whose work is not n: an AND's
// seeks over a few candidates walk as much of a long list as lies between
// them. It splits when work reaches splitMin.
func halvesOf(n, work int, f func(lo, hi int)) {
	// Two at least: callers tell the halves apart by lo (0, or mid > 0).
	if work < splitMin || n < 2 || !coreFree() {
		f(0, n)
		return
	}
	mid := n / 2
	both(func() { f(0, mid) }, func() { f(mid, n) })
}

// both runs a and b at once, b on a goroutine, and returns when both have
// ended, raising b's panic here.
func both(a, b func()) {
	splits.Add(1)
	var wg sync.WaitGroup
	var panicked any
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { panicked = recover() }()
		b()
	}()
	func() {
		defer wg.Wait() // b still reads the index: wait for it even when a panics
		a()
	}()
	if panicked != nil {
		panic(panicked)
	}
}
