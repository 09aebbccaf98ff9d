package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// Raw runs a statement on a store's database behind its back, written with ?
// placeholders: how the verify tests damage an archive the way a bad disk or
// a hand-edited table would.
type Raw func(t *testing.T, query string, args ...any)

// VerifyOpener returns a fresh, empty store and a way to write to its
// database directly.
type VerifyOpener func(t *testing.T) (store.Store, Raw)

// RunVerify checks that a store's Verify passes a sound archive and names
// each thing damaged in one: an original's bytes, a record missing from the
// search index, an index entry that is no record, and a record missing one of
// its archival references.
func RunVerify(t *testing.T, open VerifyOpener) {
	ctx := context.Background()
	s, raw := open(t)
	t.Cleanup(func() { s.Close() })
	v, ok := s.(store.Verifier)
	if !ok {
		t.Fatalf("%T does not implement store.Verifier", s)
	}
	a := rec("a1", "Telegram from Shtykov", "The loan is agreed.")
	a.Sources = []record.Source{{Repository: "Archive of the Foreign Policy of the Russian Federation", Fond: "059a", Opis: "5a", Delo: "3", Reference: "AVP RF, f. 059a"}}
	b := rec("b2", "Letter to Stalin", "Kim asks for a meeting.")
	c := rec("c3", "Minutes of a conversation", "Stalin and Mao discuss the treaty.")
	mustPut(t, s, file("/in/a.txt", "sha256:"+sum("original bytes of /in/a.txt"), a))
	mustPut(t, s, file("/in/b.txt", "sha256:"+sum("original bytes of /in/b.txt"), b, c))
	if err := s.(store.IndexLoader).LoadIndex(ctx); err != nil {
		t.Fatal(err)
	}

	var last store.VerifyProgress
	rep, err := v.Verify(ctx, func(p store.VerifyProgress) { last = p })
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Originals != 2 || rep.Records != 3 || rep.Indexed != 3 {
		t.Fatalf("sound archive: %+v, want no problems, 2 originals, 3 records, 3 indexed", rep)
	}
	if last.OriginalsDone != 2 || last.BytesDone != last.Bytes || last.Bytes != rep.Bytes {
		t.Errorf("last progress %+v, want every original and byte done (%d bytes)", last, rep.Bytes)
	}

	// One byte of a's original flipped; c3's row gone behind the change log's
	// back (still indexed); a copy of b2 as d4, written without a generation
	// (never indexed); a1's archival reference row lost.
	raw(t, `UPDATE originals SET data = ? WHERE name = ?`, []byte("original bytes of /in/a.tx!"), "/in/a.txt")
	raw(t, `DELETE FROM records WHERE id = ?`, "c3")
	raw(t, `INSERT INTO records(id, checksum, path, position, parent, title, type, category, earliest, latest, lang, collection, doc, body, ingested_at, updated_at, gen)
		SELECT ?, checksum, path, 5, parent, title, type, category, earliest, latest, lang, collection, replace(doc, ?, ?), body, ingested_at, updated_at, gen FROM records WHERE id = ?`,
		"d4", `"id":"b2"`, `"id":"d4"`, "b2")
	raw(t, `DELETE FROM sources WHERE rid = (SELECT rid FROM records WHERE id = ?)`, "a1")

	rep, err = v.Verify(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"original /in/a.txt sha256:" + sum("original bytes of /in/a.txt") + ": stored bytes hash to sha256:" + sum("original bytes of /in/a.tx!") + ", not to their recorded checksum",
		"record   record a1 sha256:" + sum("original bytes of /in/a.txt") + ": its document lists 1 archival references, 0 are stored",
		"index    record c3: indexed, but no such record is stored",
		"index    record d4: stored, but not in the search index",
	}
	if !slices.Equal(got, want) {
		t.Errorf("damaged archive, problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
