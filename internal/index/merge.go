package index

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// Merging: the heap's documents, with the segment's, written into a new
// segment in the background, and the index switched to it
// (docs/decisions.md, "The index on disk").

// mergeIfDue starts a merge in the background when the heap holds more than
// the bound, or when dead documents outnumber live ones. Callers hold the
// write lock.
func (ix *Index) mergeIfDue(dead int) {
	f := &ix.file
	if f.merging {
		return
	}
	bound := f.opts.MergeBytes
	if ix.seg != nil {
		bound = max(bound, min(ix.seg.postingBytes()/4, f.opts.MaxMergeBytes))
	}
	bound = max(bound, f.retryAt)
	if ix.heapBytes < bound && !(dead > 1024 && dead > ix.live) {
		return
	}
	f.merging = true
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		start := time.Now()
		if err := ix.merge(); err != nil {
			slog.Warn("search index merge failed; the index stays in memory", "file", f.path, "err", err)
			return
		}
		slog.Debug("search index merged", "file", f.path, "took", time.Since(start).Round(time.Millisecond))
	}()
}

// merge writes the index as it stands into a new segment, replacing the file,
// then switches to it, carrying over what changed while it wrote. The caller
// has set file.merging.
func (ix *Index) merge() error {
	ix.mu.RLock()
	v := ix.freeze()
	path := ix.file.path
	ix.mu.RUnlock()
	defer v.release()
	seg, renum, err := v.writeFile(path)
	var next *Index
	if err == nil {
		if next, err = fromSegment(seg); err != nil {
			seg.drop()
		}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.file.merging = false
	if err != nil {
		ix.file.retryAt = 2 * ix.heapBytes
		return err
	}
	ix.file.retryAt = 0
	if ix.resets != v.resets {
		// Emptied or renumbered meanwhile: the file holds a true past state
		// (its generation says which), but this index is no longer it.
		next.seg.drop()
		return nil
	}
	ix.carryOver(next, v, renum)
	ix.adopt(next)
	return nil
}

// writeFile writes the view as a segment beside path, syncs it, maps it and
// renames it into place: a crash at any moment leaves either the old file or
// the new one, whole.
func (v *view) writeFile(path string) (*segment, []uint32, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, fmt.Errorf("write search index: %w", err)
	}
	fail := func(err error) (*segment, []uint32, error) {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, nil, fmt.Errorf("write search index %s: %w", path, err)
	}
	renum, _, err := v.writeSegment(tmp)
	if err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	seg, err := mapSegment(tmp)
	if err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		seg.drop()
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		seg.drop()
		return fail(err)
	}
	if d, err := os.Open(dir); err == nil { // the rename itself made durable
		d.Sync()
		d.Close()
	}
	return seg, renum, nil
}

// carryOver brings into next, an index of the segment written from v, what
// changed in ix since v was taken: deletions of documents v had, and the
// documents added since with their postings and keys. Callers hold the write
// lock; the work is proportional to what changed and to the heap's lists.
func (ix *Index) carryOver(next *Index, v *view, renum []uint32) {
	for d := range v.hot {
		if renum[d] != noDoc && !ix.hot[d].live() {
			next.kill(renum[d])
		}
	}
	start := uint32(len(v.hot))
	added := make([]uint32, len(ix.hot)-int(start))
	for d := start; d < uint32(len(ix.hot)); d++ {
		if !ix.hot[d].live() {
			added[d-start] = noDoc
			continue
		}
		added[d-start] = uint32(len(next.hot))
		info := ix.tail[d-ix.base]
		in := func(x uint32) uint32 { return next.strs.id(ix.strs.strs[x]) }
		ins := func(l []uint32) []uint32 {
			out := make([]uint32, len(l))
			for i, x := range l {
				out[i] = in(x)
			}
			return out
		}
		info.typ, info.cat, info.lang, info.olang = in(info.typ), in(info.cat), in(info.lang), in(info.olang)
		info.coll, info.collTitle, info.status = in(info.coll), in(info.collTitle), in(info.status)
		info.fonds, info.repos, info.persons, info.places = ins(info.fonds), ins(info.repos), ins(info.persons), ins(info.places)
		next.appendDoc(info)
	}
	for id, p := range ix.lists {
		if p == nil {
			continue
		}
		var it iter
		it.reset(p.list())
		for ok := it.seek(start); ok; ok = it.next() {
			nd := added[it.doc-start]
			if nd == noDoc {
				continue
			}
			q := next.list(uint32(id))
			before := q.heapLen()
			q.appendPosting(nd, &it)
			next.heapBytes += int64(q.heapLen() - before)
		}
	}
	for k, l := range ix.names {
		for _, d := range l[sort.Search(len(l), func(i int) bool { return l[i] >= start }):] {
			if nd := added[d-start]; nd != noDoc {
				next.names[k] = append(next.names[k], nd)
			}
		}
	}
	next.gen, next.epoch = ix.gen, ix.epoch
}

// adopt makes next's contents the index's, releasing its old segment (the
// write lock keeps every search out, and nothing a search returned points
// into a segment).
func (ix *Index) adopt(next *Index) {
	ix.seg.retire()
	ix.seg, ix.base, ix.tail, ix.hot, ix.fac, ix.vals = next.seg, next.base, next.tail, next.hot, next.fac, next.vals
	ix.byRef, ix.byID, ix.lists, ix.nterms, ix.sorted, ix.names, ix.strs = next.byRef, next.byID, next.lists, next.nterms, nil, next.names, next.strs
	ix.live, ix.lengths, ix.gen, ix.epoch, ix.heapBytes = next.live, next.lengths, next.gen, next.epoch, next.heapBytes
	ix.resets++
	ix.romKeys.Clear()
}
