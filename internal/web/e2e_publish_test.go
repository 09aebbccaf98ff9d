package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// In a real browser: an editor signs in with the form, opens a draft (marked
// as such), publishes it with the page's button; an anonymous window, which
// could not see the draft before, then finds it by search and reads it.
func TestBrowserSignInAndPublish(t *testing.T) {
	exe := chromium(t)
	ts, _, _ := newAccessServer(t, nil)
	staffCtx := openBrowser(t, exe, 120*time.Second)
	run := func(ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	follow := func(ctx context.Context, what string, act chromedp.Action[chromedp.Void]) int64 {
		t.Helper()
		resp, err := chromedp.RunResponse(ctx, act)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return resp.Status
	}
	text := func(ctx context.Context, sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	shots := artifacts(t)
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return writeFile(shots, name+".png", png)
		})
	}

	run(staffCtx, "start", chromedp.Navigate(ts.URL+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")))
	// The anonymous window: a browser context of its own, with its own cookies.
	anonCtx, cancelAnon := chromedp.NewContext(staffCtx, chromedp.WithNewBrowserContext())
	defer cancelAnon()
	if status := follow(anonCtx, "anonymous draft", chromedp.Navigate(ts.URL+"/documents/"+draftID)); status != 404 {
		t.Fatalf("anonymous window sees the draft: %d", status)
	}

	run(staffCtx, "type", chromedp.SendKeys(chromedp.CSS("#username"), "editor1"), chromedp.SendKeys(chromedp.CSS("#password"), staffPass))
	if status := follow(staffCtx, "sign in", chromedp.Submit(chromedp.CSS("#password"))); status != 200 {
		t.Fatalf("sign in: %d", status)
	}
	if got := text(staffCtx, ".account"); !strings.Contains(got, "Signed in as editor1") {
		t.Fatalf("after sign-in: %q", got)
	}
	if status := follow(staffCtx, "draft", chromedp.Navigate(ts.URL+"/documents/"+draftID)); status != 200 {
		t.Fatalf("staff open the draft: %d", status)
	}
	run(staffCtx, "draft page", chromedp.WaitVisible(chromedp.CSS(".publication")), shot("document-draft"))
	if got := text(staffCtx, ".publication .status"); got != "draft" {
		t.Errorf("draft marked %q", got)
	}
	if status := follow(staffCtx, "publish", chromedp.Click(chromedp.CSS(`form[action$="/publish"] button`))); status != 200 {
		t.Fatalf("publish: %d", status)
	}
	if got := text(staffCtx, ".publication .status"); got != "published" {
		t.Errorf("after publishing, marked %q", got)
	}

	if status := follow(anonCtx, "anonymous search", chromedp.Navigate(ts.URL+"/search?q="+leakWord)); status != 200 {
		t.Fatalf("search: %d", status)
	}
	if got := text(anonCtx, ".total"); !strings.HasPrefix(got, "1 result ") {
		t.Errorf("anonymous search after publishing: %q", got)
	}
	if status := follow(anonCtx, "open", chromedp.Click(chromedp.CSS(".results h2 a"))); status != 200 {
		t.Fatalf("anonymous open: %d", status)
	}
	run(anonCtx, "published page", chromedp.WaitVisible(chromedp.CSS("article.document h1")), shot("document-published"))
	if got := text(anonCtx, "article.document h1"); !strings.Contains(got, leakWord) {
		t.Errorf("anonymous window reads %q", got)
	}
	if n, err := chromedp.Run(anonCtx, chromedp.Evaluate[int](`document.querySelectorAll(".publication, .account").length`)); err != nil || n != 0 {
		t.Errorf("staff controls in the anonymous window: %d %v", n, err)
	}
}

func writeFile(dir, name string, b []byte) error {
	return os.WriteFile(filepath.Join(dir, name), b, 0o644)
}
