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

// DecideName implements store.Store: the decision and the record's revision
// that names it are one transaction.
func (s *Store) DecideName(ctx context.Context, d store.NameDecision) error {
	if d.Status != "confirmed" && d.Status != "rejected" {
		return fmt.Errorf("name decision: status %q is neither confirmed nor rejected", d.Status)
	}
	tx, err := s.write.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var revision int
	err = tx.QueryRowContext(ctx, `UPDATE records SET revision = revision + 1 WHERE id = ? RETURNING revision`, d.RecordID).Scan(&revision)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("name decision on record %s: %w", d.RecordID, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("name decision on record %s: %w", d.RecordID, err)
	}
	from := json.RawMessage("null")
	var prev store.NameDecision
	switch err := tx.QueryRowContext(ctx, `SELECT start, end_, authority, status FROM name_decisions WHERE record_id = ? AND start = ?`, d.RecordID, d.Start).
		Scan(&prev.Start, &prev.End, &prev.Authority, &prev.Status); {
	case err == nil:
		from = decisionJSON(prev)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO name_decisions(record_id, start, end_, authority, status) VALUES (?,?,?,?,?)
		ON CONFLICT(record_id, start) DO UPDATE SET end_ = excluded.end_, authority = excluded.authority, status = excluded.status`,
		d.RecordID, d.Start, d.End, d.Authority, d.Status); err != nil {
		return err
	}
	if err := addRevision(ctx, tx, d.RecordID, store.Revision{Revision: revision, Author: d.By, At: time.Now().UTC(), Action: store.ActionNames,
		Changes: []record.Change{{Field: "names", From: from, To: decisionJSON(d)}}}); err != nil {
		return err
	}
	return tx.Commit()
}

// decisionJSON is a name decision as a history shows it.
func decisionJSON(d store.NameDecision) json.RawMessage {
	b, _ := json.Marshal(map[string]any{"start": d.Start, "end": d.End, "authority": d.Authority, "status": d.Status})
	return b
}
