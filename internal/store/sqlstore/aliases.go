package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"fond/internal/store"
)

var _ store.AliasKeeper = (*Store)(nil)

// Aliases implements store.AliasKeeper.
func (s *Store) Aliases(ctx context.Context, id string) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT old FROM aliases WHERE new = ? ORDER BY old`, id)
	return collect(rows, err, func(rows *sql.Rows, old *string) error { return rows.Scan(old) })
}

// AddAliases implements store.AliasKeeper.
func (s *Store) AddAliases(ctx context.Context, id string, old []string) error {
	tx, err := s.write.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM records WHERE id = ?`, id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("record %s: %w", id, store.ErrNotFound)
	} else if err != nil {
		return err
	}
	for _, o := range old {
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM records WHERE id = ?`, o).Scan(&one)
		if err == nil {
			return fmt.Errorf("alias %s of %s: %s is a stored record", o, id, o)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO aliases(old, new) VALUES (?, ?) ON CONFLICT(old) DO UPDATE SET new = excluded.new`, o, id); err != nil {
			return fmt.Errorf("alias %s of %s: %w", o, id, err)
		}
	}
	return tx.Commit()
}
