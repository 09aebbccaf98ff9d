package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
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
	if scale := strings.Join(strings.Fields(b.text(ctx, ".axis-scale")), " "); scale != "Axis from January 1, 1950 to December 31, 1950" {
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

// Dragging across a chart's bars narrows to the range they cover: on the
// search page (years) and on the timeline (decades), in both directions;
// pressing and releasing on one bar follows that bar's link. The pages are
// in Russian here, so the check of the Russian pages by axe runs on them.
func TestBrowserChartDrag(t *testing.T) {
	ts, _, _ := seedServer(t)
	axe := axeSource(t)
	ctx, b := newBrowser(t)
	type barInfo struct {
		X, Y     float64
		From, To string
		Href     string
	}
	bars := func() []barInfo {
		t.Helper()
		out, err := chromedp.Run(ctx, chromedp.Evaluate[[]barInfo](`[...document.querySelectorAll("figure.histogram a[data-from]")].map(a => {
			a.scrollIntoView({block: "center"});
			const r = a.querySelector(".bar").getBoundingClientRect();
			return {X: r.left + r.width / 2, Y: r.bottom - 1, From: a.dataset.from, To: a.dataset.to, Href: a.getAttribute("href")};
		})`))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	drag := func(from, to barInfo) int64 {
		t.Helper()
		b.run(ctx, "press", chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, from.X, from.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
			chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (from.X+to.X)/2, to.Y, chromedp.ButtonLeft),
			chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, to.X, to.Y, chromedp.ButtonLeft))
		if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("figure.histogram li.selected").length`)); err != nil || n < 2 {
			t.Fatalf("while dragging, %d bars are marked (%v)", n, err)
		}
		return b.follow(ctx, "release", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, to.X, to.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	}
	query := func() url.Values {
		t.Helper()
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(loc)
		return u.Query()
	}
	for _, page := range []string{"/search?q=Stalin&lang=ru", "/timeline?lang=ru"} {
		b.run(ctx, page, chromedp.Navigate(ts.URL+page), chromedp.WaitVisible(chromedp.CSS("figure.histogram")))
		checkAxe(t, ctx, axe, page)
		all := bars()
		if len(all) < 3 {
			t.Fatalf("%s: %d bars, too few to drag across", page, len(all))
		}
		first, last := all[0], all[len(all)-2]
		// Right to left: the range is still first to last.
		if status := drag(last, first); status != 200 {
			t.Fatalf("%s: the drag's page: %d", page, status)
		}
		b.run(ctx, "narrowed", chromedp.WaitVisible(chromedp.CSS("h1")))
		q := query()
		if q.Get("from") != first.From || q.Get("to") != last.To {
			t.Errorf("%s: dragging from %s to %s gave from=%q to=%q", page, last.To, first.From, q.Get("from"), q.Get("to"))
		}
		if strings.HasPrefix(page, "/search") && q.Get("q") != "Stalin" {
			t.Errorf("the drag lost the query: %v", q)
		}
		// One bar pressed and released: its own link.
		b.run(ctx, page, chromedp.Navigate(ts.URL+page), chromedp.WaitVisible(chromedp.CSS("figure.histogram")))
		one := bars()[1]
		b.run(ctx, "press one", chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, one.X, one.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
		if status := b.follow(ctx, "release one", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, one.X, one.Y, chromedp.ButtonLeft, chromedp.ClickCount(1))); status != 200 {
			t.Fatalf("%s: a bar's link: %d", page, status)
		}
		if q := query(); q.Get("from") != one.From || q.Get("to") != one.To {
			t.Errorf("%s: a click on the bar %s–%s went to from=%q to=%q", page, one.From, one.To, q.Get("from"), q.Get("to"))
		}
		if lang := b.text(ctx, "nav.lang-switch [aria-current]"); lang != "Русский" {
			t.Errorf("%s: the page is not in Russian: %q", page, lang)
		}
	}
	// A Russian document page, scan and citations included, passes axe too.
	b.run(ctx, "document", chromedp.Navigate(ts.URL+"/search?q=Stalin"), chromedp.WaitVisible(chromedp.CSS("ol.results a")))
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("ol.results h2 a").getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	b.run(ctx, "document", chromedp.Navigate(ts.URL+href), chromedp.WaitVisible(chromedp.CSS("h1")))
	checkAxe(t, ctx, axe, href+" (ru)")
}
