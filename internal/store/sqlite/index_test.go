package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

func put(t *testing.T, s *Store, path, sum string, recs ...record.Record) []store.PutResult {
	t.Helper()
	res, err := s.PutFile(context.Background(), store.File{Path: path, Original: store.Original{Checksum: sum, Name: filepath.Base(path), Data: []byte(sum)}, Format: "plaintext", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func total(t *testing.T, s *Store, q string) int {
	t.Helper()
	res, err := s.Search(context.Background(), search.Query{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The index is saved beside the database when the store closes and read back on
// the next open; changes made while no index was loaded are caught up, and a
// damaged snapshot is rebuilt from the records.
func TestIndexSnapshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fond.db")
	s := open(t, path)
	put(t, s, "/in/1.txt", "sha256:1", record.Record{ID: "r1", Title: "Uranium", Body: "About uranium ore."})
	if n := total(t, s, "uranium"); n != 1 {
		t.Fatalf("%d hits", n)
	}
	s.Close()
	if fi, err := os.Stat(path + "-index"); err != nil || fi.Size() == 0 {
		t.Fatalf("no snapshot written: %v", err)
	}
	// Another writer adds a record while no index is loaded.
	w := open(t, path)
	put(t, w, "/in/2.txt", "sha256:2", record.Record{ID: "r2", Title: "Uranium again", Body: "More uranium."})
	w.Close()
	s = open(t, path)
	if n := total(t, s, "uranium"); n != 2 {
		t.Errorf("after reopening: %d hits, want 2", n)
	}
	s.Close()
	if err := os.WriteFile(path+"-index", []byte("FONDIDX3 damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	s = open(t, path)
	if n := total(t, s, "uranium"); n != 2 {
		t.Errorf("after a damaged snapshot: %d hits, want 2", n)
	}
	s.Close()

	// A backup of the database taken now, restored after more writes, sits beside
	// a snapshot newer than itself: the snapshot must not be believed.
	backup, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// writeThenRestore adds r3 with the index loaded (so the snapshot holds it),
	// then puts the backup back in place of the database.
	writeThenRestore := func() {
		s := open(t, path)
		put(t, s, "/in/3.txt", "sha256:3", record.Record{ID: "r3", Title: "Uranium thrice", Body: "Uranium."})
		total(t, s, "uranium")
		s.Close()
		if err := os.WriteFile(path, backup, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
	}
	writeThenRestore()
	s = open(t, path)
	if n := total(t, s, "uranium"); n != 2 {
		t.Errorf("restored backup with a newer snapshot: %d hits, want 2", n)
	}
	s.Close()

	// The same backup restored again, beside the snapshot that holds r3, and then
	// written to by a process without an index: the database reaches the
	// snapshot's generation with other contents, which the stamps tell apart.
	writeThenRestore()
	w = open(t, path)
	put(t, w, "/in/4.txt", "sha256:4", record.Record{ID: "r4", Title: "Uranium four", Body: "Uranium."})
	w.Close()
	s = open(t, path)
	defer s.Close()
	if n, stale := total(t, s, "uranium"), total(t, s, "thrice"); n != 3 || stale != 0 {
		t.Errorf("restored backup written to the snapshot's generation: %d hits (want 3), %d of the lost record (want 0)", n, stale)
	}
}

// A database written before the index moved out of SQLite (migrations 1–4:
// FTS5, bodies inside the JSON) opens with its records searchable and unchanged.
func TestMigrationFromFTS5(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	for v, name := range []string{"0001_init.sql", "0002_authorities.sql", "0003_minhash.sql", "0004_name_decisions.sql"} {
		body, err := migrations.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		db.Exec(`INSERT INTO schema_migrations(version) VALUES (?)`, v+1)
	}
	r := record.Record{ID: "old1", Title: "Telegram <from> Shtykov", Body: "Kim asked for a loan & credit.", Checksum: "sha256:old", Format: "plaintext"}
	r.Normalize()
	doc, _ := json.Marshal(r) // as the old store wrote it: the body inside
	for _, q := range []string{
		`INSERT INTO originals VALUES ('sha256:old', 'old.txt', 3, x'6f6c64', '2026-01-01T00:00:00Z')`,
		`INSERT INTO files VALUES ('/in/old.txt', 'sha256:old', 'plaintext', '2026-01-01T00:00:00Z')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO records(id, checksum, path, position, title, type, category, earliest, latest, doc, ingested_at, updated_at)
		VALUES ('old1', 'sha256:old', '/in/old.txt', 0, ?, '', '', '', '', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, r.Title, string(doc)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := open(t, path)
	defer s.Close()
	got, err := s.Get(ctx, "old1")
	if err != nil || got.Body != r.Body {
		t.Fatalf("after migration: body %q, err %v", got.Body, err)
	}
	if n := total(t, s, "credit"); n != 1 {
		t.Errorf("old record not searchable: %d", n)
	}
	res := put(t, s, "/in/old.txt", "sha256:old", r)
	if res[0].Status != store.Unchanged {
		t.Errorf("re-putting the same record after migration: %s, want unchanged", res[0].Status)
	}
	if !strings.Contains(got.Title, "<from>") {
		t.Errorf("title %q", got.Title)
	}
}
