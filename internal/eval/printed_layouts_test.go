package eval

import (
	"context"
	"strings"
	"testing"

	"fond/internal/ingest/tei"
	"fond/internal/testutil"
)

// The short form of the layouts' evaluation: every 20th document of every
// volume as a telegram, a CIA release and a Wilson Center PDF's text.
func TestPrintedLayoutsShort(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	rep, err := PrintedLayouts(context.Background(), dir, LayoutOptions{Layouts: Layouts, Every: 20, Samples: 5})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log(b.String())
	if len(rep.Runs) != 2*len(Layouts) {
		t.Fatalf("%d runs, want dev and held-out of each layout", len(rep.Runs))
	}
	// Floors a little under what this sample measures (docs/evaluation.md
	// has every document); no layout prints the edition's document number.
	floors := map[string]map[string]float64{
		LayoutTelegram: {"title": 0.97, "date": 0.97, "reference": 0.97, "place": 0.97},
		LayoutCIA:      {"title": 0.95, "date": 0.96, "reference": 0.98, "place": 0.95},
		LayoutWilson:   {"title": 0.97, "date": 0.97, "reference": 0.97, "place": 0.96},
	}
	for _, run := range rep.Runs {
		for _, s := range run.Scores {
			if s.Field == "doc_number" && s.Checked > 0 {
				t.Errorf("%s %s: %d document numbers checked, none printed", run.Mode, run.Split, s.Checked)
			}
			if f, ok := floors[run.Mode][s.Field]; ok && (s.Checked == 0 || s.Rate < f) {
				t.Errorf("%s %s %s: %.1f%% (%d/%d), floor %.0f%%", run.Mode, run.Split, s.Field, 100*s.Rate, s.Correct, s.Checked, 100*f)
			}
		}
	}
}

// Each layout prints what it is scored on: the telegram its header block and
// the file stamped on it, the release its stamp atop and at the foot of every
// page, the Wilson Center text its header, citation and page numbers.
func TestSetLayouts(t *testing.T) {
	long := strings.Repeat("The minister spoke at length of the treaty and of the ports. ", 120)
	xml := `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1953v01"><text><body>` +
		`<div type="document" xml:id="d7" n="7"><head>The Ambassador in Japan (Murphy) to the Department of State` +
		`<note n="1" type="source">Source: Department of State, Central Files, 611.94/1-2453. Secret.</note></head>` +
		`<dateline><placeName>Tokyo</placeName>, <date when="1953-01-24">January 24, 1953</date>.</dateline>` +
		`<p>` + long + `</p><closer>Murphy</closer></div></body></text></TEI>`
	_, docs, err := tei.Read(context.Background(), strings.NewReader(xml), "test.xml")
	if err != nil || len(docs) != 1 {
		t.Fatalf("%d documents, %v", len(docs), err)
	}
	d := &docs[0]
	tel, g, ok := SetTelegram(d)
	if !ok || !strings.HasPrefix(tel, "DEPARTMENT OF STATE\nINCOMING TELEGRAM") || !strings.Contains(tel, "611.94/1-2453") ||
		!strings.Contains(tel, "FROM: Tokyo") || !strings.HasPrefix(g.Title, "Telegram ") || g.Date != "1953-01-24" || g.DocNumber != "" {
		t.Errorf("telegram %+v:\n%s", g, tel)
	}
	cia, g, _ := SetCIARelease(d)
	pages := 1 + strings.Count(cia, "\n- ")
	if stamps := strings.Count(cia, "Approved For Release"); pages < 2 || stamps != 2*pages || !strings.HasPrefix(g.Reference, "CIA-RDP") ||
		g.Title != d.Head || g.Place != "Tokyo" {
		t.Errorf("release: %d stamps on %d pages, gold %+v:\n%s", stamps, pages, g, cia)
	}
	wil, g, _ := SetWilson(d)
	if !strings.HasPrefix(wil, "Wilson Center Digital Archive\nJanuary 24, 1953\n"+d.Head) || !strings.Contains(wil, "Page 2 of 2") ||
		!strings.Contains(wil, "Original Archive: Department of State, Central Files, 611.94/1-2453") || g.Reference == "" {
		t.Errorf("wilson %+v:\n%s", g, wil)
	}
}
