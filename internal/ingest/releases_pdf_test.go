package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/redact"
	"fond/internal/testutil"
)

// TestReleaseAsPDF: the 2008 release as a PDF (its text layer, lines wrapped
// as a page sets them, a marker broken across two lines) joins the text
// releases of 1995 and 2019 as one document with the same history.
func TestReleaseAsPDF(t *testing.T) {
	testutil.NeedPrograms(t, "pdftotext")
	root := filepath.Join(testutil.RepoRoot(t), "testdata", "releases", "text")
	text, err := os.ReadFile(filepath.Join(root, "telegram-2008.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, para := range strings.Split(string(text), "\n\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if len(line)+1+len(w) > 30 {
				lines = append(lines, line)
				line = ""
			}
			line = strings.TrimSpace(line + " " + w)
		}
		lines = append(lines, line, "")
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "telegram-2008.pdf")
	if err := os.WriteFile(pdf, testutil.PDF(lines[:len(lines)/2], lines[len(lines)/2:]), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	in := &Ingester{Store: st}
	ctx := context.Background()
	var pdfID string
	for _, f := range []string{pdf, filepath.Join(root, "telegram-1995.txt"), filepath.Join(root, "telegram-2019.txt")} {
		outs, err := in.File(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if f == pdf {
			pdfID = outs[0].ID
		}
	}
	r, err := st.Get(ctx, pdfID)
	if err != nil {
		t.Fatal(err)
	}
	if r.TextFrom != "pdf" || len(r.Redactions) != 1 || r.Redactions[0].Lines != 4 || len(r.Releases) != 1 || r.Releases[0].Date != "2008-05-01" {
		t.Fatalf("PDF release read as text_from %q, redactions %+v, releases %+v", r.TextFrom, r.Redactions, r.Releases)
	}
	recs := []record.Record{r}
	for _, e := range r.Editions {
		o, err := st.Get(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, o)
	}
	if got, want := redact.Summary(redact.History(recs)), "1995: 3 paragraphs withheld; 2008: 1 paragraph withheld; 2019: full"; got != want {
		t.Errorf("history with the PDF release = %q, want %q", got, want)
	}
}
