package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/romanize"
	"fond/internal/store"
)

// PutFile implements store.Store.
func (s *Store) PutFile(ctx context.Context, f store.File) ([]store.PutResult, error) {
	if f.Path == "" || f.Original.Checksum == "" {
		return nil, errors.New("sqlite: PutFile needs a path and a checksum")
	}
	now := time.Now().UTC().Format(time.RFC3339Nano)
	tx, err := s.write.BeginTx(ctx, nil)
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
	for pos, r := range f.Records {
		status, err := putRecord(ctx, tx, f, pos, r, now)
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
		if err := deleteRecord(ctx, tx, old); err != nil {
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
	return results, nil
}

// putRecord inserts or replaces one record and reports whether anything changed.
// Derived links (editions) and timestamps are left out of the comparison so that
// re-ingesting an unchanged file writes nothing.
func putRecord(ctx context.Context, tx *sql.Tx, f store.File, pos int, r record.Record, now string) (string, error) {
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
	var oldDoc, ingestedAt string
	err = tx.QueryRowContext(ctx, `SELECT rid, doc, ingested_at FROM records WHERE id = ?`, r.ID).Scan(&rid, &oldDoc, &ingestedAt)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.ExecContext(ctx, `INSERT INTO records(id, checksum, path, position, parent, title, type, category, earliest, latest, lang, collection, doc, ingested_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, r.ID, r.Checksum, f.Path, pos, r.Parent, r.Title, r.Type, r.Category, r.Date.Earliest, r.Date.Latest, r.Languages.Text, collectionID(r), doc, now, now)
		if err != nil {
			return "", err
		}
		if rid, err = res.LastInsertId(); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM aliases WHERE old = ?`, r.ID); err != nil {
			return "", err
		}
		return store.Added, indexRecord(ctx, tx, rid, r)
	case err != nil:
		return "", err
	}
	if oldDoc == doc {
		// The same record may now be reached through another path; keep the newest.
		_, err := tx.ExecContext(ctx, `UPDATE records SET path = ?, position = ? WHERE rid = ? AND (path <> ? OR position <> ?)`, f.Path, pos, rid, f.Path, pos)
		return store.Unchanged, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE records SET checksum=?, path=?, position=?, parent=?, title=?, type=?, category=?, earliest=?, latest=?, lang=?, collection=?, doc=?, updated_at=? WHERE rid=?`,
		r.Checksum, f.Path, pos, r.Parent, r.Title, r.Type, r.Category, r.Date.Earliest, r.Date.Latest, r.Languages.Text, collectionID(r), doc, now, rid); err != nil {
		return "", err
	}
	if err := unindexRecord(ctx, tx, rid); err != nil {
		return "", err
	}
	return store.Updated, indexRecord(ctx, tx, rid, r)
}

// encodeDoc is the stored JSON: the record minus what the store derives or stamps.
func encodeDoc(r record.Record) (string, error) {
	r.Editions, r.Discusses, r.DiscussedIn = nil, nil, nil
	r.IngestedAt = time.Time{}
	r.Normalize()
	b, err := json.Marshal(r)
	return string(b), err
}

func collectionID(r record.Record) string {
	if r.Collection == nil {
		return ""
	}
	return r.Collection.ID
}

func indexRecord(ctx context.Context, tx *sql.Tx, rid int64, r record.Record) error {
	var notes, archive []string
	for _, n := range r.Notes {
		notes = append(notes, n.Text)
	}
	for _, s := range r.Sources {
		archive = append(archive, s.Repository, s.Abbreviation, s.Reference)
	}
	// The genre is searchable ("blog", "telegram") though it is not in the text.
	archive = append(archive, r.Type)
	people := r.Names()
	var places []string
	if r.Place != "" {
		places = append(places, r.Place)
	}
	cjk := cjkBigrams(strings.Join([]string{r.Title, r.Summary, r.Body, strings.Join(notes, "\n"), strings.Join(people, "\n")}, "\n"))
	if _, err := tx.ExecContext(ctx, `INSERT INTO records_fts(rowid, title, summary, body, notes, people, places, archive, cjk) VALUES (?,?,?,?,?,?,?,?,?)`,
		rid, r.Title, r.Summary, r.Body, strings.Join(notes, "\n"), strings.Join(people, "\n"), strings.Join(places, "\n"), strings.Join(archive, "\n"), cjk); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	for _, src := range r.Sources {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sources(rid, repository, fond, opis, delo, papka, folios, file) VALUES (?,?,?,?,?,?,?,?)`,
			rid, src.Repository, src.Fond, src.Opis, src.Delo, src.Papka, src.Folios, src.File); err != nil {
			return fmt.Errorf("index sources: %w", err)
		}
	}
	var paired []string
	for _, p := range names.Pairs(r.Body) {
		paired = append(paired, p.A, p.B)
	}
	for kind, list := range map[string][]string{"person": people, "place": places, "name": paired} {
		for _, n := range list {
			if _, err := tx.ExecContext(ctx, `INSERT INTO record_names(rid, kind, name, key) VALUES (?,?,?,?)`, rid, kind, n, romanize.Key(n)); err != nil {
				return fmt.Errorf("index names: %w", err)
			}
		}
	}
	return nil
}

func unindexRecord(ctx context.Context, tx *sql.Tx, rid int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM records_fts WHERE rowid = ?`, rid); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM record_names WHERE rid = ?`, rid); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE rid = ?`, rid)
	return err
}

func deleteRecord(ctx context.Context, tx *sql.Tx, id string) error {
	var rid int64
	if err := tx.QueryRowContext(ctx, `SELECT rid FROM records WHERE id = ?`, id).Scan(&rid); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		return err
	}
	if err := unindexRecord(ctx, tx, rid); err != nil {
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
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := deleteRecord(ctx, tx, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM aliases WHERE new = ?`, id); err != nil {
		return err
	}
	return tx.Commit()
}

// LinkEditions implements store.Store. Links are stored once per unordered pair.
func (s *Store) LinkEditions(ctx context.Context, links []store.EditionLink) error {
	tx, err := s.write.BeginTx(ctx, nil)
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
