package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func countRecords(t *testing.T, db string) int {
	t.Helper()
	raw := sqliteDB(t, db)
	defer raw.Close()
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM records`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A backup taken while another goroutine ingests is a consistent archive;
// copied back over a newer database, the newer index snapshot beside it is
// noticed and rebuilt.
func TestBackupDuringIngestAndRestore(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first"), filepath.Join(dir, "second")
	writeLetters(t, first, 150, 2)
	writeLetters(t, second, 20, 3)
	db, backup := filepath.Join(dir, "fond.db"), filepath.Join(dir, "backup.db")
	if _, errs, code := fond(t, db, "list"); code != 0 {
		t.Fatalf("create: %s", errs)
	}

	done := make(chan string)
	go func() {
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"--db", db, "ingest", first}, &out, &errb)
		if code != 0 {
			done <- errb.String()
		}
		close(done)
	}()
	raw := sqliteDB(t, db)
	for n := 0; n < 10; {
		time.Sleep(2 * time.Millisecond)
		if err := raw.QueryRow(`SELECT count(*) FROM records`).Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	if _, errs, code := fond(t, db, "backup", backup); code != 0 {
		t.Fatalf("backup during ingest: exit %d %s", code, errs)
	}
	if msg, failed := <-done; failed {
		t.Fatalf("ingest beside the backup: %s", msg)
	}
	raw.Close()
	saved := countRecords(t, backup)
	t.Logf("backup taken with %d of 150 records stored", saved)
	if saved < 10 || saved > 150 {
		t.Fatalf("backup holds %d records", saved)
	}
	if out, errs, code := fond(t, backup, "verify"); code != 0 {
		t.Fatalf("verify of the backup: exit %d\n%s%s", code, out, errs)
	}

	// A second backup never replaces the first.
	before, _ := os.ReadFile(backup)
	if _, errs, code := fond(t, db, "backup", backup); code != 1 || !strings.Contains(errs, backup) || !strings.Contains(errs, "never overwrites") {
		t.Errorf("backup over an existing file: exit %d %s", code, errs)
	}
	if after, _ := os.ReadFile(backup); !bytes.Equal(before, after) {
		t.Errorf("the existing backup was changed")
	}

	// The archive moves on, and its index snapshot with it; then the backup is
	// restored by copying it back, fond stopped: with every connection
	// closed SQLite has folded its -wal file in and removed it (one left by a
	// crash belongs to the newer database and must be removed with it).
	if _, errs, code := fond(t, db, "ingest", second); code != 0 {
		t.Fatalf("second ingest: %s", errs)
	}
	if n := countRecords(t, db); n != 170 {
		t.Fatalf("%d records before the restore, want 170", n)
	}
	if _, err := os.Stat(db + "-index"); err != nil {
		t.Fatalf("no index snapshot beside the newer database: %v", err)
	}
	for _, f := range []string{db + "-wal", db + "-shm"} {
		if _, err := os.Stat(f); err == nil {
			t.Fatalf("%s left after every connection closed", f)
		}
	}
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := fond(t, db, "verify")
	if code != 0 || !strings.Contains(errs, " "+itoa(saved)+" records checked, "+itoa(saved)+" index entries: all sound") {
		t.Fatalf("verify after restore: exit %d\n%s%s", code, out, errs)
	}
	// Written to again, the restored archive indexes what comes.
	if _, errs, code := fond(t, db, "ingest", second); code != 0 {
		t.Fatalf("ingest after restore: %s", errs)
	}
	if out, errs, code := fond(t, db, "verify"); code != 0 || !strings.Contains(errs, itoa(saved+20)+" index entries: all sound") {
		t.Fatalf("verify after restore and ingest: exit %d\n%s%s", code, out, errs)
	}
}

func TestBackupOfPostgresSaysPgDump(t *testing.T) {
	_, errs, code := fond(t, "postgres://fond:secret@db.example/archive", "backup", "x.dump")
	if code != 1 || !strings.Contains(errs, "pg_dump") || !strings.Contains(errs, "pg_restore") || strings.Contains(errs, "secret") {
		t.Errorf("backup of a postgres URL: exit %d %s", code, errs)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
