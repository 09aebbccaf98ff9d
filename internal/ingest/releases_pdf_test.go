package ingest

import (
	"context"
	"image"
	"image/color"
	"image/draw"
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
	r, history := ingestReleases(t, pdf, filepath.Join(root, "telegram-1995.txt"), filepath.Join(root, "telegram-2019.txt"))
	if r.TextFrom != "pdf" || len(r.Redactions) != 1 || r.Redactions[0].Lines != 4 || len(r.Releases) != 1 || r.Releases[0].Date != "2008-05-01" {
		t.Fatalf("PDF release read as text_from %q, redactions %+v, releases %+v", r.TextFrom, r.Redactions, r.Releases)
	}
	if got, want := history, "1995: 3 paragraphs withheld; 2008: 1 paragraph withheld; 2019: full"; got != want {
		t.Errorf("history with the PDF release = %q, want %q", got, want)
	}
}

// ingestReleases ingests files into a new store and returns the first one's
// record and the release history of its document ("1995: …; 2008: …").
func ingestReleases(t *testing.T, files ...string) (record.Record, string) {
	t.Helper()
	st := openStore(t)
	in := &Ingester{Store: st}
	ctx := context.Background()
	var id string
	for i, f := range files {
		outs, err := in.File(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			id = outs[0].ID
		}
	}
	r, err := st.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	recs := []record.Record{r}
	for _, e := range r.Editions {
		o, err := st.Get(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, o)
	}
	return r, redact.Summary(redact.History(recs))
}

// wrapped sets text's paragraphs in lines of at most width characters, a
// blank line between paragraphs, as a typist's page has them.
func wrapped(text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len(line)+1+len(w) > width {
				lines = append(lines, line)
				line = ""
			}
			line = strings.TrimSpace(line + " " + w)
		}
		lines = append(lines, line, "")
	}
	return lines
}

// TestReleaseAsScan: the 2008 release typed, scanned as two page images with
// no text layer and read by Tesseract (through the path every scan takes on
// ingest), keeps its stamp's release and its marker's size, and joins the text
// releases of 1995 and 2019 as one document with the same history. A third
// page of markers of the other kinds (an exemption code beside an OCR'd run
// of X's, a code standing alone) is read into spans with their codes.
func TestReleaseAsScan(t *testing.T) {
	testutil.NeedPrograms(t, "pdftoppm", "pdftotext", "tesseract")
	root := filepath.Join(testutil.RepoRoot(t), "testdata", "releases", "text")
	text, err := os.ReadFile(filepath.Join(root, "telegram-2008.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := wrapped(string(text), 62)
	if len(lines) > 2*40 {
		t.Fatalf("%d lines do not fit two pages", len(lines))
	}
	dir := t.TempDir()
	scan := filepath.Join(dir, "telegram-2008-scan.pdf")
	if err := os.WriteFile(scan, scannedPDF(t, lines[:40], lines[40:]), 0o644); err != nil {
		t.Fatal(err)
	}
	// Ingested first, between the text releases' in another order than the
	// PDF test's.
	r, history := ingestReleases(t, scan, filepath.Join(root, "telegram-2019.txt"), filepath.Join(root, "telegram-1995.txt"))
	if r.TextFrom != "ocr" || len(r.Redactions) != 1 || r.Redactions[0].Lines != 4 || len(r.Releases) != 1 ||
		r.Releases[0].Date != "2008-05-01" || r.Releases[0].Authority != "MR 2005-123" {
		t.Fatalf("scanned release read as text_from %q, redactions %+v, releases %+v", r.TextFrom, r.Redactions, r.Releases)
	}
	if got, want := history, "1995: 3 paragraphs withheld; 2008: 1 paragraph withheld; 2019: full"; got != want {
		t.Errorf("history with the scanned release = %q, want %q", got, want)
	}

	// The third line's words from "Xavier" on are inked over, as a
	// release's censor did: the page's box, not Tesseract's reading of it,
	// makes it a blackout.
	ctx := context.Background()
	pages := testutil.ScanImages(t, []string{"He named the source: (b)(1) XXXXXXXXXXXX and", "the officer 25X1 who was present at the meeting.",
		"He said that Xavier Quentin Morrow had told him so.", "The Chancellor left at noon."})
	page, ok := pages[0].(draw.Image)
	if !ok {
		t.Fatalf("page image %T", pages[0])
	}
	// testutil.PDF sets 12 pt lines 16 pt apart from 72 pt, drawn at 300 dpi.
	pt := func(p float64) int { return int(p * 300 / 72) }
	draw.Draw(page, image.Rect(pt(72+70), pt(72+32-10), pt(72+250), pt(72+32+3)), &image.Uniform{color.Black}, image.Point{}, draw.Src)
	res, err := Extract(ctx, "markers-scan.pdf", testutil.ScannedPDF(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, red := range res.Records[0].Redactions {
		got = append(got, red.Kind+" "+strings.Join(red.Exemptions, ","))
	}
	if strings.Join(got, "; ") != "ocr b1; exemption 25x1; ocr " {
		t.Errorf("OCR'd markers read as %q from %q", got, res.Records[0].Body)
	}
	t.Logf("markers page read as %q", res.Records[0].Body)
	if body := res.Records[0].Body; strings.Contains(body, "Quentin") || !strings.Contains(body, "He said that") || !strings.Contains(body, "Chancellor left") {
		t.Errorf("the inked words, or the words around them, read wrong: %q", body)
	}
}

// scannedPDF is pages of lines typed and scanned: page images only.
func scannedPDF(t *testing.T, pages ...[]string) []byte {
	return testutil.ScannedPDF(testutil.ScanImages(t, pages...)...)
}
