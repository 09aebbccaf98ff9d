package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSmallIngestLeavesTheIndexAlone: adding a file to an archive whose
// saved index is much larger than the file writes no index (the snapshot's
// bytes are untouched), and the next process still finds the record, by
// catching up from the change log.
func TestSmallIngestLeavesTheIndexAlone(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fond.db")
	var big strings.Builder
	for i := range 400 {
		big.WriteString("Telegram number ")
		big.WriteString(strings.Repeat("x", i%7+1))
		big.WriteString(" about the harvest in the northern provinces and the rail line.\n")
	}
	for i := range 30 {
		p := filepath.Join(dir, "in", "bulk", string(rune('a'+i%26))+strings.Repeat("z", i/26)+".txt")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("Memorandum "+p+"\n\nWashington, May 1, 1950\n\n"+big.String()), 0o644)
	}
	if _, stderr, code := fond(t, db, "ingest", filepath.Join(dir, "in", "bulk")); code != 0 {
		t.Fatalf("bulk ingest: %s", stderr)
	}
	snapshot := db + "-index"
	before, err := os.ReadFile(snapshot)
	if err != nil {
		t.Fatalf("a bulk ingest saves the index: %v", err)
	}
	one := filepath.Join(dir, "in", "one.txt")
	os.WriteFile(one, []byte("Memorandum\n\nWashington, June 3, 1951\n\nAbout quokka exports.\n"), 0o644)
	if _, stderr, code := fond(t, db, "ingest", one); code != 0 {
		t.Fatalf("small ingest: %s", stderr)
	}
	after, err := os.ReadFile(snapshot)
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("a one-file ingest rewrote the index (%d -> %d bytes, %v)", len(before), len(after), err)
	}
	if out, _, code := fond(t, db, "search", "quokka"); code != 0 || !strings.Contains(out, "1 result") {
		t.Errorf("the record added without the index is not found: %q", out)
	}
	// --index load keeps the index current in the ingesting process; one
	// record is too few to write a segment for (index.DefaultSaveDocs), so
	// the next process finds it through the change log too.
	two := filepath.Join(dir, "in", "two.txt")
	os.WriteFile(two, []byte("Memorandum\n\nWashington, June 4, 1951\n\nAbout wombat exports.\n"), 0o644)
	before, _ = os.ReadFile(snapshot)
	if _, stderr, code := fond(t, db, "ingest", "--index", "load", two); code != 0 {
		t.Fatalf("ingest --index load: %s", stderr)
	}
	if after, _ := os.ReadFile(snapshot); !bytes.Equal(before, after) {
		t.Error("--index load rewrote the index for one record")
	}
	if out, _, code := fond(t, db, "search", "wombat"); code != 0 || !strings.Contains(out, "1 result") {
		t.Errorf("the record added with --index load is not found: %q", out)
	}
	// With --index-save-docs 1, one record is enough to write the file.
	three := filepath.Join(dir, "in", "three.txt")
	os.WriteFile(three, []byte("Memorandum\n\nWashington, June 5, 1951\n\nAbout numbat exports.\n"), 0o644)
	before, _ = os.ReadFile(snapshot)
	if _, stderr, code := fond(t, db, "--index-save-docs", "1", "ingest", "--index", "load", three); code != 0 {
		t.Fatalf("ingest --index-save-docs 1: %s", stderr)
	}
	if after, _ := os.ReadFile(snapshot); bytes.Equal(before, after) {
		t.Error("--index-save-docs 1 did not write the index for one record")
	}
	if _, stderr, code := fond(t, db, "--index-merge-mb", "0", "search", "numbat"); code != 2 || !strings.Contains(stderr, "--index-merge-mb") {
		t.Errorf("--index-merge-mb 0: exit %d, %q", code, stderr)
	}
	if _, stderr, code := fond(t, db, "--index-merge-max-mb", "0", "search", "numbat"); code != 2 || !strings.Contains(stderr, "--index-merge-max-mb") {
		t.Errorf("--index-merge-max-mb 0: exit %d, %q", code, stderr)
	}
	if _, stderr, code := fond(t, db, "ingest", "--index", "sometimes", two); code != 2 || !strings.Contains(stderr, "--index") {
		t.Errorf("a bad --index: exit %d, %q", code, stderr)
	}
}
