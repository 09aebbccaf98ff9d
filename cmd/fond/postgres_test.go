package main

import (
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"regexp"
	"testing"

	"fond/internal/testutil"
)

// The same commands on the embedded store and on PostgreSQL give the same
// archive: the same ingest report, the same records, the same searches.
func TestPostgresMatchesSQLite(t *testing.T) {
	pg := testutil.PostgresSchema(t)
	cache := t.TempDir() // where the CLI keeps a PostgreSQL archive's index snapshot
	t.Setenv("XDG_CACHE_HOME", cache)
	lite := filepath.Join(t.TempDir(), "fond.db")
	sample := filepath.Join(testutil.RepoRoot(t), "testdata", "sample")

	var reports [2][]ingestLine
	for i, db := range []string{lite, pg} {
		lines, code := ingestJSON(t, db, sample)
		if code != 0 || len(lines) == 0 {
			t.Fatalf("ingest into %s: exit %d, %d lines", db, code, len(lines))
		}
		reports[i] = lines
	}
	if a, b := mustJSON(t, reports[0]), mustJSON(t, reports[1]); a != b {
		t.Fatalf("ingest reports differ:\nsqlite   %s\npostgres %s", a, b)
	}
	again, _ := ingestJSON(t, pg, sample)
	for _, l := range again {
		if l.Status != "unchanged" {
			t.Errorf("second ingest into PostgreSQL: %+v", l)
		}
	}

	// Timestamps of ingest differ between the two runs and nothing else may.
	stamp := regexp.MustCompile(`"(ingested_at|added_at)": *"[^"]*"`)
	same := func(args ...string) {
		t.Helper()
		var outs [2]string
		for i, db := range []string{lite, pg} {
			out, errs, code := fond(t, db, args...)
			if code != 0 {
				t.Fatalf("%v on %s: exit %d: %s", args, db, code, errs)
			}
			outs[i] = stamp.ReplaceAllString(out, `"$1":"…"`)
		}
		if outs[0] != outs[1] {
			t.Errorf("%v differs:\nsqlite   %s\npostgres %s", args, outs[0], outs[1])
		}
	}
	same("list", "--json")
	same("search", "--json", "Stalin")
	same("search", "--json", "--from", "1950", "--to", "1962", "telegram OR memorandum")
	same("search", "--json", `"Kim Il Sung"`)
	for _, l := range reports[0] {
		same("show", "--json", l.ID)
	}
	if snaps, _ := filepath.Glob(filepath.Join(cache, "fond", "index-*")); len(snaps) != 1 {
		t.Errorf("index snapshots in the cache folder: %v, want one", snaps)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestShowTEI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	lines, _ := ingestJSON(t, db, filepath.Join(testutil.RepoRoot(t), "testdata", "sample"))
	out, errs, code := fond(t, db, "show", "--tei", lines[0].ID)
	var doc struct {
		XMLName xml.Name
		Title   string `xml:"teiHeader>fileDesc>titleStmt>title"`
	}
	if code != 0 || xml.Unmarshal([]byte(out), &doc) != nil || doc.XMLName.Local != "TEI" || doc.Title == "" {
		t.Errorf("show --tei: exit %d, %s\n%s", code, errs, out)
	}
}
