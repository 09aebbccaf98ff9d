package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fond/internal/csvrec"
	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
	"fond/internal/testutil"
)

// csvArchive is an archive of three synthetic documents (the last a draft)
// with an editor, ann, and a contributor, cy. It returns the database and
// the records' ids.
func csvArchive(t *testing.T) (string, []string) {
	t.Helper()
	dir, drafts := t.TempDir(), t.TempDir()
	docs := map[string]string{
		filepath.Join(dir, "a.txt"):    "Telegram from Shtykov to Vyshinsky\n\nPyongyang, 7 February 1950.\n\nThe loan was discussed.",
		filepath.Join(dir, "b.txt"):    "Record of a conversation\n\nMoscow, 5 March 1949.\n\nStalin asked about the army.",
		filepath.Join(drafts, "c.txt"): "Report on the harvest\n\nPeking, 3 October 1950.\n\nThe harvest was good.",
	}
	for p, body := range docs {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "fond.db")
	lines, code := ingestJSON(t, db, dir)
	more, code2 := ingestJSON(t, db, "--draft", drafts)
	if code != 0 || code2 != 0 || len(lines)+len(more) != 3 {
		t.Fatalf("ingest: %d %d %+v %+v", code, code2, lines, more)
	}
	var ids []string
	for _, l := range append(lines, more...) {
		ids = append(ids, l.ID)
	}
	for name, role := range map[string]string{"ann": "editor", "cy": "contributor"} {
		withStdin(t, "correct horse battery\n", func() {
			if _, errs, code := fond(t, db, "users", "add", name, "--role", role); code != 0 {
				t.Fatalf("users add %s: %s", name, errs)
			}
		})
	}
	return db, ids
}

// readSheet reads an exported file: its header and rows by id.
func readSheet(t *testing.T, path string) ([]string, map[string][]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(csvrec.BOM)))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[0]] = r
	}
	return rows[0], byID
}

// editSheet writes a copy of the exported file at from with cells changed:
// edits maps "id column" to the new cell.
func editSheet(t *testing.T, from, to string, edits map[string]string) {
	t.Helper()
	head, byID := readSheet(t, from)
	for k, v := range edits {
		id, col, _ := strings.Cut(k, " ")
		i := slices.Index(head, col)
		if i < 0 || byID[id] == nil {
			t.Fatalf("no cell %s", k)
		}
		byID[id][i] = v
	}
	var b bytes.Buffer
	b.WriteString(csvrec.BOM) // as Excel saves "CSV UTF-8"
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(head)
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		w.Write(byID[id])
	}
	w.Flush()
	if err := os.WriteFile(to, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func history(t *testing.T, db, id string) (record.Record, []store.Revision) {
	t.Helper()
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := st.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	h, err := st.History(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r, h
}

// The spreadsheet round trip from the command line: export, import unedited
// (nothing changes), a dry run of edits (printed, not written), the edits
// applied as one revision per record by the account named, the same file
// again (unchanged), an old export edited (stale, skipped), the export's
// guard against formulas.
func TestCSVRoundTrip(t *testing.T) {
	db, ids := csvArchive(t)
	dir := t.TempDir()
	sheet := filepath.Join(dir, "records.csv")
	if _, errs, code := fond(t, db, "export", "--csv", sheet); code != 0 || !strings.Contains(errs, "3 records") {
		t.Fatalf("export: %d %s", code, errs)
	}
	data, _ := os.ReadFile(sheet)
	if !bytes.HasPrefix(data, []byte(csvrec.BOM+"id,revision,title,")) || !bytes.Contains(data, []byte("\r\n")) || bytes.Contains(data, []byte(",body")) {
		t.Errorf("export starts %q", data[:min(60, len(data))])
	}
	// An export never overwrites a file.
	if _, errs, code := fond(t, db, "export", "--csv", sheet, ids[0]); code != 1 || !strings.Contains(errs, "exists") {
		t.Errorf("export over a file: %d %s", code, errs)
	}
	if again, _ := os.ReadFile(sheet); !bytes.Equal(again, data) {
		t.Error("the existing file was changed")
	}
	before, hist := history(t, db, ids[0])

	out, errs, code := fond(t, db, "import", "--csv", sheet, "--as", "ann")
	if code != 0 || out != "" || !strings.Contains(errs, "3 rows: 0 changed, 3 unchanged, 0 stale, 0 refused") {
		t.Errorf("unedited import: %d %q %q", code, out, errs)
	}
	if r, h := history(t, db, ids[0]); r.Revision != before.Revision || len(h) != len(hist) {
		t.Errorf("unedited import made revision %d", r.Revision)
	}

	edited := filepath.Join(dir, "edited.csv")
	editSheet(t, sheet, edited, map[string]string{
		ids[0] + " title":   "Шифртелеграмма Штыкова Вышинскому",
		ids[1] + " authors": "Сталин ; Kim;; Il Sung ; 김일성",
		ids[1] + " title":   "=HYPERLINK(\"http://evil.example\")",
	})
	out, errs, code = fond(t, db, "import", "--csv", edited, "--as", "ann", "--dry-run")
	wantDry := ids[0] + `  title: "Telegram from Shtykov to Vyshinsky" → "Шифртелеграмма Штыкова Вышинскому"`
	if code != 0 || !strings.Contains(out, wantDry) || !strings.Contains(out, ids[1]+`  authors: "" → "Сталин ; Kim;; Il Sung ; 김일성"`) || !strings.Contains(errs, "2 to change") || !strings.Contains(errs, "nothing written") {
		t.Errorf("dry run: %d\n%s\n%s", code, out, errs)
	}
	if r, _ := history(t, db, ids[0]); r.Revision != before.Revision {
		t.Error("the dry run wrote")
	}

	out, errs, code = fond(t, db, "import", "--csv", edited, "--as", "ann", "--note", "checked against the scan")
	if code != 0 || !strings.Contains(out, "edited  "+ids[0]) || !strings.Contains(errs, "2 changed, 1 unchanged") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	r, h := history(t, db, ids[0])
	if r.Title != "Шифртелеграмма Штыкова Вышинскому" || r.Revision != before.Revision+1 || h[0].Author != "ann" || h[0].Action != store.ActionEdit ||
		len(h[0].Changes) != 1 || h[0].Changes[0].Field != "title" || !strings.Contains(h[0].Note, "checked against the scan") || !strings.Contains(h[0].Note, "edited.csv line") ||
		r.Provenance["title"].By != "ann" {
		t.Errorf("after import: %q rev %d, newest revision %+v, provenance %+v", r.Title, r.Revision, h[0], r.Provenance["title"])
	}
	r1, _ := history(t, db, ids[1])
	if !slices.Equal(r1.Authors, []string{"Сталин", "Kim; Il Sung", "김일성"}) || r1.Title != `=HYPERLINK("http://evil.example")` {
		t.Errorf("authors %q, title %q", r1.Authors, r1.Title)
	}

	// The same file again: its cells are the records' values now.
	if _, errs, code := fond(t, db, "import", "--csv", edited, "--as", "ann"); code != 0 || !strings.Contains(errs, "0 changed, 3 unchanged") {
		t.Errorf("import again: %d %s", code, errs)
	}
	// A fresh export escapes the formula, and reads back unchanged.
	fresh := filepath.Join(dir, "fresh.csv")
	if _, errs, code := fond(t, db, "export", "--csv", fresh); code != 0 {
		t.Fatal(errs)
	}
	head, rows := readSheet(t, fresh)
	if c := rows[ids[1]][slices.Index(head, "title")]; c != `'=HYPERLINK("http://evil.example")` {
		t.Errorf("formula exported as %q", c)
	}
	if _, errs, code := fond(t, db, "import", "--csv", fresh, "--as", "ann"); code != 0 || !strings.Contains(errs, "0 changed, 3 unchanged") {
		t.Errorf("fresh export imported: %d %s", code, errs)
	}

	// The first export, edited elsewhere: its rows of ids[0] and ids[1],
	// which ann changed since, are stale and skipped, not applied over her
	// work; the other row goes in, unless all or nothing is asked for.
	stale := filepath.Join(dir, "stale.csv")
	editSheet(t, sheet, stale, map[string]string{ids[0] + " summary": "A summary", ids[2] + " place": "Beijing"})
	for _, whole := range []bool{true, false} {
		args := []string{"import", "--csv", stale, "--as", "ann"}
		if whole {
			args = append(args, "--all-or-nothing")
		}
		_, errs, code := fond(t, db, args...)
		wantEnd := "1 to change, 0 unchanged, 2 stale, 0 refused; nothing written"
		if !whole {
			wantEnd = "1 changed, 0 unchanged, 2 stale, 0 refused"
		}
		if code != 1 || !strings.Contains(errs, "stale, skipped: record "+ids[0]+" was exported at revision 1 and has been changed since by ann (now revision 2)") || !strings.Contains(errs, wantEnd) {
			t.Errorf("stale row (all-or-nothing %v): %d %s", whole, code, errs)
		}
		if r, _ := history(t, db, ids[0]); r.Summary == "A summary" || r.Title != "Шифртелеграмма Штыкова Вышинскому" {
			t.Errorf("stale row applied: %+v", r)
		}
		if r, _ := history(t, db, ids[2]); (r.Place == "Beijing") == whole {
			t.Errorf("all-or-nothing %v: the good row's place is %q", whole, r.Place)
		}
	}

	// To standard output, one record, with its text.
	out, _, code = fond(t, db, "export", "--csv", "-", "--with-body", "--bom=false", ids[2])
	if code != 0 || !strings.HasPrefix(out, "id,revision,") || !strings.Contains(out, ",body\r\n") || strings.Count(out, "\r\n") != 2 || !strings.Contains(out, "The harvest was good.") {
		t.Errorf("export to stdout: %d %q", code, out)
	}
}

// Bad files are reported naming the file, line and column, and nothing of
// the file is written, not even its good rows.
func TestCSVImportRefuses(t *testing.T) {
	db, ids := csvArchive(t)
	dir := t.TempDir()
	sheet := filepath.Join(dir, "records.csv")
	if _, errs, code := fond(t, db, "export", "--csv", sheet); code != 0 {
		t.Fatal(errs)
	}
	bad := filepath.Join(dir, "bad.csv")
	editSheet(t, sheet, bad, map[string]string{ids[0] + " date.edtf": "1949-13-45", ids[1] + " title": "A good edit"})
	_, errs, code := fond(t, db, "import", "--csv", bad, "--as", "ann")
	if code != 1 || !regexpMatch(`bad.csv:\d: column date.edtf \(H\): "1949-13-45" is not an EDTF date`, errs) || !strings.Contains(errs, "1 refused; nothing written") {
		t.Errorf("bad date: %d %s", code, errs)
	}
	if r, _ := history(t, db, ids[1]); r.Title == "A good edit" {
		t.Error("a good row of a refused file was written")
	}
	for name, tc := range map[string]struct {
		file string
		args []string
		want string
	}{
		"unknown column": {"id,revision,titel\r\n", nil, "x.csv:1: column titel (C): \"titel\" is not a column"},
		"not a record":   {"id,revision,title\r\nnope,1,x\r\n", nil, "x.csv:2: column id (A): no record nope"},
		"twice":          {"id,revision,title\r\n" + ids[0] + ",1,x\r\n" + ids[0] + ",1,y\r\n", nil, "x.csv:3: column id (A): record " + ids[0] + " is on line 2 too"},
		"no account":     {"id,revision\r\n", []string{"--as", "zed"}, `no account "zed"`},
		"contributor":    {"id,revision,title\r\n" + ids[0] + ",1,x\r\n", []string{"--as", "cy"}, "cy is a contributor, who may edit drafts only, and record " + ids[0] + " is published"},
		"revision ahead": {"id,revision,title\r\n" + ids[0] + ",7,x\r\n", nil, "x.csv:2: column revision (B): record " + ids[0] + " has no revision 7 yet (it is at 1)"},
		"max rows":       {"id,revision,title\r\n" + ids[0] + ",1,x\r\n" + ids[1] + ",1,y\r\n", []string{"--max-rows", "1"}, "x.csv:3: more than 1 rows (--max-rows)"},
		"max size":       {"id,revision,title\r\n" + ids[0] + ",1,x\r\n", []string{"--max-file-size", "20"}, "x.csv: 41 bytes, more than --max-file-size 20"},
	} {
		f := filepath.Join(dir, "x.csv")
		os.WriteFile(f, []byte(tc.file), 0o644)
		args := append([]string{"import", "--csv", f}, tc.args...)
		if !slices.Contains(tc.args, "--as") {
			args = append(args, "--as", "ann")
		}
		if _, errs, code := fond(t, db, args...); code != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: %d %q, want %q", name, code, errs, tc.want)
		}
		if r, _ := history(t, db, ids[0]); r.Title == "x" {
			t.Errorf("%s: written", name)
		}
	}
	// Each bound passed at its edge: the same files go in.
	f := filepath.Join(dir, "x.csv")
	os.WriteFile(f, []byte("id,revision,title\r\n"+ids[0]+",1,x\r\n"+ids[1]+",1,y\r\n"), 0o644)
	if _, errs, code := fond(t, db, "import", "--csv", f, "--as", "ann", "--max-rows", "2", "--max-file-size", "1KB"); code != 0 || !strings.Contains(errs, "2 changed") {
		t.Errorf("at the bounds: %d %s", code, errs)
	}
	// A contributor edits drafts.
	os.WriteFile(f, []byte("id,revision,place\r\n"+ids[2]+",1,Beijing\r\n"), 0o644)
	if _, errs, code := fond(t, db, "import", "--csv", f, "--as", "cy"); code != 0 || !strings.Contains(errs, "1 changed") {
		t.Errorf("contributor on a draft: %d %s", code, errs)
	}
	// From standard input.
	withStdin(t, "id,revision,place\r\n"+ids[2]+",2,Peiping\r\n", func() {
		if _, errs, code := fond(t, db, "import", "--csv", "-", "--as", "cy"); code != 0 || !strings.Contains(errs, "-: 1 rows: 1 changed") {
			t.Errorf("from stdin: %d %s", code, errs)
		}
	})
	if _, errs, code := fond(t, db, "import", "--csv", f); code != 2 || !strings.Contains(errs, "--as NAME") {
		t.Errorf("no --as: %d %s", code, errs)
	}
}

// Filters choose the rows; sources and notes get columns for the most any
// chosen record has.
func TestCSVExportFilters(t *testing.T) {
	db, ids := csvArchive(t)
	dir := t.TempDir()
	for name, tc := range map[string]struct {
		args []string
		want []string
	}{
		"drafts":      {[]string{"--status", "draft"}, ids[2:]},
		"published":   {[]string{"--status", "published"}, []string{ids[1], ids[0]}}, // in date order: 1949, 1950
		"ids":         {[]string{ids[1], ids[0]}, []string{ids[1], ids[0]}},
		"id filtered": {[]string{"--status", "draft", ids[0], ids[2]}, ids[2:]},
		"collection":  {[]string{"--collection", "none"}, nil},
	} {
		f := filepath.Join(dir, name+".csv")
		if _, errs, code := fond(t, db, append([]string{"export", "--csv", f}, tc.args...)...); code != 0 {
			t.Errorf("%s: %d %s", name, code, errs)
			continue
		}
		data, _ := os.ReadFile(f)
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(csvrec.BOM)))).ReadAll()
		var got []string
		for _, r := range rows[1:] {
			got = append(got, r[0])
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: rows %v, want %v (%v)", name, got, tc.want, err)
		}
	}
	if _, errs, code := fond(t, db, "export", "--csv", filepath.Join(dir, "x.csv"), "--status", "gone"); code != 2 || !strings.Contains(errs, "--status") {
		t.Errorf("bad status: %d %s", code, errs)
	}
	if _, errs, code := fond(t, db, "export", "--csv", filepath.Join(dir, "y.csv"), "no-such-id"); code != 1 || !strings.Contains(errs, "no-such-id") {
		t.Errorf("unknown id: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "y.csv")); err == nil {
		t.Error("a failed export left a file")
	}
}

func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }

// On both stores, and on real records (the sample folder, and the seed
// documents when ../shared is there): an unedited export imports as no
// change, and an edited cell is one revision by its account.
func TestCSVRealRecordsSQLite(t *testing.T) {
	csvRealRecords(t, filepath.Join(t.TempDir(), "fond.db"))
}

func TestCSVRealRecordsPostgres(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	csvRealRecords(t, testutil.PostgresSchema(t))
}

func csvRealRecords(t *testing.T, db string) {
	folders := []string{filepath.Join(testutil.RepoRoot(t), "testdata", "sample")}
	if _, err := os.Stat(filepath.Join(testutil.RepoRoot(t), "..", "shared", "seeds")); err == nil {
		folders = append(folders, testutil.Shared(t, "seeds"))
	} else {
		t.Log("../shared/seeds absent: only the sample documents are round-tripped")
	}
	if lines, code := ingestJSON(t, db, folders...); code != 0 || len(lines) < 6 {
		t.Fatalf("ingest %d, %d records", code, len(lines))
	}
	withStdin(t, "correct horse battery\n", func() {
		if _, errs, code := fond(t, db, "users", "add", "ann", "--role", "editor"); code != 0 {
			t.Fatal(errs)
		}
	})
	dir := t.TempDir()
	sheet := filepath.Join(dir, "all.csv")
	if _, errs, code := fond(t, db, "export", "--csv", sheet, "--with-body"); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	head, rows := readSheet(t, sheet)
	if _, errs, code := fond(t, db, "import", "--csv", sheet, "--as", "ann"); code != 0 || !strings.Contains(errs, fmt.Sprintf("%d rows: 0 changed, %d unchanged", len(rows), len(rows))) {
		t.Errorf("unedited import: %d %s", code, errs)
	}
	var id string
	for k := range rows {
		id = max(id, k)
	}
	edited := filepath.Join(dir, "edited.csv")
	editSheet(t, sheet, edited, map[string]string{id + " date.note": "checked against the scan"})
	if _, errs, code := fond(t, db, "import", "--csv", edited, "--as", "ann"); code != 0 || !strings.Contains(errs, "1 changed") {
		t.Errorf("edited import: %d %s", code, errs)
	}
	out, _, _ := fond(t, db, "show", "--json", id)
	var r record.Record
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Date.Note != "checked against the scan" || r.Provenance["date"].By != "ann" ||
		strconv.Itoa(r.Revision-1) != rows[id][slices.Index(head, "revision")] {
		t.Errorf("after the edit: %+v %+v rev %d (%v)", r.Date, r.Provenance, r.Revision, err)
	}
}
