package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"fond/internal/store"
	"fond/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// Two stores on one file stand for two processes (a server and an ingest).
func TestShared(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T) (store.Store, store.Store) {
		path := filepath.Join(t.TempDir(), "fond.db")
		a, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	})
}

func TestAuthorityFilePersists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fond.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := s.Authorities(ctx)
	g, err := f.Add("stalin", "Uncle Joe")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAuthorities(ctx, g); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	back, _ := s.Authorities(ctx)
	if m, ok := back.Resolve("Uncle Joe"); !ok || m.Authority.ID != "stalin" {
		t.Errorf("authority file not kept across reopen")
	}
}

func TestVerify(t *testing.T) { storetest.RunVerify(t, openRaw) }

func TestFixity(t *testing.T) { storetest.RunFixity(t, openRaw) }

// openRaw opens an empty store and a connection to its database beside it.
func openRaw(t *testing.T) (store.Store, storetest.Raw) {
	path := filepath.Join(t.TempDir(), "fond.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return s, func(t *testing.T, q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
