package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// In a real browser, under the site's Content-Security-Policy: an editor
// opens the record form, types the start of a name into the authors and
// takes the authority file's suggestion, changes the title and saves; the
// document page shows both.
func TestBrowserEditWithSuggestions(t *testing.T) {
	exe := chromium(t)
	ts, st, _ := newAccessServer(t, nil)
	ctx, step := editorBrowser(t, exe, ts.URL)
	step("edit form", chromedp.Navigate(ts.URL+"/documents/"+pubID+"/edit"), chromedp.WaitVisible(chromedp.CSS("#f-authors")),
		chromedp.SendKeys(chromedp.CSS("#f-authors"), "stal"),
		chromedp.WaitVisible(chromedp.CSS(".suggestions button")))
	got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".suggestions button")))
	if err != nil || !strings.HasPrefix(got, "Joseph Stalin") {
		t.Fatalf("suggestion %q %v", got, err)
	}
	step("take it", chromedp.Click(chromedp.CSS(".suggestions button")))
	authors, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-authors")))
	if err != nil || authors != "Joseph Stalin" {
		t.Fatalf("authors after the suggestion: %q %v", authors, err)
	}
	step("save", chromedp.SetValue(chromedp.CSS("#f-title"), "Telegram on the loan, corrected"),
		chromedp.Click(chromedp.CSS(`.record-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("article.document h1")))
	h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("article.document h1")))
	if h1 != "Telegram on the loan, corrected" {
		t.Errorf("after saving, the page reads %q", h1)
	}
	r := getRecord(t, st, pubID)
	if r.Revision != 2 || len(r.Authors) != 1 || r.Authors[0] != "Joseph Stalin" {
		t.Errorf("saved: rev %d authors %q", r.Revision, r.Authors)
	}
}

// editorBrowser starts Chromium signed in as editor1; step runs actions,
// failing the test with what they were for.
func editorBrowser(t *testing.T, exe, base string) (context.Context, func(string, ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1280, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	ctx, cancel := context.WithTimeout(bctx, 120*time.Second)
	t.Cleanup(cancel)
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	step("sign in", chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "editor1"), chromedp.SendKeys(chromedp.CSS("#password"), staffPass),
		chromedp.Submit(chromedp.CSS("#password")), chromedp.WaitVisible(chromedp.CSS(".account")))
	return ctx, step
}

// The cataloguing pages, their refusal and conflict states included, pass
// axe-core's WCAG 2.x A and AA rules.
func TestCataloguingAccessibility(t *testing.T) {
	exe := chromium(t)
	axe := axeSource(t)
	ts, st, _ := newAccessServer(t, nil)
	edit(t, st, pubID, 1, "admin1", map[string]string{"title": `"A second title"`})
	ctx, step := editorBrowser(t, exe, ts.URL)
	shots := artifacts(t)
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
		if err == nil {
			err = writeFile(shots, name+".png", png)
		}
		if err != nil {
			t.Errorf("screenshot %s: %v", name, err)
		}
	}
	for name, page := range map[string]string{"edit": "/documents/" + pubID + "/edit", "new": "/documents/new", "history": "/documents/" + pubID + "/history", "document-staff": "/documents/" + pubID} {
		step(page, chromedp.Navigate(ts.URL+page), chromedp.WaitVisible(chromedp.CSS("h1")))
		checkAxe(t, ctx, axe, page)
		shot(name)
	}
	submit := chromedp.Click(chromedp.CSS(`.record-form button[type="submit"]`))
	step("refused", chromedp.Navigate(ts.URL+"/documents/"+pubID+"/edit"), chromedp.WaitVisible(chromedp.CSS("#f-date")),
		chromedp.SetValue(chromedp.CSS("#f-date"), "1949-13-45"), submit, chromedp.WaitVisible(chromedp.CSS("#f-date-error")))
	checkAxe(t, ctx, axe, "the refused form")
	shot("edit-refused")
	step("load", chromedp.Navigate(ts.URL+"/documents/"+pubID+"/edit"), chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SetValue(chromedp.CSS("#f-title"), "Mine"))
	edit(t, st, pubID, 2, "admin1", map[string]string{"title": `"Theirs"`})
	step("stale", submit, chromedp.WaitVisible(chromedp.CSS("table.conflict")))
	checkAxe(t, ctx, axe, "the conflict page")
	shot("edit-conflict")
}
