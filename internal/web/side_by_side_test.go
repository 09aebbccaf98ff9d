package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// sideBySideFixture stores a Russian telegram and its English translation
// (linked as editions as ingest links them, the translator splitting one paragraph in two), and a
// scanned Russian original with OCR line boxes and its translation.
func sideBySideFixture(t *testing.T, st store.Store) {
	t.Helper()
	ru := record.Record{ID: "ru1", Title: "Телеграмма Штыкова", Type: "Telegram", Category: record.Primary,
		Languages: record.Languages{Text: "ru"},
		Body:      "Телеграмма Штыкова Вышинскому.\n\nКим Ир Сен снова спросил о кредите <script>alert(1)</script> на 1950 год. Он просил ответа.\n\nШтыков доложил 9 февраля."}
	en := record.Record{ID: "en1", Title: "Telegram from Shtykov", Type: "Telegram", Category: record.Primary,
		Languages: record.Languages{Text: "en", Original: "ru"}, Translators: []string{"A. Translator"},
		Body: "Telegram from Shtykov to Vyshinsky.\n\nKim Il Sung asked again about the credit <script>alert(1)</script> for 1950.\n\nHe asked for an answer.\n\nShtykov reported on 9 February."}
	scan := record.Record{ID: "scan1", Title: "Телеграмма (скан)", Type: "Telegram", Category: record.Primary,
		Languages: record.Languages{Text: "ru"}, TextFrom: "ocr",
		Body: "Телеграмма Штыкова Вышинскому.\n\nКим Ир Сен снова спросил о кредите\nна 1950 год.",
		Pages: []record.Page{{N: 1, Width: 1000, Height: 1400, Lines: []record.Line{
			{Text: "Телеграмма Штыкова Вышинскому.", XYWH: [4]int{100, 100, 600, 40}},
			{Text: "Ким Ир Сен снова спросил о кредите", XYWH: [4]int{100, 200, 700, 40}},
			{Text: "на 1950 год.", XYWH: [4]int{100, 250, 300, 40}},
		}}}}
	en2 := record.Record{ID: "en2", Title: "Telegram (translation of the scan)", Type: "Telegram", Category: record.Primary,
		Languages: record.Languages{Text: "en", Original: "ru"},
		Body:      "Telegram from Shtykov to Vyshinsky.\n\nKim Il Sung asked again about the credit for 1950."}
	for _, f := range []store.File{
		{Path: "/in/ru1.txt", Format: "text", Records: []record.Record{ru}, Original: store.Original{Checksum: "sha256:ru1", Name: "ru1.txt", Data: []byte(ru.Body)}},
		{Path: "/in/en1.txt", Format: "text", Records: []record.Record{en}, Original: store.Original{Checksum: "sha256:en1", Name: "en1.txt", Data: []byte(en.Body)},
			Editions: []store.EditionLink{{A: "ru1", B: "en1", Reason: "a translation"}}},
		{Path: "/in/scan1.pdf", Format: "pdf", Records: []record.Record{scan}, Original: store.Original{Checksum: "sha256:scan1", Name: "scan1.pdf", Data: []byte("%PDF-1.4 not rendered in this test")}},
		{Path: "/in/en2.txt", Format: "text", Records: []record.Record{en2}, Original: store.Original{Checksum: "sha256:en2", Name: "en2.txt", Data: []byte(en2.Body)},
			Editions: []store.EditionLink{{A: "scan1", B: "en2", Reason: "a translation"}}},
	} {
		if _, err := st.PutFile(context.Background(), f); err != nil {
			t.Fatal(err)
		}
	}
}

func sideBySideServer(t *testing.T, budget int64) string {
	t.Helper()
	_, st := newServer(t)
	sideBySideFixture(t, st)
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv.Limits.CompareBudget = budget
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// rows cuts a side-by-side page into its rows, each its two cells' text.
func sbsRows(t *testing.T, body string) [][2]string {
	t.Helper()
	parts := strings.Split(body, `<tr class="sbs-unit`)
	var out [][2]string
	for _, p := range parts[1:] {
		p = p[:strings.Index(p, "</tr>")]
		i := strings.Index(p, `class="sbs-trans"`)
		if i < 0 {
			t.Fatalf("a row without a translation cell: %s", p)
		}
		out = append(out, [2]string{p[:i], p[i:]})
	}
	return out
}

// The original stands on the left whichever edition the address names, each
// row holds paragraphs that say the same (the paragraph the translator split
// stays in one row), and the texts are escaped.
func TestSideBySidePairsParagraphs(t *testing.T) {
	base := sideBySideServer(t, 0)
	for _, path := range []string{"/documents/en1/side-by-side?with=ru1", "/documents/ru1/side-by-side?with=en1"} {
		code, _, body := get(t, base+path)
		if code != 200 {
			t.Fatalf("%s: status %d", path, code)
		}
		if err := checkHTML(body); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the texts are not escaped", path)
		}
		if !strings.Contains(body, "Original (Russian)") || !strings.Contains(body, "Translation (English)") {
			t.Errorf("%s: the columns do not say which is the original", path)
		}
		rows := sbsRows(t, body)
		want := [][2][]string{
			{{"Телеграмма Штыкова Вышинскому."}, {"Telegram from Shtykov to Vyshinsky."}},
			{{"Ким Ир Сен снова спросил", "Он просил ответа."}, {"Kim Il Sung asked again", "He asked for an answer."}},
			{{"Штыков доложил 9 февраля."}, {"Shtykov reported on 9 February."}},
		}
		if len(rows) != len(want) {
			t.Fatalf("%s: %d rows, want %d:\n%q", path, len(rows), len(want), rows)
		}
		for i, w := range want {
			for side := range 2 {
				for _, s := range w[side] {
					if !strings.Contains(rows[i][side], s) {
						t.Errorf("%s: row %d, side %d lacks %q: %q", path, i+1, side, s, rows[i][side])
					}
				}
			}
			// The translation's paragraph links to the original's.
			if !strings.Contains(rows[i][1], `href="#o-`) || !strings.Contains(rows[i][0], `id="o-`) {
				t.Errorf("%s: row %d: no link from the translation to the original's paragraph", path, i+1)
			}
		}
		if strings.Count(rows[1][1], "<p>") != 2 {
			t.Errorf("%s: the split paragraph is not two paragraphs of one row: %q", path, rows[1][1])
		}
		if !strings.Contains(rows[0][0], `lang="ru"`) || !strings.Contains(rows[0][1], `lang="en"`) {
			t.Errorf("%s: cells do not say their language", path)
		}
	}
	// The document pages link to it, saying which side the other is.
	for id, want := range map[string]string{"en1": "side by side with the original", "ru1": "side by side with this translation"} {
		_, _, body := get(t, base+"/documents/"+id)
		other := map[string]string{"en1": "ru1", "ru1": "en1"}[id]
		if !strings.Contains(body, `href="/documents/`+id+`/side-by-side?with=`+other+`">`+want+`</a>`) {
			t.Errorf("/documents/%s does not link %q", id, want)
		}
	}
}

// A scanned original: each row's original shows its page with the region of
// the row's lines boxed (the union of the lines the paragraph spans).
func TestSideBySideScanRegion(t *testing.T) {
	base := sideBySideServer(t, 0)
	code, _, body := get(t, base+"/documents/en2/side-by-side?with=scan1")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	rows := sbsRows(t, body)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	for i, box := range []string{"left: 10.000%; top: 7.143%; width: 60.000%; height: 2.857%", "left: 10.000%; top: 14.286%; width: 70.000%; height: 6.429%"} {
		if !strings.Contains(rows[i][0], box) || !strings.Contains(rows[i][0], `src="/iiif/image/scan1/1/full/!600,600/0/default.jpg"`) {
			t.Errorf("row %d: not its region %q on page 1: %s", i+1, box, rows[i][0])
		}
	}
	if !strings.Contains(body, "where it stands on the page of the scan") {
		t.Error("the page does not say the scan's regions are marked")
	}
}

// --compare-budget bounds the page like /compare: past it the rest is shown
// unaligned, every paragraph still there; a missing or unknown ?with= is
// refused.
func TestSideBySideBounded(t *testing.T) {
	base := sideBySideServer(t, 1)
	code, _, body := get(t, base+"/documents/en1/side-by-side?with=ru1")
	if code != 200 || !strings.Contains(body, "The rest was not aligned: over the comparison budget") {
		t.Fatalf("status %d, no notice:\n%s", code, body)
	}
	for _, s := range []string{"Штыков доложил 9 февраля.", "He asked for an answer.", "Shtykov reported on 9 February."} {
		if !strings.Contains(body, s) {
			t.Errorf("%q missing from the unaligned rest", s)
		}
	}
	for path, want := range map[string]int{"/documents/en1/side-by-side": 400, "/documents/en1/side-by-side?with=en1": 400, "/documents/en1/side-by-side?with=nosuch": 404} {
		if code, _, _ := get(t, base+path); code != want {
			t.Errorf("%s: status %d, want %d", path, code, want)
		}
	}
}
