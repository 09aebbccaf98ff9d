package web

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// The cataloguing pages pass axe-core's WCAG 2.x A and AA rules as an editor
// sees them: the upload form and its refusal, the review queue, a record
// opened from the queue with its questions, an authority's form (also with
// its errors) and history.
func TestStaffPagesAccessible(t *testing.T) {
	axe := axeSource(t)
	ts, st, _ := newAccessServer(t, nil)
	queueFixture(t, st)
	ctx, b := newBrowser(t)
	b.signIn(ctx, ts.URL, "editor1")
	for _, page := range []string{"/upload", "/review", "/review?reason=draft", "/review?reason=no-title",
		"/documents/" + changedID + "?queue=all", "/documents/" + unsureID + "?queue=field-unsure", "/documents/" + draftID,
		"/authorities/stalin/edit", "/authorities/stalin/history"} {
		b.run(ctx, page, chromedp.Navigate(ts.URL+page))
		checkAxe(t, ctx, axe, page)
	}
	// Refused states: an upload with no file, an authority without a name.
	b.run(ctx, "empty upload", chromedp.Navigate(ts.URL+"/upload"), chromedp.RemoveAttribute(chromedp.CSS("#file"), "required"))
	if status := b.follow(ctx, "send it", chromedp.Click(chromedp.CSS(`form.upload button`))); status != 422 {
		t.Errorf("empty upload: %d", status)
	}
	checkAxe(t, ctx, axe, "upload refused")
	b.run(ctx, "authority", chromedp.Navigate(ts.URL+"/authorities/stalin/edit"), chromedp.WaitVisible(chromedp.CSS("#a-preferred")))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(e => (e.removeAttribute("required"), e.value = "", true))(document.querySelector("#a-preferred"))`)); err != nil {
		t.Fatal(err)
	}
	if status := b.follow(ctx, "save it", chromedp.Click(chromedp.CSS(`form.authority button`))); status != 422 {
		t.Errorf("authority without a name: %d", status)
	}
	checkAxe(t, ctx, axe, "authority refused")
}
