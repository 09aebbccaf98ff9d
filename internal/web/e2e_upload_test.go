package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"fond/internal/record"
	"fond/internal/testutil"
)

// In a real browser, as a cataloguer (an editor): sign in, upload a PDF made
// here, find it in the review queue as a draft, open it from the queue,
// publish it from the queue; an anonymous window then reads it with the
// corrected title. The correction itself is made through the store: the
// edit form is another branch's (issue 16), and this test says so.
func TestBrowserUploadReviewPublish(t *testing.T) {
	testutil.NeedPrograms(t, "pdftotext")
	ts, st, _ := newAccessServer(t, nil)
	ctx, b := newBrowser(t)
	pdf := filepath.Join(t.TempDir(), "shtykov telegram.pdf")
	if err := os.WriteFile(pdf, testutil.PDF([]string{"Ciphered Telegram, Shtykov to Vyshinsky", "", "7 February 1950", "",
		"Kim Il Sung asked again about the loan of the Soviet government", "and the delivery of the equipment before the spring."}), 0o644); err != nil {
		t.Fatal(err)
	}

	b.signIn(ctx, ts.URL, "editor1")
	b.run(ctx, "upload form", chromedp.Navigate(ts.URL+"/upload"), chromedp.WaitVisible(chromedp.CSS("#file")),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{pdf}))
	if status := b.follow(ctx, "upload", chromedp.Click(chromedp.CSS(`form.upload button[type="submit"]`))); status != 200 {
		t.Fatalf("upload: %d (%s)", status, b.text(ctx, "main"))
	}
	b.run(ctx, "outcome", chromedp.WaitVisible(chromedp.CSS(".outcomes")), b.shot("upload-outcome"))
	if got := b.text(ctx, ".outcomes"); !strings.Contains(got, "shtykov telegram.pdf") || !strings.Contains(got, "Ciphered Telegram, Shtykov to Vyshinsky") {
		t.Fatalf("outcome: %q", got)
	}
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".outcomes li li a").getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSuffix(strings.TrimPrefix(href, "/documents/"), "?queue=draft")
	rec, err := st.Get(context.Background(), id)
	if err != nil || rec.Status != record.Draft || rec.Date.EDTF != "1950-02-07" {
		t.Fatalf("uploaded record %s: %q %q %v", id, rec.Status, rec.Date.EDTF, err)
	}

	// The correction, in the edit form: the title, and the date with how it is known.
	if status := b.follow(ctx, "edit form", chromedp.Navigate(ts.URL+"/documents/"+id+"/edit")); status != 200 {
		t.Fatalf("edit form: %d", status)
	}
	b.run(ctx, "correct title and date", chromedp.WaitVisible(chromedp.CSS(`input[name="title"]`)),
		chromedp.SetValue(chromedp.CSS(`input[name="title"]`), "Ciphered telegram from Shtykov to Vyshinsky on the loan"),
		chromedp.SetValue(chromedp.CSS(`input[name="date.edtf"]`), "1950-02-08"),
		chromedp.SetValue(chromedp.CSS(`input[name="date.display"]`), "8 February 1950"),
		chromedp.SetValue(chromedp.CSS(`select[name="date.qualifier"]`), "exact"),
		chromedp.SetValue(chromedp.CSS(`input[name="date.note"]`), "received the next day"), b.shot("edit-form"))
	if status := b.follow(ctx, "save", chromedp.Click(chromedp.CSS(`form.record-form button[type="submit"]`))); status != 200 {
		t.Fatalf("save: %d (%s)", status, b.text(ctx, "main"))
	}
	if rec, err = st.Get(context.Background(), id); err != nil || rec.Title != "Ciphered telegram from Shtykov to Vyshinsky on the loan" ||
		rec.Date.EDTF != "1950-02-08" || rec.Date.Earliest != "1950-02-08" || rec.Provenance["title"].By != "editor1" {
		t.Fatalf("after the form: %q %+v %+v %v", rec.Title, rec.Date, rec.Provenance["title"], err)
	}

	if status := b.follow(ctx, "queue", chromedp.Navigate(ts.URL+"/review?reason=draft")); status != 200 {
		t.Fatalf("queue: %d", status)
	}
	item := `ol.queue a[href="/documents/` + id + `?queue=draft"]`
	b.run(ctx, "queue page", chromedp.WaitVisible(chromedp.CSS(item)), b.shot("review-queue"))
	if got := b.text(ctx, item); got != "Ciphered telegram from Shtykov to Vyshinsky on the loan" {
		t.Errorf("queue lists %q", got)
	}
	if status := b.follow(ctx, "open from the queue", chromedp.Click(chromedp.CSS(item))); status != 200 {
		t.Fatalf("open: %d", status)
	}
	b.run(ctx, "record from the queue", chromedp.WaitVisible(chromedp.CSS(".queue-box")), b.shot("record-in-queue"))
	if got := b.text(ctx, ".queue-box .reasons"); !strings.Contains(got, "draft") {
		t.Errorf("reasons on the record's page: %q", got)
	}
	if status := b.follow(ctx, "back to the queue", chromedp.Click(chromedp.CSS(`.queue-nav a[href="/review?reason=draft"]`))); status != 200 {
		t.Fatalf("back: %d", status)
	}
	if status := b.follow(ctx, "publish from the queue", chromedp.Click(chromedp.CSS(`form[action="/documents/`+id+`/publish"] button`))); status != 200 {
		t.Fatalf("publish: %d", status)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('ol.queue a[href^="/documents/`+id+`"]').length`)); err != nil || n != 0 {
		t.Errorf("still in the draft queue after publishing: %d %v", n, err)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/review?reason=draft") {
		t.Errorf("after publishing, at %s, not back in the queue", loc)
	}

	anon, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if status := b.follow(anon, "anonymous", chromedp.Navigate(ts.URL+"/documents/"+id)); status != 200 {
		t.Fatalf("anonymous read: %d", status)
	}
	if got := b.text(anon, "article.document h1"); got != "Ciphered telegram from Shtykov to Vyshinsky on the loan" {
		t.Errorf("readers see %q", got)
	}
	if got := b.text(anon, "article.document .date"); !strings.Contains(got, "February 8, 1950") {
		t.Errorf("readers see the date %q", got)
	}

	// The history shows the upload, the edit and the publication; restoring
	// the upload's revision undoes the correction as a new revision.
	if status := b.follow(ctx, "history", chromedp.Navigate(ts.URL+"/documents/"+id+"/history")); status != 200 {
		t.Fatalf("history: %d", status)
	}
	b.run(ctx, "history page", chromedp.WaitVisible(chromedp.CSS("ol.history")), b.shot("history"))
	if got := b.text(ctx, "ol.history"); !strings.Contains(got, "Revision 1: upload") || !strings.Contains(got, "Revision 2: edit") ||
		!strings.Contains(got, "Revision 3: publication") || !strings.Contains(got, "received the next day") {
		t.Errorf("history reads %q", got)
	}
	if status := b.follow(ctx, "restore revision 1", chromedp.Click(chromedp.CSS(`#r1 form button`))); status != 200 {
		t.Fatalf("restore: %d", status)
	}
	rec, err = st.Get(context.Background(), id)
	if err != nil || rec.Revision != 4 || rec.Title != "Ciphered Telegram, Shtykov to Vyshinsky" || rec.Date.EDTF != "1950-02-07" || rec.Status != record.Published {
		t.Errorf("after restoring revision 1: revision %d %q %q %s %v", rec.Revision, rec.Title, rec.Date.EDTF, rec.Status, err)
	}
}
