package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"fond/internal/names"
)

// loadAuthorities reads the curated file, or the starter file when there is none.
func (s *Store) loadAuthorities(ctx context.Context) error {
	var doc string
	err := s.read.QueryRowContext(ctx, `SELECT doc FROM authority_file WHERE id = 1`).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		s.auth.Store(names.Starter())
		return nil
	}
	if err != nil {
		return err
	}
	f, err := names.Load([]byte(doc))
	if err != nil {
		return fmt.Errorf("stored authority file: %w", err)
	}
	s.auth.Store(f)
	return nil
}

// Authorities implements store.Store.
func (s *Store) Authorities(ctx context.Context) (*names.File, error) {
	return s.auth.Load(), nil
}

// SetAuthorities implements store.Store.
func (s *Store) SetAuthorities(ctx context.Context, f *names.File) error {
	doc, err := f.JSON()
	if err != nil {
		return err
	}
	if _, err := s.write.ExecContext(ctx, `INSERT INTO authority_file(id, doc) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`, string(doc)); err != nil {
		return err
	}
	s.auth.Store(f)
	return nil
}
