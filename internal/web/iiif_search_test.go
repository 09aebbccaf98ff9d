package web

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// blankPage is a white page image of w×h pixels, PNG: an original whose page
// images need no external program.
func blankPage(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// scanServer stores two records read from pages, each from an original of
// its own: scan1 from data, and draft1, a draft, from the same bytes and
// one more; both carry these pages' lines (and body, if given).
func scanServer(t *testing.T, data []byte, pages []record.Page, configure func(*Server), body ...string) (*httptest.Server, store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	text := "Kim Il Sung asked about the loan."
	if len(body) > 0 {
		text = body[0]
	}
	for i, id := range []string{"scan1", "draft1"} {
		data := append(append([]byte{}, data...), bytes.Repeat([]byte{'\n'}, i)...) // other bytes, another original
		sum := ingest.Checksum(data)
		if _, err := st.PutFile(ctx, store.File{Path: "/in/" + id, Format: "text", Original: store.Original{Checksum: sum, Name: id, Data: data},
			Records: []record.Record{{ID: id, Title: "Ciphered telegram", Category: record.Primary, Body: text,
				TextFrom: "ocr", Checksum: sum, Languages: record.Languages{Text: "en"}, Pages: pages}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.SetStatus(ctx, "draft1", record.Draft, "", ""); err != nil {
		t.Fatal(err)
	}
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv.Limits.IIIFCacheDir = t.TempDir()
	if configure != nil {
		configure(srv)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, st
}

// linesServer serves a scan (a 1000×1400 page image) whose record has OCR
// lines measured on an image half that size.
func linesServer(t *testing.T, configure func(*Server)) *httptest.Server {
	t.Helper()
	ts, _ := scanServer(t, blankPage(t, 1000, 1400), []record.Page{{N: 1, Width: 500, Height: 700, Lines: []record.Line{
		{Text: "Kim Il Sung asked about the loan.", XYWH: [4]int{50, 100, 400, 20}},
		{Text: "Тот же заём: КРЕДИТ на оборудование", XYWH: [4]int{50, 140, 300, 20}},
		{Text: "北韓軍南進 loans", XYWH: [4]int{50, 180, 200, 20}},
	}}}, configure)
	return ts
}

// The manifest carries each OCR line as a supplementing annotation on its
// region, scaled to the canvas, and names its search service.
func TestIIIFManifestLines(t *testing.T) {
	ts := linesServer(t, nil)
	code, _, body := get(t, ts.URL+"/iiif/scan1/manifest")
	var m struct {
		Context any `json:"@context"`
		Service []struct {
			ID, Type string
		} `json:"service"`
		Items []struct {
			ID          string `json:"id"`
			Width       int    `json:"width"`
			Annotations []struct {
				Items []struct {
					Motivation string `json:"motivation"`
					Target     string `json:"target"`
					Body       struct {
						Value    string   `json:"value"`
						Language []string `json:"language"`
					} `json:"body"`
				} `json:"items"`
			} `json:"annotations"`
		} `json:"items"`
	}
	if code != 200 || json.Unmarshal([]byte(body), &m) != nil || len(m.Items) != 1 || len(m.Items[0].Annotations) != 1 {
		t.Fatalf("manifest: %d %.400s", code, body)
	}
	if len(m.Service) != 1 || m.Service[0].Type != "SearchService2" || m.Service[0].ID != ts.URL+"/iiif/scan1/search" {
		t.Errorf("search service %+v", m.Service)
	}
	lines := m.Items[0].Annotations[0].Items
	if len(lines) != 3 || lines[0].Motivation != "supplementing" || lines[0].Body.Value != "Kim Il Sung asked about the loan." ||
		lines[0].Target != m.Items[0].ID+"#xywh=100,200,800,40" || !slices.Equal(lines[0].Body.Language, []string{"en"}) {
		t.Errorf("lines %+v", lines)
	}
}

type searchAnswer struct {
	Type    string   `json:"type"`
	Ignored []string `json:"ignored"`
	Items   []struct {
		ID     string `json:"id"`
		Target string `json:"target"`
		Body   struct {
			Value string `json:"value"`
		} `json:"body"`
	} `json:"items"`
	Annotations []struct {
		Items []struct {
			Motivation string `json:"motivation"`
			Target     struct {
				Source   string `json:"source"`
				Selector []struct {
					Prefix, Exact, Suffix string
				} `json:"selector"`
			} `json:"target"`
		} `json:"items"`
	} `json:"annotations"`
}

func searchIn(t *testing.T, base, q string) (int, searchAnswer) {
	t.Helper()
	code, h, body := get(t, base+"/iiif/scan1/search?"+q)
	var a searchAnswer
	if code == 200 {
		if err := json.Unmarshal([]byte(body), &a); err != nil || !strings.Contains(h.Get("Content-Type"), "search/2") {
			t.Fatalf("%s: %v %s", q, err, body)
		}
	}
	return code, a
}

// Search within a document answers the lines holding a word, each on its
// region of the canvas, with the matched words picked out.
func TestIIIFContentSearch(t *testing.T) {
	ts := linesServer(t, nil)
	canvas := ts.URL + "/iiif/scan1/canvas/1"
	code, a := searchIn(t, ts.URL, "q=LOAN")
	if code != 200 || a.Type != "AnnotationPage" || len(a.Items) != 1 || a.Items[0].Target != canvas+"#xywh=100,200,800,40" {
		t.Fatalf("loan: %d %+v", code, a)
	}
	if len(a.Annotations) != 1 || len(a.Annotations[0].Items) != 1 {
		t.Fatalf("loan: highlights %+v", a.Annotations)
	}
	hl := a.Annotations[0].Items[0]
	if hl.Motivation != "highlighting" || hl.Target.Source != a.Items[0].ID || len(hl.Target.Selector) != 1 ||
		hl.Target.Selector[0].Exact != "loan" || hl.Target.Selector[0].Prefix != "Kim Il Sung asked about the " || hl.Target.Selector[0].Suffix != "." {
		t.Errorf("loan: highlight %+v", hl)
	}
	for q, want := range map[string][]string{
		"q=" + url.QueryEscape("кредит"):      {"КРЕДИТ"},         // case folded
		"q=" + url.QueryEscape("заем"):        {"заём"},           // diacritics folded
		"q=loan*":                             {"loan", "loans"},  // a word's beginning
		"q=" + url.QueryEscape("南進"):          {"南進"},             // inside a run of Chinese
		"q=" + url.QueryEscape("loan кредит"): {"loan", "КРЕДИТ"}, // any of the words
		"q=loa":     nil, // whole words only
		"q=Molotov": nil,
	} {
		code, a := searchIn(t, ts.URL, q)
		var got []string
		for _, p := range a.Annotations {
			for _, it := range p.Items {
				got = append(got, it.Target.Selector[0].Exact)
			}
		}
		if code != 200 || !slices.Equal(got, want) {
			t.Errorf("%s: %d, matched %q, want %q", q, code, got, want)
		}
	}
	if _, a := searchIn(t, ts.URL, "q=loan&motivation=painting"); !slices.Equal(a.Ignored, []string{"motivation"}) {
		t.Errorf("ignored %q, want motivation", a.Ignored)
	}
	for path, want := range map[string]int{
		"/iiif/scan1/search":           400, // nothing to search for
		"/iiif/scan1/search?q=%20*%20": 400,
		"/iiif/draft1/search?q=loan":   404, // drafts are not served
		"/iiif/none/search?q=loan":     404,
	} {
		if code, _, body := get(t, ts.URL+path); code != want {
			t.Errorf("%s: %d, want %d (%.100s)", path, code, want, body)
		}
	}
}

// The hits of one answer, and the query's size and words, are bounded.
func TestIIIFSearchLimits(t *testing.T) {
	ts := linesServer(t, func(s *Server) {
		s.Limits.MaxIIIFHits = 1
		s.Limits.Search.MaxQueryBytes = 20
		s.Limits.Search.MaxTerms = 3
	})
	if code, a := searchIn(t, ts.URL, "q=loan*"); code != 200 || len(a.Items) != 1 || len(a.Annotations[0].Items) != 1 {
		t.Errorf("one hit allowed: %d %+v", code, a)
	}
	for _, q := range []string{"q=" + strings.Repeat("a", 21), "q=a+b+c+d"} {
		if code, _, body := get(t, ts.URL+"/iiif/scan1/search?"+q); code != 400 || !strings.Contains(body, `"param":"q"`) {
			t.Errorf("%s: %d %s, want 400 naming q", q, code, body)
		}
	}
}

// The document page sets each page image beside its lines, each line linking
// to its region of the page (by percentages) with its box for the viewer;
// lines holding the words searched for are marked.
func TestDocumentPageLines(t *testing.T) {
	ts := linesServer(t, nil)
	_, _, page := get(t, ts.URL+"/documents/scan1?hl=loan")
	for _, want := range []string{
		`<figure class="scan" data-info="/iiif/image/scan1/1/info.json">`,
		`<a href="/iiif/image/scan1/1/pct:10.000,14.286,80.000,2.857/max/0/default.jpg" data-box="0.10000,0.14286,0.80000,0.02857" class="hit">Kim Il Sung asked about the <mark>loan</mark>.</a>`,
		`data-box="0.10000,0.20000,0.60000,0.02857">Тот же заём`,
		`2 lines with the words searched for`, // loan and loans, as the text marks them
		`download="page-1.jpg"`,
		`<input id="find" name="hl" type="search" value="loan"`, // search within the pages, without JavaScript
		`/static/vendor/openseadragon/openseadragon.min.js`, `/static/viewer.js`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("document page lacks %s", want)
		}
	}
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}
	// The region a line links to is served.
	if code, h, _ := get(t, ts.URL+"/iiif/image/scan1/1/pct:10.000,14.286,80.000,2.857/max/0/default.jpg"); code != 200 || h.Get("Content-Type") != "image/jpeg" {
		t.Errorf("a line's region: %d %s", code, h.Get("Content-Type"))
	}
	// The viewer and OpenSeadragon are served, as scripts.
	for _, path := range []string{"/static/viewer.js", "/static/vendor/openseadragon/openseadragon.min.js"} {
		if code, h, body := get(t, ts.URL+path); code != 200 || !strings.Contains(h.Get("Content-Type"), "javascript") || len(body) < 1000 {
			t.Errorf("%s: %d %s, %d bytes", path, code, h.Get("Content-Type"), len(body))
		}
	}
}

// Compared with another edition, a scanned edition's sentences link to where
// they stand on the page: the region of the lines each spans.
func TestCompareShowsRegions(t *testing.T) {
	ts, st := scanServer(t, blankPage(t, 1000, 1400), []record.Page{{N: 1, Width: 500, Height: 700, Lines: []record.Line{
		{Text: "Kim Il Sung asked again about the loan", XYWH: [4]int{50, 100, 400, 20}},
		{Text: "of the Soviet government.", XYWH: [4]int{50, 125, 200, 20}},
		{Text: "The Ambassador promised an answer.", XYWH: [4]int{50, 150, 300, 20}},
	}}}, nil, "Kim Il Sung asked again about the loan\nof the Soviet government.\n\nThe Ambassador promised an answer.")
	if _, err := st.PutFile(context.Background(), store.File{Path: "/in/tr1", Format: "text", Original: store.Original{Checksum: ingest.Checksum([]byte("tr1")), Name: "tr1", Data: []byte("tr1")},
		Records: []record.Record{{ID: "tr1", Title: "Telegram, a translation", Category: record.Primary, Checksum: ingest.Checksum([]byte("tr1")),
			Body: "Kim Il Sung asked once more about the credit of the Soviet government.\n\nThe ambassador promised to answer."}}}); err != nil {
		t.Fatal(err)
	}
	code, _, page := get(t, ts.URL+"/compare?a=scan1&b=tr1")
	if code != 200 {
		t.Fatalf("compare: %d", code)
	}
	for _, want := range []string{
		`<a class="on-page" href="/iiif/image/scan1/1/pct:10.000,14.286,80.000,6.429/!800,300/0/default.jpg">on page 1 of the scan`, // two lines
		`href="/iiif/image/scan1/1/pct:10.000,21.429,60.000,2.857/!800,300/0/default.jpg"`,
		`alt="This passage on page 1 of the scan"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("compare page lacks %s", want)
		}
	}
	if n := strings.Count(page, `class="on-page"`); n != 2 {
		t.Errorf("%d passages on the page, want 2 (the translation has no scan)", n)
	}
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}
}
