package presentation

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", name, got)
	}
}

const base = "https://archive.example.org"

// telegram is a two-page scanned telegram with OCR lines on its first page;
// clients/test/iiif.test.mjs parses the golden files made from it with
// @iiif/parser.
func telegram() ManifestSpec {
	doc := base + "/iiif/5d1f0c2a9b3e4f70"
	return ManifestSpec{
		Description: Description{
			ID: doc + "/manifest", Label: "Ciphered telegram, Shtykov to Vyshinsky", Language: "en",
			Summary: "Kim Il Sung asks to visit Moscow.",
			Metadata: []Pair{
				{"Date", "1950-01-19"}, {"Archival reference", "AVP RF, f. 059a, op. 5a, d. 3, p. 11, ll. 87-91"},
				{"Translator", "Kathryn Weathersby"}, {"Empty values are left out", ""},
			},
			Rights:            "http://rightsstatements.org/vocab/CNE/1.0/",
			RequiredStatement: &Pair{"Attribution", "Archive of the Foreign Policy of the Russian Federation"},
			Homepage:          &Link{ID: base + "/documents/5d1f0c2a9b3e4f70", Type: "Text", Label: "Ciphered telegram", Format: "text/html"},
		},
		TextLanguage: "ru",
		SeeAlso: []Link{
			{ID: base + "/documents/5d1f0c2a9b3e4f70/tei", Type: "Dataset", Label: "TEI P5", Format: "application/tei+xml", Profile: "http://www.tei-c.org/ns/1.0"},
			{ID: base + "/documents/5d1f0c2a9b3e4f70/cite.ris", Type: "Dataset", Label: "RIS citation", Format: "application/x-research-info-systems"},
		},
		PartOf:        []Link{{ID: base + "/iiif/collection/korean-war", Type: "Collection", Label: "The Korean War"}},
		SearchService: doc + "/search",
		Canvases: []CanvasSpec{
			{
				ID: doc + "/canvas/1", Label: "1", Width: 2480, Height: 3508, ImageService: base + "/iiif/image/9f86d081884c7d65/1",
				Lines: []Line{
					{"ШИФРТЕЛЕГРАММА", 980, 310, 520, 48},
					{"   ", 100, 400, 300, 40},              // no text: left out
					{"Строго секретно", 1800, 420, 900, 44}, // past the right edge: kept to the canvas
					{"Ким Ир Сен просит принять его", 250, 600, 1400, 46},
					{"nowhere", 3000, 4000, 10, 10}, // outside the canvas: left out
				},
			},
			{ID: doc + "/canvas/2", Label: "2", Width: 2480, Height: 3508, ImageService: base + "/iiif/image/9f86d081884c7d65/2"},
		},
	}
}

func TestManifestGolden(t *testing.T) {
	m, err := NewManifest(telegram())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "manifest.json", m)
}

func TestManifest(t *testing.T) {
	m, err := NewManifest(telegram())
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Items) != 2 || m.Items[0].Width != 2480 {
		t.Fatalf("canvases %+v", m.Items)
	}
	paint := m.Items[0].Items[0].Items[0]
	body := paint.Body.(ImageBody)
	if paint.Motivation != "painting" || paint.Target != m.Items[0].ID || body.Service[0].Type != "ImageService3" ||
		body.ID != base+"/iiif/image/9f86d081884c7d65/1/full/max/0/default.jpg" {
		t.Errorf("painting annotation %+v", paint)
	}
	ocr := m.Items[0].Annotations[0].Items
	if len(ocr) != 3 {
		t.Fatalf("%d OCR lines, want 3 (blank and outside lines left out)", len(ocr))
	}
	for i, want := range []struct{ id, target string }{
		{"/canvas/1/ocr/1", "/canvas/1#xywh=980,310,520,48"},
		{"/canvas/1/ocr/3", "/canvas/1#xywh=1800,420,680,44"},
		{"/canvas/1/ocr/4", "/canvas/1#xywh=250,600,1400,46"},
	} {
		a := ocr[i]
		if a.Motivation != "supplementing" || !strings.HasSuffix(a.ID, want.id) || !strings.HasSuffix(a.Target.(string), want.target) {
			t.Errorf("line %d: %s → %v, want …%s → …%s", i, a.ID, a.Target, want.id, want.target)
		}
		if b := a.Body.(TextualBody); len(b.Language) != 1 || b.Language[0] != "ru" || b.Format != "text/plain" {
			t.Errorf("line %d body %+v", i, b)
		}
	}
	if len(m.Items[1].Annotations) != 0 {
		t.Error("a page without OCR has an annotation page")
	}
	if len(m.Metadata) != 3 {
		t.Errorf("metadata %v: the empty pair should be left out", m.Metadata)
	}
	ctx, ok := m.Context.([]string)
	if !ok || ctx[len(ctx)-1] != Context || m.Service[0].Type != "SearchService2" {
		t.Errorf("with a search service: @context %v, service %v", m.Context, m.Service)
	}
	spec := telegram()
	spec.SearchService = ""
	if m, _ := NewManifest(spec); m.Context != Context || m.Service != nil {
		t.Errorf("without a search service: @context %v", m.Context)
	}
}

func TestManifestErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*ManifestSpec)
		want   string
	}{
		{"relative id", func(s *ManifestSpec) { s.ID = "/iiif/x/manifest" }, "absolute"},
		{"no label", func(s *ManifestSpec) { s.Label = "" }, "label"},
		{"no canvases", func(s *ManifestSpec) { s.Canvases = nil }, "at least one canvas"},
		{"rights", func(s *ManifestSpec) { s.Rights = "Public domain" }, "rightsstatements"},
		{"canvas size", func(s *ManifestSpec) { s.Canvases[1].Height = 0 }, "canvas 2"},
		{"canvas fragment", func(s *ManifestSpec) { s.Canvases[0].ID += "#p1" }, "fragment"},
		{"same canvas", func(s *ManifestSpec) { s.Canvases[1].ID = s.Canvases[0].ID }, "repeats"},
		{"image service", func(s *ManifestSpec) { s.Canvases[0].ImageService = "iiif/image/1" }, "image service"},
		{"homepage", func(s *ManifestSpec) { s.Homepage.ID = "documents/1" }, "homepage"},
		{"seeAlso type", func(s *ManifestSpec) { s.SeeAlso[0].Type = "" }, "needs a type"},
		{"search", func(s *ManifestSpec) { s.SearchService = "ftp://x/search" }, "search service"},
	} {
		spec := telegram()
		tc.change(&spec)
		_, err := NewManifest(spec)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want …%s…", tc.name, err, tc.want)
		}
	}
}

func TestCollection(t *testing.T) {
	spec := CollectionSpec{
		Description: Description{
			ID: base + "/iiif/collection/korean-war", Label: "The Korean War", Language: "en",
			Summary:  "Documents on the origins of the Korean War.",
			Homepage: &Link{ID: base + "/collections/korean-war", Type: "Text", Format: "text/html"},
		},
		Items: []Ref{
			{ID: base + "/iiif/5d1f0c2a9b3e4f70/manifest", Type: "Manifest", Label: "Ciphered telegram, Shtykov to Vyshinsky"},
			{ID: base + "/iiif/collection/korean-war-1950", Type: "Collection", Label: "1950"},
		},
	}
	c, err := NewCollection(spec)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "collection.json", c)
	for _, bad := range []Ref{
		{ID: base + "/x", Type: "Canvas", Label: "x"}, {ID: "x", Type: "Manifest", Label: "x"}, {ID: base + "/x", Type: "Manifest"},
	} {
		spec.Items = []Ref{bad}
		if _, err := NewCollection(spec); err == nil {
			t.Errorf("item %+v accepted", bad)
		}
	}
	spec.Items = nil
	if c, err := NewCollection(spec); err != nil || c.Items == nil {
		t.Errorf("an empty collection: %v, items %v (want [])", err, c.Items)
	}
}

func TestSearch(t *testing.T) {
	doc := base + "/iiif/5d1f0c2a9b3e4f70"
	line := Hit{CanvasID: doc + "/canvas/1", Line: 3, Text: "Ким Ир Сен просит принять его", X: 250, Y: 600, W: 1400, H: 46}
	h1, h2 := line, line
	h1.Exact, h1.Suffix = "Ким", " Ир Сен просит"
	h2.Prefix, h2.Exact, h2.Suffix = "Ким Ир Сен ", "просит", " принять его"
	page, err := NewSearchPage(SearchSpec{ID: doc + "/search?q=" + url.QueryEscape("Ким просит"), Language: "ru", Hits: []Hit{h1, h2}, Ignored: []string{"user"}})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "search.json", page)
	if len(page.Items) != 1 || page.Items[0].ID != doc+"/canvas/1/ocr/4" {
		t.Errorf("items %+v: want the one line, with the manifest's id for it", page.Items)
	}
	if got := page.Annotations[0].Items; len(got) != 2 || got[1].Target.(SpecificResource).Source != page.Items[0].ID {
		t.Errorf("highlights %+v", got)
	}
	// The manifest has the annotation the hit names.
	m, _ := NewManifest(telegram())
	found := false
	for _, a := range m.Items[0].Annotations[0].Items {
		found = found || (a.ID == page.Items[0].ID && a.Target == page.Items[0].Target)
	}
	if !found {
		t.Error("the hit's annotation is not the manifest's")
	}
	empty, err := NewSearchPage(SearchSpec{ID: doc + "/search?q=none"})
	if err != nil || empty.Items == nil || empty.Annotations != nil {
		t.Errorf("no hits: %+v, %v", empty, err)
	}
	if _, err := NewSearchPage(SearchSpec{ID: doc + "/search?q=x", Hits: []Hit{{CanvasID: doc + "/canvas/1", W: 1, H: 1}}}); err == nil {
		t.Error("a hit without matched words accepted")
	}
}
