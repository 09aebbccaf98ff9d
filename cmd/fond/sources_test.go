package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// volume is a synthetic one-document TEI volume: root id, document id, text.
const volume = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="%s"><teiHeader><fileDesc><titleStmt><title type="complete">Invented Papers</title></titleStmt></fileDesc></teiHeader>
<text><body><div type="document" xml:id="%s"><head>Telegram on the river</head><dateline>Northport, <date when="1931-03-02">March 2, 1931</date></dateline><p>%s</p></div></body></text></TEI>
`

func writeVolume(t *testing.T, path, root, doc, text string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(fmt.Sprintf(volume, root, doc, text)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A crafted file reusing a real volume's ids: reported as a conflict naming
// both files, exit status 1, the rest of the batch stored; --replace takes it.
func TestIngestConflictAndReplace(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fond.db")
	real := filepath.Join(dir, "corpus", "real.xml")
	writeVolume(t, real, "frus1931test", "d1", "The river commission met this morning.")
	first, code := ingestJSON(t, db, real)
	if code != 0 || len(first) != 1 {
		t.Fatalf("real volume: exit %d, %+v", code, first)
	}
	crafted := filepath.Join(dir, "batch", "crafted.xml")
	writeVolume(t, crafted, "frus1931test", "d1", "The commission ceded the island.")
	writeVolume(t, filepath.Join(dir, "batch", "other.xml"), "frus1948test", "d1", "The grain shipments are delayed.")
	lines, code := ingestJSON(t, db, filepath.Join(dir, "batch"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var conflicts, added int
	for _, l := range lines {
		switch {
		case l.Error != "":
			conflicts++
			if !strings.Contains(l.Error, "conflict") || !strings.Contains(l.Error, "crafted.xml") || !strings.Contains(l.Error, real) {
				t.Errorf("conflict line should name both files: %+v", l)
			}
		case l.Status == "added":
			added++
		}
	}
	if conflicts != 1 || added != 1 {
		t.Errorf("lines %+v, want one conflict and one added", lines)
	}
	out, _, _ := fond(t, db, "show", "--json", first[0].ID)
	if !strings.Contains(out, "met this morning") {
		t.Errorf("the real record changed: %s", out)
	}

	_, errs, code := fond(t, db, "ingest", "--replace", crafted)
	if code != 0 || !strings.Contains(errs, "1 replaced") {
		t.Errorf("--replace: exit %d, %s", code, errs)
	}
	if out, _, _ = fond(t, db, "show", "--json", first[0].ID); !strings.Contains(out, "ceded the island") {
		t.Errorf("--replace did not take the record: %s", out)
	}
}
