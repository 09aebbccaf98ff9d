package sqlstore

import (
	"context"
	"fmt"
	"time"

	"fond/internal/store"
)

// stampLayout is updated_at cut to whole seconds. Stored times are RFC 3339
// with a variable fraction, which does not sort as text; their first 19
// characters do.
const stampLayout = "2006-01-02T15:04:05"

// Harvest implements store.Store.
func (s *Store) Harvest(ctx context.Context, q store.HarvestQuery) ([]store.Harvested, int, error) {
	where := `WHERE substr(updated_at, 1, 19) >= ? AND substr(updated_at, 1, 19) <= ?`
	from, until := "0000-00-00T00:00:00", "9999-99-99T99:99:99"
	if !q.From.IsZero() {
		from = q.From.UTC().Format(stampLayout)
	}
	if !q.Until.IsZero() {
		until = q.Until.UTC().Format(stampLayout)
	}
	args := []any{from, until}
	if q.ID != "" {
		where += ` AND id = ?`
		args = append(args, q.ID)
	}
	if q.Collection != "" {
		where += ` AND collection = ?`
		args = append(args, q.Collection)
	}
	if q.Category != "" {
		where += ` AND category = ?`
		args = append(args, q.Category)
	}
	var total int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM records `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("harvest: %w", err)
	}
	page := where
	if !q.After.Datestamp.IsZero() {
		after := q.After.Datestamp.UTC().Format(stampLayout)
		page += ` AND (substr(updated_at, 1, 19) > ? OR substr(updated_at, 1, 19) = ? AND id > ?)`
		args = append(args, after, after, q.After.ID)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit)
	rows, err := s.read.QueryContext(ctx, `SELECT id, doc, body, ingested_at, updated_at FROM records `+page+
		` ORDER BY substr(updated_at, 1, 19), id LIMIT ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("harvest: %w", err)
	}
	defer rows.Close()
	var out []store.Harvested
	for rows.Next() {
		var id, doc, body, ingested, updated string
		if err := rows.Scan(&id, &doc, &body, &ingested, &updated); err != nil {
			return nil, 0, err
		}
		r, err := decodeDoc(doc, body, ingested)
		if err != nil {
			return nil, 0, fmt.Errorf("record %s: %w", id, err)
		}
		stamp, err := time.Parse(stampLayout, updated[:min(len(updated), len(stampLayout))])
		if err != nil {
			return nil, 0, fmt.Errorf("record %s: datestamp %q: %w", id, updated, err)
		}
		out = append(out, store.Harvested{Record: r, Datestamp: stamp})
	}
	return out, total, rows.Err()
}
