package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"fond/internal/record"
	"fond/internal/store"
)

// Get implements store.Store. An id replaced by a changed file resolves to its
// successor, so permalinks survive corrections.
func (s *Store) Get(ctx context.Context, id string) (record.Record, error) {
	r, err := s.get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		var successor string
		if e := s.read.QueryRowContext(ctx, `SELECT new FROM aliases WHERE old = ?`, id).Scan(&successor); e == nil {
			return s.get(ctx, successor)
		}
	}
	return r, err
}

func (s *Store) get(ctx context.Context, id string) (record.Record, error) {
	var doc, body, ingested, status, reason, prov string
	var revision int
	err := s.read.QueryRowContext(ctx, `SELECT doc, body, ingested_at, status, status_reason, revision, provenance FROM records WHERE id = ?`, id).Scan(&doc, &body, &ingested, &status, &reason, &revision, &prov)
	if errors.Is(err, sql.ErrNoRows) {
		return record.Record{}, fmt.Errorf("record %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return record.Record{}, err
	}
	r, err := decodeDoc(doc, body, ingested)
	if err != nil {
		return r, fmt.Errorf("record %s: %w", id, err)
	}
	r.Status, r.WithdrawnReason, r.Revision = status, reason, revision
	if r.Provenance, err = decodeProvenance(prov); err != nil {
		return r, fmt.Errorf("record %s: %w", id, err)
	}
	if r.Editions, err = s.editions(ctx, id); err != nil {
		return r, err
	}
	r.Discusses, r.DiscussedIn, err = s.linked(ctx, id)
	return r, err
}

func decodeDoc(doc, body, ingested string) (record.Record, error) {
	var r record.Record
	if err := json.Unmarshal([]byte(doc), &r); err != nil {
		return r, fmt.Errorf("decode stored record: %w", err)
	}
	r.Body = body
	r.IngestedAt, _ = time.Parse(time.RFC3339Nano, ingested)
	r.Normalize()
	return r, nil
}

func (s *Store) editions(ctx context.Context, id string) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT b FROM editions WHERE a = ? UNION SELECT a FROM editions WHERE b = ? ORDER BY 1`, id, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var other string
		if err := rows.Scan(&other); err != nil {
			return nil, err
		}
		out = append(out, other)
	}
	return out, rows.Err()
}

// List implements store.Store: records in date order, undated last, then by id.
func (s *Store) List(ctx context.Context, q store.ListQuery) ([]record.Record, int, error) {
	var total int
	where := ""
	if q.PublishedOnly {
		where = " WHERE status = 'published'"
	}
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM records`+where).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = math.MaxInt32 // every database takes a number; not all take "no limit" alike
	}
	order := "earliest = '', earliest, id"
	if q.Recent {
		order = "ingested_at DESC, rid DESC"
	}
	if q.IDsOnly {
		out, err := s.listIDs(ctx, where, order, limit, max(0, q.Offset))
		return out, total, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id, doc, body, ingested_at, status, status_reason FROM records`+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`, limit, max(0, q.Offset))
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []record.Record
	for rows.Next() {
		var id, doc, body, ingested, status, reason string
		if err := rows.Scan(&id, &doc, &body, &ingested, &status, &reason); err != nil {
			return nil, 0, err
		}
		r, err := decodeDoc(doc, body, ingested)
		if err != nil {
			return nil, 0, fmt.Errorf("record %s: %w", id, err)
		}
		r.Status, r.WithdrawnReason = status, reason
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	rows.Close()
	for i := range out {
		if out[i].Editions, err = s.editions(ctx, out[i].ID); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

func (s *Store) listIDs(ctx context.Context, where, order string, limit, offset int) ([]record.Record, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM records`+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []record.Record
	for rows.Next() {
		var r record.Record
		if err := rows.Scan(&r.ID); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Original implements store.Store.
func (s *Store) Original(ctx context.Context, checksum string) (store.Original, error) {
	var o store.Original
	var added string
	err := s.read.QueryRowContext(ctx, `SELECT checksum, name, size, data, added_at FROM originals WHERE checksum = ?`, checksum).
		Scan(&o.Checksum, &o.Name, &o.Size, &o.Data, &added)
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("original %s: %w", checksum, store.ErrNotFound)
	}
	o.AddedAt, _ = time.Parse(time.RFC3339Nano, added)
	return o, err
}

// Source implements store.Store.
func (s *Store) Source(ctx context.Context, id string) (string, error) {
	var path string
	err := s.read.QueryRowContext(ctx, `SELECT path FROM records WHERE id = ?`, id).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("record %s: %w", id, store.ErrNotFound)
	}
	return path, err
}

// FileChecksum implements store.Store.
func (s *Store) FileChecksum(ctx context.Context, path string) (string, error) {
	var c string
	err := s.read.QueryRowContext(ctx, `SELECT checksum FROM files WHERE path = ?`, path).Scan(&c)
	if errors.Is(err, sql.ErrNoRows) {
		return "", store.ErrNotFound
	}
	return c, err
}

// HasOriginal implements store.Store.
func (s *Store) HasOriginal(ctx context.Context, checksum string) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM records WHERE checksum = ?`, checksum).Scan(&n)
	return n > 0, err
}

// Files implements store.Store. Originals' bytes are not loaded; use Original.
func (s *Store) Files(ctx context.Context) ([]store.File, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT f.path, f.format, o.checksum, o.name, o.size FROM files f JOIN originals o USING (checksum) ORDER BY f.path`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.File
	for rows.Next() {
		var f store.File
		if err := rows.Scan(&f.Path, &f.Format, &f.Original.Checksum, &f.Original.Name, &f.Original.Size); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// SameFile implements store.Store.
func (s *Store) SameFile(ctx context.Context, src record.Source) ([]record.Record, error) {
	if src.Repository == "" || (src.Fond == "" && src.Delo == "" && src.File == "") {
		return nil, nil
	}
	// No bodies: edition grouping compares references and dates, and DISTINCT
	// over bodies was most of the cost of an ingest's lookups.
	rows, err := s.read.queryPrepared(ctx, `SELECT r.id, r.doc, '', r.ingested_at FROM records r WHERE r.rid IN
		(SELECT rid FROM sources WHERE repository = ? AND fond = ? AND opis = ? AND delo = ? AND file = ?) ORDER BY r.id`,
		src.Repository, src.Fond, src.Opis, src.Delo, src.File)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []record.Record
	for rows.Next() {
		var id, doc, body, ingested string
		if err := rows.Scan(&id, &doc, &body, &ingested); err != nil {
			return nil, err
		}
		r, err := decodeDoc(doc, body, ingested)
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", id, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

var _ store.FileLister = (*Store)(nil)

// FileRecords implements store.FileLister.
func (s *Store) FileRecords(ctx context.Context, path string) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM records WHERE path = ? ORDER BY position`, path)
	return collect(rows, err, func(rows *sql.Rows, id *string) error { return rows.Scan(id) })
}
