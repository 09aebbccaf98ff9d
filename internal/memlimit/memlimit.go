// Package memlimit sets the Go runtime's soft memory limit for a fond
// process (--memory-limit-mb).
//
// Go's collector lets the heap grow to twice what is live between two
// collections. An ingest into a large archive holds most of its memory live
// at the moments its search index merges (the heap's postings, the merge's
// tables, the documents on their way), so without a limit its peak was
// twice that: 1,042–1,119 MB of anonymous memory for 524 MB live at 100k
// documents, and over 4 GB at 1M with the index's pair lists for 3% of
// words. Under a soft limit the collector runs earlier only as the heap
// nears it; below the limit nothing changes (docs/decisions.md, "A soft
// memory limit for every fond command").
package memlimit

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"
)

// DefaultMB is the default limit: under the 4 GB a 1M-document ingest must
// stay within, with room for what the limit does not count (SQLite's pages,
// which its allocator maps outside Go's heap), and above what a 1M ingest
// holds live at its peak, so that the collector does not run without end.
// When more than the limit is live the runtime bounds its collector to
// about half the CPU: a process past it slows, it does not fail.
const DefaultMB = 3072

// None means no limit, the runtime's own default.
const None = math.MaxInt64

// Apply sets the soft limit to mb megabytes, or removes it for 0. A
// GOMEMLIMIT in the environment is the operator's own setting of the same
// thing and wins unless mb was given explicitly. It returns the limit in
// force, in bytes (None for no limit).
func Apply(mb int64, explicit bool) (int64, error) {
	if mb < 0 {
		return 0, fmt.Errorf("memory limit %d MB: must be 0 (none) or more", mb)
	}
	if mb > math.MaxInt64>>20 {
		return 0, fmt.Errorf("memory limit %d MB: too large", mb)
	}
	if !explicit && os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1), nil
	}
	limit := int64(None)
	if mb > 0 {
		limit = mb << 20
	}
	debug.SetMemoryLimit(limit)
	return limit, nil
}
