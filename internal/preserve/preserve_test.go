package preserve

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/bagit"
	"fond/internal/ingest"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

func TestOriginalPathIsSafe(t *testing.T) {
	for name, want := range map[string]string{
		"letter.TXT":       "originals/abc.txt",
		"../../etc/passwd": "originals/abc",
		"scan.tar.gz":      "originals/abc.gz",
		"odd.t x":          "originals/abc",
		"noext":            "originals/abc",
	} {
		if got := originalPath(store.Original{Checksum: "sha256:abc", Name: name}); got != want {
			t.Errorf("originalPath(%q) = %q, want %q", name, got, want)
		}
	}
}

// A bag valid as BagIt whose ledger disagrees with its contents is refused
// before anything is stored, even its sound first file: the manifest proves
// the bag unchanged, not that its writer put the right original or record in
// it.
func TestImportRefusesInconsistentLedger(t *testing.T) {
	original := []byte("Letter from Shtykov\n\nPyongyang, 12 March 1950\n\nThe loan is agreed.\n")
	sum := ingest.Checksum(original)
	for _, tc := range []struct {
		name     string
		checksum string // the ledger's
		recordID string // in the record's JSON
		want     string
	}{
		{"original not the ledger's", "sha256:" + strings.Repeat("0", 64), "0123456789abcdef", "data/originals/x.txt hashes to " + sum},
		{"record not the ledger's", sum, "fedcba9876543210", "data/records/0123456789abcdef.json is record fedcba9876543210"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "bag")
			w, err := bagit.Create(dir)
			if err != nil {
				t.Fatal(err)
			}
			good := []byte("Letter from Molotov\n\nMoscow, 1 April 1950\n\nThe treaty is signed.\n")
			w.AddBytes("originals/good.txt", good)
			first, _ := json.Marshal(map[string]any{"id": "1111111111111111", "title": "Letter", "checksum": ingest.Checksum(good), "body": "The treaty is signed."})
			w.AddBytes("records/1111111111111111.json", first)
			w.AddBytes("originals/x.txt", original)
			rec, _ := json.Marshal(map[string]any{"id": tc.recordID, "title": "Letter", "checksum": tc.checksum, "body": "The loan is agreed."})
			w.AddBytes("records/0123456789abcdef.json", rec)
			ledger, _ := json.Marshal(Ledger{Format: LedgerFormat, Version: LedgerVersion, Files: []LedgerFile{
				{Path: "/in/good.txt", Checksum: ingest.Checksum(good), Name: "good.txt", Format: "text", Original: "originals/good.txt", Records: []string{"1111111111111111"}},
				{Path: "/in/x.txt", Checksum: tc.checksum, Name: "x.txt", Format: "text", Original: "originals/x.txt", Records: []string{"0123456789abcdef"}}}})
			w.AddBytes("fond.json", ledger)
			if err := w.Close(nil); err != nil {
				t.Fatal(err)
			}
			st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			_, err = Import(context.Background(), st, &ingest.Ingester{Store: st}, dir, func(ingest.Outcome) {})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Import: %v, want an error with %q", err, tc.want)
			}
			if _, n, _ := st.List(context.Background(), store.ListQuery{IDsOnly: true}); n != 0 {
				t.Errorf("%d records stored from a refused bag", n)
			}
		})
	}
}
