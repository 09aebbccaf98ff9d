package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/postgres"
	"fond/internal/testutil"
)

// A NUL deep in a text file (past any sniffing of the head) refuses that file
// alone, by name, on both stores; the files around it go in.
func TestNULFileRefusedAloneOnEveryStore(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"a.txt", "b.txt", "c.txt"} {
		text := fmt.Sprintf("Memorandum %d\n\nWashington, October %d, 1962.\n\n", i, 20+i) + strings.Repeat("The tanker may pass the line. ", 600)
		data := []byte(text)
		if name == "b.txt" {
			data[10000] = 0
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	stores := map[string]func(t *testing.T) store.Store{
		"sqlite": func(t *testing.T) store.Store { return openStore(t) },
		"postgres": func(t *testing.T) store.Store {
			st, err := postgres.Open(context.Background(), testutil.PostgresSchema(t), "")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			in := &Ingester{Store: st}
			added := map[string]bool{}
			var errs []string
			failed, err := in.Paths(context.Background(), []string{dir}, func(o Outcome) {
				if o.Error != "" {
					errs = append(errs, o.Error)
				} else {
					added[filepath.Base(o.File)] = true
				}
			})
			if err != nil {
				t.Fatalf("the batch stopped: %v", err)
			}
			if failed != 1 || len(errs) != 1 || !strings.Contains(errs[0], "b.txt") || !strings.Contains(errs[0], "NUL byte at offset 10000") {
				t.Errorf("failed %d, errors %q: want b.txt alone refused for its NUL at offset 10000", failed, errs)
			}
			if !added["a.txt"] || !added["c.txt"] {
				t.Errorf("ingested %v, want a.txt and c.txt", added)
			}
			if _, total, _ := st.List(context.Background(), store.ListQuery{}); total != 2 {
				t.Errorf("store holds %d records, want 2", total)
			}
		})
	}
}

// Control characters that arrive by other ways than raw bytes (scan output,
// UTF-16, character references, transfer encodings) are taken out of every
// field of the record.
func TestRecordsCarryNoControlCharacters(t *testing.T) {
	r := record.Record{
		Title:      "Memo\x00randum",
		Body:       "page one\fpage two\x1b[0m\ttab\r\n",
		Sources:    []record.Source{{Reference: "f.\x01 059a"}},
		Notes:      []record.Note{{Text: "note\x07"}},
		Authors:    []string{"Kim\x00"},
		Collection: &record.Collection{Title: "FRUS\x1f"},
	}
	cleanControls(&r)
	got := fmt.Sprintf("%q %q %q %q %q %q", r.Title, r.Body, r.Sources[0].Reference, r.Notes[0].Text, r.Authors[0], r.Collection.Title)
	want := `"Memorandum" "page one\npage two[0m\ttab\r\n" "f. 059a" "note" "Kim" "FRUS"`
	if got != want {
		t.Errorf("cleaned record:\n got %s\nwant %s", got, want)
	}

	// Through Extract: UTF-16 decodes to a NUL that no byte check could see,
	// and a DOS end-of-file mark and page breaks are in old text files.
	utf16 := []byte{0xff, 0xfe}
	for _, c := range "Memo\x00\n\nA text." {
		utf16 = append(utf16, byte(c), 0)
	}
	if _, err := Extract(context.Background(), "utf16.txt", utf16); err == nil || !strings.Contains(err.Error(), "NUL") {
		t.Errorf("UTF-16 file with a NUL character: %v, want it refused", err)
	}
	res, err := Extract(context.Background(), "dos.txt", []byte("Memorandum\n\nWashington, October 27, 1962.\n\nThe tanker\f may pass.\x1a"))
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range res.Records {
		if hasControl(rec.Title + rec.Body) {
			t.Errorf("record keeps control characters: %q / %q", rec.Title, rec.Body)
		}
	}
}
