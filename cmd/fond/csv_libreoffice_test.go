package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fond/internal/testutil"
)

// A spreadsheet really opened and saved by LibreOffice Calc (headless, every
// column read as Text, as docs/spreadsheets.md tells people to open it) comes
// back with the edits made and nothing else: no leading zero lost, no date
// reformatted, the formula guard's apostrophe and the list escapes intact.
func TestCSVThroughLibreOffice(t *testing.T) {
	testutil.NeedPrograms(t, "soffice")
	db, ids := csvArchive(t)
	dir := t.TempDir()
	// Values a spreadsheet likes to change: a formula, a number with a
	// leading zero, an EDTF date, names with a semicolon.
	setup := filepath.Join(dir, "setup.csv")
	os.WriteFile(setup, []byte("id,revision,title,sources.1.delo,date.edtf,authors\r\n"+
		ids[0]+",1,=SUM(1+1),003,1950-02-07,Штыков ; Kim;; Il Sung\r\n"), 0o644)
	if _, errs, code := fond(t, db, "import", "--csv", setup, "--as", "ann"); code != 0 {
		t.Fatalf("setup: %s", errs)
	}
	sheet := filepath.Join(dir, "records.csv")
	if _, errs, code := fond(t, db, "export", "--csv", sheet); code != 0 {
		t.Fatal(errs)
	}
	head, _ := readSheet(t, sheet)
	edited := filepath.Join(dir, "edited.csv")
	editSheet(t, sheet, edited, map[string]string{ids[1] + " translators": "Gary Goldberg ; 김일성"})

	saved := throughCalc(t, edited, len(head))

	if data, _ := os.ReadFile(saved); !strings.Contains(string(data), `,'=SUM(1+1),`) || !strings.Contains(string(data), `,003,`) || !strings.Contains(string(data), `,1950-02-07,`) {
		t.Errorf("Calc changed the cells: %s", data)
	}
	out, errs, code := fond(t, db, "import", "--csv", saved, "--as", "ann", "--dry-run")
	if code != 0 || !strings.Contains(errs, "1 to change, 2 unchanged") || strings.Count(out, "\n") != 1 || !strings.Contains(out, ids[1]+`  translators: "" → "Gary Goldberg ; 김일성"`) {
		data, _ := os.ReadFile(saved)
		t.Errorf("through LibreOffice: %d\n%s\n%s\nfile:\n%s", code, out, errs, data)
	}
}

// throughCalc opens a CSV file in LibreOffice Calc with its columns as Text,
// as docs/spreadsheets.md tells people to, and saves it as CSV again: the
// path of the file Calc wrote.
func throughCalc(t *testing.T, path string, columns int) string {
	t.Helper()
	// In: every column Text (format 2), UTF-8 (76), comma, quote, a header
	// line; out: CSV, UTF-8.
	formats := make([]string, columns)
	for i := range formats {
		formats[i] = strconv.Itoa(i+1) + "/2"
	}
	profile := "-env:UserInstallation=file://" + filepath.Join(t.TempDir(), "lo-profile")
	calc := t.TempDir()
	soffice := func(args ...string) {
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "soffice", append([]string{profile, "--headless"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, out)
		}
	}
	base := strings.TrimSuffix(filepath.Base(path), ".csv")
	soffice("--infilter=CSV:44,34,76,1,"+strings.Join(formats, "/")+",1033,true,false", "--convert-to", "ods", "--outdir", calc, path)
	soffice("--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false", "--outdir", filepath.Join(calc, "out"), filepath.Join(calc, base+".ods"))
	return filepath.Join(calc, "out", base+".csv")
}

// The figures docs/spreadsheets.md gives: the seed documents and FRUS 1864
// part 3 through Calc come back unchanged without their texts; with them,
// only texts change (Calc drops tabs and breaks very long paragraphs), and
// the dry run names each.
func TestCSVThroughLibreOfficeOnFRUS(t *testing.T) {
	testutil.NeedPrograms(t, "soffice")
	seeds, frus := testutil.Shared(t, "seeds"), testutil.Shared(t, "corpus/frus/frus1864p3.xml")
	db := filepath.Join(t.TempDir(), "fond.db")
	lines, code := ingestJSON(t, db, seeds, frus)
	if code != 0 {
		t.Fatalf("ingest: %d", code)
	}
	withStdin(t, "correct horse battery\n", func() {
		if _, errs, code := fond(t, db, "users", "add", "ann", "--role", "editor"); code != 0 {
			t.Fatal(errs)
		}
	})
	for _, body := range []bool{false, true} {
		sheet := filepath.Join(t.TempDir(), "all.csv")
		args := []string{"export", "--csv", sheet}
		if body {
			args = append(args, "--with-body")
		}
		if _, errs, code := fond(t, db, args...); code != 0 {
			t.Fatal(errs)
		}
		head, _ := readSheet(t, sheet)
		out, errs, code := fond(t, db, "import", "--csv", throughCalc(t, sheet, len(head)), "--as", "ann", "--dry-run")
		changed := strings.Count(out, "\n")
		t.Logf("with text %v: %d records, %d changed by Calc", body, len(lines), changed)
		if code != 0 || (!body && changed != 0) || strings.Count(out, "  body: ") != changed {
			t.Errorf("with text %v: %d\n%s\n%s", body, code, out, errs)
		}
	}
}
