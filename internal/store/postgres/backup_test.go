package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
	"fond/internal/testutil"
	"fond/internal/web"
)

// The README's backup of a PostgreSQL archive: pg_dump of a database that is
// in use, pg_restore into a new database, and a store opened on that serves
// the same records, searches and passes Verify, and a web server on it
// answers the record's page and a search.
func TestPgDumpRestoreServes(t *testing.T) {
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("FOND_REQUIRE_POSTGRES") != "" {
				t.Fatalf("%s not installed; .ci/run should have installed postgresql-client", tool)
			}
			t.Skipf("skipping: %s not installed (apt-get install postgresql-client)", tool)
		}
	}
	ctx := context.Background()
	src := testutil.PostgresSchema(t)
	s, err := Open(ctx, src, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum := sha256.Sum256([]byte("bytes"))
	r := record.Record{ID: "0123456789abcdef", Title: "Telegram from Shtykov", Body: "The loan of 200 million roubles is agreed.", Type: "Telegram", Category: record.Primary}
	if _, err := s.PutFile(ctx, store.File{Path: "/in/t.txt", Format: "text", Records: []record.Record{r},
		Original: store.Original{Checksum: "sha256:" + hex.EncodeToString(sum[:]), Name: "t.txt", Data: []byte("bytes")}}); err != nil {
		t.Fatal(err)
	}

	u, _ := url.Parse(src)
	schema := u.Query().Get("search_path")
	dump := filepath.Join(t.TempDir(), "fond.dump")
	server := *u
	server.RawQuery = ""
	if out, err := exec.Command("pg_dump", "--format=custom", "--no-owner", "--schema="+schema, "--file="+dump, server.String()).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}

	// A new database on the same server, dropped at the end.
	admin, err := sql.Open("pgx", server.String())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "fond_restore_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Skipf("skipping: cannot create a database to restore into: %v", err)
	}
	t.Cleanup(func() { admin.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`) })
	restored := server
	restored.Path = "/" + name
	if out, err := exec.Command("pg_restore", "--no-owner", "--dbname="+restored.String(), dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	q := restored.Query()
	q.Set("search_path", schema)
	restored.RawQuery = q.Encode()
	back, err := Open(ctx, restored.String(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	got, err := back.Get(ctx, r.ID)
	if err != nil || got.Body != r.Body {
		t.Fatalf("restored record: %+v %v", got, err)
	}
	res, err := back.Search(ctx, search.Query{Text: "Shtykov loan"})
	if err != nil || res.Total != 1 {
		t.Fatalf("search of the restored archive: %d hits, %v", res.Total, err)
	}
	rep, err := back.Verify(ctx, nil)
	if err != nil || !rep.OK() || rep.Records != 1 {
		t.Fatalf("verify of the restored archive: %+v %v", rep, err)
	}

	srv, err := web.New(back, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for path, want := range map[string]string{
		"/documents/" + r.ID:         "The loan of 200 million roubles is agreed.",
		"/api/search?q=Shtykov+loan": `"total": 1`,
		"/readyz":                    "ready",
	} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("served from the restored database, %s: %d, lacks %q", path, resp.StatusCode, want)
		}
	}
}
