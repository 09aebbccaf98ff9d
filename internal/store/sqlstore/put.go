package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fond/internal/record"
	"fond/internal/review"
	"fond/internal/store"
)

// PutFile implements store.Store.
func (s *Store) PutFile(ctx context.Context, f store.File) ([]store.PutResult, error) {
	if f.Path == "" || f.Original.Checksum == "" {
		return nil, errors.New("sqlite: PutFile needs a path and a checksum")
	}
	now := time.Now().UTC().Format(time.RFC3339Nano)
	// Tokenizing for the index runs on another core while this one writes.
	analysed := s.analyzeAhead(f)
	tx, err := s.write.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	// A write first: SQLite then holds the writers' lock for the transaction
	// (a reader upgrading later could find its snapshot stale), and ownership,
	// read under it, cannot change before the commit. A refused file's
	// original goes with the rollback.
	added := now
	if !f.Original.AddedAt.IsZero() {
		added = f.Original.AddedAt.UTC().Format(time.RFC3339Nano)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO originals(checksum, name, size, data, added_at) VALUES (?,?,?,?,?)
		ON CONFLICT(checksum) DO NOTHING`, f.Original.Checksum, f.Original.Name, len(f.Original.Data), f.Original.Data, added); err != nil {
		return nil, fmt.Errorf("store original: %w", err)
	}

	ch := &change{}
	w := &fileWrite{tx: tx, ch: ch, f: f, now: now}
	if err := w.loadStored(ctx); err != nil {
		return nil, err
	}
	conflicts, err := w.conflicts(ctx)
	if err != nil {
		return nil, err
	}
	if len(conflicts) > 0 && !f.Replace {
		return nil, &store.ConflictError{Path: f.Path, Owners: conflicts}
	}

	// What the path held before: ids by position, to alias records a change replaces.
	previous := map[int]string{}
	rows, err := tx.QueryContext(ctx, `SELECT id, position, status, revision, provenance FROM records WHERE path = ?`, f.Path)
	if err != nil {
		return nil, err
	}
	w.previous = map[int]predecessor{}
	for rows.Next() {
		var p predecessor
		var pos int
		if err := rows.Scan(&p.id, &pos, &p.status, &p.revision, &p.prov); err != nil {
			rows.Close()
			return nil, err
		}
		previous[pos] = p.id
		w.previous[pos] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	keep := map[string]bool{}
	results := make([]store.PutResult, 0, len(f.Records))
	for pos, r := range f.Records {
		status, err := w.putRecord(ctx, pos, r)
		if err != nil {
			return nil, fmt.Errorf("record %d (%q): %w", pos, r.Title, err)
		}
		keep[r.ID] = true
		results = append(results, store.PutResult{ID: r.ID, Title: r.Title, Status: status})
	}
	if err := w.flush(ctx); err != nil {
		return nil, err
	}
	removed := map[string]bool{}
	for pos, old := range previous {
		if keep[old] {
			continue
		}
		if err := deleteRecord(ctx, tx, ch, old); err != nil {
			return nil, err
		}
		removed[old] = true
		if pos < len(f.Records) {
			successor := f.Records[pos].ID
			if _, err := tx.ExecContext(ctx, `INSERT INTO aliases(old, new) VALUES (?, ?) ON CONFLICT(old) DO UPDATE SET new = excluded.new`, old, successor); err != nil {
				return nil, err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE aliases SET new = ? WHERE new = ?`, successor, old); err != nil {
				return nil, err
			}
		}
	}
	if err := w.forgetEmptied(ctx, conflicts); err != nil {
		return nil, err
	}
	if err := w.putSignatures(ctx); err != nil {
		return nil, err
	}
	if err := w.putLinks(ctx, removed); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO files(path, checksum, format, ingested_at) VALUES (?,?,?,?)
		ON CONFLICT(path) DO UPDATE SET checksum = excluded.checksum, format = excluded.format, ingested_at = excluded.ingested_at
		WHERE files.checksum <> excluded.checksum OR files.format <> excluded.format`,
		f.Path, f.Original.Checksum, f.Format, now); err != nil {
		return nil, err
	}
	if err := ch.dateWrites(ctx, tx); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	s.committed(ch, analysed)
	return results, nil
}

// conflicts lists the file's records that another path owns: stored from it,
// or ids that are aliases of its records.
func (w *fileWrite) conflicts(ctx context.Context) ([]store.Conflict, error) {
	var out []store.Conflict
	var unknown []any
	for _, r := range w.f.Records {
		sr, ok := w.stored[r.ID]
		switch {
		case !ok:
			unknown = append(unknown, r.ID)
		case sr.path != w.f.Path:
			out = append(out, store.Conflict{ID: r.ID, Owner: sr.path})
		}
	}
	for start := 0; start < len(unknown); start += batch {
		part := unknown[start:min(start+batch, len(unknown))]
		rows, err := w.tx.QueryContext(ctx, `SELECT a.old, r.path FROM aliases a JOIN records r ON r.id = a.new WHERE a.old IN (`+marks(len(part))+`) AND r.path <> ?`, append(part, w.f.Path)...)
		aliased, err := collect(rows, err, func(rows *sql.Rows, c *store.Conflict) error { return rows.Scan(&c.ID, &c.Owner) })
		if err != nil {
			return nil, err
		}
		out = append(out, aliased...)
	}
	if len(out) > 0 {
		w.taken = make(map[string]bool, len(out))
		for _, c := range out {
			w.taken[c.ID] = true
		}
	}
	return out, nil
}

// forgetEmptied drops the file rows of paths a replacing file took every record
// from: a corpus that moved leaves its old paths owning nothing, and reindex
// re-deriving one would only find its records taken.
func (w *fileWrite) forgetEmptied(ctx context.Context, taken []store.Conflict) error {
	done := map[string]bool{}
	for _, c := range taken {
		if done[c.Owner] {
			continue
		}
		done[c.Owner] = true
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM files WHERE path = ? AND NOT EXISTS (SELECT 1 FROM records WHERE path = ?)`, c.Owner, c.Owner); err != nil {
			return fmt.Errorf("forget %s: %w", c.Owner, err)
		}
	}
	return nil
}

// fileWrite is one file's records being written: the rows they replace are
// read in one query and the small rows they add are written in batches, so that
// a record costs one statement (a server over a network pays for each).
type fileWrite struct {
	tx     *txn
	ch     *change
	f      store.File
	now    string
	stored map[string]*storedRecord
	added  []string // ids inserted, no longer aliases of anything
	srcs   []pendingSource
	queued [][2]string     // review queue rows of added records: id, reason
	taken  map[string]bool // ids another path owned, taken by File.Replace
	// previous is the record the path held at each position: a record whose
	// id changes (a corrected file, a reindex) keeps the publication, the
	// history and what a person set of the one it replaces, so a draft never
	// turns public by being re-derived and a correction is never lost.
	previous map[int]predecessor
}

type storedRecord struct {
	rid             int64
	doc, body, path string
	status          string // publication: kept whatever the file now says
	position        int
	sig             []byte // the stored MinHash signature, nil when none
	changed         bool   // written by this put
	revision        int
	prov            string // who set which field (record.Provenance, JSON)
}

type pendingSource struct {
	rid int64
	src record.Source
}

// batch is how many rows or ids one statement carries: well under every
// database's limit on parameters (8 per source row).
const batch = 100

// loadStored reads the stored rows of the file's record ids.
func (w *fileWrite) loadStored(ctx context.Context) error {
	w.stored = make(map[string]*storedRecord, len(w.f.Records))
	for start := 0; start < len(w.f.Records); start += batch {
		part := w.f.Records[start:min(start+batch, len(w.f.Records))]
		args := make([]any, len(part))
		for i, r := range part {
			args[i] = r.ID
		}
		rows, err := w.tx.QueryContext(ctx, `SELECT r.id, r.rid, r.doc, r.body, r.path, r.position, r.status, r.revision, r.provenance, m.sig FROM records r LEFT JOIN minhash m ON m.rid = r.rid
			WHERE r.id IN (`+marks(len(part))+`)`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			var sr storedRecord
			if err := rows.Scan(&id, &sr.rid, &sr.doc, &sr.body, &sr.path, &sr.position, &sr.status, &sr.revision, &sr.prov, &sr.sig); err != nil {
				rows.Close()
				return err
			}
			w.stored[id] = &sr
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// marks is n comma-separated placeholders.
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// putRecord inserts or replaces one record and reports whether anything changed.
// Derived links (editions) and timestamps are left out of the comparison so that
// re-ingesting an unchanged file writes nothing.
func (w *fileWrite) putRecord(ctx context.Context, pos int, r record.Record) (string, error) {
	if r.ID == "" {
		return "", errors.New("record has no id")
	}
	f, tx := w.f, w.tx
	r.Checksum = f.Original.Checksum
	r.Format = f.Format
	doc, err := encodeDoc(r)
	if err != nil {
		return "", err
	}
	old, ok := w.stored[r.ID]
	if !ok {
		r.Status = w.f.Status
		pred, replacing := w.previous[pos]
		if replacing {
			r.Status = pred.status
		}
		if r.Status == "" {
			r.Status = record.Published
		}
		gen, err := w.ch.bump(ctx, tx)
		if err != nil {
			return "", err
		}
		// A record carried from another archive (a bag) keeps the time it was
		// first stored there.
		ingested := w.now
		if !r.IngestedAt.IsZero() {
			ingested = r.IngestedAt.UTC().Format(time.RFC3339Nano)
		}
		// A record made by hand arrives with its fields' provenance.
		prov, err := encodeProvenance(r.Provenance)
		if err != nil {
			return "", err
		}
		r.Revision = 1
		var inherited []record.Change
		if replacing && pred.id != r.ID && !w.inFile(pred.id) {
			if prov, inherited, err = w.inherit(ctx, &r, pred); err != nil {
				return "", err
			}
			if doc, err = encodeDoc(r); err != nil {
				return "", err
			}
		}
		var rid int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO records(id, checksum, path, position, parent, title, type, category, earliest, latest, lang, collection, doc, body, ingested_at, updated_at, gen, status, was_public, provenance, revision)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING rid`, r.ID, r.Checksum, f.Path, pos, r.Parent, r.Title, r.Type, r.Category, r.Date.Earliest, r.Date.Latest, r.Languages.Text, collectionID(r), doc, r.Body, ingested, w.now, gen, r.Status, boolInt(r.Status != record.Draft), prov, r.Revision).Scan(&rid); err != nil {
			return "", err
		}
		w.stored[r.ID] = &storedRecord{rid: rid, doc: doc, body: r.Body, path: f.Path, position: pos, status: r.Status, changed: true, revision: r.Revision, prov: prov}
		w.added = append(w.added, r.ID)
		// A new record's place in the queue is written with the file's
		// other small rows, in batches (a bulk ingest of drafts queues all).
		for _, reason := range review.Reasons(r) {
			w.queued = append(w.queued, [2]string{r.ID, reason})
		}
		if r.Revision > 1 {
			if err := addRevision(ctx, tx, r.ID, store.Revision{Revision: r.Revision, Author: f.Author, At: time.Now().UTC(), Action: w.action(),
				Note: "re-read as " + r.ID + " (was " + pred.id + ")", Changes: inherited}); err != nil {
				return "", err
			}
		} else if f.Author != "" {
			// A person's upload: the record's first revision names them.
			if err := addRevision(ctx, tx, r.ID, store.Revision{Revision: 1, Author: f.Author, At: time.Now().UTC(), Action: w.action(), Changes: []record.Change{}}); err != nil {
				return "", err
			}
		}
		w.ch.put(rid, &r)
		w.addSources(rid, r)
		if w.taken[r.ID] {
			return store.Replaced, nil
		}
		return store.Added, nil
	}
	r.Status = old.status
	status := store.Updated
	if w.taken[r.ID] {
		status = store.Replaced
	}
	// The stored record is decoded only when it changed or a person worked on
	// it: re-ingesting an unchanged file compares bytes.
	var before record.Record
	prov := old.prov
	if prov != "" {
		if before, err = decodeDoc(old.doc, old.body, w.now); err != nil {
			return "", err
		}
		if prov, err = keepPersons(&r, before, old.prov); err != nil {
			return "", err
		}
		if doc, err = encodeDoc(r); err != nil {
			return "", err
		}
	}
	if old.body == r.Body && sameDoc(old.doc, doc) && prov == old.prov {
		if old.path == f.Path && old.position == pos {
			return store.Unchanged, nil
		}
		// Moved within the file, or taken from another (File.Replace): the
		// record's source changes, its content does not.
		if status != store.Replaced {
			status = store.Unchanged
		}
		old.path, old.position = f.Path, pos
		_, err := tx.ExecContext(ctx, `UPDATE records SET path = ?, position = ? WHERE rid = ?`, f.Path, pos, old.rid)
		return status, err
	}
	if old.prov == "" {
		if before, err = decodeDoc(old.doc, old.body, w.now); err != nil {
			return "", err
		}
	}
	gen, err := w.ch.bump(ctx, tx)
	if err != nil {
		return "", err
	}
	r.Revision = old.revision + 1
	if _, err := tx.ExecContext(ctx, `UPDATE records SET checksum=?, path=?, position=?, parent=?, title=?, type=?, category=?, earliest=?, latest=?, lang=?, collection=?, doc=?, body=?, updated_at=?, gen=?, revision=?, provenance=? WHERE rid=?`,
		r.Checksum, f.Path, pos, r.Parent, r.Title, r.Type, r.Category, r.Date.Earliest, r.Date.Latest, r.Languages.Text, collectionID(r), doc, r.Body, w.now, gen, r.Revision, prov, old.rid); err != nil {
		return "", err
	}
	changes, err := record.Diff(before, r)
	if err != nil {
		return "", err
	}
	if err := addRevision(ctx, tx, r.ID, store.Revision{Revision: r.Revision, Author: f.Author, At: time.Now().UTC(), Action: w.action(), Changes: changes}); err != nil {
		return "", err
	}
	if err := setReview(ctx, tx, r.ID, review.Reasons(r)); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE rid = ?`, old.rid); err != nil {
		return "", err
	}
	// The same id earlier in this file queued sources not yet written.
	w.srcs = slices.DeleteFunc(w.srcs, func(p pendingSource) bool { return p.rid == old.rid })
	old.doc, old.body, old.path, old.position, old.changed, old.revision, old.prov = doc, r.Body, f.Path, pos, true, r.Revision, prov
	w.ch.put(old.rid, &r)
	w.addSources(old.rid, r)
	return status, nil
}

// predecessor is a record a path held before this put, at some position.
type predecessor struct {
	id, status, prov string
	revision         int
}

// inFile reports whether the file being put has a record of that id.
func (w *fileWrite) inFile(id string) bool {
	for _, r := range w.f.Records {
		if r.ID == id {
			return true
		}
	}
	return false
}

// inherit makes r, a new id at the position pred held, pred's successor: it
// takes over pred's history (its revisions move to r's id), its revision
// count and what a person set on it. It returns r's provenance to store and
// what changed from pred to r.
func (w *fileWrite) inherit(ctx context.Context, r *record.Record, pred predecessor) (string, []record.Change, error) {
	var doc, body string
	if err := w.tx.QueryRowContext(ctx, `SELECT doc, body FROM records WHERE id = ?`, pred.id).Scan(&doc, &body); err != nil {
		return "", nil, fmt.Errorf("predecessor %s: %w", pred.id, err)
	}
	before, err := decodeDoc(doc, body, w.now)
	if err != nil {
		return "", nil, err
	}
	prov, err := keepPersons(r, before, pred.prov)
	if err != nil {
		return "", nil, err
	}
	changes, err := record.Diff(before, *r)
	if err != nil {
		return "", nil, err
	}
	if _, err := w.tx.ExecContext(ctx, `UPDATE revisions SET record_id = ? WHERE record_id = ?`, r.ID, pred.id); err != nil {
		return "", nil, err
	}
	r.Revision = pred.revision + 1
	return prov, changes, nil
}

// action is why the file is stored, for its records' history.
func (w *fileWrite) action() string {
	if w.f.Action != "" {
		return w.f.Action
	}
	return store.ActionIngest
}

// keepPersons gives r (a new reading of a stored record) the values a person
// set on the stored one, before: re-reading a source never overwrites a
// person's work. Where the source now reads otherwise than when the person
// overrode it, the new reading is kept beside the person's value
// (SourceChanged) for the review queue; where it reads as then again, the
// question is withdrawn. It returns the provenance to store.
func keepPersons(r *record.Record, before record.Record, stored string) (string, error) {
	prov, err := decodeProvenance(stored)
	if err != nil || len(prov) == 0 {
		return stored, err
	}
	fresh, err := record.Fields(*r)
	if err != nil {
		return "", err
	}
	theirs := map[string]json.RawMessage{}
	for f, p := range prov {
		if !p.Person() || !record.IsEditable(f) {
			continue
		}
		v, err := record.Field(before, f)
		if err != nil {
			return "", err
		}
		theirs[f] = v
		switch {
		case record.SameJSON(fresh[f], p.Extracted), record.SameJSON(fresh[f], v):
			p.SourceChanged = nil
		default:
			p.SourceChanged = fresh[f]
		}
		prov[f] = p
	}
	if err := record.SetFields(r, theirs); err != nil {
		return "", err
	}
	r.Provenance = prov
	return encodeProvenance(prov)
}

// addSources queues a record's archival references, kept in rows of their own
// for edition grouping (SameFile).
func (w *fileWrite) addSources(rid int64, r record.Record) {
	for _, src := range r.Sources {
		w.srcs = append(w.srcs, pendingSource{rid, src})
	}
}

// flush writes what the records queued: their sources, and the end of any alias
// or tombstone an inserted id had (a record that comes back is itself again).
func (w *fileWrite) flush(ctx context.Context) error {
	if err := insertSources(ctx, w.tx, w.srcs); err != nil {
		return err
	}
	if err := insertRows(ctx, w.tx, "review(record_id, reason)", 2, w.queued, func(q [2]string) []any { return []any{q[0], q[1]} }); err != nil {
		return fmt.Errorf("review queue: %w", err)
	}
	for start := 0; start < len(w.added); start += batch {
		part := w.added[start:min(start+batch, len(w.added))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		for _, table := range []string{"aliases WHERE old", "tombstones WHERE id"} {
			if _, err := w.tx.ExecContext(ctx, `DELETE FROM `+table+` IN (`+marks(len(part))+`)`, args...); err != nil {
				return err
			}
		}
	}
	return nil
}

// encodeDoc is the stored JSON: the record minus what the store derives or
// stamps, and minus its body, which has a column of its own.
func encodeDoc(r record.Record) (string, error) {
	r.Body = ""
	r.Editions, r.Discusses, r.DiscussedIn = nil, nil, nil
	r.Status, r.WithdrawnReason = "", "" // columns of their own, set by SetStatus
	r.Revision, r.Provenance = 0, nil    // and by EditRecord
	r.IngestedAt = time.Time{}
	r.Normalize()
	b, err := json.Marshal(r)
	return string(b), err
}

// sameDoc compares a stored document with a new one. Documents written by
// another version (or rewritten by a migration) may render the same record in
// other bytes, so a difference is confirmed by re-encoding the stored one.
func sameDoc(stored, doc string) bool {
	if stored == doc {
		return true
	}
	var r record.Record
	if err := json.Unmarshal([]byte(stored), &r); err != nil {
		return false
	}
	again, err := encodeDoc(r)
	return err == nil && again == doc
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func collectionID(r record.Record) string {
	if r.Collection == nil {
		return ""
	}
	return r.Collection.ID
}

func deleteRecord(ctx context.Context, tx *txn, ch *change, id string) error {
	d := deletion{id: id}
	if err := tx.QueryRowContext(ctx, `SELECT rid, collection, category FROM records WHERE id = ?`, id).Scan(&d.rid, &d.collection, &d.category); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		return err
	}
	if err := ch.remove(ctx, tx, d); err != nil {
		return err
	}
	// The records that list this one (editions, discusses, discussed_in) change
	// with it, for harvesters and other processes alike.
	linked, err := listing(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := ch.touch(ctx, tx, linked); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM editions WHERE a = ? OR b = ?`, `DELETE FROM links WHERE from_id = ? OR to_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, id, id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE from_id = ?`, id); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM revisions WHERE record_id = ?`, `DELETE FROM review WHERE record_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM records WHERE rid = ?`, d.rid)
	return err
}

// listing returns the records whose JSON lists id (editions, discusses,
// discussed_in): they change when it comes, goes or changes state.
func listing(ctx context.Context, tx *txn, id string) ([]string, error) {
	return queryIDs(ctx, tx, `SELECT b FROM editions WHERE a = ? UNION SELECT a FROM editions WHERE b = ?
		UNION SELECT to_id FROM links WHERE from_id = ? AND asserted = 1 UNION SELECT from_id FROM links WHERE to_id = ? AND asserted = 1`, id, id, id, id)
}

// queryIDs runs a query of one text column.
func queryIDs(ctx context.Context, tx *txn, q string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	return collect(rows, err, func(rows *sql.Rows, id *string) error { return rows.Scan(id) })
}

// insertSources writes archival references' rows, for edition grouping and
// repository filters (SameFile).
func insertSources(ctx context.Context, tx *txn, srcs []pendingSource) error {
	err := insertRows(ctx, tx, "sources(rid, repository, fond, opis, delo, papka, folios, file)", 8, srcs, func(p pendingSource) []any {
		return []any{p.rid, p.src.Repository, p.src.Fond, p.src.Opis, p.src.Delo, p.src.Papka, p.src.Folios, p.src.File}
	})
	if err != nil {
		return fmt.Errorf("index sources: %w", err)
	}
	return nil
}

// insertRows inserts a row of cols values for each item, batch rows a statement.
func insertRows[T any](ctx context.Context, tx *txn, into string, cols int, items []T, row func(T) []any) error {
	tuple := "(" + marks(cols) + "),"
	for start := 0; start < len(items); start += batch {
		part := items[start:min(start+batch, len(items))]
		args := make([]any, 0, cols*len(part))
		for _, it := range part {
			args = append(args, row(it)...)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+into+` VALUES `+strings.TrimSuffix(strings.Repeat(tuple, len(part)), ","), args...); err != nil {
			return err
		}
	}
	return nil
}

// collect reads every row a query returned (or its error), and closes them.
func collect[T any](rows *sql.Rows, err error, scan func(*sql.Rows, *T) error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Delete implements store.Store.
func (s *Store) Delete(ctx context.Context, id string) error {
	tx, err := s.write.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ch := &change{}
	if err := deleteRecord(ctx, tx, ch, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM aliases WHERE new = ?`, id); err != nil {
		return err
	}
	if err := ch.dateWrites(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.committed(ch, nil)
	return nil
}
