package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"fond/internal/record"
	"fond/internal/store"
)

// stampLayout is a time cut to whole seconds. Stored times are RFC 3339 with a
// variable fraction, which does not sort as text; their first 19 characters do.
const stampLayout = "2006-01-02T15:04:05"

// harvestItems is every record a harvester sees: the live ones at their last
// change, and the deleted ones (not since re-added) at their last deletion.
const harvestItems = `WITH items AS (
	SELECT id, substr(updated_at, 1, 19) AS ds, 0 AS deleted, collection, category FROM records
	UNION ALL
	SELECT d.id, substr(max(d.deleted_at), 1, 19), 1, max(d.collection), max(d.category) FROM record_deletions d
	WHERE d.id <> '' AND NOT EXISTS (SELECT 1 FROM records r WHERE r.id = d.id) GROUP BY d.id
) `

// Harvest implements store.Store.
func (s *Store) Harvest(ctx context.Context, q store.HarvestQuery) ([]store.Harvested, int, error) {
	where := `WHERE i.ds >= ? AND i.ds <= ?`
	from, until := "0000-00-00T00:00:00", "9999-99-99T99:99:99"
	if !q.From.IsZero() {
		from = q.From.UTC().Format(stampLayout)
	}
	if !q.Until.IsZero() {
		until = q.Until.UTC().Format(stampLayout)
	}
	args := []any{from, until}
	for _, f := range []struct{ col, val string }{{"id", q.ID}, {"collection", q.Collection}, {"category", q.Category}} {
		if f.val != "" {
			where += ` AND i.` + f.col + ` = ?`
			args = append(args, f.val)
		}
	}
	var total int
	if err := s.read.QueryRowContext(ctx, harvestItems+`SELECT count(*) FROM items i `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("harvest: %w", err)
	}
	if !q.After.Datestamp.IsZero() {
		after := q.After.Datestamp.UTC().Format(stampLayout)
		where += ` AND (i.ds > ? OR i.ds = ? AND i.id > ?)`
		args = append(args, after, after, q.After.ID)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit)
	rows, err := s.read.QueryContext(ctx, harvestItems+`SELECT i.id, i.ds, i.deleted, i.collection, i.category, r.doc, r.body, r.ingested_at
		FROM items i LEFT JOIN records r ON r.id = i.id AND i.deleted = 0 `+where+` ORDER BY i.ds, i.id LIMIT ?`, args...)
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
		}
		out = append(out, h)
	}
	return out, total, rows.Err()
}
