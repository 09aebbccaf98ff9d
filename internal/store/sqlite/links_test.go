package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// A file put again with the same records and links writes nothing: no
// generation, so no index or harvester sees a change that did not happen.
func TestUnchangedLinksWriteNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fond.db")
	s := open(t, path)
	defer s.Close()
	sec := record.Record{ID: "s1", Title: "Blog post", Category: record.Secondary, Body: "In February 1950 Kim asked."}
	put(t, s, "/in/blog.txt", "sha256:blog", sec)
	f := store.File{Path: "/in/doc.txt", Original: store.Original{Checksum: "sha256:doc", Name: "doc.txt", Data: []byte("doc")}, Format: "plaintext",
		Records: []record.Record{
			{ID: "p1", Title: "Telegram", Category: record.Primary, Body: "Kim asked."},
			{ID: "p2", Title: "Telegram, another translation", Category: record.Primary, Body: "Kim requested."},
		},
		Signatures:  []store.Signature{{ID: "p1", Sig: []uint64{1, 2}, Bands: []uint64{10}}, {ID: "p2", Sig: []uint64{1, 3}, Bands: []uint64{10}}},
		Editions:    []store.EditionLink{{A: "p2", B: "p1", Reason: "same reference"}},
		Discussions: []store.Discussion{{From: "s1", Mentions: []store.Mention{{Earliest: "1950-02-01", Latest: "1950-02-28"}}, Links: []store.Link{{To: "p1", Score: 0.8, Evidence: "Kim asked", Asserted: true}}}},
	}
	gen := func() int64 {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var g int64
		if err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'gen'`).Scan(&g); err != nil {
			t.Fatal(err)
		}
		return g
	}
	if _, err := s.PutFile(ctx, f); err != nil {
		t.Fatal(err)
	}
	before := gen()
	if res, err := s.PutFile(ctx, f); err != nil || res[0].Status != store.Unchanged {
		t.Fatalf("re-put: %+v, %v", res, err)
	}
	if after := gen(); after != before {
		t.Errorf("re-putting an unchanged file with its links moved the generation %d -> %d", before, after)
	}
	// A changed link is a change: to the article's record as listed.
	f.Discussions[0].Links[0].Asserted = false
	if _, err := s.PutFile(ctx, f); err != nil {
		t.Fatal(err)
	}
	if after := gen(); after == before {
		t.Errorf("an assertion withdrawn wrote no generation")
	}
}

func TestCloseTwice(t *testing.T) {
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
