package index

import (
	"fmt"
	"io"
)

// A snapshot is the index written to a stream as one segment (segment.go),
// for tests and for whoever wants the index as bytes; a store keeps its index
// in a file with Open and Save instead, which map the segment rather than read
// it. A snapshot that fails to read is rebuilt from the store, never trusted
// in part: reading one checks every section's sum. Snapshots of the format
// before segments (FONDIDX8) are not read; the store rebuilds them once.

// maxCount bounds any count read from a segment, so a corrupt one fails cleanly
// instead of allocating what its counts claim.
const maxCount = 1 << 32

// WriteTo writes the index as a segment.
func (ix *Index) WriteTo(w io.Writer) (int64, error) {
	ix.mu.RLock()
	v := ix.freeze()
	ix.mu.RUnlock()
	defer v.release()
	_, n, err := v.writeSegment(w)
	if err != nil {
		return n, fmt.Errorf("index snapshot: %w", err)
	}
	return n, nil
}

// ReadSnapshot reads an index written by WriteTo into the heap.
func ReadSnapshot(r io.Reader) (*Index, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("index snapshot: %w", err)
	}
	s, err := openSegment(data)
	if err != nil {
		return nil, err
	}
	if err := s.verifyBig(); err != nil {
		return nil, err
	}
	return fromSegment(s)
}
