package index

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Options are an index file's limits.
type Options struct {
	// MergeBytes is how many bytes of postings the heap may hold before a
	// merge writes them, with the segment's, into a new segment (in the
	// background). The bound grows with the segment, to a quarter of its
	// postings, so that a bulk ingest rewrites the file a few times, not once
	// every MergeBytes.
	MergeBytes int64
	// MaxMergeBytes caps that growth: the heap's postings, and with them the
	// memory of a process that ingests into a large archive, stay under it,
	// at the price of more merges once the segment holds four times as much
	// (docs/decisions.md, "A ceiling on the heap tail").
	MaxMergeBytes int64
	// SaveDocs is how many documents the heap must hold for Save (at a
	// store's close) to write them; fewer are left to the change log, which
	// the next open catches up from in well under a second.
	SaveDocs int
}

// Defaults: 64 MB of postings is some 12,000 documents of the benchmark's
// kind; 1,000 documents are caught up at the next open in about 0.3 s; 512 MB
// is reached from a segment of 2 GB, some 400,000 such documents.
const (
	DefaultMergeBytes    = 64 << 20
	DefaultMaxMergeBytes = 512 << 20
	DefaultSaveDocs      = 1000
)

func (o Options) withDefaults() Options {
	if o.MergeBytes <= 0 {
		o.MergeBytes = DefaultMergeBytes
	}
	if o.MaxMergeBytes <= 0 {
		o.MaxMergeBytes = DefaultMaxMergeBytes
	}
	if o.SaveDocs <= 0 {
		o.SaveDocs = DefaultSaveDocs
	}
	return o
}

// fileState is what an index kept in a file knows of it.
type fileState struct {
	path    string
	opts    Options
	merging bool  // a merge is under way (guarded by Index.mu)
	retryAt int64 // after a failed merge, the heap bytes the next waits for
	wg      sync.WaitGroup
	verify  sync.WaitGroup
}

// Open opens the index saved at path, mapping its segment. When the file is
// missing or cannot be used (damaged, another version) it returns an empty
// index that will be saved there, and the reason, for the caller to rebuild.
// The big sections' checksums are verified in the background: Damaged says
// when one failed.
func Open(path string, o Options) (*Index, error) {
	removeStale(path)
	ix, err := openFile(path)
	if err != nil {
		ix = New()
	}
	ix.file.path, ix.file.opts = path, o.withDefaults()
	if ix.seg != nil {
		s := ix.seg
		s.acquire()
		ix.file.verify.Add(1)
		go func() {
			defer ix.file.verify.Done()
			defer s.drop()
			start := time.Now()
			if err := s.verifyBig(); err != nil {
				slog.Warn("search index file damaged; it is rebuilt from the records", "file", path, "err", err)
				return
			}
			slog.Debug("search index file verified", "file", path, "took", time.Since(start).Round(time.Millisecond))
		}()
	}
	return ix, err
}

// staleAfter is how old a temporary file beside the index must be to be taken
// for one a killed process left: a merge of a million documents writes for
// minutes, not hours, and another process sharing the file may be writing one.
const staleAfter = time.Hour

// removeStale removes the temporary files of merges that never finished.
func removeStale(path string) {
	tmps, _ := filepath.Glob(path + ".*.tmp")
	for _, t := range tmps {
		if fi, err := os.Stat(t); err == nil && time.Since(fi.ModTime()) > staleAfter {
			os.Remove(t)
		}
	}
}

func openFile(path string) (*Index, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := mapSegment(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ix, err := fromSegment(s)
	if err != nil {
		s.drop()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ix, nil
}

// mapSegment maps an open file and reads its tables.
func mapSegment(f *os.File) (*segment, error) {
	data, unmap, err := mapFile(f)
	if err != nil {
		return nil, err
	}
	s, err := openSegment(data)
	if err != nil {
		unmap()
		return nil, err
	}
	s.release = unmap
	return s, nil
}

// fromSegment builds what must be in the heap of a segment's index: the
// per-document arrays every query scans, and the interned metadata strings.
func fromSegment(s *segment) (*Index, error) {
	ix := New()
	r := reader{b: s.sec[secStrs]}
	ix.strs.strs = ix.strs.strs[:0]
	clear(ix.strs.byStr)
	for r.off < len(r.b) && !r.bad {
		str := strings.Clone(r.str()) // facet values leave the index
		ix.strs.byStr[str] = uint32(len(ix.strs.strs))
		ix.strs.strs = append(ix.strs.strs, str)
	}
	if r.bad || len(ix.strs.strs) == 0 || ix.strs.strs[0] != "" {
		return nil, fmt.Errorf("%w: strings", errDamaged)
	}
	ix.vals = slices.Clone(u32s(s.sec[secVals]))
	ix.hot, ix.fac = make([]hotDoc, s.ndocs), make([]facetDoc, s.ndocs)
	ns := uint32(len(ix.strs.strs))
	for n := range s.ndocs {
		e := s.sec[secDocs][n*docW:]
		u := func(at int) uint32 {
			return uint32(e[at]) | uint32(e[at+1])<<8 | uint32(e[at+2])<<16 | uint32(e[at+3])<<24
		}
		u16 := func(at int) uint16 { return uint16(e[at]) | uint16(e[at+1])<<8 }
		h := hotDoc{earliest: int32(u(8)), latest: int32(u(12)), length: u(16), seen: seenStaff}
		f := facetDoc{typ: u(20), cat: u(24), lang: u(28), olang: u(32), coll: u(36), collTitle: u(40), status: u(44),
			off: u(48), repos: u16(52), persons: u16(54), places: u16(56), year: facetYear(h.earliest)}
		for _, x := range []uint32{f.typ, f.cat, f.lang, f.olang, f.coll, f.collTitle, f.status} {
			if x >= ns {
				return nil, fmt.Errorf("%w: document %d", errDamaged, n)
			}
		}
		vals := uint64(f.off) + uint64(f.repos) + uint64(f.persons) + uint64(f.places)
		if vals > uint64(len(ix.vals)) || slices.ContainsFunc(ix.vals[f.off:vals], func(x uint32) bool { return x >= ns }) {
			return nil, fmt.Errorf("%w: document %d", errDamaged, n)
		}
		ix.hot[n], ix.fac[n] = h, f
		ix.lengths += uint64(h.length)
	}
	ix.seg, ix.base = s, uint32(s.ndocs)
	ix.live = s.ndocs
	ix.gen, ix.epoch = s.gen, s.epoch
	ix.markSeen()
	return ix, nil
}

// Damaged reports whether the index's file failed a check after it was
// opened (or a search met bytes that contradict themselves): the caller
// should rebuild it from the records.
func (ix *Index) Damaged() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.seg != nil && ix.seg.damaged.Load()
}

// Save writes the index to its file, when the heap holds SaveDocs documents
// or more, or the file is not the index's (none yet, or from before a Reset),
// so that the next open need not catch up on them. A merge under way is
// waited for first.
func (ix *Index) Save() error {
	f := &ix.file
	if f.path == "" {
		return nil
	}
	f.wg.Wait()
	ix.mu.Lock()
	worth := len(ix.hot) > int(ix.base) && (ix.seg == nil || len(ix.hot)-int(ix.base) >= f.opts.SaveDocs) ||
		len(ix.hot)-ix.live > 1024 && len(ix.hot)-ix.live > ix.live
	if !worth || f.merging {
		ix.mu.Unlock()
		return nil
	}
	f.merging = true
	ix.mu.Unlock()
	return ix.merge()
}

// Close waits for a merge under way and unmaps the index's segment; the
// index must not be used after.
func (ix *Index) Close() error {
	ix.file.wg.Wait()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.seg.retire()
	ix.seg = nil
	ix.file.verify.Wait()
	return nil
}
