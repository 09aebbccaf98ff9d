package ingest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fond/internal/search"
	"fond/internal/store"
	"fond/internal/store/sqlite"
	"fond/internal/testutil"
)

func openStore(t testing.TB) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestBadInputsAreReportedAndGoodOnesKept(t *testing.T) {
	dir := t.TempDir()
	bad, _ := filepath.Glob("testdata/bad/*")
	for _, f := range bad {
		copyFile(t, f, filepath.Join(dir, filepath.Base(f)))
	}
	copyFile(t, filepath.Join(testutil.RepoRoot(t), "testdata/sample/memo-1962-10-27.txt"), filepath.Join(dir, "good.txt"))

	st := openStore(t)
	in := &Ingester{Store: st}
	var outs []Outcome
	failed, err := in.Paths(context.Background(), []string{dir}, func(o Outcome) { outs = append(outs, o) })
	if err != nil {
		t.Fatal(err)
	}
	if failed != len(bad) {
		t.Errorf("failed = %d, want %d", failed, len(bad))
	}
	want := map[string]string{
		"empty.txt":               "empty file",
		"scan.gif":                "binary file",
		"report.pdf":              "PDF",
		"truncated.html":          "truncated HTML",
		"bad-utf8.html":           `invalid UTF-8 at byte offset 111 although the file declares "utf-8"`,
		"bad-utf8-undeclared.txt": "not valid UTF-8",
	}
	errs := map[string]string{}
	added := 0
	for _, o := range outs {
		if o.Error != "" {
			errs[filepath.Base(o.File)] = o.Error
		} else if o.Status == store.Added {
			added++
		}
	}
	for file, msg := range want {
		got := errs[file]
		if !strings.Contains(got, msg) || !strings.Contains(got, file) {
			t.Errorf("%s: error %q should name the file and say %q", file, got, msg)
		}
	}
	if added != 1 {
		t.Errorf("good file: %d records added, want 1 (outcomes %+v)", added, outs)
	}
	if _, total, _ := st.List(context.Background(), store.ListQuery{}); total != 1 {
		t.Errorf("store holds %d records, want 1: bad files must write nothing", total)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDeclaredEncodingIsDecoded(t *testing.T) {
	data, err := os.ReadFile("testdata/koi8r.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(context.Background(), "koi8r.html", data)
	if err != nil {
		t.Fatal(err)
	}
	r := res.Records[0]
	if r.Title != "Телеграмма" || r.Body != "Текст телеграммы." || r.Languages.Text != "ru" {
		t.Errorf("koi8-r page read as title %q body %q lang %q", r.Title, r.Body, r.Languages.Text)
	}
}

func TestReingestIsUnchangedAndWritesNothing(t *testing.T) {
	st := openStore(t)
	in := &Ingester{Store: st}
	sample := filepath.Join(testutil.RepoRoot(t), "testdata/sample")
	collect := func() map[string]int {
		counts := map[string]int{}
		_, err := in.Paths(context.Background(), []string{sample}, func(o Outcome) {
			if o.Error != "" {
				t.Errorf("%s: %s", o.File, o.Error)
			}
			counts[o.Status]++
		})
		if err != nil {
			t.Fatal(err)
		}
		return counts
	}
	first := collect()
	if first[store.Added] == 0 || first[store.Updated]+first[store.Unchanged] != 0 {
		t.Fatalf("first ingest: %v", first)
	}
	recs, _, _ := st.List(context.Background(), store.ListQuery{})
	second := collect()
	if second[store.Unchanged] != first[store.Added] || len(second) != 1 {
		t.Errorf("second ingest: %v, want all %d unchanged", second, first[store.Added])
	}
	again, _, _ := st.List(context.Background(), store.ListQuery{})
	for i := range recs {
		if recs[i].ID != again[i].ID || !recs[i].IngestedAt.Equal(again[i].IngestedAt) {
			t.Errorf("re-ingest changed %s", recs[i].ID)
		}
	}
}

func TestChangedFileIsUpdatedAndOldIDStillResolves(t *testing.T) {
	st := openStore(t)
	in := &Ingester{Store: st}
	path := filepath.Join(t.TempDir(), "memo.txt")
	os.WriteFile(path, []byte("Memorandum on Shipping\n\nWashington, October 27, 1962.\n\nThe tanker may pass.\n"), 0o644)
	first, err := in.File(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("Memorandum on Shipping\n\nWashington, October 27, 1962.\n\nThe tanker may pass after hailing.\n"), 0o644)
	second, err := in.File(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Get(context.Background(), first[0].ID)
	if err != nil || r.ID != second[0].ID || !strings.Contains(r.Body, "hailing") {
		t.Errorf("old id %s should resolve to the corrected record %s: got %q, %v", first[0].ID, second[0].ID, r.ID, err)
	}
	if _, total, _ := st.List(context.Background(), store.ListQuery{}); total != 1 {
		t.Errorf("%d records after correction, want 1", total)
	}
}

func TestSampleFixtures(t *testing.T) {
	root := filepath.Join(testutil.RepoRoot(t), "testdata/sample")
	extractFile := func(name string) Result {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Extract(context.Background(), name, data)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	t.Run("digital archive capture", func(t *testing.T) {
		r := extractFile("da-telegram-1950-06-30.txt").Records[0]
		check(t, "title", r.Title, "Ciphered Telegram, Roshchin to Filippov")
		check(t, "date", r.Date.EDTF, "1950-06-30")
		check(t, "type", r.Type, "Ciphered Telegram")
		check(t, "classification", r.Classification, "Top secret")
		check(t, "place", r.Place, "Beijing")
		check(t, "record_id", r.RecordID, "900101")
		check(t, "uploaded", r.Uploaded, "2016-04-11")
		if !slices.Equal(r.Authors, []string{"Roshchin"}) || !slices.Equal(r.Recipients, []string{"Filippov"}) {
			t.Errorf("authors %q recipients %q", r.Authors, r.Recipients)
		}
		if !slices.Equal(r.Translators, []string{"Ruth Alder"}) || !slices.Equal(r.Donors, []string{"Arcadia Research Foundation"}) {
			t.Errorf("translators %q donors %q", r.Translators, r.Donors)
		}
		if len(r.Sources) != 1 || r.Sources[0].Abbreviation != "RGASPI" || r.Sources[0].Fond != "558" || r.Sources[0].Delo != "334" || r.Sources[0].Folios != "12-14" {
			t.Errorf("sources = %+v", r.Sources)
		}
		if len(r.Notes) != 1 || r.Notes[0].Kind != "marginalia" {
			t.Errorf("notes = %+v", r.Notes)
		}
	})
	t.Run("digital archive html", func(t *testing.T) {
		r := extractFile("da-minutes-1956-09-18.html").Records[0]
		check(t, "title", r.Title, "Record of Conversation between Mikoyan and Kim Il Sung")
		check(t, "date", r.Date.EDTF, "1956-09-18")
		check(t, "type", r.Type, "Minutes of Conversation")
		check(t, "summary", r.Summary, "Mikoyan and Kim Il Sung discuss the August plenum and the reinstatement of expelled party members.")
		check(t, "record_id", r.RecordID, "900202")
		check(t, "url", r.URL, "https://digitalarchive.example.org/document/900202")
		if strings.Contains(r.Body, "tracking") || strings.Contains(r.Body, "Home") || strings.Contains(r.Body, "Privacy") {
			t.Errorf("script, navigation or footer text in body: %.200q", r.Body)
		}
		if !slices.Equal(r.Translators, []string{"Aleksei Brant"}) || !slices.Equal(r.Donors, []string{"Meridian Archival Trust"}) {
			t.Errorf("translators %q donors %q", r.Translators, r.Donors)
		}
		for _, p := range []string{"Mikoyan", "Kim Il Sung", "Nam Il"} {
			if !hasName(r.Participants, p) {
				t.Errorf("participants %q lack %s", r.Participants, p)
			}
		}
		if len(r.Notes) != 1 || r.Notes[0].Kind != "editor" {
			t.Errorf("notes = %+v", r.Notes)
		}
	})
	t.Run("mailing list post quoting two documents", func(t *testing.T) {
		recs := extractFile("lbo-post-2001-03-02.txt").Records
		if len(recs) != 4 {
			t.Fatalf("%d records, want post, article and two documents", len(recs))
		}
		check(t, "post date", recs[0].Date.EDTF, "2001-03-02")
		check(t, "article author", strings.Join(recs[1].Authors, ";"), "Martin Holloway")
		if !slices.Equal(recs[1].Contains, []string{recs[2].ID, recs[3].ID}) {
			t.Errorf("article contains %q", recs[1].Contains)
		}
		check(t, "doc2 place", recs[3].Place, "Pyongyang")
		check(t, "doc2 date", recs[3].Date.EDTF, "1950-10-09")
		check(t, "doc1 file", recs[2].Sources[0].File, "106-00021-08")
		check(t, "doc1 folios", recs[2].Sources[0].Folios, "1-5")
	})
	t.Run("blog post", func(t *testing.T) {
		r := extractFile("blog-archives-and-memory.txt").Records[0]
		check(t, "type", r.Type, "Blog post")
		check(t, "author", strings.Join(r.Authors, ";"), "Erin Castell")
		if strings.Count(r.Body, "A telegram in the archive.") != 1 {
			t.Errorf("duplicated caption not folded")
		}
	})
	t.Run("plain text memorandum", func(t *testing.T) {
		r := extractFile("memo-1962-10-27.txt").Records[0]
		check(t, "title", r.Title, "Memorandum for the Record")
		check(t, "date", r.Date.EDTF, "1962-10-27")
		check(t, "type", r.Type, "Memorandum")
		check(t, "classification", r.Classification, "SECRET")
		if len(r.Notes) != 1 || r.Notes[0].Kind != "editor" {
			t.Errorf("notes = %+v", r.Notes)
		}
	})
}

func TestIDsAreStable(t *testing.T) {
	data := []byte("A note\n\nMoscow, 5 March 1949.\n\nText.\n")
	a, err1 := Extract(context.Background(), "/one/place/a.txt", data)
	b, err2 := Extract(context.Background(), "/another/b.txt", data)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if a.Records[0].ID != b.Records[0].ID || len(a.Records[0].ID) != 16 {
		t.Errorf("same bytes, different ids: %s %s", a.Records[0].ID, b.Records[0].ID)
	}
	c, _ := Extract(context.Background(), "a.txt", append(data, '!'))
	if c.Records[0].ID == a.Records[0].ID {
		t.Errorf("different bytes, same id")
	}
}

func TestPseudonymsAndPreferredNames(t *testing.T) {
	st := openStore(t)
	in := &Ingester{Store: st}
	if _, err := in.Paths(context.Background(), []string{filepath.Join(testutil.RepoRoot(t), "testdata/sample")}, func(Outcome) {}); err != nil {
		t.Fatal(err)
	}
	res, err := st.Search(context.Background(), search.Query{Text: "person:Stalin", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range res.Hits {
		if h.Title == "Ciphered Telegram, Roshchin to Filippov" {
			found = true
		}
	}
	if !found {
		t.Errorf("person:Stalin should find the telegram addressed to his pseudonym Filippov: %+v", res.Hits)
	}
	names := map[string]bool{}
	for _, c := range res.Facets["person"] {
		names[c.Value] = true
	}
	if !names["Joseph Stalin"] || names["Filippov"] {
		t.Errorf("person facet should show the preferred name: %+v", res.Facets["person"])
	}
}

func TestEditionsByNearIdenticalText(t *testing.T) {
	st := openStore(t)
	in := &Ingester{Store: st}
	dir := t.TempDir()
	body := strings.Repeat("The delegation asked for equipment for the textile mills and for specialists to restore the railways of the north, and the minister promised an answer within the month. ", 6)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Record of a Conversation with the Minister\n\nMoscow, 12 May 1951.\n\n"+body), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Conversation with the Minister (another printing)\n\nMoscow, May 12, 1951.\n\n"+strings.Replace(body, "promised", "undertook to give", 1)), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Conversation with the Minister, a year later\n\nMoscow, 12 May 1952.\n\n"+body), 0o644)
	ids := map[string]string{}
	if _, err := in.Paths(context.Background(), []string{dir}, func(o Outcome) { ids[filepath.Base(o.File)] = o.ID }); err != nil {
		t.Fatal(err)
	}
	a, _ := st.Get(context.Background(), ids["a.txt"])
	if len(a.Editions) != 1 || a.Editions[0] != ids["b.txt"] {
		t.Errorf("editions of a = %q, want b (and not c, dated a year later)", a.Editions)
	}
}
