package web

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"fond/internal/store"
)

// TestBrowserScreenshots takes the pictures of the main pages that
// docs/screenshots/ holds, on the seed documents and the sample folder, as a
// reader and as a signed-in editor. Each page must answer 200 with its
// heading shown. To refresh the committed pictures:
//
//	FOND_ARTIFACTS=$PWD/docs/screenshots go test ./internal/web -run BrowserScreenshots
func TestBrowserScreenshots(t *testing.T) {
	chromium(t) // skips, saying so, before any work when there is none
	ts, st, doc := seedServer(t)
	if err := st.AddAccount(context.Background(), store.Account{Name: "editor1", Role: store.RoleEditor, Hash: hashOnce()}); err != nil {
		t.Fatal(err)
	}

	reader := []struct{ name, path string }{
		{"home", "/"}, {"search", "/search?q=Stalin"}, {"document", "/documents/" + doc.ID},
		{"person", "/people/Stalin"}, {"place", "/places/Pyongyang"}, {"map", "/map"}, {"timeline", "/timeline"},
		{"subjects", "/subjects"},
	}
	if len(doc.Editions) > 0 {
		reader = append(reader, struct{ name, path string }{"compare", "/compare?a=" + doc.ID + "&b=" + doc.Editions[0]})
	} else {
		t.Error("the seed meeting has no other edition to compare")
	}
	staff := []struct{ name, path string }{{"review", "/review"}, {"edit", "/documents/" + doc.ID + "/edit"},
		{"edit-subjects", "/documents/" + doc.ID + "/edit#f-subjects"}}

	bctx, b := newBrowser(t)
	// Tall enough that the search page's facets, subjects among them, show.
	b.run(bctx, "viewport", chromedp.EmulateViewport(1280, 1600))
	take := func(name, path string) {
		t.Helper()
		page, part, _ := strings.Cut(path, "#")
		if status := b.follow(bctx, path, chromedp.Navigate(ts.URL+page)); status != 200 {
			t.Errorf("%s: %d", path, status)
			return
		}
		// The first screen, as a reader meets the page (a long document's
		// whole length would be megabytes of picture).
		b.run(bctx, path, chromedp.WaitVisible(chromedp.CSS("h1")))
		if part != "" { // a part of the page, at the top of the picture
			if _, err := chromedp.Run(bctx, chromedp.Evaluate[any](`document.getElementById(`+strconv.Quote(part)+`).scrollIntoView(); true`)); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = writeFile(b.shots, name+".png", png)
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		st, err := os.Stat(filepath.Join(b.shots, name+".png"))
		if err != nil || st.Size() < 10_000 {
			t.Errorf("%s: no picture of the page (%v)", name, err)
		}
	}
	for _, p := range reader {
		take(p.name, p.path)
	}
	// The reading room in Russian (the switch's cookie keeps it), then back
	// to English for the staff pages.
	take("search-ru", "/search?q="+url.QueryEscape("Сталин")+"&lang=ru")
	take("document-ru", "/documents/"+doc.ID)
	b.run(bctx, "back to English", chromedp.Navigate(ts.URL+"/?lang=en"))
	b.signIn(bctx, ts.URL, "editor1")
	for _, p := range staff {
		take(p.name, p.path)
	}
}
