package testutil

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver the postgres store uses
)

// PostgresSchema returns the URL of a fresh, empty schema on the test server,
// dropped when the test ends. The server is $FOND_TEST_POSTGRES, else the one on
// this machine (trust auth, database test). Without one the test skips, saying
// so, except where FOND_REQUIRE_POSTGRES is set (CI), where it fails.
func PostgresSchema(t testing.TB) string {
	t.Helper()
	server := os.Getenv("FOND_TEST_POSTGRES")
	if server == "" {
		server = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	db, err := sql.Open("pgx", server)
	if err == nil {
		err = db.PingContext(context.Background())
	}
	if err != nil {
		if os.Getenv("FOND_REQUIRE_POSTGRES") != "" {
			t.Fatalf("PostgreSQL at %s: %v", server, err)
		}
		t.Skipf("skipping PostgreSQL test: no server at %s (%v); set FOND_TEST_POSTGRES", server, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "fond_test_" + hex.EncodeToString(b)
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Logf("drop test schema %s: %v", schema, err)
		}
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
