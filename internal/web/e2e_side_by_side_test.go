package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/testutil"
)

// A scanned English telegram, ingested as a reader's archive would be, and a
// Russian translation linked to it as an edition: on the side-by-side page,
// pointing at a translated paragraph marks the original's paragraph and its
// region on the scan's page, and only that row's; focusing the paragraph's
// link from the keyboard does the same. The page passes axe.
func TestBrowserSideBySide(t *testing.T) {
	exe := chromium(t)
	testutil.NeedPrograms(t, "pdftoppm", "pdftotext", "tesseract")
	axe := axeSource(t)
	st, ids := scannedArchive(t, nil)
	id, ctx := ids["scanned-telegram.pdf"], context.Background()
	tr := record.Record{ID: "tr-ru", Title: "Шифротелеграмма Штыкова Вышинскому", Type: "Telegram", Category: record.Primary,
		Languages: record.Languages{Text: "ru", Original: "en"},
		Body: "Шифротелеграмма, Штыков Вышинскому\n\n9 февраля 1950\n\n" +
			"Ким Ир Сен снова спросил о сессии Верховного Народного Собрания и о кредите на оборудование трёх дивизий."}
	if _, err := st.PutFile(ctx, store.File{Path: "/in/tr-ru.txt", Format: "text", Records: []record.Record{tr},
		Original: store.Original{Checksum: "sha256:tr-ru", Name: "tr-ru.txt", Data: []byte(tr.Body)},
		Editions: []store.EditionLink{{A: id, B: tr.ID, Reason: "a translation"}}}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv.Limits.IIIFCacheDir = t.TempDir()
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	bctx := browserContext(t, exe, 120*time.Second)
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// From the translation's page, its link to the side-by-side page.
	run("translation's page", chromedp.Navigate(ts.URL+"/documents/"+tr.ID),
		chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll("a")].find(a => a.textContent === "side by side with the original")`)),
		chromedp.WaitVisible(chromedp.CSS("table.sbs")))
	where, err := chromedp.Run(bctx, chromedp.Evaluate[string](`location.pathname + location.search`))
	if err != nil || where != "/documents/"+tr.ID+"/side-by-side?with="+url.QueryEscape(id) {
		t.Fatalf("the link led to %q (%v)", where, err)
	}
	// The page images of the boxes are drawn before anything is pointed at.
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`[...document.querySelectorAll('.locator img')].length > 0 &&
		[...document.querySelectorAll('.locator img')].every(i => i.complete && i.naturalWidth > 100)`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the scan's page is not shown beside the original: %v", err)
	}
	// marks reads, row by row, whether the original's cell is marked and
	// whether its box on the page is drawn as marked.
	const marks = `[...document.querySelectorAll('tr.sbs-unit')].map(r => {
		const o = r.querySelector('.sbs-orig'), b = r.querySelector('.locator .box');
		return {orig: o.textContent, trans: r.querySelector('.sbs-trans').textContent,
			marked: getComputedStyle(o).backgroundColor === 'rgb(255, 241, 168)',
			box: b ? getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth : ''};
	})`
	type row struct {
		Orig, Trans, Box string
		Marked           bool
	}
	before, err := chromedp.Run(bctx, chromedp.Evaluate[[]row](marks))
	if err != nil || len(before) < 2 {
		t.Fatalf("rows: %v %v", before, err)
	}
	for _, r := range before {
		if r.Marked || strings.HasPrefix(r.Box, "solid") {
			t.Errorf("a row is marked before anything is pointed at: %+v", r)
		}
	}
	// Point at the translated paragraph of the telegram's request.
	center, err := chromedp.Run(bctx, chromedp.Evaluate[[]float64](`(() => {
		const td = [...document.querySelectorAll('.sbs-trans')].find(td => td.textContent.includes('Ким Ир Сен'));
		td.scrollIntoView({block: 'center'});
		const r = td.querySelector('p').getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})()`))
	if err != nil || len(center) != 2 {
		t.Fatalf("the translated paragraph: %v %v", center, err)
	}
	run("hover", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, center[0], center[1]))
	after, err := chromedp.Run(bctx, chromedp.Evaluate[[]row](marks))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range after {
		pointed := strings.Contains(r.Trans, "Ким Ир Сен")
		found = found || pointed
		switch {
		case pointed && (!r.Marked || !strings.Contains(r.Orig, "Supreme") || r.Box != "solid 3px"):
			t.Errorf("the pointed row's original is not marked on the text and the scan: %+v", r)
		case !pointed && (r.Marked || strings.HasPrefix(r.Box, "solid")):
			t.Errorf("a row not pointed at is marked: %+v", r)
		}
	}
	if !found {
		t.Fatalf("no row holds the translated paragraph: %+v", after)
	}
	if shot, err := chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS("table.sbs"))); err == nil {
		os.WriteFile(filepath.Join(artifacts(t), "side-by-side-scan.png"), shot, 0o644)
	}
	// The keyboard: the pointer away, the first link to an original's
	// paragraph focused marks that row, and only it.
	run("focus", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 1, 1), chromedp.Focus(chromedp.CSS("tr.sbs-unit .to-orig")))
	at, err := chromedp.Run(bctx, chromedp.Evaluate[int](`[...document.querySelectorAll('tr.sbs-unit')].indexOf(document.activeElement.closest('tr'))`))
	if err != nil || at < 0 {
		t.Fatalf("focus: %d %v", at, err)
	}
	focused, err := chromedp.Run(bctx, chromedp.Evaluate[[]row](marks))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range focused {
		if r.Marked != (i == at) {
			t.Errorf("row %d with the focus on row %d: marked %v: %+v", i, at, r.Marked, r)
		}
	}
	checkAxe(t, bctx, axe, "the side-by-side page of a scan and its translation")
}
