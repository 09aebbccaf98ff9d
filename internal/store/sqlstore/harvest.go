package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"fond/internal/record"
	"fond/internal/store"
)

// stampLayout is a time cut to whole seconds. Stored times are RFC 3339 with a
// variable fraction, which does not sort as text; their first 19 characters do,
// and records_datestamp indexes them.
const stampLayout = "2006-01-02T15:04:05"

// recordStamp is the datestamp expression records_datestamp indexes.
const recordStamp = "substr(updated_at, 1, 19)"

// harvestWhere is one branch's conditions (live records or tombstones, whose
// datestamp expression is ds) and their arguments.
func harvestWhere(ds string, q store.HarvestQuery, cursor, live bool) (string, []any) {
	from, until := "0000-00-00T00:00:00", "9999-99-99T99:99:99"
	if !q.From.IsZero() {
		from = q.From.UTC().Format(stampLayout)
	}
	if !q.Until.IsZero() {
		until = q.Until.UTC().Format(stampLayout)
	}
	conds := []string{ds + " >= ?", ds + " <= ?"}
	args := []any{from, until}
	if live {
		// A draft never published: harvesters must not learn even its id.
		conds = append(conds, "(status <> 'draft' OR was_public = 1)")
	}
	for _, f := range []struct{ col, val string }{{"id", q.ID}, {"collection", q.Collection}, {"category", q.Category}} {
		if f.val != "" {
			conds = append(conds, f.col+" = ?")
			args = append(args, f.val)
		}
	}
	if cursor && !q.After.Datestamp.IsZero() {
		after := q.After.Datestamp.UTC().Format(stampLayout)
		conds = append(conds, "("+ds+" > ? OR "+ds+" = ? AND id > ?)")
		args = append(args, after, after, q.After.ID)
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Harvest implements store.Store. Each branch, live records and tombstones,
// reads its next page along its own (datestamp, id) index; the two merge.
func (s *Store) Harvest(ctx context.Context, q store.HarvestQuery) ([]store.Harvested, int, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	total := 0
	if q.Count {
		w1, a1 := harvestWhere(recordStamp, q, false, true)
		w2, a2 := harvestWhere("ds", q, false, false)
		if err := s.read.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM records`+w1+`) + (SELECT count(*) FROM tombstones`+w2+`)`,
			append(a1, a2...)...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("harvest: %w", err)
		}
	}
	w1, a1 := harvestWhere(recordStamp, q, true, true)
	w2, a2 := harvestWhere("ds", q, true, false)
	args := append(append(append(a1, limit), a2...), limit, limit)
	rows, err := s.read.QueryContext(ctx, `SELECT u.id, u.ds, u.deleted, u.collection, u.category, r.doc, r.body, r.ingested_at FROM (
		SELECT * FROM (SELECT id, `+recordStamp+` AS ds, CASE WHEN status = 'published' THEN 0 ELSE 1 END AS deleted, collection, category FROM records`+w1+` ORDER BY `+recordStamp+`, id LIMIT ?) live
		UNION ALL
		SELECT * FROM (SELECT id, ds, 1 AS deleted, collection, category FROM tombstones`+w2+` ORDER BY ds, id LIMIT ?) gone
	) u LEFT JOIN records r ON r.id = u.id AND u.deleted = 0 ORDER BY u.ds, u.id LIMIT ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("harvest: %w", err)
	}
	defer rows.Close()
	var out []store.Harvested
	for rows.Next() {
		var id, ds, collection, category string
		var deleted int
		var doc, body, ingested sql.NullString
		if err := rows.Scan(&id, &ds, &deleted, &collection, &category, &doc, &body, &ingested); err != nil {
			return nil, 0, err
		}
		h := store.Harvested{Deleted: deleted != 0}
		if h.Datestamp, err = time.Parse(stampLayout, ds); err != nil {
			return nil, 0, fmt.Errorf("record %s: datestamp %q: %w", id, ds, err)
		}
		if h.Deleted {
			h.Record = record.Record{ID: id, Category: category}
			if collection != "" {
				h.Record.Collection = &record.Collection{ID: collection}
			}
		} else if h.Record, err = decodeDoc(doc.String, body.String, ingested.String); err != nil {
			return nil, 0, fmt.Errorf("record %s: %w", id, err)
		} else {
			h.Record.Status = record.Published // the rest are reported deleted, or left out
		}
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// HarvestSets implements store.Store: the sets of records harvesters may know of.
func (s *Store) HarvestSets(ctx context.Context) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT collection FROM records WHERE collection <> '' AND (status <> 'draft' OR was_public = 1) UNION SELECT collection FROM tombstones WHERE collection <> '' ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("harvest sets: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ArchiveID implements store.Store: the change log's epoch.
func (s *Store) ArchiveID(ctx context.Context) (string, error) {
	var epoch string
	if err := s.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'epoch'`).Scan(&epoch); err != nil {
		return "", fmt.Errorf("archive id: %w", err)
	}
	return epoch, nil
}
