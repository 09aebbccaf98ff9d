package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"fond/internal/editions"
	"fond/internal/index"
	"fond/internal/record"
	"fond/internal/store"
)

// The search index is a cache of the records: loaded on the first search (or by
// LoadIndex), then kept current from the change log, whichever process wrote.

// change is what one write transaction did to the records, for the index.
type change struct {
	gen     int64
	stamp   string // random, naming this generation in this database's history
	removed []int64
	added   map[int64]*record.Record
	// touched are records whose links changed, not their content: the index
	// reads them again only to mark releases (laterReleases).
	touched []string
}

// bump gives the transaction its generation the first time it changes anything,
// so that a file that changes nothing writes nothing.
func (c *change) bump(ctx context.Context, tx *txn) (int64, error) {
	if c.gen != 0 {
		return c.gen, nil
	}
	if err := tx.QueryRowContext(ctx, tx.d.Bump).Scan(&c.gen); err != nil {
		return 0, fmt.Errorf("change log: %w", err)
	}
	c.stamp = newStamp()
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = ? WHERE key = 'stamp'`, c.stamp); err != nil {
		return 0, fmt.Errorf("change log: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO generations(gen, stamp) VALUES (?, ?)`, c.gen, c.stamp); err != nil {
		return 0, fmt.Errorf("change log: %w", err)
	}
	return c.gen, nil
}

// A generation number alone does not name a state of the database: a backup
// restored and written to again reaches the same numbers with other contents.
// So each generation also gets a random stamp, kept in the generations table,
// and an index records which (epoch, stamp) it reflects.
func newStamp() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// identity is what an index records as the store state it reflects.
func identity(epoch, stamp string) string { return epoch + "/" + stamp }

func epochOf(identity string) string {
	epoch, _, _ := strings.Cut(identity, "/")
	return epoch
}

// remove logs a record's deletion: for the index (rid, gen) and, as a
// tombstone, for harvesters (id, the sets it was in; its time is stamped at
// commit).
func (c *change) remove(ctx context.Context, tx *txn, d deletion) error {
	gen, err := c.bump(ctx, tx)
	if err != nil {
		return err
	}
	c.removed = append(c.removed, d.rid)
	delete(c.added, d.rid)
	if _, err := tx.ExecContext(ctx, `INSERT INTO record_deletions(rid, gen) VALUES (?, ?)`, d.rid, gen); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO tombstones(id, ds, gen, collection, category) VALUES (?, '', ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET ds = excluded.ds, gen = excluded.gen, collection = excluded.collection, category = excluded.category`,
		d.id, gen, d.collection, d.category)
	return err
}

// dateWrites dates what the transaction wrote, just before it commits and while it
// holds the writers' turn: a datestamp taken earlier, before waiting for
// another writer, could fall before a harvest that ran while this one waited,
// and the next harvest, starting from that harvest's time, would miss it.
func (c *change) dateWrites(ctx context.Context, tx *txn) error {
	if c.gen == 0 {
		return nil
	}
	now := time.Now().UTC().Format(time.RFC3339Nano)
	if _, err := tx.ExecContext(ctx, `UPDATE records SET updated_at = ? WHERE gen = ?`, now, c.gen); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE tombstones SET ds = ? WHERE gen = ?`, now[:len(stampLayout)], c.gen); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	return nil
}

// touch gives records whose links changed, though they were not rewritten,
// the transaction's generation: a record's JSON lists its links, so harvesters
// must see it change, and other processes' indexes re-read it with the rest.
func (c *change) touch(ctx context.Context, tx *txn, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	gen, err := c.bump(ctx, tx)
	if err != nil {
		return err
	}
	c.touched = append(c.touched, ids...)
	for start := 0; start < len(ids); start += batch {
		part := ids[start:min(start+batch, len(ids))]
		args := make([]any, 0, len(part)+2)
		args = append(args, gen, gen)
		for _, id := range part {
			args = append(args, id)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE records SET gen = ? WHERE gen <> ? AND id IN (`+marks(len(part))+`)`, args...); err != nil {
			return fmt.Errorf("change log: %w", err)
		}
	}
	return nil
}

// deletion is what the log keeps of a deleted record.
type deletion struct {
	rid                      int64
	id, collection, category string
}

func (c *change) put(rid int64, r *record.Record) {
	if c.added == nil {
		c.added = map[int64]*record.Record{}
	}
	c.added[rid] = r
}

// ahead is the analysis of a file's records, started before its transaction.
type ahead struct {
	done chan struct{}
	byID map[string]*index.Analyzed
}

// analyzeAhead starts tokenizing a file's records for the index, when one is
// loaded; most records of a new file are added, and those that turn out
// unchanged cost only the other core's time.
func (s *Store) analyzeAhead(f store.File) *ahead {
	if !s.loaded.Load() || len(f.Records) == 0 {
		return nil
	}
	a := &ahead{done: make(chan struct{}), byID: make(map[string]*index.Analyzed, len(f.Records))}
	recs := make([]*record.Record, len(f.Records))
	for i := range f.Records {
		r := f.Records[i]
		r.Checksum, r.Format = f.Original.Checksum, f.Format
		recs[i] = &r
	}
	go func() {
		defer close(a.done)
		for i, an := range analyze(make([]int64, len(recs)), recs) {
			a.byID[recs[i].ID] = an
		}
	}()
	return a
}

// committed hands a committed change to the index, if one is loaded. The
// index follows behind the writer (see applier): PutFile returns at its commit,
// and the next file is analyzed and written while this one is indexed.
func (s *Store) committed(c *change, ahead *ahead) {
	if c.gen == 0 {
		return
	}
	if s.loaded.Load() {
		s.apply.enqueue(func() { s.applyChange(c, ahead) })
	}
}

// applyChange adds a committed change to the index. An index that missed other
// writers' changes catches up from the log instead; one that cannot is dropped,
// to be rebuilt by the next search, rather than left stale.
func (s *Store) applyChange(c *change, ahead *ahead) {
	if ahead != nil {
		<-ahead.done
	}
	s.idxMu.Lock()
	defer s.idxMu.Unlock()
	ix := s.idx
	if ix == nil {
		return
	}
	gen, id := ix.Gen()
	if gen != c.gen-1 {
		if err := s.catchUp(context.Background(), ix); err != nil {
			slog.Warn("search index could not follow a write; it is rebuilt at the next search", "err", err)
			s.setIndex(nil)
		}
		return
	}
	var refs []int64
	var recs []*record.Record
	var done []*index.Analyzed
	for rid, r := range c.added {
		if a, ok := ahead.get(r.ID); ok {
			a.SetRef(rid)
			a.SetStatus(r.Status)
			done = append(done, a)
			continue
		}
		refs = append(refs, rid)
		recs = append(recs, r)
	}
	// The change is committed, so its editions are there to read.
	later, err := s.changedReleases(context.Background(), c)
	if err != nil {
		slog.Warn("search index could not follow a write; it is rebuilt at the next search", "err", err)
		s.setIndex(nil)
		return
	}
	ix.Apply(c.removed, append(append(done, analyze(refs, recs)...), later...))
	ix.SetGen(c.gen, identity(epochOf(id), c.stamp))
}

func (a *ahead) get(id string) (*index.Analyzed, bool) {
	if a == nil {
		return nil, false
	}
	an, ok := a.byID[id]
	return an, ok
}

// LoadIndex loads the search index now rather than at the first search, so that
// every later write indexes as it goes (the server and benchmarks want this).
func (s *Store) LoadIndex(ctx context.Context) error {
	_, err := s.index(ctx)
	return err
}

// index returns the search index, brought up to date with the database.
func (s *Store) index(ctx context.Context) (*index.Index, error) {
	// This process's own writes first: a search sees what was stored before it.
	if err := s.apply.waitContext(ctx); err != nil {
		return nil, err
	}
	gen, id, err := state(ctx, s.read.queryRowPrepared)
	if err != nil {
		return nil, err
	}
	// Another process may have edited the authority file (it bumps the
	// generation), and name searches must use the new one at once.
	if err := s.freshAuthorities(ctx, gen); err != nil {
		return nil, err
	}
	s.idxMu.Lock()
	defer s.idxMu.Unlock()
	if s.idx != nil && s.idx.Damaged() {
		slog.Warn("search index file damaged; rebuilding it from the records", "file", s.snapshot)
		s.idx.Reset()
	}
	if s.idx != nil {
		if g, e := s.idx.Gen(); g == gen && e == id {
			return s.idx, nil
		}
	}
	ix := s.idx
	if ix == nil {
		ix = s.loadSnapshot()
	}
	if err := s.catchUp(ctx, ix); err != nil {
		return nil, err
	}
	s.setIndex(ix)
	return ix, nil
}

// setIndex sets the index, or drops it (nil). The caller holds idxMu.
func (s *Store) setIndex(ix *index.Index) {
	s.idx = ix
	s.loaded.Store(ix != nil)
}

// catchUp applies every change after the index's generation, read in one
// transaction so that deletions and records come from the same moment.
func (s *Store) catchUp(ctx context.Context, ix *index.Index) error {
	opts := s.d.CatchUp
	tx, err := s.read.BeginTx(ctx, &opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	gen, id, err := state(ctx, tx.QueryRowContext)
	if err != nil {
		return err
	}
	from, ixID := ix.Gen()
	if from > 0 {
		// The index must reflect a state this database passed through: not another
		// database's, nor one ahead of it or on another branch of its history (a
		// backup restored beside a newer snapshot, and perhaps written to since).
		var stamp string
		err := tx.QueryRowContext(ctx, `SELECT stamp FROM generations WHERE gen = ?`, from).Scan(&stamp)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("change log: %w", err)
		}
		if err != nil || ixID != identity(epochOf(id), stamp) {
			from = 0
			ix.Reset()
		}
	}
	var removed []int64
	if from > 0 {
		rows, err := tx.QueryContext(ctx, `SELECT rid FROM record_deletions WHERE gen > ?`, from)
		if err != nil {
			return err
		}
		for rows.Next() {
			var rid int64
			if err := rows.Scan(&rid); err != nil {
				rows.Close()
				return err
			}
			removed = append(removed, rid)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT rid, doc, body, ingested_at, status FROM records WHERE gen > ?`, from)
	if err != nil {
		return err
	}
	defer rows.Close()
	ix.Apply(removed, nil)
	start := time.Now()
	const batch = 2000
	var refs, relRefs []int64
	var recs, relRecs []*record.Record
	n := 0
	flush := func() {
		ix.Apply(nil, analyze(refs, recs))
		n += len(refs)
		refs, recs = refs[:0], recs[:0]
	}
	for rows.Next() {
		var rid int64
		var doc, body, ingested, status string
		if err := rows.Scan(&rid, &doc, &body, &ingested, &status); err != nil {
			return err
		}
		r, err := decodeDoc(doc, body, ingested)
		if err != nil {
			return fmt.Errorf("record %d: %w", rid, err)
		}
		r.Status = status
		refs, recs = append(refs, rid), append(recs, &r)
		if editions.IsRelease(&r) {
			relRefs, relRecs = append(relRefs, rid), append(relRecs, &r)
		}
		if len(refs) == batch {
			flush()
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	flush()
	// Releases are marked once their editions can be read: the open rows
	// hold the transaction's connection until here.
	rows.Close()
	later, err := laterReleases(ctx, tx, relRefs, relRecs)
	if err != nil {
		return err
	}
	ix.Apply(nil, later)
	if n > batch {
		slog.Info("search index brought up to date", "records", n, "generation", gen, "took", time.Since(start).Round(time.Millisecond))
	}
	ix.SetGen(gen, id)
	return nil
}

// state is the database's generation and the identity of its current state.
func state(ctx context.Context, queryRow func(context.Context, string, ...any) *sql.Row) (int64, string, error) {
	var gen int64
	var epoch, stamp string
	if err := queryRow(ctx, `SELECT (SELECT value FROM meta WHERE key = 'gen'), (SELECT value FROM meta WHERE key = 'epoch'), (SELECT value FROM meta WHERE key = 'stamp')`).Scan(&gen, &epoch, &stamp); err != nil {
		return 0, "", fmt.Errorf("change log: %w", err)
	}
	return gen, identity(epoch, stamp), nil
}

// analyze tokenizes records on every core: it is the costly part of indexing.
func analyze(refs []int64, recs []*record.Record) []*index.Analyzed {
	out := make([]*index.Analyzed, len(recs))
	workers := min(runtime.NumCPU(), max(1, len(recs)/8))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(recs); i += workers {
				out[i] = index.Analyze(index.FromRecord(refs[i], recs[i]))
			}
		}()
	}
	wg.Wait()
	return out
}

// loadSnapshot opens the saved index (its segment mapped, not read), or
// returns an empty one to build when there is none or it cannot be used (a
// file of the format before segments is rebuilt so, once). "" keeps the index
// in memory only.
func (s *Store) loadSnapshot() *index.Index {
	if s.snapshot == "" {
		return index.New()
	}
	start := time.Now()
	ix, err := index.Open(s.snapshot, s.indexOpts)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		slog.Warn("search index file unreadable; rebuilding it from the records", "file", s.snapshot, "err", err)
	default:
		slog.Debug("search index opened", "file", s.snapshot, "records", ix.Len(), "took", time.Since(start))
	}
	return ix
}

// saveSnapshot writes what the index holds in memory into its file, when
// there is enough of it to be worth a new segment (index.Options.SaveDocs);
// less is caught up from the change log at the next open.
func (s *Store) saveSnapshot() error {
	s.idxMu.Lock()
	defer s.idxMu.Unlock()
	if s.idx == nil {
		return nil
	}
	err := s.idx.Save()
	s.idx.Close()
	return err
}
