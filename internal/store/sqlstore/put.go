package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"fond/internal/record"
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

	if _, err := tx.ExecContext(ctx, `INSERT INTO originals(checksum, name, size, data, added_at) VALUES (?,?,?,?,?)
		ON CONFLICT(checksum) DO NOTHING`, f.Original.Checksum, f.Original.Name, len(f.Original.Data), f.Original.Data, now); err != nil {
		return nil, fmt.Errorf("store original: %w", err)
	}

	// What the path held before: ids by position, to alias records a change replaces.
	previous := map[int]string{}
	rows, err := tx.QueryContext(ctx, `SELECT id, position FROM records WHERE path = ?`, f.Path)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		var pos int
		if err := rows.Scan(&id, &pos); err != nil {
			rows.Close()
			return nil, err
		}
		previous[pos] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	keep := map[string]bool{}
	results := make([]store.PutResult, 0, len(f.Records))
	ch := &change{}
	for pos, r := range f.Records {
		status, err := putRecord(ctx, tx, ch, f, pos, r, now)
		if err != nil {
			return nil, fmt.Errorf("record %d (%q): %w", pos, r.Title, err)
		}
		keep[r.ID] = true
		results = append(results, store.PutResult{ID: r.ID, Title: r.Title, Status: status})
	}
	for pos, old := range previous {
		if keep[old] {
			continue
		}
		if err := deleteRecord(ctx, tx, ch, old); err != nil {
			return nil, err
		}
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
	if _, err := tx.ExecContext(ctx, `INSERT INTO files(path, checksum, format, ingested_at) VALUES (?,?,?,?)
		ON CONFLICT(path) DO UPDATE SET checksum = excluded.checksum, format = excluded.format, ingested_at = excluded.ingested_at
		WHERE files.checksum <> excluded.checksum OR files.format <> excluded.format`,
		f.Path, f.Original.Checksum, f.Format, now); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	if err := s.committed(ctx, ch, analysed); err != nil {
		return results, fmt.Errorf("stored, but the search index could not follow: %w", err)
	}
	return results, nil
}

// putRecord inserts or replaces one record and reports whether anything changed.
// Derived links (editions) and timestamps are left out of the comparison so that
// re-ingesting an unchanged file writes nothing.
func putRecord(ctx context.Context, tx *txn, ch *change, f store.File, pos int, r record.Record, now string) (string, error) {
	if r.ID == "" {
		return "", errors.New("record has no id")
	}
	r.Checksum = f.Original.Checksum
	r.Format = f.Format
	doc, err := encodeDoc(r)
	if err != nil {
		return "", err
	}
	var rid int64
	var oldDoc, oldBody, ingestedAt string
	err = tx.QueryRowContext(ctx, `SELECT rid, doc, body, ingested_at FROM records WHERE id = ?`, r.ID).Scan(&rid, &oldDoc, &oldBody, &ingestedAt)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		gen, err := ch.bump(ctx, tx)
		if err != nil {
			return "", err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO records(id, checksum, path, position, parent, title, type, category, earliest, latest, lang, collection, doc, body, ingested_at, updated_at, gen)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING rid`, r.ID, r.Checksum, f.Path, pos, r.Parent, r.Title, r.Type, r.Category, r.Date.Earliest, r.Date.Latest, r.Languages.Text, collectionID(r), doc, r.Body, now, now, gen).Scan(&rid); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM aliases WHERE old = ?`, r.ID); err != nil {
			return "", err
		}
		ch.put(rid, &r)
		return store.Added, indexSources(ctx, tx, rid, r)
	case err != nil:
		return "", err
	}
	if oldBody == r.Body && sameDoc(oldDoc, doc) {
		// The same record may now be reached through another path; keep the newest.
		_, err := tx.ExecContext(ctx, `UPDATE records SET path = ?, position = ? WHERE rid = ? AND (path <> ? OR position <> ?)`, f.Path, pos, rid, f.Path, pos)
		return store.Unchanged, err
	}
	gen, err := ch.bump(ctx, tx)
	if err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE records SET checksum=?, path=?, position=?, parent=?, title=?, type=?, category=?, earliest=?, latest=?, lang=?, collection=?, doc=?, body=?, updated_at=?, gen=? WHERE rid=?`,
		r.Checksum, f.Path, pos, r.Parent, r.Title, r.Type, r.Category, r.Date.Earliest, r.Date.Latest, r.Languages.Text, collectionID(r), doc, r.Body, now, gen, rid); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE rid = ?`, rid); err != nil {
		return "", err
	}
	ch.put(rid, &r)
	return store.Updated, indexSources(ctx, tx, rid, r)
}

// encodeDoc is the stored JSON: the record minus what the store derives or
// stamps, and minus its body, which has a column of its own.
func encodeDoc(r record.Record) (string, error) {
	r.Body = ""
	r.Editions, r.Discusses, r.DiscussedIn = nil, nil, nil
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

func collectionID(r record.Record) string {
	if r.Collection == nil {
		return ""
	}
	return r.Collection.ID
}

// indexSources keeps a record's archival references in rows of their own, for
// edition grouping (SameFile).
func indexSources(ctx context.Context, tx *txn, rid int64, r record.Record) error {
	for _, src := range r.Sources {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sources(rid, repository, fond, opis, delo, papka, folios, file) VALUES (?,?,?,?,?,?,?,?)`,
			rid, src.Repository, src.Fond, src.Opis, src.Delo, src.Papka, src.Folios, src.File); err != nil {
			return fmt.Errorf("index sources: %w", err)
		}
	}
	return nil
}

func deleteRecord(ctx context.Context, tx *txn, ch *change, id string) error {
	var rid int64
	if err := tx.QueryRowContext(ctx, `SELECT rid FROM records WHERE id = ?`, id).Scan(&rid); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		return err
	}
	if err := ch.remove(ctx, tx, rid); err != nil {
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
	_, err := tx.ExecContext(ctx, `DELETE FROM records WHERE rid = ?`, rid)
	return err
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
	if err := tx.Commit(); err != nil {
		return err
	}
	return s.committed(ctx, ch, nil)
}

// LinkEditions implements store.Store. Links are stored once per unordered pair.
func (s *Store) LinkEditions(ctx context.Context, links []store.EditionLink) error {
	tx, err := s.write.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, l := range links {
		a, b := l.A, l.B
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO editions(a, b, reason) VALUES (?,?,?) ON CONFLICT(a, b) DO UPDATE SET reason = excluded.reason`, a, b, l.Reason); err != nil {
			return err
		}
	}
	return tx.Commit()
}
