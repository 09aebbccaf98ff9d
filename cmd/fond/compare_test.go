package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareBudget: with room, every sentence is aligned; with --budget too
// small, the rest is printed unaligned, every sentence still there, and the
// output says why.
func TestCompareBudget(t *testing.T) {
	texts := map[string]string{
		"a.txt": "Memorandum of conversation\n\nKim reported a clash in Gangwon province. Stalin asked about the specialists. They trade with the city of Dalny.",
		"b.txt": "Memorandum of conversation\n\nKim reported a clash in Kangwon province. Stalin asked about specialists. They trade with Dalny and with China.",
	}
	db, lines := ingestPair(t, texts)
	a, b := idOf(t, lines, "a.txt"), idOf(t, lines, "b.txt")

	out, errs, code := fond(t, db, "compare", a, b)
	if code != 0 || strings.Contains(out, "not aligned") {
		t.Errorf("compare: exit %d, %s%s", code, out, errs)
	}
	out, errs, code = fond(t, db, "compare", "--budget", "1", a, b)
	if code != 0 || !strings.Contains(out, "the rest was not aligned: over the comparison budget") {
		t.Fatalf("compare --budget 1: exit %d, %s%s", code, out, errs)
	}
	for _, s := range []string{"A[0] Kim reported a clash in Gangwon province.", "A[2] They trade with the city of Dalny.", "B[2] They trade with Dalny and with China."} {
		if !strings.Contains(out, s) {
			t.Errorf("compare --budget 1 does not print %q:\n%s", s, out)
		}
	}
}

// TestCompareFootnotes: the editions' footnotes are compared after the text,
// each beside the other edition's note that says the same whatever its
// number, and a note only one edition prints is shown with a dash.
func TestCompareFootnotes(t *testing.T) {
	texts := map[string]string{
		"a.txt": "Telegram on the harbour\n\nThe minister spoke of the harbour works at length.\n\nHe asked for more cement before the winter.\n\n1 The harbour is that of Dalny.\n2 The cement came from Manchuria.",
		"b.txt": "Telegram on the harbour\n\nThe minister spoke of the harbour works at length.\n\nHe asked for more cement before the winter.\n\n5 The cement came from Manchuria.",
	}
	db, lines := ingestPair(t, texts)
	out, errs, code := fond(t, db, "compare", "--all", idOf(t, lines, "a.txt"), idOf(t, lines, "b.txt"))
	if code != 0 {
		t.Fatalf("compare: exit %d, %s%s", code, out, errs)
	}
	for _, s := range []string{"Footnotes (", "note A 2 · B 5  The cement came from Manchuria.", "note A 1 · B —"} {
		if !strings.Contains(out, s) {
			t.Errorf("compare does not print %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "1 The harbour is that of Dalny.") {
		t.Errorf("a footnote is compared as running text:\n%s", out)
	}
}

// ingestPair writes a.txt and b.txt and ingests them into a new archive.
func ingestPair(t *testing.T, texts map[string]string) (db string, lines []ingestLine) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db = filepath.Join(dir, "fond.db")
	lines, code := ingestJSON(t, db, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"))
	if code != 0 || len(lines) != 2 {
		t.Fatalf("ingest: exit %d, %+v", code, lines)
	}
	return db, lines
}
