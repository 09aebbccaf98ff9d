package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The timeline is used from the keyboard alone: Tab reaches the date form,
// typed dates narrow it with Enter, Tab reaches the records' links and Enter
// opens one. The narrowed page passes axe as the whole one does (a11y_test).
func TestBrowserTimelineKeyboard(t *testing.T) {
	ts, _, _ := seedServer(t)
	axe := axeSource(t)
	ctx, b := newBrowser(t)
	focused := func() string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.activeElement.id || "") + "|" + (document.activeElement.closest("ol.timeline") ? "record" : "")`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// tabTo presses Tab until the focus is where want says, at most 60 times.
	tabTo := func(want func(string) bool, what string) {
		t.Helper()
		for range 60 {
			if want(focused()) {
				return
			}
			b.run(ctx, "Tab", chromedp.KeyEvent("\t"))
		}
		t.Fatalf("Tab never reached %s", what)
	}
	b.run(ctx, "timeline", chromedp.Navigate(ts.URL+"/timeline"), chromedp.WaitVisible(chromedp.CSS("h1")))
	heads, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("h1, h2")].map(h => h.tagName + " " + h.textContent).join("; ")`))
	if heads != "H1 Timeline; H2 Narrow to dates; H2 Zoom in; H2 Records on the axis" {
		t.Errorf("headings: %s", heads)
	}
	tabTo(func(f string) bool { return strings.HasPrefix(f, "tl-from|") }, "the From field")
	b.run(ctx, "type the range", chromedp.KeyEvent("1950"), chromedp.KeyEvent("\t"))
	if f := focused(); !strings.HasPrefix(f, "tl-to|") {
		t.Fatalf("after From, Tab reached %q, not the To field", f)
	}
	if status := b.follow(ctx, "Enter", chromedp.KeyEvent("1950\r")); status != 200 {
		t.Fatalf("narrowing: %d", status)
	}
	b.run(ctx, "narrowed", chromedp.WaitVisible(chromedp.CSS("h1")))
	if h1 := b.text(ctx, "h1"); h1 != "Timeline 1950" {
		t.Fatalf("after typing 1950 to 1950: %q", h1)
	}
	if scale := strings.Join(strings.Fields(b.text(ctx, ".axis-scale")), " "); scale != "Axis from 1950-01-01 to 1950-12-31" {
		t.Errorf("the axis scale reads %q", scale)
	}
	checkAxe(t, ctx, axe, "/timeline?from=1950&to=1950")
	tabTo(func(f string) bool { return strings.HasSuffix(f, "|record") }, "a record's link")
	if status := b.follow(ctx, "open a record", chromedp.KeyEvent("\r")); status != 200 {
		t.Fatalf("a record's link: %d", status)
	}
	if u, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(u, "/documents/") {
		t.Errorf("Enter on a record's link went to %s", u)
	}
}
