package web

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"fond/internal/ingest"
	"fond/internal/store/sqlite"
	"fond/internal/testutil"
)

// browserContext starts headless Chromium for one test, its work bounded.
func browserContext(t *testing.T, exe string, limit time.Duration) context.Context {
	t.Helper()
	actx, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 1000))...)
	t.Cleanup(cancel)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	bctx, cancel = context.WithTimeout(bctx, limit)
	t.Cleanup(cancel)
	return bctx
}

// scannedArchive is a temporary store holding the scanned
// telegram (scanned-telegram.pdf) and the other files given, name to
// content, ingested as the command line would; ids are by file name.
func scannedArchive(t *testing.T, files map[string]string) (*sqlite.Store, map[string]string) {
	t.Helper()
	st := tempStore(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "scanned-telegram.pdf"), scannedTelegram(t), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]string{}
	if _, err := (&ingest.Ingester{Store: st}).Paths(context.Background(), []string{dir}, func(o ingest.Outcome) {
		if o.Error != "" {
			t.Errorf("ingest: %s", o.Error)
		}
		ids[filepath.Base(o.File)] = o.ID
	}); err != nil || len(ids) != len(files)+1 {
		t.Fatalf("ingest: %v (ids %v)", err, ids)
	}
	return st, ids
}

// darkAndLight counts the pixels of a PNG that are ink (dark) and paper
// (light): a drawn page has both, a blank or failed viewer not.
func darkAndLight(t *testing.T, shot []byte) (dark, light int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			switch v := (r + g + bl) / 3 >> 8; {
			case v < 90:
				dark++
			case v > 200:
				light++
			}
		}
	}
	return dark, light
}

// A scanned telegram ingested as a reader's archive would be: its page shows
// the scan in the deep-zoom viewer, drawn (the canvas has ink and paper);
// the words searched for are marked on the scan; a click on a line marks its
// region and keeps the page. Compared with a typed edition, a passage in
// focus shows its region of the scan. The manifest then opens in Mirador,
// which draws the same page from the image service.
func TestBrowserScanViewer(t *testing.T) {
	exe := chromium(t)
	testutil.NeedPrograms(t, "pdftoppm", "pdftotext", "tesseract")
	// Another edition of it, typed: compared, it shows the scan's regions.
	st, ids := scannedArchive(t, map[string]string{"telegram-edition.txt": "Telegram from Shtykov to Vyshinsky\n\n9 February 1950\n\n" +
		"Kim Il Sung asked once more about the session of the Supreme People's Assembly and about the credit for the equipment of three divisions.\n"})
	id, edition := ids["scanned-telegram.pdf"], ids["telegram-edition.txt"]
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv.Limits.IIIFCacheDir = t.TempDir()
	// Mirador is not served by fond: the test serves it from the pinned
	// package, on the same origin as the archive, and counts the tiles any
	// viewer asks for.
	mirador := filepath.Join(testutil.RepoRoot(t), "clients", "node_modules", "mirador", "dist", "mirador.min.js")
	var tiles atomic.Int64
	app := srv.Handler()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /test/mirador.js", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, mirador)
	})
	mux.HandleFunc("GET /test/mirador", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mirador</title></head>
<body style="margin:0"><div id="m" style="position:absolute;inset:0"></div><script src="/test/mirador.js"></script>
<script>Mirador.viewer({id: "m", windows: [{manifestId: `+"`"+`${location.origin}/iiif/`+url.PathEscape(id)+`/manifest`+"`"+`, thumbnailNavigationPosition: "off"}], workspaceControlPanel: {enabled: false}});</script></body></html>`)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/iiif/image/") && !strings.HasSuffix(r.URL.Path, "info.json") {
			tiles.Add(1)
		}
		app.ServeHTTP(w, r)
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()

	bctx := browserContext(t, exe, 180*time.Second)
	shots := artifacts(t)
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	page := ts.URL + "/documents/" + url.PathEscape(id)
	run("document page", chromedp.Navigate(page+"?hl=credit"), chromedp.WaitVisible(chromedp.CSS(`.osd[data-opened]`)))
	// The canvas drawer draws tiles as they arrive: wait for ink on paper.
	drawn := `(() => { for (const c of document.querySelectorAll('.osd canvas')) {
		if (!c.width || !c.height) continue;
		const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
		let dark = 0, light = 0;
		for (let i = 0; i < d.length; i += 4) { if (d[i+3] < 200) continue; const v = (d[i] + d[i+1] + d[i+2]) / 3; if (v < 90) dark++; else if (v > 200) light++; }
		if (dark > 200 && light > 10000) return true;
	} return false; })()`
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](drawn, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the viewer's canvas never showed the page: %v", err)
	}
	hits, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll('.osd .region.hit').length`))
	if err != nil || hits < 1 {
		t.Errorf("the line with the searched word is not marked on the scan: %d %v", hits, err)
	}
	run("click a line", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll(".ocr-lines a")].find(a => a.textContent.includes("Supreme"))`)),
		chromedp.WaitVisible(chromedp.CSS(`.osd .region.selected`)))
	state, err := chromedp.Run(bctx, chromedp.Evaluate[map[string]any](`(() => {
		const r = document.querySelector('.osd .region.selected').getBoundingClientRect();
		const box = document.querySelector('.osd').getBoundingClientRect();
		return {url: location.href, current: document.querySelector('.ocr-lines a[aria-current]')?.textContent ?? "",
			w: r.width, h: r.height, inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if state["url"] != page+"?hl=credit" || !strings.Contains(state["current"].(string), "Supreme") ||
		state["w"].(float64) < 50 || state["h"].(float64) < 5 || state["inside"] != true {
		t.Errorf("after a click on a line: %v", state)
	}
	// The page with its viewer open and a line chosen is accessible still.
	checkAxe(t, bctx, axeSource(t), "the scanned document's page, viewer open")
	shot, err := chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS(".scan-page")))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(shots, "document-scan-viewer.png"), shot, 0o644)

	// Compared with the typed edition, a row in focus shows the scan's region.
	run("compare", chromedp.Navigate(ts.URL+"/compare?a="+url.QueryEscape(id)+"&b="+url.QueryEscape(edition)),
		chromedp.WaitVisible(chromedp.CSS("table.compare")))
	hidden, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.querySelector('.on-page img').offsetHeight === 0`))
	if err != nil || !hidden {
		t.Errorf("the region is shown before the row is pointed at (%v)", err)
	}
	run("focus a passage", chromedp.Focus(chromedp.CSS(".on-page")))
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`(() => { const i = document.querySelector('.on-page img'); return i.offsetHeight > 10 && i.complete && i.naturalWidth > 100; })()`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("the focused row does not show its region of the scan: %v", err)
	}
	if shot, err = chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS("table.compare"))); err == nil {
		os.WriteFile(filepath.Join(shots, "compare-scan.png"), shot, 0o644)
	}

	// Mirador: the manifest parsed, the page drawn from the image service.
	if _, err := os.Stat(mirador); err != nil {
		t.Skip("skipping the Mirador half: clients/node_modules has no mirador (cd clients && npm ci)")
	}
	before := tiles.Load()
	run("mirador", chromedp.Navigate(ts.URL+"/test/mirador"), chromedp.WaitVisible(chromedp.CSS(`.openseadragon-canvas canvas`)))
	var dark, light int
	deadline := time.Now().Add(30 * time.Second)
	for {
		shot, err = chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS(`.openseadragon-canvas`)))
		if err != nil {
			t.Fatal(err)
		}
		if dark, light = darkAndLight(t, shot); dark > 200 && light > 10000 || time.Now().After(deadline) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	os.WriteFile(filepath.Join(shots, "mirador.png"), shot, 0o644)
	if dark <= 200 || light <= 10000 || tiles.Load() == before {
		t.Errorf("Mirador did not draw the page: %d dark and %d light pixels, %d image requests", dark, light, tiles.Load()-before)
	}
}

// tempStore is an empty SQLite store in the test's temporary directory,
// closed when the test ends.
func tempStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
