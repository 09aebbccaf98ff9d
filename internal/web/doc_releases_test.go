package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fond/internal/ingest"
	"fond/internal/store/sqlite"
	"fond/internal/testutil"
)

// releasesServer serves the three releases of the fixture telegram
// (testdata/releases/text), ingested newest first; it returns the server and
// the records' ids by release year.
func releasesServer(t *testing.T) (*Server, *httptest.Server, map[string]string) {
	return releasesServerIndexed(t, false)
}

// releasesServerIndexed is releasesServer with the search index loaded before
// the releases are ingested (when loaded is true), so that each write is
// indexed as it commits rather than all at the first search.
func releasesServerIndexed(t *testing.T, loaded bool) (*Server, *httptest.Server, map[string]string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if loaded {
		if err := st.LoadIndex(ctx); err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]string{}
	in := &ingest.Ingester{Store: st}
	for _, y := range []string{"2019", "1995", "2008"} {
		outs, err := in.File(ctx, filepath.Join(testutil.RepoRoot(t), "testdata", "releases", "text", "telegram-"+y+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		ids[y] = outs[0].ID
	}
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return srv, ts, ids
}

func TestReleaseHistoryOnDocumentPage(t *testing.T) {
	_, ts, ids := releasesServer(t)
	code, _, body := get(t, ts.URL+"/documents/"+ids["2008"])
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{`href="/documents/` + ids["2008"] + `/releases" title="Withheld in this release: 1 paragraph (4 lines)">[1 paragraph (4 lines) not declassified]</a>`, "1995: 3 paragraphs withheld</a>", "2008: 1 paragraph withheld <small>(this text)</small>", "2019: full</a>", "MR 2005-123", `href="/documents/` + ids["2008"] + `/releases"`} {
		if !strings.Contains(body, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
	code, _, js := get(t, ts.URL+"/api/documents/"+ids["1995"])
	var doc struct {
		Redactions     []map[string]any `json:"redactions"`
		ReleaseHistory []struct {
			Record  string `json:"record"`
			Release struct {
				Date string `json:"date"`
			} `json:"release"`
		} `json:"release_history"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || code != 200 {
		t.Fatalf("status %d, %v", code, err)
	}
	if len(doc.Redactions) != 3 || len(doc.ReleaseHistory) != 3 || doc.ReleaseHistory[2].Record != ids["2019"] {
		t.Errorf("API record: %d redactions, history %+v", len(doc.Redactions), doc.ReleaseHistory)
	}
}

func TestReleaseComparison(t *testing.T) {
	_, ts, ids := releasesServer(t)
	code, _, body := get(t, ts.URL+"/documents/"+ids["1995"]+"/releases")
	if code != 200 {
		t.Fatalf("status %d\n%s", code, body)
	}
	// Paragraph 3 came out in 2008, paragraph 7 too; paragraph 5 only in 2019.
	for sentence, year := range map[string]string{
		"3. The Chancellor then told me, in confidence,":  "2008",
		"5. He named as the source of his information":    "2019",
		"7. He also asked for assurances that the police": "2008",
	} {
		re := regexp.MustCompile(`<ins class="revealed" data-until="` + year + `"[^>]*>` + regexp.QuoteMeta(sentence))
		if !re.MatchString(body) {
			t.Errorf("%q is not marked withheld until %s", sentence, year)
		}
	}
	// Paragraphs 3 and 5 of two sentences, 7 of one: every sentence marked,
	// the year said once a paragraph.
	if n, m := strings.Count(body, `<ins class="revealed" data-until`), strings.Count(body, "withheld until"); n != 5 || m != 3 {
		t.Errorf("%d sentences marked, %d notes 'withheld until'; want 5 and 3", n, m)
	}
	if !regexp.MustCompile(`1\. I saw the Chancellor`).MatchString(body) || regexp.MustCompile(`<ins[^>]*>1\. I saw`).MatchString(body) {
		t.Errorf("a paragraph every release showed is missing or marked")
	}
	if !strings.Contains(body, `/compare?a=`+ids["1995"]+`&amp;b=`+ids["2019"]) {
		t.Errorf("no side-by-side link from 1995 to 2019")
	}
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
}

// TestReleaseComparisonLimits: past --max-releases-compared the older
// releases are named, not compared; past --compare-budget the page says so.
func TestReleaseComparisonLimits(t *testing.T) {
	srv, ts, ids := releasesServer(t)
	srv.Limits.MaxReleases = 1
	_, _, body := get(t, ts.URL+"/documents/"+ids["2019"]+"/releases")
	if !strings.Contains(body, "Not compared (over the limit of releases one page compares): 1995.") {
		t.Errorf("the release over the limit is not named")
	}
	if strings.Contains(body, "title=\"withheld in 1995") {
		t.Errorf("the release over the limit was compared")
	}
	srv.Limits.MaxReleases = 8
	srv.Limits.CompareBudget = 1
	_, _, body = get(t, ts.URL+"/documents/"+ids["2019"]+"/releases")
	if !strings.Contains(body, "over the comparison budget") || !strings.Contains(body, "He named as the source") {
		t.Errorf("over budget: no notice, or text missing")
	}
}

// TestSearchDeclassified: the filters reach the index through the store,
// whether it indexed the releases at the first search or as each was written
// (released_later needs the releases' editions, which the store reads).
func TestSearchDeclassified(t *testing.T) {
	for _, loaded := range []bool{false, true} {
		t.Run(fmt.Sprint("index loaded first: ", loaded), func(t *testing.T) { searchDeclassified(t, loaded) })
	}
}

func searchDeclassified(t *testing.T, loaded bool) {
	_, ts, ids := releasesServerIndexed(t, loaded)
	for q, want := range map[string][]string{
		"withheld:yes":           {ids["1995"], ids["2008"]},
		"Chancellor withheld:no": {ids["2019"]},
		"released:2005..2010":    {ids["2008"]},
		"released_later:yes":     {ids["2008"], ids["2019"]},
		"released_later:no":      {ids["1995"]},
	} {
		code, _, js := get(t, ts.URL+"/api/search?q="+url.QueryEscape(q)+"&sort=date")
		var res struct {
			Hits []struct{ ID string } `json:"hits"`
		}
		if err := json.Unmarshal([]byte(js), &res); err != nil || code != 200 {
			t.Fatalf("%s: status %d, %v", q, code, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s = %v, want %v", q, got, want)
		}
	}
}

// TestSearchPageDeclassifiedFacets: the search page's sidebar counts text
// withheld and text released later, and its links filter by them.
func TestSearchPageDeclassifiedFacets(t *testing.T) {
	_, ts, ids := releasesServer(t)
	code, _, body := get(t, ts.URL+"/search?q=Chancellor")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{"<h2>Text withheld</h2>", `<a href="/search?q=Chancellor&amp;withheld=yes">yes</a> <span class="count">2</span>`,
		`<a href="/search?q=Chancellor&amp;withheld=no">no</a> <span class="count">1</span>`,
		"<h2>Text released later</h2>", `<a href="/search?q=Chancellor&amp;released_later=yes">yes</a> <span class="count">2</span>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the sidebar lacks %s", want)
		}
	}
	_, _, body = get(t, ts.URL+"/search?q=Chancellor&released_later=yes&withheld=yes")
	if !strings.Contains(body, "1 result for") || !strings.Contains(body, "/documents/"+ids["2008"]) {
		t.Errorf("released_later=yes&withheld=yes does not find the 2008 release alone")
	}
}

// TestCompareTwoReleases: the releases page offers every release in a form,
// the earliest and the latest chosen; choosing two shows them side by side
// with what only one of them has marked; a record not among the document's
// releases is refused with the parameter named.
func TestCompareTwoReleases(t *testing.T) {
	_, ts, ids := releasesServer(t)
	code, _, body := get(t, ts.URL+"/documents/"+ids["2008"]+"/releases")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{`<select name="a"><option value="` + ids["1995"] + `" selected>1995: 3 paragraphs withheld (National Archives and Records Administration)</option>`,
		`<option value="` + ids["2019"] + `" selected>2019: full`} {
		if !strings.Contains(body, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	if strings.Contains(body, `<table class="compare">`) {
		t.Error("a comparison shown before the reader asked for one")
	}
	code, _, body = get(t, ts.URL+"/documents/"+ids["2019"]+"/releases?a="+ids["2008"]+"&b="+ids["1995"])
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
	for _, want := range []string{`<table class="compare">`, "<small>2008: 1 paragraph withheld (National Archives", "<small>1995: 3 paragraphs withheld (National Archives",
		`<option value="` + ids["2008"] + `" selected>`, `class="op-`} {
		if !strings.Contains(body, want) {
			t.Errorf("the side-by-side view lacks %s", want)
		}
	}
	// The 2008 release shows paragraph 3, which 1995 withheld: it is marked
	// as only in one of them.
	if !regexp.MustCompile(`<span class="op-(inserted|changed)">[^<]*The Chancellor then told me, in confi`).MatchString(body) {
		t.Error("the paragraph 2008 released is not marked as a difference")
	}
	code, _, body = get(t, ts.URL+"/documents/"+ids["2019"]+"/releases?a=nosuchrecord")
	if code != 400 || !strings.Contains(body, "“a” must be one of this document") {
		t.Errorf("a record not among the releases: status %d", code)
	}
}
