package web

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

func newServer(t *testing.T) (*httptest.Server, store.Store) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	hostile := record.Record{
		ID: "x1", Title: `<script>alert("title")</script> Telegram`, Type: "Telegram", Category: record.Primary,
		Body:         "A paragraph about <b>loans</b> & credit.\n\nSecond <img src=x onerror=alert(1)> paragraph.",
		Summary:      `Summary with "quotes" & <i>tags</i>`,
		Date:         record.Date{EDTF: "1950-04", Display: "April 1950", Earliest: "1950-04-01", Latest: "1950-04-30", Qualifier: record.Inferred, Note: "inferred from context"},
		Sources:      []record.Source{{Repository: "Archive of the President of the Russian Federation", Abbreviation: "APRF", Folios: "1-2", Reference: "APRF, listy 1-2"}},
		Notes:        []record.Note{{Kind: "translator", Text: "a <note>"}},
		Participants: []string{"Stalin"},
	}
	plain := record.Record{ID: "x2", Title: "Report on credit", Type: "Report", Category: record.Primary, Body: "Credit was discussed."}
	_, err = st.PutFile(context.Background(), store.File{
		Path: "/in/x.txt", Format: "text", Records: []record.Record{hostile, plain},
		Original: store.Original{Checksum: "sha256:x", Name: "x.txt", Data: []byte("<script>original</script>")},
	})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, st
}

func get(t *testing.T, u string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestPagesEscapeUserContent(t *testing.T) {
	ts, _ := newServer(t)
	for _, path := range []string{"/", "/documents/x1", "/search?q=" + url.QueryEscape(`credit <script>alert("q")</script>`)} {
		code, _, body := get(t, ts.URL+path)
		if code != 200 {
			t.Fatalf("%s: status %d", path, code)
		}
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, "<b>loans") {
			t.Errorf("%s: user content not escaped", path)
		}
		if !strings.HasPrefix(body, "<!DOCTYPE html>") || !strings.Contains(body, "</html>") {
			t.Errorf("%s: not a whole HTML page", path)
		}
	}
}

func TestDocumentPage(t *testing.T) {
	ts, _ := newServer(t)
	code, h, body := get(t, ts.URL+"/documents/x1")
	if code != 200 || !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("status %d, CSP %q", code, h.Get("Content-Security-Policy"))
	}
	for _, want := range []string{
		"April 1950 (inferred)", "inferred from context", // the date says how it is known
		` A paragraph about &lt;b&gt;loans&lt;/b&gt; &amp; credit.</p>`, `<p id="p1">`, `href="#p1"`, // paragraphs kept, each linkable
		"APRF, listy 1-2", "folios 1-2", // source with its parts
		"Editorial notes", "translator", // notes set apart
		`<meta name="citation_title"`, "/documents/x1/cite/bibtex?download", "/documents/x1/original",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	if code, _, _ := get(t, ts.URL+"/documents/nope"); code != 404 {
		t.Errorf("missing document: %d", code)
	}
	code, h, orig := get(t, ts.URL+"/documents/x1/original")
	if code != 200 || h.Get("Content-Type") != "application/octet-stream" || orig != "<script>original</script>" {
		t.Errorf("original: %d %q %q", code, h.Get("Content-Type"), orig)
	}
}

func TestSearchPageAndAPI(t *testing.T) {
	ts, _ := newServer(t)
	_, _, body := get(t, ts.URL+"/search?q=credit")
	if !strings.Contains(body, "2 results") || !strings.Contains(body, "<mark>") {
		t.Errorf("search page: %s", body)
	}
	_, _, body = get(t, ts.URL+"/search?q=credit&limit=1")
	if !strings.Contains(body, `rel="next"`) {
		t.Errorf("no next link on a partial page")
	}
	code, h, body := get(t, ts.URL+"/api/search?q=credit&facets=1")
	var res search.Result
	if err := json.Unmarshal([]byte(body), &res); err != nil || code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		t.Fatalf("api: %d %v", code, err)
	}
	if res.Total != 2 || len(res.Hits) != 2 {
		t.Errorf("api result %+v", res)
	}
	code, _, body = get(t, ts.URL+"/api/documents/x2")
	var r record.Record
	if json.Unmarshal([]byte(body), &r); code != 200 || r.Title != "Report on credit" {
		t.Errorf("api document: %d %q", code, r.Title)
	}
}

func TestPersonPageShowsAuthority(t *testing.T) {
	ts, _ := newServer(t)
	code, _, body := get(t, ts.URL+"/people/Stalin")
	if code != 200 || !strings.Contains(body, "<h1>Joseph Stalin</h1>") || !strings.Contains(body, "Filippov") {
		t.Errorf("person page: %d, preferred name or variants missing", code)
	}
}

func TestCollectionsShowTitles(t *testing.T) {
	ts, st := newServer(t)
	r := record.Record{ID: "c1", Title: "Telegram", Type: "Telegram", Category: record.Primary,
		Collection: &record.Collection{ID: "vol-1", Title: "Invented Papers, Volume I"}}
	if _, err := st.PutFile(context.Background(), store.File{Path: "/in/c.xml", Format: "tei", Records: []record.Record{r},
		Original: store.Original{Checksum: "sha256:c", Name: "c.xml", Data: []byte("c")}}); err != nil {
		t.Fatal(err)
	}
	_, _, body := get(t, ts.URL+"/collections")
	if !strings.Contains(body, "Invented Papers, Volume I") || !strings.Contains(body, "collection=vol-1") {
		t.Errorf("collections page should show titles and link by id")
	}
}

func TestDocumentLinksNamesInText(t *testing.T) {
	ts, st := newServer(t)
	r := record.Record{ID: "n1", Title: "Minutes", Type: "Minutes of Conversation", Category: record.Primary,
		Body: "Filippov asks about the port.\n\nKim answers that Dalny [Dairen] is open."}
	if _, err := st.PutFile(context.Background(), store.File{Path: "/in/n.txt", Format: "text", Records: []record.Record{r},
		Original: store.Original{Checksum: "sha256:n", Name: "n.txt", Data: []byte("n")}}); err != nil {
		t.Fatal(err)
	}
	_, _, body := get(t, ts.URL+"/documents/n1")
	for _, want := range []string{`<a class="name" href="/people/Joseph%20Stalin" title="Joseph Stalin">Filippov</a> asks about the port.`, `<a class="name" href="/places/Dalian" title="Dalian">Dalny</a>`} {
		if !strings.Contains(body, want) {
			t.Errorf("document text lacks %s", want)
		}
	}
	if err := checkHTML(body); err != nil {
		t.Errorf("invalid HTML: %v", err)
	}
}

func TestTimelineZoomsToMonths(t *testing.T) {
	ts, _ := newServer(t)
	_, _, body := get(t, ts.URL+"/timeline?from=1950&to=1950")
	if !strings.Contains(body, `/timeline?from=1950-04&amp;to=1950-04`) {
		t.Errorf("a year's timeline should offer its months")
	}
	_, _, body = get(t, ts.URL+"/timeline?from=1950-04&to=1950-04")
	if !strings.Contains(body, "/documents/x1") || checkHTML(body) != nil {
		t.Errorf("a month's timeline should draw its records")
	}
}

// A document read from a scan says so, and its original can be viewed in the
// browser; an HTML original is never served to be rendered, even when asked.
func TestScannedOriginalIsViewable(t *testing.T) {
	ts, st := newServer(t)
	scan := record.Record{ID: "s1", Title: "Scanned telegram", Type: "Telegram", Category: record.Primary,
		Body: "Text read from the page.", TextFrom: "ocr", OCRConfidence: 0.873}
	pdf := []byte("%PDF-1.4\n% a scan\n")
	if _, err := st.PutFile(context.Background(), store.File{Path: "/in/s.pdf", Format: "text", Records: []record.Record{scan},
		Original: store.Original{Checksum: "sha256:s", Name: "s.pdf", Data: pdf}}); err != nil {
		t.Fatal(err)
	}
	_, _, page := get(t, ts.URL+"/documents/s1")
	if !strings.Contains(page, "Recognized by OCR from the scan") || !strings.Contains(page, "mean confidence 87%") || !strings.Contains(page, `/documents/s1/original?view=1`) {
		t.Errorf("document page does not say the text is OCR:\n%s", page)
	}
	tests := []struct {
		path, ctype, disposition string
	}{
		{"/documents/s1/original?view=1", "application/pdf", "inline"},
		{"/documents/s1/original", "application/octet-stream", "attachment"},
		{"/documents/x1/original?view=1", "application/octet-stream", "attachment"},
	}
	for _, tc := range tests {
		code, h, _ := get(t, ts.URL+tc.path)
		if code != 200 || h.Get("Content-Type") != tc.ctype || !strings.HasPrefix(h.Get("Content-Disposition"), tc.disposition) || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: %d %q %q", tc.path, code, h.Get("Content-Type"), h.Get("Content-Disposition"))
		}
	}
	_, _, plain := get(t, ts.URL+"/documents/x2")
	if strings.Contains(plain, "OCR") || strings.Contains(plain, "?view=1") {
		t.Errorf("a text document's page mentions OCR or a viewer")
	}
}

// Harvesters get every record by OAI-PMH, in Dublin Core, by GET or POST.
func TestOAIHarvest(t *testing.T) {
	ts, st := newServer(t)
	_, total, err := st.List(context.Background(), store.ListQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	code, h, body := get(t, ts.URL+"/oai?verb=ListRecords&metadataPrefix=oai_dc")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/xml") {
		t.Fatalf("ListRecords: %d %s", code, h.Get("Content-Type"))
	}
	var list struct {
		IDs    []string `xml:"ListRecords>record>header>identifier"`
		Titles []string `xml:"ListRecords>record>metadata>dc>title"`
		Links  []string `xml:"ListRecords>record>metadata>dc>identifier"`
	}
	if err := xml.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.IDs) != total || len(list.Titles) != total {
		t.Fatalf("harvested %d records (%d titles), store holds %d:\n%s", len(list.IDs), len(list.Titles), total, body)
	}
	archive, err := st.ArchiveID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	host := "fond-" + archive + ".invalid" // the default namespace: the database's own name
	if !slices.Contains(list.IDs, "oai:"+host+":x2") || !slices.Contains(list.Titles, "Report on credit") || !slices.Contains(list.Links, ts.URL+"/documents/x2") {
		t.Errorf("record x2 missing or misdescribed: %v %v %v", list.IDs, list.Titles, list.Links)
	}
	resp, err := http.PostForm(ts.URL+"/oai", url.Values{"verb": {"GetRecord"}, "identifier": {"oai:" + host + ":x2"}, "metadataPrefix": {"oai_dc"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "<dc:title>Report on credit</dc:title>") {
		t.Errorf("POST GetRecord:\n%s", b)
	}
	// The same record harvested as TEI is the document /documents/{id}/tei serves.
	_, _, teiBody := get(t, ts.URL+"/oai?verb=GetRecord&metadataPrefix=tei&identifier=oai:"+host+":x2")
	var teiRec struct {
		Title string `xml:"GetRecord>record>metadata>TEI>teiHeader>fileDesc>titleStmt>title"`
	}
	if err := xml.Unmarshal([]byte(teiBody), &teiRec); err != nil || teiRec.Title != "Report on credit" {
		t.Errorf("GetRecord tei (%v):\n%s", err, teiBody)
	}
	// Deleted, it is still harvested, as deleted: incremental harvesters learn of it.
	if err := st.Delete(context.Background(), "x2"); err != nil {
		t.Fatal(err)
	}
	_, _, body = get(t, ts.URL+"/oai?verb=ListIdentifiers&metadataPrefix=oai_dc")
	if !strings.Contains(body, `<header status="deleted">`+"\n   <identifier>oai:"+host+":x2</identifier>") {
		t.Errorf("deleted record not reported:\n%s", body)
	}
}

func TestTEIExport(t *testing.T) {
	ts, _ := newServer(t)
	code, h, body := get(t, ts.URL+"/documents/x2/tei")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/tei+xml") {
		t.Fatalf("%d %s", code, h.Get("Content-Type"))
	}
	var doc struct {
		Title string   `xml:"teiHeader>fileDesc>titleStmt>title"`
		IDs   []string `xml:"teiHeader>fileDesc>publicationStmt>idno"`
		Paras []string `xml:"text>body>div>p"`
	}
	if err := xml.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Report on credit" || len(doc.IDs) != 2 || doc.IDs[1] != ts.URL+"/documents/x2" || len(doc.Paras) != 1 {
		t.Errorf("TEI export: %+v", doc)
	}
	if _, _, page := get(t, ts.URL+"/documents/x2"); !strings.Contains(page, `href="/documents/x2/tei"`) {
		t.Errorf("document page does not link its TEI")
	}
}

// The sitemap lists every document; past a sitemap's size it becomes an index
// of sitemaps that together list every document.
func TestSitemapListsEveryDocument(t *testing.T) {
	ts, _ := newServer(t)
	locs := func(path string) []string {
		t.Helper()
		_, _, body := get(t, ts.URL+path)
		var m struct {
			URLs []string `xml:"url>loc"`
			Maps []string `xml:"sitemap>loc"`
		}
		if err := xml.Unmarshal([]byte(body), &m); err != nil {
			t.Fatal(err)
		}
		return append(m.URLs, m.Maps...)
	}
	if got := fmt.Sprint(locs("/sitemap.xml")); got != fmt.Sprintf("[%s/documents/x1 %s/documents/x2]", ts.URL, ts.URL) && got != fmt.Sprintf("[%s/documents/x2 %s/documents/x1]", ts.URL, ts.URL) {
		t.Errorf("sitemap: %s", got)
	}
	defer func(n int) { sitemapSize = n }(sitemapSize)
	sitemapSize = 1
	index := locs("/sitemap.xml")
	if len(index) != 2 || !strings.HasSuffix(index[1], "/sitemap.xml?page=2") {
		t.Fatalf("sitemap index: %v", index)
	}
	var all []string
	for _, u := range index {
		all = append(all, locs(strings.TrimPrefix(u, ts.URL))...)
	}
	if len(all) != 2 || all[0] == all[1] {
		t.Errorf("sitemaps of the index list %v", all)
	}
}

// A person's page lists every document that names them in any form, not only
// those whose people list holds the form typed; a place asked for as a person
// is sent to its place page.
func TestNamePagesCountEveryForm(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits,
		record.Record{ID: "tagged", Title: "Minutes", Category: record.Primary, Body: "Stalin spoke.", Participants: []string{"Stalin"}},
		record.Record{ID: "text", Title: "Telegram", Category: record.Primary, Body: "Filippov agrees to the plan."},
		record.Record{ID: "cyrillic", Title: "Письмо", Category: record.Primary, Body: "Товарищ Сталин согласен."},
		record.Record{ID: "none", Title: "Report", Category: record.Primary, Body: "Nothing about him."},
		record.Record{ID: "city", Title: "From Peking", Category: record.Primary, Body: "Peking, June 5."})
	code, _, body := get(t, ts.URL+"/people/Stalin")
	if code != 200 || !strings.Contains(body, "3 documents name") {
		t.Errorf("/people/Stalin: %d, want 3 documents (tagged, Filippov, Сталин)", code)
	}
	resp, err := http.Get(ts.URL + "/people/Peking")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/places/Peking" {
		t.Errorf("/people/Peking ended at %s, want /places/Peking", resp.Request.URL.Path)
	}
}

// A hit leads to its document with the words searched for marked, and a link
// to the first.
func TestSearchedWordsMarkedOnTheDocument(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits)
	_, _, page := get(t, ts.URL+"/search?q=credit")
	if !strings.Contains(page, `/documents/x1?hl=credit#hit`) {
		t.Fatalf("the hit does not carry the words searched for")
	}
	_, _, doc := get(t, ts.URL+"/documents/x1?hl=credit")
	if !strings.Contains(doc, `<mark id="hit">Credit</mark>`) || !strings.Contains(doc, `href="#hit"`) {
		t.Errorf("the document does not mark the words searched for")
	}
	_, _, doc = get(t, ts.URL+"/documents/x1?hl="+url.QueryEscape(`<script>alert(1)</script> "as*"`))
	if strings.Contains(doc, "<script>alert") {
		t.Error("hl is written into the page unescaped")
	}
	if got := highlightWords(strings.Repeat("word ", 100)); len(got) != maxHighlightWords {
		t.Errorf("highlight words not bounded: %d", len(got))
	}
}

func TestAboutPage(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits)
	code, _, body := get(t, ts.URL+"/about")
	if code != 200 || !strings.Contains(body, "holds 2 documents") || !strings.Contains(body, "/oai") || !strings.Contains(body, "How to cite") {
		t.Errorf("/about: %d", code)
	}
	if err := checkHTML(body); err != nil {
		t.Errorf("/about: %v", err)
	}
}

func TestNameIndexes(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits,
		record.Record{ID: "a", Title: "Minutes", Category: record.Primary, Body: "Stalin and Molotov spoke in Moscow."},
		record.Record{ID: "b", Title: "Telegram", Category: record.Primary, Body: "Filippov agrees. Peking."})
	code, _, body := get(t, ts.URL+"/people")
	if code != 200 || !strings.Contains(body, "Joseph Stalin") || !strings.Contains(body, "2 documents") || !strings.Contains(body, "Filippov") {
		t.Errorf("/people: %d", code)
	}
	_, _, body = get(t, ts.URL+"/places?letter=B")
	if !strings.Contains(body, "Beijing") || strings.Contains(body, ">Moscow<") {
		t.Errorf("/places?letter=B lists the wrong places")
	}
	_, _, body = get(t, ts.URL+"/places?sort=count")
	if i, j := strings.Index(body, ">Moscow<"), strings.Index(body, ">Busan<"); i < 0 || j < 0 || i > j {
		t.Errorf("/places?sort=count: Moscow (1 document) should come before Busan (none)")
	}
	for _, bad := range []string{"/people?sort=x", "/people?letter=AB"} {
		if code, _, _ := get(t, ts.URL+bad); code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", bad, code)
		}
	}
}

func TestHealthAndReadiness(t *testing.T) {
	ts, srv := limitedServer(t, DefaultLimits)
	if code, _, body := get(t, ts.URL+"/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	if code, _, body := get(t, ts.URL+"/readyz"); code != 200 || body != "ready\n" {
		t.Errorf("/readyz: %d %q", code, body)
	}
	srv.raw.Close() // a store that no longer answers
	if code, _, _ := get(t, ts.URL+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz with the store closed: %d, want 503", code)
	}
	if code, _, _ := get(t, ts.URL+"/healthz"); code != 200 {
		t.Errorf("/healthz with the store closed: %d, want 200 (the process answers)", code)
	}
}
