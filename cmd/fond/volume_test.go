package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A printed volume's text ingested: one stored record per document, with its
// number, and the same ids when the same file is ingested again.
func TestIngestPrintedVolume(t *testing.T) {
	dir := t.TempDir()
	vol := "218 FOREIGN RELATIONS, 1953, VOLUME II\n\n285.\n\nThe Secretary of State to the Embassy in Japan¹\n\nWashington, January 22, 1953.\n\n" +
		"The Department has considered your message.\n\nDulles\n\n286.\n\nThe Ambassador in Japan (Murphy) to the Department of State¹\n\n" +
		"Tokyo, January 24, 1953.\n\nYour telegram² was received and\n\n" +
		"¹ Source: Department of State, Central Files, 611.61/1-2053. Secret.\n¹ Source: Department of State, Central Files, 611.94/1-2453.\n² Not printed.\n\n" +
		"JAPAN 219\n\ndiscussed with the Foreign Minister.\n\nMurphy\n\nNo. 287\n\nMemorandum of Conversation, by the Secretary of State¹\n\n" +
		"Washington, February 2, 1953.\n\nThe Ambassador called.\n\n¹ File No. 794.00/2-253.\n"
	path := filepath.Join(dir, "frus-volume.txt")
	if err := os.WriteFile(path, []byte(vol), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "fond.db")
	lines, code := ingestJSON(t, db, path)
	if code != 0 || len(lines) != 3 {
		t.Fatalf("ingest: exit %d, %+v", code, lines)
	}
	for i, want := range []struct{ number, date string }{{"285", "1953-01-22"}, {"286", "1953-01-24"}, {"287", "1953-02-02"}} {
		out, errs, code := fond(t, db, "show", "--json", lines[i].ID)
		var r struct {
			DocNumber string `json:"doc_number"`
			Date      struct{ EDTF string }
			Notes     []struct{ N, Text string }
		}
		if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
			t.Fatalf("show %s: exit %d %s", lines[i].ID, code, errs)
		}
		if r.DocNumber != want.number || r.Date.EDTF != want.date {
			t.Errorf("record %d: number %q date %q", i, r.DocNumber, r.Date.EDTF)
		}
		if want.number == "286" && (len(r.Notes) != 1 || r.Notes[0].N != "2" || r.Notes[0].Text != "Not printed.") {
			t.Errorf("286: notes %+v", r.Notes)
		}
	}
	again, code := ingestJSON(t, db, path)
	if code != 0 || len(again) != 3 {
		t.Fatalf("again: exit %d, %+v", code, again)
	}
	for i := range again {
		if again[i].ID != lines[i].ID {
			t.Errorf("record %d: id %s, then %s", i, lines[i].ID, again[i].ID)
		}
	}
}

func TestEvalPrintedWholeFlag(t *testing.T) {
	_, errs, code := fond(t, filepath.Join(t.TempDir(), "fond.db"), "eval", "printed", "--whole", "scans", t.TempDir())
	if code == 0 || !strings.Contains(errs, "--whole") {
		t.Errorf("exit %d, %s", code, errs)
	}
}

func TestEvalPrintedJobsFlag(t *testing.T) {
	_, errs, code := fond(t, filepath.Join(t.TempDir(), "fond.db"), "eval", "printed", "--jobs", "0", t.TempDir())
	if code == 0 || !strings.Contains(errs, "--jobs") {
		t.Errorf("exit %d, %s", code, errs)
	}
}
