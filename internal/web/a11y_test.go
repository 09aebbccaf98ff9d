package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
	"fond/internal/store/sqlite"
	"fond/internal/testutil"
)

// axeSource is axe-core from clients/ (npm, pinned in its lock file; .ci/run
// installs it before the Go tests).
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "clients", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("FOND_REQUIRE_TOOLS") != "" {
			t.Fatalf("axe-core not installed; .ci/run should have run npm ci in clients/: %v", err)
		}
		t.Skip("skipping: axe-core not installed (cd clients && npm ci)")
	}
	return string(b)
}

// Every kind of reading-room page passes axe-core's WCAG 2.x A and AA rules,
// run in Chromium on the rendered page.
func TestAccessibility(t *testing.T) {
	exe := chromium(t)
	axe := axeSource(t)
	ctx := context.Background()
	ts, st, doc := seedServer(t)
	pages := []string{"/", "/search?q=Stalin", "/documents/" + doc.ID, "/timeline", "/people/Stalin", "/places/Pyongyang", "/map",
		"/collections", "/login", "/about", "/subjects", "/people", "/places?sort=count", "/search?q=" + url.QueryEscape("Stalin zanzibar"),
		"/releases/stats"}
	if len(doc.Editions) > 0 {
		pages = append(pages, "/compare?a="+doc.ID+"&b="+doc.Editions[0])
	}
	// A release's comparison page, with two releases side by side.
	rel, err := st.Search(ctx, search.Query{Text: "released_later:yes withheld:yes", Limit: 1})
	if err != nil || len(rel.Hits) == 0 {
		t.Fatalf("no release of the fixtures found: %v", err)
	}
	relRec, _ := st.Get(ctx, rel.Hits[0].ID)
	pages = append(pages, "/documents/"+relRec.ID+"/releases?a="+relRec.ID+"&b="+relRec.Editions[0])

	actx, cancel := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1280, 1000))...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	bctx, cancel = context.WithTimeout(bctx, 120*time.Second)
	defer cancel()
	for _, page := range pages {
		if _, err := chromedp.RunResponse(bctx, chromedp.Navigate(ts.URL+page)); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		checkAxe(t, bctx, axe, page)
	}
	// The check can fail: an image without a text alternative is caught.
	out, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.insertAdjacentHTML("beforeend", '<img src="/static/none.png">');
		axe.run(document, {runOnly: {type: "tag", values: ["wcag2a"]}}).then(r => r.violations.map(v => v.id).join(","))`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.Contains(out, "image-alt") {
		t.Errorf("axe did not catch an image without alt: %q %v", out, err)
	}
}

// checkAxe runs axe-core's WCAG 2.x A and AA rules on the page the browser
// shows, and reports each violation as an error naming the page.
func checkAxe(t *testing.T, bctx context.Context, axe, page string) {
	t.Helper()
	// DevTools evaluation is not bound by the page's CSP, so axe needs no
	// exception to it.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[any](axe+";true")); err != nil {
		t.Fatalf("%s: loading axe: %v", page, err)
	}
	out, err := chromedp.Run(bctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", page, err)
	}
	var violations []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	for _, v := range violations {
		t.Errorf("%s: %s (%s): %s at %s", page, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
	}
}

// seedServer serves the seed documents and the sample folder from a new
// store, and returns the seed meeting of 5 March 1949: what the browser tests
// of the reading room look at.
func seedServer(t *testing.T) (*httptest.Server, store.Store, record.Record) {
	t.Helper()
	seeds := testutil.Shared(t, "seeds")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	in := &ingest.Ingester{Store: st}
	if _, err := in.Paths(ctx, []string{seeds, filepath.Join(testutil.RepoRoot(t), "testdata", "sample"),
		filepath.Join(testutil.RepoRoot(t), "testdata", "releases", "text")}, func(ingest.Outcome) {}); err != nil {
		t.Fatal(err)
	}
	res, err := st.Search(ctx, search.Query{Text: `"Meeting between Stalin and Kim Il Sung"`, Limit: 1})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("no seed document: %v", err)
	}
	doc, _ := st.Get(ctx, res.Hits[0].ID)
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, st, doc
}
