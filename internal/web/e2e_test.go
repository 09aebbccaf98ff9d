package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"fond/internal/ingest"
	"fond/internal/store/sqlite"
	"fond/internal/testutil"
)

// chromium finds the browser, or skips (failing in CI, where .ci/run installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("FOND_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found in CI: .ci/run should have installed it")
	}
	t.Skip("skipping browser test: chromium not installed (apt-get install chromium)")
	return ""
}

// artifacts is where screenshots go: $FOND_ARTIFACTS, else testdata/screenshots.
func artifacts(t *testing.T) string {
	dir := os.Getenv("FOND_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(testutil.RepoRoot(t), "testdata", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBrowserReadingRoom(t *testing.T) {
	exe := chromium(t)
	seeds := testutil.Shared(t, "seeds")
	testutil.NeedPrograms(t, "pdftoppm", "pdftotext", "tesseract") // for the scanned telegram
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in := &ingest.Ingester{Store: st}
	sample := filepath.Join(testutil.RepoRoot(t), "testdata", "sample")
	scans := t.TempDir()
	if err := os.WriteFile(filepath.Join(scans, "scanned-telegram.pdf"), scannedTelegram(t), 0o644); err != nil {
		t.Fatal(err)
	}
	var scanned string
	if _, err := in.Paths(ctx, []string{seeds, sample, scans}, func(o ingest.Outcome) {
		if o.Error != "" {
			t.Errorf("ingest: %s", o.Error)
		}
		if strings.HasSuffix(o.File, "scanned-telegram.pdf") {
			scanned = o.ID
		}
	}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	bctx := openBrowser(t, exe, 240*time.Second)
	shots := artifacts(t)
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		})
	}
	location := func() string {
		u, _ := chromedp.Run(bctx, chromedp.Location())
		return u
	}
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		start := time.Now()
		err := chromedp.Do(bctx, steps...)
		t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// follow performs an action that loads a new page and waits for that page:
	// waiting for a selector alone can match the page being left, and a query
	// into a page that unloads under it may never return.
	follow := func(what string, act chromedp.Action[chromedp.Void]) {
		t.Helper()
		start := time.Now()
		resp, err := chromedp.RunResponse(bctx, act)
		t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if resp.Status != 200 {
			t.Fatalf("%s: %s answered %d", what, resp.URL, resp.Status)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	run("home", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#hq")), shot("home"))

	// Search from the home page.
	run("type query", chromedp.SendKeys(chromedp.CSS("#hq"), "Stalin"))
	follow("search", chromedp.Submit(chromedp.CSS("#hq")))
	run("search results", chromedp.WaitVisible(chromedp.CSS(".results")), shot("search"))
	if got := text(".total"); !strings.Contains(got, "results for") {
		t.Fatalf("search page total: %q", got)
	}
	before := text(".total")

	// Toggle a facet: the result count shrinks and the filter shows as active.
	follow("facet", chromedp.Click(chromedp.CSS(`.facets a[href*="type=Ciphered"]`)))
	run("facet active", chromedp.WaitVisible(chromedp.CSS(".facets a.active")))
	if after := text(".total"); after == before || !strings.Contains(location(), "type=Ciphered") {
		t.Errorf("facet did not narrow the search: %q -> %q at %s", before, after, location())
	}
	follow("unfacet", chromedp.Click(chromedp.CSS(".facets a.active")))
	run("unfaceted results", chromedp.WaitVisible(chromedp.CSS(".results")))
	if text(".total") != before {
		t.Errorf("removing the facet did not restore the results")
	}

	// Page through results.
	run("paged", chromedp.Navigate(ts.URL+"/search?q=Kim&limit=2"), chromedp.WaitVisible(chromedp.CSS(`a[rel="next"]`)))
	follow("next page", chromedp.Click(chromedp.CSS(`a[rel="next"]`)))
	run("previous link", chromedp.WaitVisible(chromedp.CSS(`a[rel="prev"]`)))
	if !strings.Contains(text(".pages"), "Page 2") {
		t.Errorf("next page not reached: %q", text(".pages"))
	}

	// Open a document, open the citation panel, copy a citation.
	run("title search", chromedp.Navigate(ts.URL+"/search?q=%22Ciphered+Telegram%2C+Shtykov%22"), chromedp.WaitVisible(chromedp.CSS(".results h2 a")))
	follow("open document", chromedp.Click(chromedp.CSS(".results h2 a")))
	run("document", chromedp.WaitVisible(chromedp.CSS("article.document h1")), shot("document"))
	if got := text("article.document h1"); got != "Ciphered Telegram, Shtykov to Vyshinsky" {
		t.Errorf("document title %q", got)
	}
	run("grant clipboard", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: ts.URL,
			}); err != nil {
				return err
			}
		}
		return nil
	}))
	run("cite", chromedp.Click(chromedp.CSS(`details:nth-of-type(2) summary`)),
		chromedp.WaitVisible(chromedp.CSS("#cite-bibtex")), chromedp.Click(chromedp.CSS(`button[data-copy="cite-chicago"]`)))
	if got := text("#cite-bibtex"); !strings.HasPrefix(strings.TrimSpace(got), "@") {
		t.Errorf("bibtex panel: %q", got)
	}
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`document.querySelector('button[data-copy="cite-chicago"]').textContent === "Copied"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("copy button did not report a copy: %v", err)
	}
	copied, err := chromedp.Run(bctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.HasPrefix(copied, `"Ciphered Telegram, Shtykov to Vyshinsky,"`) {
		t.Errorf("clipboard holds %q, %v", copied, err)
	}

	// Follow a person link to the person's page.
	follow("person", chromedp.Click(chromedp.CSS(`.info a[href^="/people/"]`)))
	run("person page", chromedp.WaitVisible(chromedp.CSS(".kind")), shot("person"))
	if !strings.Contains(location(), "/people/") || !strings.Contains(text("main"), "documents, in date order") && !strings.Contains(text("main"), "Documents, in date order") {
		t.Errorf("person page not reached: %s", location())
	}

	// The remaining pages render and are captured for a person to look at.
	run("timeline", chromedp.Navigate(ts.URL+"/timeline"), chromedp.WaitVisible(chromedp.CSS(".timeline")), shot("timeline"))
	run("phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/search?q=Stalin"), chromedp.WaitVisible(chromedp.CSS(".results")), shot("search-phone"))

	// A document read from a scan says so, beside its text.
	run("scanned", chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(ts.URL+"/documents/"+scanned), chromedp.WaitVisible(chromedp.CSS("article.document h1")), shot("document-scan"))
	if got := text(".ocr"); !strings.Contains(got, "Recognized by OCR from the scan") || !strings.Contains(text("main"), "Supreme People") {
		t.Errorf("scanned document page: %q", got)
	}
}

// scannedTelegram is a one-page scan of an invented telegram, a PDF with no
// text layer.
func scannedTelegram(t *testing.T) []byte {
	t.Helper()
	_, pdf := testutil.Scan(t, []string{
		"Ciphered Telegram, Shtykov to Vyshinsky", "", "9 February 1950", "",
		"Kim Il Sung asked again about the session of the Supreme People's Assembly",
		"and about the credit for the equipment of three divisions.",
	})
	return pdf
}
