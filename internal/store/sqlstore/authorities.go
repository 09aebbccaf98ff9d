package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"fond/internal/names"
)

// loadAuthorities reads the curated file, or the starter file when there is
// none, and notes the generation it was read at.
func (s *Store) loadAuthorities(ctx context.Context) error {
	var doc sql.NullString
	var gen int64
	if err := s.read.QueryRowContext(ctx, `SELECT (SELECT doc FROM authority_file WHERE id = 1), (SELECT value FROM meta WHERE key = 'gen')`).Scan(&doc, &gen); err != nil {
		return fmt.Errorf("authority file: %w", err)
	}
	f := names.Starter()
	if doc.Valid {
		var err error
		if f, err = names.Load([]byte(doc.String)); err != nil {
			return fmt.Errorf("stored authority file: %w", err)
		}
	}
	s.auth.Store(f)
	s.authGen.Store(gen)
	return nil
}

// freshAuthorities rereads the authority file when the database has changed
// since it was read: another process may have edited it.
func (s *Store) freshAuthorities(ctx context.Context, gen int64) error {
	if s.authGen.Load() == gen {
		return nil
	}
	return s.loadAuthorities(ctx)
}

// Authorities implements store.Store.
func (s *Store) Authorities(ctx context.Context) (*names.File, error) {
	var gen int64
	if err := s.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'gen'`).Scan(&gen); err != nil {
		return nil, fmt.Errorf("authority file: %w", err)
	}
	if err := s.freshAuthorities(ctx, gen); err != nil {
		return nil, err
	}
	return s.auth.Load(), nil
}

// SetAuthorities implements store.Store.
func (s *Store) SetAuthorities(ctx context.Context, f *names.File) error {
	doc, err := f.JSON()
	if err != nil {
		return err
	}
	tx, err := s.write.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// The change holds no records, but its generation tells other processes'
	// stores to reload the file.
	ch := &change{}
	if _, err := ch.bump(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO authority_file(id, doc) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`, string(doc)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.auth.Store(f)
	s.authGen.Store(ch.gen)
	s.committed(ch, nil)
	return nil
}
