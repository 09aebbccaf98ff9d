package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// Migrate applies, in order and each in its own transaction, the migrations in
// the backend's migrations/ folder that the database has not seen. A
// hand-written runner keeps the dependency list short; the numbering convention
// (NNNN_name.sql) is goose's, so switching later is cheap.
func Migrate(ctx context.Context, conn *sql.DB, d *Dialect, migrations fs.FS) error {
	c := db{DB: conn, d: d}
	if err := migrateOne(ctx, c, 0, ""); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: bad version prefix: %w", base, err)
		}
		body, err := fs.ReadFile(migrations, name)
		if err != nil {
			return err
		}
		if err := migrateOne(ctx, c, version, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// migrateOne applies one migration unless it has been; the check runs inside
// the transaction, under the migrations' lock, so that servers starting
// together apply it once. Version 0 creates the table of versions itself
// (concurrent CREATE TABLE IF NOT EXISTS collide on PostgreSQL).
func migrateOne(ctx context.Context, c db, version int, body string) error {
	t, err := c.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer t.Rollback()
	if c.d.LockMigrations != "" {
		if _, err := t.ExecContext(ctx, c.d.LockMigrations); err != nil {
			return err
		}
	}
	if version == 0 {
		if _, err := t.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
			return err
		}
		return t.Commit()
	}
	var n int
	if err := t.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := t.Tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO schema_migrations(version) VALUES (?)`, version); err != nil {
		return err
	}
	return t.Commit()
}
