package preserve

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
			importRefused(t, w, dir, tc.want)
		})
	}
}

// A bag's audit trail is checked whole before anything is stored: an entry
// on a record the bag does not hold, or an action a bag does not carry (a
// sign-in), refuses the bag, naming the file and the entry.
func TestImportRefusesBadAuditTrail(t *testing.T) {
	good := []byte("Letter from Molotov\n\nMoscow, 1 April 1950\n\nThe treaty is signed.\n")
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		trail []auditLine
		want  string
	}{
		{"another record", []auditLine{{At: at, Actor: "ann", Action: store.AuditPublish, Target: "1111111111111111"}, {At: at, Actor: "ann", Action: store.AuditWithdraw, Target: "2222222222222222"}},
			"data/audit.json: entry 2: 2222222222222222 is not a record of this bag"},
		{"a sign-in", []auditLine{{At: at, Actor: "ann", Action: store.AuditLogin, Target: "ann"}}, `data/audit.json: entry 1: "login" is not an action a bag carries`},
		{"no time", []auditLine{{Actor: "ann", Action: store.AuditPublish, Target: "1111111111111111"}}, "data/audit.json: entry 1: no time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "bag")
			w, err := bagit.Create(dir)
			if err != nil {
				t.Fatal(err)
			}
			w.AddBytes("originals/good.txt", good)
			rec, _ := json.Marshal(map[string]any{"id": "1111111111111111", "title": "Letter", "checksum": ingest.Checksum(good), "body": "The treaty is signed."})
			w.AddBytes("records/1111111111111111.json", rec)
			trail, _ := json.Marshal(tc.trail)
			w.AddBytes(auditName, trail)
			ledger, _ := json.Marshal(Ledger{Format: LedgerFormat, Version: LedgerVersion, Audit: auditName, Files: []LedgerFile{
				{Path: "/in/good.txt", Checksum: ingest.Checksum(good), Name: "good.txt", Format: "text", Original: "originals/good.txt", Records: []string{"1111111111111111"}}}})
			w.AddBytes("fond.json", ledger)
			importRefused(t, w, dir, tc.want)
		})
	}
}

// importRefused closes the bag w is writing in dir, imports it into an empty
// archive, and checks that the import fails saying want and stores nothing:
// no record, no audit entry.
func importRefused(t *testing.T, w *bagit.Writer, dir, want string) {
	t.Helper()
	if err := w.Close(nil); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = Import(ctx, st, &ingest.Ingester{Store: st}, dir, func(ingest.Outcome) {})
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Import: %v, want an error with %q", err, want)
	}
	if _, n, _ := st.List(ctx, store.ListQuery{IDsOnly: true}); n != 0 {
		t.Errorf("%d records stored from a refused bag", n)
	}
	if l, _ := st.AuditLog(ctx, store.AuditQuery{}); len(l) != 0 {
		t.Errorf("audit entries stored from a refused bag: %+v", l)
	}
}
