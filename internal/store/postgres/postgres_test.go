package postgres

import (
	"context"
	"database/sql"
	"testing"

	"fond/internal/store"
	"fond/internal/store/storetest"
	"fond/internal/testutil"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), testutil.PostgresSchema(t), "")
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// Two stores on one database stand for two servers.
func TestShared(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T) (store.Store, store.Store) {
		u := testutil.PostgresSchema(t)
		a, err := Open(context.Background(), u, "")
		if err != nil {
			t.Fatal(err)
		}
		b, err := Open(context.Background(), u, "")
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	})
}

func TestRedactHidesPassword(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://fond:secret@db.example:5432/archive": "postgres://fond:xxxxx@db.example:5432/archive",
		"postgres://fond@db.example/archive":             "postgres://fond@db.example/archive",
		"postgresql://db.example/archive":                "postgresql://db.example/archive",
		"postgres://db.example/archive?password=secret":  "postgres://db.example/archive?password=xxxxx",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// Servers starting together on an empty database all open it: migrations,
// the table of versions included, are applied once under a lock.
func TestServersMigrateTogether(t *testing.T) {
	u := testutil.PostgresSchema(t)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			s, err := Open(context.Background(), u, "")
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestVerify(t *testing.T) { storetest.RunVerify(t, openRaw) }

func TestFixity(t *testing.T) { storetest.RunFixity(t, openRaw) }

// openRaw opens an empty store and a connection to its database beside it.
func openRaw(t *testing.T) (store.Store, storetest.Raw) {
	u := testutil.PostgresSchema(t)
	s, err := Open(context.Background(), u, "")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return s, func(t *testing.T, q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(dialect.Bind(q), args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
