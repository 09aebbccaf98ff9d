package postgres

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"fond/internal/store"
	"fond/internal/store/storetest"
)

// server is the PostgreSQL the tests use: $FOND_TEST_POSTGRES, else the one on
// this machine. Without one the tests skip, except where FOND_REQUIRE_POSTGRES
// is set (CI), where they fail.
func server(t *testing.T) string {
	t.Helper()
	u := os.Getenv("FOND_TEST_POSTGRES")
	if u == "" {
		u = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	db, err := sql.Open("pgx", u)
	if err == nil {
		err = db.PingContext(context.Background())
		db.Close()
	}
	if err != nil {
		if os.Getenv("FOND_REQUIRE_POSTGRES") != "" {
			t.Fatalf("PostgreSQL at %s: %v", redact(u), err)
		}
		t.Skipf("skipping PostgreSQL tests: no server at %s (%v); set FOND_TEST_POSTGRES", redact(u), err)
	}
	return u
}

// freshSchema makes an empty schema for one test, dropped when it ends, and
// returns a URL whose connections use it.
func freshSchema(t *testing.T, server string) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "fond_test_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", server)
		if err != nil {
			return
		}
		defer db.Close()
		db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestConformance(t *testing.T) {
	srv := server(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), freshSchema(t, srv), "")
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://fond:secret@db.example:5432/archive": "postgres://fond:xxxxx@db.example:5432/archive",
		"postgres://fond@db.example/archive":             "postgres://fond@db.example/archive",
		"postgresql://db.example/archive":                "postgresql://db.example/archive",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
