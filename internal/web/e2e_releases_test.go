package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// In a real browser: a reader opens the first release of the telegram, follows
// the release history to the comparison, and finds the paragraph released
// only in 2019 marked with that year, and one released in 2008 with its own.
func TestBrowserReleaseComparison(t *testing.T) {
	exe := chromium(t)
	_, ts, ids := releasesServer(t)
	ctx := openBrowser(t, exe, 120*time.Second)
	follow := func(what string, act chromedp.Action[chromedp.Void]) {
		t.Helper()
		resp, err := chromedp.RunResponse(ctx, act)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if resp.Status != 200 {
			t.Fatalf("%s: %s answered %d", what, resp.URL, resp.Status)
		}
	}
	follow("document", chromedp.Navigate(ts.URL+"/documents/"+ids["1995"]))
	history, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".release-history")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1995: 3 paragraphs withheld", "2008: 1 paragraph withheld", "2019: full"} {
		if !strings.Contains(history, want) {
			t.Errorf("release history %q lacks %q", history, want)
		}
	}
	follow("comparison", chromedp.Click(chromedp.CSS(`a[href$="/releases"]`)))
	// What a reader sees beside each passage: the note closing its run.
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => {
		const out = {};
		for (const ins of document.querySelectorAll("ins.revealed")) {
			let note = ins.nextElementSibling;
			while (note && !note.matches("small.until")) note = note.nextElementSibling;
			out[ins.textContent.slice(0, 40)] = note && getComputedStyle(ins).display !== "none" ? note.textContent : "";
		}
		return out;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	for start, want := range map[string]string{
		"5. He named as the source of his informa": "withheld until 2019",
		"3. The Chancellor then told me, in confi": "withheld until 2008",
	} {
		if got := marks[start]; got != want {
			t.Errorf("passage %q is marked %q, want %q (all: %v)", start, got, want, marks)
		}
	}
	if _, ok := marks["1. I saw the Chancellor this morning at "]; ok {
		t.Errorf("a passage every release showed is marked as withheld")
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		png, err := chromedp.FullScreenshot(100)(ctx, tg)
		if err != nil {
			return err
		}
		return writeFile(artifacts(t), "release-comparison.png", png)
	})); err != nil {
		t.Fatal(err)
	}
}
