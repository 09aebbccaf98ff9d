package sqlstore

import (
	"context"
	"fmt"

	"fond/internal/store"
)

// NameDecisions implements store.Store.
func (s *Store) NameDecisions(ctx context.Context, recordID string) ([]store.NameDecision, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT record_id, start, end_, authority, status FROM name_decisions WHERE record_id = ? ORDER BY start`, recordID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.NameDecision
	for rows.Next() {
		var d store.NameDecision
		if err := rows.Scan(&d.RecordID, &d.Start, &d.End, &d.Authority, &d.Status); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DecideName implements store.Store.
func (s *Store) DecideName(ctx context.Context, d store.NameDecision) error {
	if d.Status != "confirmed" && d.Status != "rejected" {
		return fmt.Errorf("name decision: status %q is neither confirmed nor rejected", d.Status)
	}
	_, err := s.write.ExecContext(ctx, `INSERT INTO name_decisions(record_id, start, end_, authority, status) VALUES (?,?,?,?,?)
		ON CONFLICT(record_id, start) DO UPDATE SET end_ = excluded.end_, authority = excluded.authority, status = excluded.status`,
		d.RecordID, d.Start, d.End, d.Authority, d.Status)
	return err
}
