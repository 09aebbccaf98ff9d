package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fond/internal/store"
)

// teiDoc is one document of a synthetic TEI volume.
type teiDoc struct{ id, date, head, text string }

// teiVolume writes a TEI file in the FRUS markup: rootID "" leaves the root
// (and the header) without an id, as some editions are.
func teiVolume(t *testing.T, path, rootID string, docs ...teiDoc) {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"")
	if rootID != "" {
		fmt.Fprintf(&b, ` xml:id="%s"`, rootID)
	}
	b.WriteString(">\n<teiHeader><fileDesc><titleStmt><title type=\"complete\">Invented Papers of Testland</title></titleStmt>" +
		"<publicationStmt><publisher>Testland Printing Office</publisher><date>1951</date></publicationStmt></fileDesc></teiHeader>\n<text><body>\n")
	for _, d := range docs {
		fmt.Fprintf(&b, "<div type=\"document\" xml:id=\"%s\"><head>%s</head><dateline><placeName>Northport</placeName>, <date when=\"%s\">%s</date></dateline><p>%s</p></div>\n",
			d.id, d.head, d.date, d.date, d.text)
	}
	b.WriteString("</body></text>\n</TEI>\n")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func ingestAll(t *testing.T, in *Ingester, paths ...string) ([]Outcome, int) {
	t.Helper()
	var outs []Outcome
	failed, err := in.Paths(context.Background(), paths, func(o Outcome) { outs = append(outs, o) })
	if err != nil {
		t.Fatal(err)
	}
	return outs, failed
}

// Two files whose roots have no xml:id, with the same document ids, are two
// sets of records: neither takes the other's.
func TestTEIWithoutRootIDsDoNotCollide(t *testing.T) {
	st := openStore(t)
	in := &Ingester{Store: st}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xml"), filepath.Join(dir, "b.xml")
	teiVolume(t, a, "", teiDoc{"d1", "1931-03-02", "Telegram on the river", "The river commission met this morning."},
		teiDoc{"d2", "1931-03-04", "Telegram on the island", "No agreement was reached on the island."})
	teiVolume(t, b, "", teiDoc{"d1", "1948-06-01", "Memorandum on grain", "The grain shipments are delayed."},
		teiDoc{"d2", "1948-06-09", "Memorandum on rails", "The railway gauge differs at the border."})
	outs, failed := ingestAll(t, in, dir)
	ids := map[string]bool{}
	for _, o := range outs {
		if o.Error != "" || o.Status != store.Added {
			t.Errorf("%+v, want added", o)
		}
		ids[o.ID] = true
	}
	if failed != 0 || len(ids) != 4 {
		t.Fatalf("%d failed, %d distinct ids (%+v), want 0 and 4", failed, len(ids), outs)
	}
	if _, total, _ := st.List(context.Background(), store.ListQuery{}); total != 4 {
		t.Errorf("%d records stored, want 4", total)
	}

	// An edited file replaces its own records: the old ids resolve to the new.
	teiVolume(t, a, "", teiDoc{"d1", "1931-03-02", "Telegram on the river", "The river commission met again this morning."},
		teiDoc{"d2", "1931-03-04", "Telegram on the island", "No agreement was reached on the island."})
	again, failed := ingestAll(t, in, a)
	if failed != 0 || len(again) != 2 {
		t.Fatalf("re-ingest of the edited file: %+v", again)
	}
	if r, err := st.Get(context.Background(), outs[0].ID); err != nil || r.ID != again[0].ID || !strings.Contains(r.Body, "again") {
		t.Errorf("old id %s resolves to %q, %v; want the edited record %s", outs[0].ID, r.ID, err, again[0].ID)
	}
	if _, total, _ := st.List(context.Background(), store.ListQuery{}); total != 4 {
		t.Errorf("%d records after the edit, want 4 (no duplicates)", total)
	}
}

// A file that reuses a real volume's ids is a conflict naming both files; the
// rest of the batch goes in, the real records stay, and Replace takes them.
func TestCraftedTEIIsAConflict(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	in := &Ingester{Store: st}
	root := t.TempDir()
	real := filepath.Join(root, "corpus", "frus1931test.xml")
	teiVolume(t, real, "frus1931test", teiDoc{"d1", "1931-03-02", "Telegram on the river", "The river commission met this morning."},
		teiDoc{"d2", "1931-03-04", "Telegram on the island", "No agreement was reached on the island."})
	first, failed := ingestAll(t, in, real)
	if failed != 0 || len(first) != 2 {
		t.Fatalf("real volume: %+v", first)
	}

	batch := filepath.Join(root, "incoming")
	crafted := filepath.Join(batch, "b-crafted.xml")
	teiVolume(t, crafted, "frus1931test", teiDoc{"d1", "1931-03-02", "Telegram on the river", "The commission ceded the island."},
		teiDoc{"d9", "1931-03-05", "An extra document", "Padding."})
	teiVolume(t, filepath.Join(batch, "a-other.xml"), "frus1948test", teiDoc{"d1", "1948-06-01", "Memorandum on grain", "The grain shipments are delayed."})
	teiVolume(t, filepath.Join(batch, "c-other.xml"), "frus1949test", teiDoc{"d1", "1949-06-01", "Memorandum on coal", "The coal shipments are delayed."})
	outs, failed := ingestAll(t, in, batch)
	if failed != 1 {
		t.Errorf("%d files failed, want 1 (the crafted one): %+v", failed, outs)
	}
	added := 0
	for _, o := range outs {
		switch {
		case o.Error != "":
			if o.File != crafted || !strings.Contains(o.Error, "conflict") || !strings.Contains(o.Error, crafted) || !strings.Contains(o.Error, real) {
				t.Errorf("conflict should name the crafted file and the real one: %+v", o)
			}
		case o.Status == store.Added:
			added++
		}
	}
	if added != 2 {
		t.Errorf("the other files of the batch: %d added, want 2 (%+v)", added, outs)
	}
	r, err := st.Get(ctx, first[0].ID)
	if err != nil || !strings.Contains(r.Body, "met this morning") {
		t.Errorf("the real record was changed: %q, %v", r.Body, err)
	}
	if src, _ := st.Source(ctx, first[0].ID); src != real {
		t.Errorf("source of the real record = %q, want %q", src, real)
	}
	if _, err := in.File(ctx, crafted); !errors.Is(err, store.ErrConflict) {
		t.Errorf("File(crafted) error %v, want ErrConflict", err)
	}

	// The operator asks for it: the crafted file takes d1, adds d9, and the
	// real volume keeps d2.
	in.Replace = true
	outs, failed = ingestAll(t, in, crafted)
	if failed != 0 || len(outs) != 2 || outs[0].Status != store.Replaced || outs[1].Status != store.Added {
		t.Fatalf("--replace: %d failed, %+v", failed, outs)
	}
	if r, _ = st.Get(ctx, first[0].ID); !strings.Contains(r.Body, "ceded") {
		t.Errorf("replaced record body %q", r.Body)
	}
	if src, _ := st.Source(ctx, first[1].ID); src != real {
		t.Errorf("d2 moved to %q", src)
	}
	// Reindex re-derives each file from its own original: the real volume now
	// conflicts over d1 and is reported, the rest is unchanged.
	var reindexed []Outcome
	failed, err = in.Reindex(ctx, func(o Outcome) { reindexed = append(reindexed, o) })
	if err != nil || failed != 1 {
		t.Errorf("reindex: %d failed, %v, want 1 (%+v)", failed, err, reindexed)
	}
	for _, o := range reindexed {
		if o.Error != "" && (o.File != real || !strings.Contains(o.Error, "conflict")) || o.Error == "" && o.Status != store.Unchanged {
			t.Errorf("reindex outcome %+v", o)
		}
	}
}

// A corpus folder moved is a conflict for each file until the operator says
// --replace; the records, their ids and links move, and reindex works after.
func TestMovedCorpusNeedsReplace(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	in := &Ingester{Store: st}
	root := t.TempDir()
	old, moved := filepath.Join(root, "old", "v.xml"), filepath.Join(root, "new", "v.xml")
	body := strings.Repeat("The delegation asked for equipment for the textile mills and for specialists to restore the railways of the north. ", 8)
	for _, p := range []string{old, moved} {
		teiVolume(t, p, "frus1951test", teiDoc{"d1", "1951-05-12", "Record of a conversation", body},
			teiDoc{"d2", "1951-05-12", "Record of a conversation (another printing)", strings.Replace(body, "asked", "requested", 1)})
	}
	first, failed := ingestAll(t, in, old)
	if failed != 0 {
		t.Fatalf("%+v", first)
	}
	if r, _ := st.Get(ctx, first[0].ID); !slices.Equal(r.Editions, []string{first[1].ID}) {
		t.Errorf("two printings in one file are editions: %v", r.Editions)
	}
	if outs, failed := ingestAll(t, in, moved); failed != 1 || !strings.Contains(outs[0].Error, old) {
		t.Errorf("moved file without --replace: %+v", outs)
	}
	in.Replace = true
	outs, failed := ingestAll(t, in, moved)
	if failed != 0 || len(outs) != 2 || outs[0].Status != store.Replaced || outs[0].ID != first[0].ID {
		t.Fatalf("moved file with --replace: %+v", outs)
	}
	if r, _ := st.Get(ctx, first[0].ID); !slices.Equal(r.Editions, []string{first[1].ID}) {
		t.Errorf("editions lost in the move: %v", r.Editions)
	}
	files, _ := st.Files(ctx)
	if len(files) != 1 || files[0].Path != moved {
		t.Errorf("files after the move: %+v", files)
	}
	in.Replace = false
	failed, err := in.Reindex(ctx, func(o Outcome) {
		if o.Error != "" || o.Status != store.Unchanged {
			t.Errorf("reindex after the move: %+v", o)
		}
	})
	if err != nil || failed != 0 {
		t.Errorf("reindex: %d failed, %v", failed, err)
	}
}
