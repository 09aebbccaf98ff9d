package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// sqliteDB opens an archive's file directly, as a bad disk or a hand edit
// would reach it.
func sqliteDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestVerifyNamesDamage(t *testing.T) {
	dir := t.TempDir()
	writeLetters(t, filepath.Join(dir, "in"), 6, 1)
	db := filepath.Join(dir, "fond.db")
	if _, errs, code := fond(t, db, "ingest", filepath.Join(dir, "in")); code != 0 {
		t.Fatalf("ingest: exit %d %s", code, errs)
	}
	out, errs, code := fond(t, db, "verify")
	if code != 0 || out != "" || !strings.Contains(errs, "6 originals") || !strings.Contains(errs, "6 records checked, 6 index entries: all sound") {
		t.Fatalf("verify of a sound archive: exit %d\n%s%s", code, out, errs)
	}

	raw := sqliteDB(t, db)
	var victim, checksum, gone string
	if err := raw.QueryRow(`SELECT name, checksum FROM originals ORDER BY name LIMIT 1`).Scan(&victim, &checksum); err != nil {
		t.Fatal(err)
	}
	// One byte changed in place: the size is right, the hash is not.
	if _, err := raw.Exec(`UPDATE originals SET data = CAST(replace(CAST(data AS TEXT), 'Letter', 'Lettex') AS BLOB) WHERE name = ?`, victim); err != nil {
		t.Fatal(err)
	}
	// A record gone from under the index (as a write that skipped the change log).
	if err := raw.QueryRow(`DELETE FROM records WHERE rid = (SELECT max(rid) FROM records) RETURNING id`).Scan(&gone); err != nil {
		t.Fatal(err)
	}
	out, errs, code = fond(t, db, "verify")
	if code != 1 {
		t.Errorf("verify of a damaged archive: exit %d, want 1", code)
	}
	for _, want := range []string{victim + " " + checksum + ": stored bytes hash to sha256:", "record " + gone + ": indexed, but no such record is stored"} {
		if !strings.Contains(out, want) {
			t.Errorf("verify output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "2 problem(s)") {
		t.Errorf("summary: %s", errs)
	}
	out, _, code = fond(t, db, "verify", "--json")
	if code != 1 || !strings.Contains(out, `"kind": "original"`) || !strings.Contains(out, `"id": "`+gone+`"`) {
		t.Errorf("verify --json: exit %d %s", code, out)
	}
}
