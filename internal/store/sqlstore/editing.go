package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"fond/internal/record"
	"fond/internal/review"
	"fond/internal/store"
)

// EditRecord implements store.Editor.
func (s *Store) EditRecord(ctx context.Context, e store.Edit) (record.Record, error) {
	if e.Author == "" {
		return record.Record{}, errors.New("an edit needs its author")
	}
	if e.Action == "" {
		e.Action = store.ActionEdit
	}
	tx, err := s.write.beginWrite(ctx)
	if err != nil {
		return record.Record{}, err
	}
	defer tx.Rollback()
	cur, err := loadForEdit(ctx, tx, e.ID)
	if err != nil {
		return record.Record{}, err
	}
	if e.Base != cur.r.Revision {
		tx.Rollback()
		now, err := s.Get(ctx, e.ID)
		if err != nil {
			return record.Record{}, err
		}
		return now, &store.StaleError{Base: e.Base, Current: now}
	}
	next := cur.r
	next.Provenance = nil
	if err := record.SetFields(&next, e.Fields); err != nil {
		return cur.r, err
	}
	changes, err := record.Diff(cur.r, next)
	if err != nil {
		return cur.r, err
	}
	changed := make([]string, len(changes))
	for i, c := range changes {
		changed[i] = c.Field
	}
	if err := store.CheckEdited(&next, changed); err != nil {
		return cur.r, err
	}
	// Checking may have derived values (a date's bounds): compare again.
	if changes, err = record.Diff(cur.r, next); err != nil {
		return cur.r, err
	}
	now := time.Now().UTC()
	prov, confirmed, err := provenanceAfterEdit(cur.r, changes, e, now)
	if err != nil {
		return cur.r, err
	}
	answered := slices.Contains(e.Confirm, review.PossibleDuplicate)
	if answered {
		confirmed = append(confirmed, "not a duplicate")
	}
	if len(changes) == 0 && len(confirmed) == 0 {
		return s.Get(ctx, e.ID)
	}
	next.Provenance = prov
	next.Revision = cur.r.Revision + 1
	note := e.Note
	if len(confirmed) > 0 {
		note = strings.TrimSpace(note + " (confirmed: " + strings.Join(confirmed, ", ") + ")")
	}
	ch := &change{}
	if err := writeRevision(ctx, tx, ch, cur.rid, next, store.Revision{
		Revision: next.Revision, Author: e.Author, At: now, Action: e.Action, Note: note, Changes: changes,
	}); err != nil {
		return cur.r, fmt.Errorf("record %s: %w", e.ID, err)
	}
	if answered {
		if _, err := tx.ExecContext(ctx, `DELETE FROM review WHERE record_id = ? AND reason = ?`, e.ID, review.PossibleDuplicate); err != nil {
			return cur.r, fmt.Errorf("record %s: %w", e.ID, err)
		}
	}
	if err := ch.dateWrites(ctx, tx); err != nil {
		return cur.r, err
	}
	if err := tx.Commit(); err != nil {
		return cur.r, fmt.Errorf("commit: %w", err)
	}
	s.committed(ch, nil)
	return s.Get(ctx, e.ID)
}

// stored is a record as an edit reads it, inside the edit's transaction.
type stored struct {
	rid int64
	r   record.Record
}

func loadForEdit(ctx context.Context, tx *txn, id string) (stored, error) {
	var st stored
	var doc, body, ingested, status, reason, prov string
	err := tx.QueryRowContext(ctx, `SELECT rid, doc, body, ingested_at, status, status_reason, revision, provenance FROM records WHERE id = ?`, id).
		Scan(&st.rid, &doc, &body, &ingested, &status, &reason, &st.r.Revision, &prov)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("record %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("record %s: %w", id, err)
	}
	rev := st.r.Revision
	if st.r, err = decodeDoc(doc, body, ingested); err != nil {
		return st, fmt.Errorf("record %s: %w", id, err)
	}
	st.r.Revision, st.r.Status, st.r.WithdrawnReason = rev, status, reason
	if st.r.Provenance, err = decodeProvenance(prov); err != nil {
		return st, fmt.Errorf("record %s: %w", id, err)
	}
	return st, nil
}

// provenanceAfterEdit is who set each field once e is saved: the author, for
// the fields changed and confirmed. The machine's reading a person overrode is
// kept with the first override, so that a later reading of the source is
// compared with it, not with the person's value. A revert that gives a field
// back the machine's reading gives it back to the machine.
func provenanceAfterEdit(cur record.Record, changes []record.Change, e store.Edit, now time.Time) (map[string]record.Provenance, []string, error) {
	prov := make(map[string]record.Provenance, len(cur.Provenance)+len(changes))
	for f, p := range cur.Provenance {
		prov[f] = p
	}
	for _, c := range changes {
		p, person := prov[c.Field]
		extracted := c.From
		if person && p.Person() {
			extracted = p.Extracted
		}
		if e.Action == store.ActionRevert && record.SameJSON(c.To, extracted) {
			delete(prov, c.Field)
			continue
		}
		prov[c.Field] = record.Provenance{By: e.Author, At: now, Extracted: extracted}
	}
	var confirmed []string
	for _, f := range e.Confirm {
		if f == review.PossibleDuplicate {
			continue // answered by writeRevision: not a field
		}
		if !record.IsEditable(f) {
			return nil, nil, &record.FieldError{Field: f, Err: errors.New("not a field a person may confirm")}
		}
		p := prov[f]
		switch {
		case p.Person() && len(p.SourceChanged) > 0:
			// The person has seen the new reading and keeps their value:
			// the next comparison is with what the source says now.
			p.Extracted, p.SourceChanged = p.SourceChanged, nil
		case !p.Person():
			v, err := record.Field(cur, f)
			if err != nil {
				return nil, nil, err
			}
			p = record.Provenance{By: e.Author, At: now, Extracted: v}
		default:
			continue
		}
		prov[f] = p
		confirmed = append(confirmed, f)
	}
	if len(prov) == 0 {
		return nil, confirmed, nil
	}
	return prov, confirmed, nil
}

// writeRevision stores r (already carrying its new revision and provenance)
// over the record's row, with the revision's history row, its sources and
// its place in the review queue.
func writeRevision(ctx context.Context, tx *txn, ch *change, rid int64, r record.Record, rev store.Revision) error {
	doc, err := encodeDoc(r)
	if err != nil {
		return err
	}
	prov, err := encodeProvenance(r.Provenance)
	if err != nil {
		return err
	}
	gen, err := ch.bump(ctx, tx)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE records SET parent=?, title=?, type=?, category=?, earliest=?, latest=?, lang=?, collection=?, doc=?, body=?, gen=?, revision=?, provenance=? WHERE rid=?`,
		r.Parent, r.Title, r.Type, r.Category, r.Date.Earliest, r.Date.Latest, r.Languages.Text, collectionID(r), doc, r.Body, gen, r.Revision, prov, rid); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE rid = ?`, rid); err != nil {
		return err
	}
	srcs := make([]pendingSource, len(r.Sources))
	for i, src := range r.Sources {
		srcs[i] = pendingSource{rid, src}
	}
	if err := insertSources(ctx, tx, srcs); err != nil {
		return err
	}
	if err := addRevision(ctx, tx, r.ID, rev); err != nil {
		return err
	}
	if err := setReview(ctx, tx, r.ID, review.Reasons(r)); err != nil {
		return err
	}
	ch.put(rid, &r)
	return nil
}

// addRevision writes one history row.
func addRevision(ctx context.Context, tx *txn, id string, rev store.Revision) error {
	if rev.Changes == nil {
		rev.Changes = []record.Change{}
	}
	changes, err := json.Marshal(rev.Changes)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO revisions(record_id, revision, author, at, action, note, changes) VALUES (?,?,?,?,?,?,?)`,
		id, rev.Revision, rev.Author, rev.At.UTC().Format(time.RFC3339Nano), rev.Action, rev.Note, string(changes))
	return err
}

// setReview replaces a stored record's reasons in the queue (a new record's
// are written in batches with its file's other rows).
func setReview(ctx context.Context, tx *txn, id string, reasons []string) error {
	// A possible duplicate is not read from the record: it stays until a
	// person answers it.
	if _, err := tx.ExecContext(ctx, `DELETE FROM review WHERE record_id = ? AND reason <> ?`, id, review.PossibleDuplicate); err != nil {
		return fmt.Errorf("review queue: %w", err)
	}
	for _, reason := range reasons {
		if _, err := tx.ExecContext(ctx, `INSERT INTO review(record_id, reason) VALUES (?, ?) ON CONFLICT(record_id, reason) DO NOTHING`, id, reason); err != nil {
			return fmt.Errorf("review queue: %w", err)
		}
	}
	return nil
}

func decodeProvenance(s string) (map[string]record.Provenance, error) {
	if s == "" {
		return nil, nil
	}
	var m map[string]record.Provenance
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("decode provenance: %w", err)
	}
	return m, nil
}

func encodeProvenance(m map[string]record.Provenance) (string, error) {
	if len(m) == 0 {
		return "", nil
	}
	b, err := json.Marshal(m)
	return string(b), err
}

// History implements store.Editor.
func (s *Store) History(ctx context.Context, id string) ([]store.Revision, error) {
	var ingested, format string
	var current int
	err := s.read.QueryRowContext(ctx, `SELECT r.ingested_at, f.format, r.revision FROM records r LEFT JOIN files f ON f.path = r.path WHERE r.id = ?`, id).Scan(&ingested, &format, &current)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("record %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("history of %s: %w", id, err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT revision, author, at, action, note, changes FROM revisions WHERE record_id = ? ORDER BY revision DESC`, id)
	out, err := collect(rows, err, func(rows *sql.Rows, r *store.Revision) error {
		var at, changes string
		if err := rows.Scan(&r.Revision, &r.Author, &at, &r.Action, &r.Note, &changes); err != nil {
			return err
		}
		r.At, _ = time.Parse(time.RFC3339Nano, at)
		return json.Unmarshal([]byte(changes), &r.Changes)
	})
	if err != nil {
		return nil, fmt.Errorf("history of %s: %w", id, err)
	}
	if len(out) == 0 || out[len(out)-1].Revision != 1 {
		// The first revision of a record read from a file has no row (the
		// ingest of a million records writes none): it is the ingest itself.
		at, _ := time.Parse(time.RFC3339Nano, ingested)
		out = append(out, store.Revision{Revision: 1, At: at, Action: store.ActionIngest, Changes: []record.Change{}})
	}
	return out, nil
}

// Review implements store.Editor.
func (s *Store) Review(ctx context.Context, q store.ReviewQuery) ([]store.ReviewItem, map[string]int, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	counts := map[string]int{}
	rows, err := s.read.QueryContext(ctx, `SELECT reason, count(*) FROM review GROUP BY reason`)
	if _, err := collect(rows, err, func(rows *sql.Rows, _ *struct{}) error {
		var reason string
		var n int
		if err := rows.Scan(&reason, &n); err != nil {
			return err
		}
		counts[reason] = n
		return nil
	}); err != nil {
		return nil, nil, fmt.Errorf("review queue: %w", err)
	}
	var ids []string
	switch {
	case q.ID != "":
		rows, err = s.read.QueryContext(ctx, `SELECT DISTINCT record_id FROM review WHERE record_id = ?`, q.ID)
	case q.Reason != "":
		rows, err = s.read.QueryContext(ctx, `SELECT record_id FROM review WHERE reason = ? AND record_id > ? ORDER BY record_id LIMIT ?`, q.Reason, q.After, q.Limit)
	default:
		rows, err = s.read.QueryContext(ctx, `SELECT DISTINCT record_id FROM review WHERE record_id > ? ORDER BY record_id LIMIT ?`, q.After, q.Limit)
	}
	ids, err = collect(rows, err, func(rows *sql.Rows, id *string) error { return rows.Scan(id) })
	if err != nil {
		return nil, nil, fmt.Errorf("review queue: %w", err)
	}
	if len(ids) == 0 {
		return []store.ReviewItem{}, counts, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	items := map[string]*store.ReviewItem{}
	rows, err = s.read.QueryContext(ctx, `SELECT r.id, r.title, r.status, v.reason FROM review v JOIN records r ON r.id = v.record_id WHERE v.record_id IN (`+marks(len(ids))+`)`, args...)
	if _, err := collect(rows, err, func(rows *sql.Rows, _ *struct{}) error {
		var it store.ReviewItem
		var reason string
		if err := rows.Scan(&it.ID, &it.Title, &it.Status, &reason); err != nil {
			return err
		}
		if items[it.ID] == nil {
			items[it.ID] = &it
		}
		items[it.ID].Reasons = append(items[it.ID].Reasons, reason)
		return nil
	}); err != nil {
		return nil, nil, fmt.Errorf("review queue: %w", err)
	}
	out := make([]store.ReviewItem, 0, len(ids))
	for _, id := range ids {
		it, ok := items[id]
		if !ok {
			continue
		}
		sort.Slice(it.Reasons, func(i, j int) bool {
			return slices.Index(review.All, it.Reasons[i]) < slices.Index(review.All, it.Reasons[j])
		})
		out = append(out, *it)
	}
	return out, counts, nil
}

// RestoreHistory implements store.Editor.
func (s *Store) RestoreHistory(ctx context.Context, id string, revs []store.Revision) error {
	if len(revs) == 0 {
		return nil
	}
	newest := 0
	for _, r := range revs {
		if r.Revision < 1 {
			return fmt.Errorf("record %s: revision %d in a history", id, r.Revision)
		}
		newest = max(newest, r.Revision)
	}
	tx, err := s.write.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE records SET revision = ? WHERE id = ?`, newest, id)
	if err != nil {
		return fmt.Errorf("record %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("record %s: %w", id, store.ErrNotFound)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM revisions WHERE record_id = ?`, id); err != nil {
		return err
	}
	for _, r := range revs {
		if err := addRevision(ctx, tx, id, r); err != nil {
			return fmt.Errorf("record %s, revision %d: %w", id, r.Revision, err)
		}
	}
	return tx.Commit()
}
