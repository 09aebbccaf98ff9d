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

	// In: every column Text (format 2), UTF-8 (76), comma, quote, header
	// line; out: CSV, UTF-8, text cells quoted.
	var formats []string
	for i := range head {
		formats = append(formats, strconv.Itoa(i+1)+"/2")
	}
	profile := "-env:UserInstallation=file://" + filepath.Join(t.TempDir(), "lo-profile")
	calc := filepath.Join(dir, "calc")
	soffice := func(args ...string) {
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "soffice", append([]string{profile, "--headless"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, out)
		}
	}
	soffice("--infilter=CSV:44,34,76,1,"+strings.Join(formats, "/")+",1033,true,false", "--convert-to", "ods", "--outdir", calc, edited)
	soffice("--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false", "--outdir", filepath.Join(calc, "out"), filepath.Join(calc, "edited.ods"))
	saved := filepath.Join(calc, "out", "edited.csv")

	if data, _ := os.ReadFile(saved); !strings.Contains(string(data), `,'=SUM(1+1),`) || !strings.Contains(string(data), `,003,`) || !strings.Contains(string(data), `,1950-02-07,`) {
		t.Errorf("Calc changed the cells: %s", data)
	}
	out, errs, code := fond(t, db, "import", "--csv", saved, "--as", "ann", "--dry-run")
	if code != 0 || !strings.Contains(errs, "1 to change, 2 unchanged") || strings.Count(out, "\n") != 1 || !strings.Contains(out, ids[1]+`  translators: "" → "Gary Goldberg ; 김일성"`) {
		data, _ := os.ReadFile(saved)
		t.Errorf("through LibreOffice: %d\n%s\n%s\nfile:\n%s", code, out, errs, data)
	}
}
