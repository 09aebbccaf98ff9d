// Package storetest is the conformance suite every store.Store implementation runs,
// so that SQLite and PostgreSQL behave the same to everything above them.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

// Opener returns a fresh, empty store for one test.
type Opener func(t *testing.T) store.Store

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutGetRoundTrip", testRoundTrip},
		{"ReputUnchanged", testReputUnchanged},
		{"ChangedRecordUpdated", testUpdated},
		{"ChangedFileAliasesOldIDs", testAliases},
		{"FailedPutWritesNothing", testAtomic},
		{"SearchFindsAndRanks", testSearch},
		{"SearchSeesDeletesAndUpdates", testSearchFreshness},
		{"SearchHostileQueries", testHostileQueries},
		{"SearchLimits", testSearchLimits},
		{"FieldFilters", testFilters},
		{"DateRanges", testDateRanges},
		{"Facets", testFacets},
		{"BruteForce", testBruteForce},
		{"CJK", testCJK},
		{"Authorities", testAuthorities},
		{"NearText", testNearText},
		{"NameDecisions", testNameDecisions},
		{"Editions", testEditions},
		{"Links", testLinks},
		{"LinkFailureWritesNothing", testLinkFailureWritesNothing},
		{"ConflictingSourceRefused", testConflict},
		{"RelinkOtherFilesRecord", testRelinkOtherFile},
		{"ListAndOriginals", testList},
		{"Harvest", testHarvest},
		{"Accounts", testAccounts},
		{"SessionsAndTokens", testSessionsAndTokens},
		{"Audit", testAudit},
		{"Secret", testSecret},
		{"PruneSessions", testPruneSessions},
		{"Publication", testPublication},
		{"KeepsGivenTimes", testKeepsGivenTimes},
		{"AliasesGivenBack", testAliasesGivenBack},
		{"EditRevisions", testEditRevisions},
		{"EditSubjects", testEditSubjects},
		{"ReingestKeepsPersons", testReingestKeepsPersons},
		{"ReviewQueue", testReviewQueue},
		{"PossibleDuplicate", testPossibleDuplicate},
		{"ReleasedLater", testReleasedLater(false)},
		{"ReleasedLaterFollowed", testReleasedLater(true)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

func file(path, checksum string, recs ...record.Record) store.File {
	return store.File{
		Path:     path,
		Original: store.Original{Checksum: checksum, Name: path, Data: []byte("original bytes of " + path)},
		Format:   "test",
		Records:  recs,
	}
}

func rec(id, title, body string) record.Record {
	return record.Record{
		ID: id, Title: title, Body: body, Type: "Letter", Category: record.Primary,
		Date: record.Date{EDTF: "1949-03-05", Earliest: "1949-03-05", Latest: "1949-03-05", Qualifier: record.Exact},
	}
}

func statuses(res []store.PutResult) string {
	var s []string
	for _, r := range res {
		s = append(s, r.Status)
	}
	return strings.Join(s, ",")
}

func mustPut(t *testing.T, s store.Store, f store.File) []store.PutResult {
	t.Helper()
	res, err := s.PutFile(context.Background(), f)
	if err != nil {
		t.Fatalf("PutFile(%s): %v", f.Path, err)
	}
	return res
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := rec("a1", "Meeting between Stalin and Kim Il Sung", "Stalin asks the members of the delegation.")
	r.Sources = []record.Source{{Repository: "Archive of the Foreign Policy of the Russian Federation", Abbreviation: "AVP RF", Fond: "059a", Opis: "5a", Delo: "3", Papka: "11", Folios: "10-20", Reference: "AVP RF, f. 059a"}}
	r.Notes = []record.Note{{Kind: record.NoteTranslator, Text: "date inferred"}}
	r.Participants = []string{"Stalin", "Kim Il Sung"}
	if got := statuses(mustPut(t, s, file("/in/a.txt", "sha256:a", r))); got != "added" {
		t.Fatalf("status = %s, want added", got)
	}
	got, err := s.Get(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != r.Title || got.Sources[0].Papka != "11" || got.Notes[0].Kind != "translator" || len(got.Participants) != 2 {
		t.Errorf("round trip lost fields: %+v", got)
	}
	if got.Checksum != "sha256:a" || got.IngestedAt.IsZero() {
		t.Errorf("checksum %q ingested_at %v not stamped", got.Checksum, got.IngestedAt)
	}
	if got.Editions == nil || got.Contains == nil {
		t.Errorf("empty lists must be [], not null")
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
	}
}

func testReputUnchanged(t *testing.T, s store.Store) {
	ctx := context.Background()
	f := file("/in/a.txt", "sha256:a", rec("a1", "One", "x"), rec("a2", "Two", "y"))
	mustPut(t, s, f)
	before, _ := s.Get(ctx, "a1")
	if got := statuses(mustPut(t, s, f)); got != "unchanged,unchanged" {
		t.Fatalf("re-put statuses = %s", got)
	}
	after, _ := s.Get(ctx, "a1")
	if !after.IngestedAt.Equal(before.IngestedAt) {
		t.Errorf("unchanged re-put rewrote ingested_at")
	}
	if c, err := s.FileChecksum(ctx, "/in/a.txt"); err != nil || c != "sha256:a" {
		t.Errorf("FileChecksum = %q, %v", c, err)
	}
	if ok, _ := s.HasOriginal(ctx, "sha256:a"); !ok {
		t.Errorf("HasOriginal false after put")
	}
}

func testUpdated(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, file("/in/a.txt", "sha256:a", rec("a1", "One", "x")))
	if got := statuses(mustPut(t, s, file("/in/a.txt", "sha256:a", rec("a1", "One corrected", "x")))); got != "updated" {
		t.Fatalf("status = %s, want updated", got)
	}
	r, _ := s.Get(ctx, "a1")
	if r.Title != "One corrected" {
		t.Errorf("title = %q", r.Title)
	}
}

func testAliases(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, file("/in/a.txt", "sha256:a", rec("old1", "Draft", "x")))
	res := mustPut(t, s, file("/in/a.txt", "sha256:b", rec("new1", "Final", "x")))
	if statuses(res) != "added" {
		t.Fatalf("status = %s", statuses(res))
	}
	r, err := s.Get(ctx, "old1")
	if err != nil || r.ID != "new1" {
		t.Fatalf("old id should resolve to new1, got %q, %v", r.ID, err)
	}
	if _, total, _ := s.List(ctx, store.ListQuery{}); total != 1 {
		t.Errorf("replaced record still listed: total %d", total)
	}
}

func testAtomic(t *testing.T, s store.Store) {
	ctx := context.Background()
	bad := file("/in/bad.txt", "sha256:bad", rec("b1", "Good", "x"), rec("", "No id", "y"))
	if _, err := s.PutFile(ctx, bad); err == nil {
		t.Fatal("PutFile with an id-less record succeeded")
	}
	if _, err := s.Get(ctx, "b1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("half-written file: b1 present after failed put (%v)", err)
	}
	if _, err := s.FileChecksum(ctx, "/in/bad.txt"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("file row written by failed put")
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := rec("s1", "Ciphered Telegram, Shtykov to Vyshinsky", "Kim Il Sung asked about a loan.")
	b := rec("s2", "Report on trade", "A telegram about cotton was sent by Shtykov.")
	c := rec("s3", "Letter on Tümen river", "Nothing about the others.")
	c.Date = record.Date{EDTF: "1950-04", Earliest: "1950-04-01", Latest: "1950-04-30"}
	mustPut(t, s, file("/in/s.txt", "sha256:s", a, b, c))
	cases := []struct {
		q    string
		want []string
	}{
		{"telegram", []string{"s1", "s2"}},  // title match ranks first
		{"telegrams", []string{"s1", "s2"}}, // English inflection
		{"Tumen", []string{"s3"}},           // diacritics
		{"Shtyk*", []string{"s1", "s2"}},
		{`"asked about a loan"`, []string{"s1"}},
		{"cotton OR river", []string{"s2", "s3"}},
		{"telegram NOT cotton", []string{"s1"}},
		{"zzzz", nil},
	}
	for _, tc := range cases {
		res, err := s.Search(ctx, search.Query{Text: tc.q})
		if err != nil {
			t.Errorf("Search(%q): %v", tc.q, err)
			continue
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if res.Total != len(tc.want) {
			t.Errorf("Search(%q) total = %d, want %d (%v)", tc.q, res.Total, len(tc.want), ids)
		}
		if tc.q == "telegram" && (len(ids) == 0 || ids[0] != "s1") {
			t.Errorf("title match not ranked first: %v", ids)
		}
		if tc.q == "cotton OR river" || tc.q == "telegram" {
			continue
		}
		if fmt.Sprint(ids) != fmt.Sprint(tc.want) && !(len(ids) == 0 && len(tc.want) == 0) {
			t.Errorf("Search(%q) = %v, want %v", tc.q, ids, tc.want)
		}
	}
	res, _ := s.Search(ctx, search.Query{Text: "loan"})
	if len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Snippet, "<mark>loan</mark>") {
		t.Errorf("snippet not highlighted: %+v", res.Hits)
	}
	res, _ = s.Search(ctx, search.Query{Text: "telegram", Sort: search.SortDateDesc, Limit: 1, Offset: 1})
	if res.Total != 2 || len(res.Hits) != 1 {
		t.Errorf("paged search: total %d hits %d", res.Total, len(res.Hits))
	}
}

func testSearchFreshness(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, file("/in/f.txt", "sha256:f", rec("f1", "Uranium report", "x"), rec("f2", "Other", "y")))
	if err := s.Delete(ctx, "f1"); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.Search(ctx, search.Query{Text: "uranium"}); res.Total != 0 {
		t.Errorf("deleted record still found")
	}
	mustPut(t, s, file("/in/f.txt", "sha256:f", rec("f2", "Thorium report", "y")))
	if res, _ := s.Search(ctx, search.Query{Text: "Other"}); res.Total != 0 {
		t.Errorf("stale title still found after update")
	}
	if res, _ := s.Search(ctx, search.Query{Text: "thorium"}); res.Total != 1 {
		t.Errorf("updated title not found")
	}
}

func testHostileQueries(t *testing.T, s store.Store) {
	mustPut(t, s, file("/in/h.txt", "sha256:h", rec("h1", "Title", "body")))
	for _, q := range []string{`"`, `(`, `)`, `AND`, `NOT NOT`, `*`, `title:`, `a OR`, `"unterminated`, `'; DROP TABLE records; --`, `<script>alert(1)</script>`, "\x00"} {
		if _, err := s.Search(context.Background(), search.Query{Text: q}); err != nil {
			t.Errorf("Search(%q) error: %v", q, err)
		}
	}
}

func testEditions(t *testing.T, s store.Store) {
	ctx := context.Background()
	src := record.Source{Repository: "Archive of the Foreign Policy of the Russian Federation", Fond: "059a", Opis: "5a", Delo: "3", Papka: "11", Folios: "10-20"}
	a, b := rec("e1", "One translation", "x"), rec("e2", "Another translation", "y")
	a.Sources, b.Sources = []record.Source{src}, []record.Source{src}
	mustPut(t, s, file("/in/e1.txt", "sha256:e1", a))
	same, err := s.SameFile(ctx, src)
	if err != nil || len(same) != 1 || same[0].ID != "e1" || same[0].Title != "One translation" || len(same[0].Sources) != 1 {
		t.Fatalf("SameFile = %+v, %v", same, err)
	}
	fb := file("/in/e2.txt", "sha256:e2", b)
	fb.Editions = []store.EditionLink{{A: "e2", B: "e1", Reason: "same reference"}}
	mustPut(t, s, fb)
	if same, _ = s.SameFile(ctx, src); len(same) != 2 {
		t.Errorf("SameFile after the second = %+v", same)
	}
	r1, _ := s.Get(ctx, "e1")
	r2, _ := s.Get(ctx, "e2")
	if fmt.Sprint(r1.Editions) != "[e2]" || fmt.Sprint(r2.Editions) != "[e1]" {
		t.Errorf("editions not symmetric: %v %v", r1.Editions, r2.Editions)
	}
	// Re-putting e1 unchanged must keep the derived link.
	mustPut(t, s, file("/in/e1.txt", "sha256:e1", a))
	if r1, _ = s.Get(ctx, "e1"); len(r1.Editions) != 1 {
		t.Errorf("re-put dropped editions link")
	}
}

// testLinkFailureWritesNothing: a file's links are written in its transaction,
// so a link that cannot be written leaves nothing of the file stored.
func testLinkFailureWritesNothing(t *testing.T, s store.Store) {
	ctx := context.Background()
	sec := rec("s1", "Blog post", "In February 1950 Kim asked.")
	sec.Category = record.Secondary
	mustPut(t, s, file("/in/p.txt", "sha256:p", rec("p1", "Telegram", "x"), sec))
	for _, tc := range []struct {
		name string
		edit func(f *store.File)
	}{
		{"edition to a missing record", func(f *store.File) {
			f.Editions = []store.EditionLink{{A: "n1", B: "p1", Reason: "ok"}, {A: "n1", B: "ghost", Reason: "no such record"}}
		}},
		{"discussion to a missing record", func(f *store.File) {
			f.Discussions = []store.Discussion{{From: "s1", Links: []store.Link{{To: "n1", Score: 0.9, Asserted: true}, {To: "ghost", Score: 0.9, Asserted: true}}}}
		}},
		{"discussion from a missing record", func(f *store.File) {
			f.Discussions = []store.Discussion{{From: "ghost", Links: []store.Link{{To: "n1", Score: 0.9, Asserted: true}}}}
		}},
		{"signature of another file's record", func(f *store.File) {
			f.Signatures = []store.Signature{{ID: "n1", Sig: []uint64{1}, Bands: []uint64{1}}, {ID: "p1", Sig: []uint64{2}, Bands: []uint64{2}}}
		}},
	} {
		f := file("/in/n.txt", "sha256:n", rec("n1", "New telegram", "y"))
		tc.edit(&f)
		_, err := s.PutFile(ctx, f)
		if err == nil {
			t.Errorf("%s: PutFile succeeded", tc.name)
			continue
		}
		if strings.Contains(tc.name, "missing") && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: error %v does not wrap ErrNotFound", tc.name, err)
		}
		if _, err := s.Get(ctx, "n1"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: record of the failed file stored (%v)", tc.name, err)
		}
		if _, err := s.FileChecksum(ctx, "/in/n.txt"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: file row of the failed file stored", tc.name)
		}
		if _, err := s.Original(ctx, "sha256:n"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: original of the failed file stored", tc.name)
		}
		if p, _ := s.Get(ctx, "p1"); len(p.Editions)+len(p.DiscussedIn) != 0 {
			t.Errorf("%s: links of the failed file stored: %+v", tc.name, p)
		}
		if sr, _ := s.Get(ctx, "s1"); len(sr.Discusses) != 0 {
			t.Errorf("%s: discussion links of the failed file stored: %v", tc.name, sr.Discusses)
		}
	}
}

// testConflict: a record may be changed only by the file it came from.
func testConflict(t *testing.T, s store.Store) {
	ctx := context.Background()
	a1, a2 := rec("v1", "Telegram of the real volume", "The real text."), rec("v2", "Second", "More real text.")
	mustPut(t, s, file("/corpus/a.xml", "sha256:a", a1, a2))
	mustPut(t, s, file("/corpus/a.xml", "sha256:a2", rec("v1", "Telegram of the real volume", "The real text."), rec("v3", "Third", "z")))
	// v2 is now an alias of v3, at /corpus/a.xml.
	before, _ := s.Get(ctx, "v1")
	orig, _ := s.Original(ctx, "sha256:a2")

	for _, crafted := range []store.File{
		file("/elsewhere/b.xml", "sha256:b", rec("v1", "Forged", "Forged text."), rec("b2", "Own", "w")),
		file("/elsewhere/b.xml", "sha256:b", rec("b2", "Own", "w"), rec("v2", "Takes an alias", "q")),
		file("/elsewhere/b.xml", "sha256:a2", rec("v1", "Telegram of the real volume", "The real text.")), // the same bytes at another path
	} {
		_, err := s.PutFile(ctx, crafted)
		var ce *store.ConflictError
		if !errors.Is(err, store.ErrConflict) || !errors.As(err, &ce) {
			t.Fatalf("PutFile of %v from another path: error %v, want a ConflictError", crafted.Records, err)
		}
		if !strings.Contains(err.Error(), "/elsewhere/b.xml") || !strings.Contains(err.Error(), "/corpus/a.xml") || ce.Owners[0].Owner != "/corpus/a.xml" {
			t.Errorf("conflict error should name both files: %v", err)
		}
		after, _ := s.Get(ctx, "v1")
		if after.Title != before.Title || after.Body != before.Body || after.Checksum != before.Checksum || !after.IngestedAt.Equal(before.IngestedAt) {
			t.Errorf("refused file changed the record: %+v", after)
		}
		if src, err := s.Source(ctx, "v1"); err != nil || src != "/corpus/a.xml" {
			t.Errorf("Source(v1) = %q, %v", src, err)
		}
		if r, _ := s.Get(ctx, "v2"); r.ID != "v3" {
			t.Errorf("alias v2 now resolves to %q", r.ID)
		}
		if _, err := s.Get(ctx, "b2"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("refused file stored its other records (%v)", err)
		}
		if _, err := s.FileChecksum(ctx, "/elsewhere/b.xml"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("refused file's row stored")
		}
		if o, err := s.Original(ctx, "sha256:a2"); err != nil || string(o.Data) != string(orig.Data) {
			t.Errorf("original changed: %v", err)
		}
	}
	if _, err := s.Original(ctx, "sha256:b"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("refused file's original stored")
	}

	// With Replace the record moves, and the file that owned it keeps the rest.
	f := file("/elsewhere/b.xml", "sha256:b", rec("v1", "Superseding", "The superseding text."), rec("b2", "Own", "w"))
	f.Replace = true
	if got := statuses(mustPut(t, s, f)); got != "replaced,added" {
		t.Errorf("statuses with Replace = %s, want replaced,added", got)
	}
	if r, _ := s.Get(ctx, "v1"); r.Title != "Superseding" {
		t.Errorf("replaced record = %q", r.Title)
	}
	if src, _ := s.Source(ctx, "v1"); src != "/elsewhere/b.xml" {
		t.Errorf("Source(v1) after Replace = %q", src)
	}
	if c, err := s.FileChecksum(ctx, "/corpus/a.xml"); err != nil || c != "sha256:a2" {
		t.Errorf("the former owner, still owning v3, lost its file row: %q %v", c, err)
	}
	// Now the former owner is the one refused.
	if _, err := s.PutFile(ctx, file("/corpus/a.xml", "sha256:a2", rec("v1", "Telegram of the real volume", "The real text."), rec("v3", "Third", "z"))); !errors.Is(err, store.ErrConflict) {
		t.Errorf("former owner re-put: %v, want a conflict", err)
	}

	// A corpus moved whole: Replace takes every record, and the old path, owning
	// nothing, is forgotten (reindex would only find its records taken).
	f = file("/moved/a.xml", "sha256:a2", rec("v3", "Third", "z"))
	f.Replace = true
	if got := statuses(mustPut(t, s, f)); got != "replaced" {
		t.Errorf("moved file statuses = %s", got)
	}
	if _, err := s.FileChecksum(ctx, "/corpus/a.xml"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("emptied path still listed: %v", err)
	}
	files, _ := s.Files(ctx)
	for _, f := range files {
		if f.Path == "/corpus/a.xml" {
			t.Errorf("Files lists the emptied path")
		}
	}
	// The owner itself needs no Replace.
	if got := statuses(mustPut(t, s, file("/moved/a.xml", "sha256:a2", rec("v3", "Third, corrected", "z")))); got != "updated" {
		t.Errorf("owner's update = %s", got)
	}
}

// testRelinkOtherFile: a file may relink another file's secondary record (a
// document arriving that an article narrates); that record's links change in
// the file's transaction, and its owner does not.
func testRelinkOtherFile(t *testing.T, s store.Store) {
	ctx := context.Background()
	sec := rec("s1", "Blog post", "In February 1950 Kim asked.")
	sec.Category = record.Secondary
	mustPut(t, s, file("/in/blog.txt", "sha256:blog", sec))
	// Harvest datestamps are whole seconds: the relinking must fall in a later one.
	next := time.Now().UTC().Truncate(time.Second).Add(time.Second)
	time.Sleep(time.Until(next))
	f := file("/in/doc.txt", "sha256:doc", rec("p1", "Telegram", "Kim asked."))
	f.Discussions = []store.Discussion{{From: "s1", Mentions: []store.Mention{{Earliest: "1950-02-01", Latest: "1950-02-28"}},
		Links: []store.Link{{To: "p1", Score: 0.8, Evidence: "In February 1950, Kim asked…", Asserted: true}}}}
	mustPut(t, s, f)
	if r, _ := s.Get(ctx, "s1"); fmt.Sprint(r.Discusses) != "[p1]" {
		t.Errorf("s1 discusses %v", r.Discusses)
	}
	if src, _ := s.Source(ctx, "s1"); src != "/in/blog.txt" {
		t.Errorf("relinking moved s1 to %q", src)
	}
	// Its links are part of the record, so it changed: harvesters see it again.
	res, _, err := s.Harvest(ctx, store.HarvestQuery{ID: "s1", From: next})
	if err != nil || len(res) != 1 {
		t.Errorf("s1 not harvested as changed by the relinking: %+v, %v", res, err)
	}
}

func testList(t *testing.T, s store.Store) {
	ctx := context.Background()
	late, early, undated := rec("l1", "Late", ""), rec("l2", "Early", ""), rec("l3", "Undated", "")
	late.Date = record.Date{Earliest: "1950-01-01", Latest: "1950-12-31", EDTF: "1950"}
	early.Date = record.Date{Earliest: "1901-01-01", Latest: "1901-12-31", EDTF: "1901"}
	undated.Date = record.Date{}
	mustPut(t, s, file("/in/l.txt", "sha256:l", late, early, undated))
	recs, total, err := s.List(ctx, store.ListQuery{})
	if err != nil || total != 3 {
		t.Fatalf("List total %d err %v", total, err)
	}
	if recs[0].ID != "l2" || recs[2].ID != "l3" {
		t.Errorf("List order: %s %s %s", recs[0].ID, recs[1].ID, recs[2].ID)
	}
	ids, total, err := s.List(ctx, store.ListQuery{IDsOnly: true, Offset: 1, Limit: 5})
	if err != nil || total != 3 || len(ids) != 2 || ids[0].ID != "l1" || ids[1].ID != "l3" || ids[0].Title != "" {
		t.Errorf("List IDsOnly = %+v, %d, %v", ids, total, err)
	}
	o, err := s.Original(ctx, "sha256:l")
	if err != nil || string(o.Data) != "original bytes of /in/l.txt" {
		t.Errorf("Original = %q, %v", o.Data, err)
	}
	files, err := s.Files(ctx)
	if err != nil || len(files) != 1 || files[0].Original.Checksum != "sha256:l" {
		t.Errorf("Files = %+v, %v", files, err)
	}
}

func testLinks(t *testing.T, s store.Store) {
	ctx := context.Background()
	prim, sec := rec("p1", "Telegram", "x"), rec("s1", "Blog post", "y")
	sec.Category = record.Secondary
	weak := rec("p2", "Other telegram", "z")
	f := file("/in/p.txt", "sha256:p", prim, sec, weak)
	f.Discussions = []store.Discussion{{From: "s1", Mentions: []store.Mention{{Earliest: "1950-02-01", Latest: "1950-02-28"}}, Links: []store.Link{
		{From: "s1", To: "p1", Score: 0.8, Evidence: "In February 1950, Kim asked…", Asserted: true},
		{From: "s1", To: "p2", Score: 0.4, Evidence: "weak", Asserted: false},
	}}}
	mustPut(t, s, f)
	p, _ := s.Get(ctx, "p1")
	sr, _ := s.Get(ctx, "s1")
	if fmt.Sprint(p.DiscussedIn) != "[s1]" || fmt.Sprint(sr.Discusses) != "[p1]" {
		t.Errorf("discussed_in %v discusses %v", p.DiscussedIn, sr.Discusses)
	}
	links, _ := s.Links(ctx, "s1")
	if len(links) != 2 || !links[0].Asserted || links[1].Asserted {
		t.Errorf("links = %+v", links)
	}
	if ids, _ := s.Mentioning(ctx, "1950-02-07", "1950-02-07"); fmt.Sprint(ids) != "[s1]" {
		t.Errorf("Mentioning = %v", ids)
	}
	if ids, _ := s.Mentioning(ctx, "1950-03-01", "1950-03-31"); len(ids) != 0 {
		t.Errorf("Mentioning(March) = %v", ids)
	}
	// Replacing removes what was there.
	f.Discussions = []store.Discussion{{From: "s1"}}
	mustPut(t, s, f)
	if p, _ = s.Get(ctx, "p1"); len(p.DiscussedIn) != 0 {
		t.Errorf("stale link after relinking with none")
	}
	if ids, _ := s.Mentioning(ctx, "1950-02-07", "1950-02-07"); len(ids) != 0 {
		t.Errorf("stale mention after relinking with none: %v", ids)
	}
}

func testNearText(t *testing.T, s store.Store) {
	ctx := context.Background()
	f := file("/in/m.txt", "sha256:m", rec("m1", "A", "x"), rec("m2", "B", "y"), rec("m3", "C", "z"))
	f.Signatures = []store.Signature{{ID: "m1", Sig: []uint64{1, 2}, Bands: []uint64{10, 20}}, {ID: "m3", Sig: []uint64{7, 8}, Bands: []uint64{30, 40}}}
	mustPut(t, s, f)
	if near, err := s.NearText(ctx, []uint64{99}); err != nil || len(near) != 0 {
		t.Fatalf("no shared band: %v %v", near, err)
	}
	near, err := s.NearText(ctx, []uint64{20, 50})
	if err != nil || len(near) != 1 || near[0].Record.ID != "m1" || fmt.Sprint(near[0].Signature) != "[1 2]" {
		t.Fatalf("NearText = %+v, %v", near, err)
	}
	// Replacing a signature drops the old bands; a record without one loses it.
	f.Signatures = []store.Signature{{ID: "m1", Sig: []uint64{9, 9}, Bands: []uint64{60}}}
	mustPut(t, s, f)
	if near, _ := s.NearText(ctx, []uint64{20, 30, 40}); len(near) != 0 {
		t.Errorf("stale band matched: %+v", near)
	}
	if near, _ := s.NearText(ctx, []uint64{60}); len(near) != 1 || fmt.Sprint(near[0].Signature) != "[9 9]" {
		t.Errorf("new band: %+v", near)
	}
}

func testNameDecisions(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, file("/in/d.txt", "sha256:d", rec("d1", "A", "Pak Heon Hyeong answers.")))
	if err := s.DecideName(ctx, store.NameDecision{RecordID: "d1", Start: 0, End: 15, Authority: "pak-heon-yeong", Status: "confirmed"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DecideName(ctx, store.NameDecision{RecordID: "d1", Start: 0, End: 15, Authority: "pak-heon-yeong", Status: "rejected", By: "ed"}); err != nil {
		t.Fatal(err)
	}
	// Each decision is a revision of the record, naming what it replaced.
	h, err := s.History(ctx, "d1")
	if err != nil || len(h) != 3 || h[0].Revision != 3 || h[0].Action != store.ActionNames || h[0].Author != "ed" ||
		!strings.Contains(string(h[0].Changes[0].From), `"confirmed"`) || !strings.Contains(string(h[0].Changes[0].To), `"rejected"`) {
		t.Errorf("history after two decisions: %+v %v", h, err)
	}
	if err := s.DecideName(ctx, store.NameDecision{RecordID: "nope", Start: 0, End: 1, Authority: "x", Status: "confirmed"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a decision on no record: %v", err)
	}
	ds, err := s.NameDecisions(ctx, "d1")
	if err != nil || len(ds) != 1 || ds[0].Status != "rejected" || ds[0].End != 15 {
		t.Errorf("decisions = %+v, %v (a later decision replaces an earlier one)", ds, err)
	}
	if err := s.DecideName(ctx, store.NameDecision{RecordID: "d1", Start: 1, End: 2, Status: "maybe"}); err == nil {
		t.Errorf("an unknown status was accepted")
	}
}

// A record carried from another archive (a bag's import) keeps the time it
// was first stored there, and its original the time it arrived.
func testKeepsGivenTimes(t *testing.T, s store.Store) {
	ctx := context.Background()
	then := time.Date(2024, 5, 1, 12, 30, 0, 123456789, time.UTC)
	r := rec("t1", "Telegram", "Arrived long ago.")
	r.IngestedAt = then
	f := file("/in/t.txt", "sha256:t", r, rec("t2", "Reply", "Stored now."))
	f.Original.AddedAt = then.Add(-time.Hour)
	mustPut(t, s, f)
	got, err := s.Get(ctx, "t1")
	if err != nil || !got.IngestedAt.Equal(then) {
		t.Errorf("ingested_at %v (%v), want %v", got.IngestedAt, err, then)
	}
	if now, _ := s.Get(ctx, "t2"); time.Since(now.IngestedAt) > time.Minute {
		t.Errorf("a record without a time got %v, want now", now.IngestedAt)
	}
	if o, err := s.Original(ctx, "sha256:t"); err != nil || !o.AddedAt.Equal(then.Add(-time.Hour)) {
		t.Errorf("original added_at %v (%v)", o.AddedAt, err)
	}
}

// Aliases listed from one archive and added to another resolve there; a live
// id is never made an alias.
func testAliasesGivenBack(t *testing.T, s store.Store) {
	ctx := context.Background()
	k, ok := s.(store.AliasKeeper)
	if !ok {
		t.Skipf("%T keeps no aliases", s)
	}
	mustPut(t, s, file("/in/a.txt", "sha256:a", rec("a1", "Telegram", "Sent.")))
	mustPut(t, s, file("/in/b.txt", "sha256:b", rec("b1", "Reply", "Received.")))
	if err := k.AddAliases(ctx, "a1", []string{"old1", "old2"}); err != nil {
		t.Fatal(err)
	}
	if got, err := k.Aliases(ctx, "a1"); err != nil || strings.Join(got, ",") != "old1,old2" {
		t.Errorf("Aliases = %q, %v", got, err)
	}
	if r, err := s.Get(ctx, "old2"); err != nil || r.ID != "a1" {
		t.Errorf("Get(old2) = %s, %v; want a1", r.ID, err)
	}
	if err := k.AddAliases(ctx, "a1", []string{"b1"}); err == nil {
		t.Error("a live record made an alias")
	}
	if err := k.AddAliases(ctx, "zz", []string{"old3"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("aliases of a missing record: %v", err)
	}
}
