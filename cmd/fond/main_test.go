package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/testutil"
)

// fond runs the command in-process against db and returns stdout, stderr and the
// exit code.
func fond(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"--db", db}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

type ingestLine struct {
	File, ID, Status, Error string
}

func ingestJSON(t *testing.T, db string, paths ...string) ([]ingestLine, int) {
	t.Helper()
	out, _, code := fond(t, db, append([]string{"ingest", "--json"}, paths...)...)
	var lines []ingestLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var x ingestLine
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatalf("ingest --json line %q: %v", l, err)
		}
		lines = append(lines, x)
	}
	return lines, code
}

func TestSeedsEndToEnd(t *testing.T) {
	seeds := testutil.Shared(t, "seeds")
	db := filepath.Join(t.TempDir(), "fond.db")

	lines, code := ingestJSON(t, db, seeds)
	if code != 0 || len(lines) != 7 {
		t.Fatalf("ingest: exit %d, %d lines (%+v), want 0 and 7 records from 5 files", code, len(lines), lines)
	}
	for _, l := range lines {
		if l.Status != "added" || l.ID == "" || l.File == "" {
			t.Errorf("first ingest line %+v", l)
		}
	}
	again, code := ingestJSON(t, db, seeds)
	if code != 0 || len(again) != 7 {
		t.Fatalf("re-ingest: exit %d, %d lines", code, len(again))
	}
	for i, l := range again {
		if l.Status != "unchanged" || l.ID != lines[i].ID {
			t.Errorf("re-ingest line %+v, want unchanged with id %s", l, lines[i].ID)
		}
	}

	// Re-deriving every record from the stored originals changes nothing when
	// extraction has not changed.
	out, errs, code := fond(t, db, "reindex", "--json")
	if code != 0 || strings.Count(out, `"status":"unchanged"`) != 7 {
		t.Errorf("reindex: exit %d, %s %s", code, out, errs)
	}

	id000 := idOf(t, lines, "000_")
	out, _, code = fond(t, db, "cite", "--style", "chicago", id000)
	want := `"Meeting between Stalin and Kim Il Sung," March 05, 1949, History and Public Policy Program Digital Archive, Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20.`
	if code != 0 || strings.TrimSpace(out) != want {
		t.Errorf("cite chicago:\n got %q\nwant %q", strings.TrimSpace(out), want)
	}
	for _, style := range []string{"bibtex", "ris", "csl-json"} {
		if out, errs, code := fond(t, db, "cite", "--style", style, id000); code != 0 || !strings.Contains(out, "Stalin") {
			t.Errorf("cite %s: exit %d, %q %s", style, code, out, errs)
		}
	}
	if _, errs, code := fond(t, db, "cite", "--style", "mla", id000); code == 0 || !strings.Contains(errs, "mla") {
		t.Errorf("unknown style accepted: %d %s", code, errs)
	}
	// The permanent URL, from the flag or $FOND_PUBLIC_URL, is in every style.
	t.Setenv("FOND_PUBLIC_URL", "https://archive.example.org/")
	perm := "https://archive.example.org/documents/" + id000
	if out, _, code := fond(t, db, "cite", id000); code != 0 || strings.TrimSpace(out) != want+" "+perm+"." {
		t.Errorf("cite with $FOND_PUBLIC_URL: exit %d, %q", code, out)
	}
	out, errs, code = fond(t, db, "cite", "--json", "--style", "all", "--public-url", "https://other.example.org", id000, idOf(t, lines, "004_"))
	if n := strings.Count(out, "\n"); code != 0 || n != 8 || strings.Count(out, "https://other.example.org/documents/"+id000) != 8 { // url and citation, four styles
		t.Errorf("cite --json: exit %d, %d lines, %s %s", code, n, out, errs)
	}
	if _, errs, code := fond(t, db, "cite", "--public-url", "javascript:alert(1)", id000); code != 2 || !strings.Contains(errs, "public-url") {
		t.Errorf("a non-web --public-url accepted: %d %s", code, errs)
	}

	out, _, _ = fond(t, db, "show", "--json", id000)
	var r record.Record
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Editions) != 1 {
		t.Fatalf("seed 000 editions = %q, want the document quoted in seed 002", r.Editions)
	}
	out, _, _ = fond(t, db, "show", "--json", r.Editions[0])
	var quoted record.Record
	json.Unmarshal([]byte(out), &quoted)
	if quoted.Date.EDTF != "1949-03-05" || len(quoted.Editions) != 1 || quoted.Editions[0] != id000 {
		t.Errorf("quoted document %s: date %s editions %q", quoted.ID, quoted.Date.EDTF, quoted.Editions)
	}
	// The raw JSON uses exactly the contract's names.
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	for _, k := range []string{"id", "title", "summary", "type", "category", "date", "classification", "languages", "sources", "authors", "recipients", "participants", "translators", "donors", "rights", "record_id", "uploaded", "notes", "body", "source_file", "checksum", "ingested_at", "contains", "editions"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("show --json lacks %q", k)
		}
	}

	out, _, code = fond(t, db, "search", "--json", "--limit", "3", "Stalin credit")
	var res struct {
		Total int
		Hits  []struct{ ID, Title, Snippet string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatalf("search --json: %v %q", err, out)
	}
	if res.Total < 2 || len(res.Hits) != min(3, res.Total) || !strings.Contains(res.Hits[0].Snippet, "<mark>") {
		t.Errorf("search result %+v", res)
	}

	out, _, _ = fond(t, db, "search", "--json", "--person", "Shtykov", "--type", "telegram", "--from", "1950", "--to", "1950-02")
	var filtered struct {
		Total  int
		Hits   []struct{ ID string }
		Facets map[string][]struct {
			Value string
			Count int
		}
	}
	if err := json.Unmarshal([]byte(out), &filtered); err != nil || filtered.Total != 1 || filtered.Hits[0].ID != idOf(t, lines, "004_") {
		t.Errorf("filtered search: %v %q", err, out)
	}
	if len(filtered.Facets["type"]) != 1 || filtered.Facets["type"][0].Value != "Ciphered Telegram" {
		t.Errorf("--json lacks facets: %+v", filtered.Facets)
	}

	out, _, _ = fond(t, db, "list", "--json")
	var all []record.Record
	if err := json.Unmarshal([]byte(out), &all); err != nil || len(all) != 7 {
		t.Errorf("list --json: %d records, %v", len(all), err)
	}
}

func idOf(t *testing.T, lines []ingestLine, filePrefix string) string {
	t.Helper()
	for _, l := range lines {
		if strings.HasPrefix(filepath.Base(l.File), filePrefix) {
			return l.ID
		}
	}
	t.Fatalf("no record from %s*", filePrefix)
	return ""
}

func TestIngestReportsBadFilesAndExitsOne(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Letter to the Editor\n\nLondon, 3 May 1951.\n\nDear Sir, ...\n"), 0o644)
	db := filepath.Join(t.TempDir(), "fond.db")
	lines, code := ingestJSON(t, db, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var errs, ok int
	for _, l := range lines {
		if l.Error != "" {
			errs++
			if !strings.Contains(l.Error, "empty.txt") || !strings.Contains(l.Error, "empty file") {
				t.Errorf("error line %+v", l)
			}
		} else if l.Status == "added" {
			ok++
		}
	}
	if errs != 1 || ok != 1 {
		t.Errorf("lines %+v", lines)
	}
}

func TestExtractDoesNotTouchTheStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	sample := filepath.Join(testutil.RepoRoot(t), "testdata/sample/lbo-post-2001-03-02.txt")
	out, errs, code := fond(t, db, "extract", "--json", sample)
	if code != 0 {
		t.Fatalf("extract: %d %s", code, errs)
	}
	var recs []record.Record
	if err := json.Unmarshal([]byte(out), &recs); err != nil || len(recs) != 4 {
		t.Fatalf("extract: %d records, %v", len(recs), err)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("extract created the database")
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	for _, args := range [][]string{{"bogus"}, {"ingest"}, {"show"}, {"cite"}} {
		if _, _, code := fond(t, db, args...); code != 2 {
			t.Errorf("fond %v: exit %d, want 2", args, code)
		}
	}
	if out, _, code := fond(t, db, "help"); code != 0 || !strings.Contains(out, "ingest") {
		t.Errorf("help: %d %q", code, out)
	}
	if _, errs, code := fond(t, db, "show", "nope"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("show missing: %d %q", code, errs)
	}
}

func TestNamesCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	out, _, code := fond(t, db, "names", "show", "Filippov")
	if code != 0 || !strings.Contains(out, "Joseph Stalin") {
		t.Errorf("names show Filippov: %d %q", code, out)
	}
	out, _, _ = fond(t, db, "names", "suggest", "Pak Heon Hyeong")
	if !strings.Contains(out, "pak-heon-yeong") {
		t.Errorf("names suggest: %q", out)
	}
	if _, errs, code := fond(t, db, "names", "add", "stalin", "Uncle Joe"); code != 0 {
		t.Fatalf("names add: %s", errs)
	}
	csv, _, _ := fond(t, db, "names", "export", "--format", "csv")
	if !strings.Contains(csv, "Uncle Joe") || !strings.HasPrefix(csv, "id,kind,preferred") {
		t.Errorf("export csv: %.200q", csv)
	}
	path := filepath.Join(t.TempDir(), "names.csv")
	os.WriteFile(path, []byte(strings.Replace(csv, "Uncle Joe", "Koba", 1)), 0o644)
	other := filepath.Join(t.TempDir(), "other.db")
	if _, errs, code := fond(t, other, "names", "import", path); code != 0 {
		t.Fatalf("names import: %s", errs)
	}
	if out, _, _ := fond(t, other, "names", "show", "Koba"); !strings.Contains(out, "Joseph Stalin") {
		t.Errorf("imported variant not known: %q", out)
	}
	if _, _, code := fond(t, db, "names", "merge", "stalin", "nobody"); code != 2 {
		t.Errorf("merge with unknown id: exit %d", code)
	}
}

func TestNameMentionsConfirmed(t *testing.T) {
	seeds := testutil.Shared(t, "seeds")
	db := filepath.Join(t.TempDir(), "fond.db")
	lines, _ := ingestJSON(t, db, seeds)
	id := idOf(t, lines, "000_")
	out, _, _ := fond(t, db, "names", "mentions", "--json", id)
	var ms []struct {
		Start      int
		Text       string
		Authority  string
		Confidence float64
		Suggested  bool
		Status     string
	}
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	start := -1
	for _, m := range ms {
		if m.Text == "Pak Heon Hyeong" {
			if !m.Suggested || m.Authority != "pak-heon-yeong" || m.Confidence >= 0.9 {
				t.Errorf("the misspelling should be suggested, not asserted: %+v", m)
			}
			start = m.Start
			break
		}
	}
	if start < 0 {
		t.Fatalf("Pak Heon Hyeong not offered among %d mentions", len(ms))
	}
	if _, errs, code := fond(t, db, "names", "confirm", id, strconv.Itoa(start), "pak-heon-yeong"); code != 0 {
		t.Fatalf("confirm: %s", errs)
	}
	out, _, _ = fond(t, db, "names", "mentions", "--json", id)
	json.Unmarshal([]byte(out), &ms)
	for _, m := range ms {
		if m.Start == start && (m.Status != "confirmed" || m.Confidence != 1) {
			t.Errorf("after confirm: %+v", m)
		}
	}
	if _, _, code := fond(t, db, "names", "confirm", id, "999999", "stalin"); code != 2 {
		t.Errorf("confirming a name that is not there: exit %d", code)
	}
}

func TestNamesLearn(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "t.txt"), []byte("Telegram\n\nMoscow, 5 May 1950.\n\nKuznetsov (Stalin) agrees to the plan.\n"), 0o644)
	db := filepath.Join(t.TempDir(), "fond.db")
	if _, code := ingestJSON(t, db, dir); code != 0 {
		t.Fatal("ingest failed")
	}
	out, _, code := fond(t, db, "names", "learn")
	if code != 0 || !strings.Contains(out, "added    stalin: Kuznetsov") {
		t.Fatalf("names learn: %d %q", code, out)
	}
	if out, _, _ := fond(t, db, "names", "show", "Kuznetsov"); !strings.Contains(out, "Joseph Stalin") {
		t.Errorf("learned pseudonym not in the authority file: %q", out)
	}
}

// fond search refuses a query beyond its limits with a message saying which
// and what to change; the flags move the limits.
func TestSearchLimitFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "limits.db")
	_, errOut, code := fond(t, db, "search", "--max-terms", "2", "loan credit railway")
	if code != 1 || !strings.Contains(errOut, "the query has 3 terms; at most 2 are allowed") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = fond(t, db, "search", "--offset", "9990", "loan")
	if code != 1 || !strings.Contains(errOut, "only the first 10000 results") {
		t.Errorf("deep page: exit %d, stderr %q", code, errOut)
	}
	if out, errOut, code := fond(t, db, "search", "--offset", "9990", "--max-offset", "20000", "loan"); code != 0 {
		t.Errorf("--max-offset not applied: exit %d, %q %q", code, out, errOut)
	}
}
