package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"fond/internal/testutil"
)

// A scanned PDF's pages are served through the IIIF Image API and described by
// a manifest; the document page shows them as linked pictures; a draft's scan
// is not served.
func TestIIIFPageImages(t *testing.T) {
	testutil.NeedPrograms(t, "pdftoppm", "pdftotext")
	_, pdf := testutil.Scan(t, []string{"Ciphered Telegram", "", "The loan was discussed."})
	ts, _ := scanServer(t, pdf, nil, nil)

	// The document page first: it counts pages before any image was asked for.
	if code, _, _ := get(t, ts.URL+"/documents/scan1"); code != 200 {
		t.Fatalf("the document page before any image: %d", code)
	}
	code, h, body := get(t, ts.URL+"/iiif/image/scan1/1/info.json")
	var info struct {
		ID            string `json:"id"`
		Profile       string `json:"profile"`
		Width, Height int
	}
	if code != 200 || json.Unmarshal([]byte(body), &info) != nil || info.Width < 100 || info.Profile != "level2" ||
		!strings.HasSuffix(info.ID, "/iiif/image/scan1/1") || h.Get("Access-Control-Allow-Origin") != "*" {
		t.Fatalf("info.json: %d %s", code, body)
	}
	code, h, body = get(t, ts.URL+"/iiif/image/scan1/1/0,0,256,256/128,/0/gray.png")
	if code != 200 || h.Get("Content-Type") != "image/png" || !strings.HasPrefix(body, "\x89PNG") {
		t.Errorf("a tile: %d %s", code, h.Get("Content-Type"))
	}
	for path, want := range map[string]int{
		"/iiif/image/scan1/1/full/max/45/default.jpg":   http.StatusBadRequest, // only multiples of 90
		"/iiif/image/scan1/1/full/99999,/0/default.jpg": http.StatusBadRequest, // upscaling without ^
		"/iiif/image/scan1/2/info.json":                 http.StatusNotFound,   // one page
		"/iiif/image/draft1/1/info.json":                http.StatusNotFound,   // drafts are not served
		"/iiif/draft1/manifest":                         http.StatusNotFound,
	} {
		if code, _, body := get(t, ts.URL+path); code != want {
			t.Errorf("%s: %d, want %d (%.100s)", path, code, want, body)
		}
	}
	code, _, body = get(t, ts.URL+"/iiif/scan1/manifest")
	var m struct {
		Type  string `json:"type"`
		Items []struct {
			Width int `json:"width"`
		} `json:"items"`
	}
	if code != 200 || json.Unmarshal([]byte(body), &m) != nil || m.Type != "Manifest" || len(m.Items) != 1 || m.Items[0].Width != info.Width {
		t.Errorf("manifest: %d %.300s", code, body)
	}
	_, _, page := get(t, ts.URL+"/documents/scan1")
	if !strings.Contains(page, `/iiif/image/scan1/1/full/!600,600/0/default.jpg`) || !strings.Contains(page, `/iiif/scan1/manifest`) {
		t.Error("the document page does not show its page images")
	}
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}
}
