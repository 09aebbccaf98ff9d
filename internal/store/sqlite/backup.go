package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database at path to dest, while
// other connections (a server, an ingest) go on reading and writing it:
// VACUUM INTO reads one snapshot, as any reader does, so the copy is the
// database as some committed transaction left it, never between two. dest
// must not exist: a backup never replaces another file, which may be the only
// good copy. The copy is written beside dest first and linked into place when
// complete and synced, so an interrupted backup leaves no file that looks
// finished.
func Backup(ctx context.Context, path, dest string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("backup to %s: %w: a backup never overwrites a file", dest, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	// VACUUM INTO wants a file that does not exist (or is empty).
	os.Remove(tmpName)
	defer os.Remove(tmpName)

	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return fmt.Errorf("backup %s to %s: %w", path, dest, err)
	}
	if err := syncFile(tmpName); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	// A link fails when dest exists, where a rename would replace it: another
	// backup to the same name started meanwhile keeps its file.
	if err := os.Link(tmpName, dest); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	return syncFile(filepath.Dir(dest))
}

func syncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
