package presentation

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Pair is a label and its value, in the spec's language.
type Pair struct {
	Label, Value string
}

// Link is a linked document: the record's page (homepage), its TEI or RIS
// (seeAlso), the collection it belongs to (partOf).
type Link struct {
	ID      string
	Type    string // "Text" for a page, "Dataset" for data; "Collection"
	Label   string
	Format  string // media type
	Profile string // a schema's URI, for seeAlso
}

// Line is a line of OCR text and where it is on the page, in the image's
// pixels.
type Line struct {
	Text       string
	X, Y, W, H int
}

// CanvasSpec is one page image.
type CanvasSpec struct {
	ID            string // the canvas URI; annotation ids are made under it
	Label         string // "1", "f. 23"
	Width, Height int    // the image's pixels
	// ImageService is the base URI of the page's IIIF Image API 3 service
	// (what info.json's id says).
	ImageService string
	Lines        []Line
}

// Description is what Manifests and Collections say of themselves.
type Description struct {
	ID       string
	Label    string
	Summary  string
	Language string // of the label, summary and metadata labels ("en"); "" is none
	// Metadata values (dates, references, names) are in no language.
	Metadata          []Pair
	Rights            string // a Creative Commons or RightsStatements.org URI
	RequiredStatement *Pair
	Homepage          *Link
}

func (d Description) build(typ string) (Descriptive, error) {
	if err := checkURI(strings.ToLower(typ)+" id", d.ID); err != nil {
		return Descriptive{}, err
	}
	if d.Label == "" {
		return Descriptive{}, fmt.Errorf("iiif: a %s needs a label", strings.ToLower(typ))
	}
	if err := checkRights(d.Rights); err != nil {
		return Descriptive{}, err
	}
	out := Descriptive{
		Context: Context, ID: d.ID, Type: typ,
		Label: Text(d.Language, d.Label), Metadata: pairs(d.Language, d.Metadata), Rights: d.Rights,
	}
	if d.Summary != "" {
		out.Summary = Text(d.Language, d.Summary)
	}
	if rs := d.RequiredStatement; rs != nil {
		out.RequiredStatement = &LabelValue{Label: Text(d.Language, rs.Label), Value: Text(d.Language, rs.Value)}
	}
	if d.Homepage != nil {
		var err error
		if out.Homepage, err = links(d.Language, "homepage", []Link{*d.Homepage}); err != nil {
			return Descriptive{}, err
		}
	}
	return out, nil
}

// ManifestSpec is what a Manifest says.
type ManifestSpec struct {
	Description
	// TextLanguage is the OCR text's language ("ru"), if known.
	TextLanguage string
	SeeAlso      []Link
	PartOf       []Link
	// SearchService is the URI of the Content Search 2 service of this
	// manifest, if there is one.
	SearchService string
	Canvases      []CanvasSpec
}

// NewManifest builds a Manifest: one Canvas per page, each painted with its
// image (the full image, with its image service for deep zoom) and, when
// it has OCR lines, supplementing annotations of their text targeting each
// line's region (#xywh=).
func NewManifest(spec ManifestSpec) (*Manifest, error) {
	d, err := spec.build("Manifest")
	if err != nil {
		return nil, err
	}
	if len(spec.Canvases) == 0 {
		return nil, errors.New("iiif: a manifest needs at least one canvas")
	}
	m := &Manifest{Descriptive: d}
	if m.SeeAlso, err = links(spec.Language, "seeAlso", spec.SeeAlso); err != nil {
		return nil, err
	}
	if m.PartOf, err = links(spec.Language, "partOf", spec.PartOf); err != nil {
		return nil, err
	}
	if spec.SearchService != "" {
		if err := checkURI("search service", spec.SearchService); err != nil {
			return nil, err
		}
		m.Context = []string{SearchContext, Context}
		m.Service = []Service{{ID: spec.SearchService, Type: "SearchService2"}}
	}
	seen := map[string]bool{}
	for i, c := range spec.Canvases {
		if seen[c.ID] {
			return nil, fmt.Errorf("iiif: canvas %d: id %s repeats an earlier canvas's", i+1, c.ID)
		}
		seen[c.ID] = true
		canvas, err := newCanvas(c, spec.TextLanguage)
		if err != nil {
			return nil, fmt.Errorf("iiif: canvas %d: %w", i+1, err)
		}
		m.Items = append(m.Items, canvas)
	}
	// The first page stands for the document in lists of manifests.
	first := spec.Canvases[0]
	m.Thumbnail = []ImageBody{{
		ID: first.ImageService + "/full/!200,200/0/default.jpg", Type: "Image", Format: "image/jpeg",
		Service: []Service{imageService(first.ImageService)},
	}}
	return m, nil
}

func newCanvas(c CanvasSpec, textLang string) (Canvas, error) {
	if err := checkURI("canvas id", c.ID); err != nil {
		return Canvas{}, err
	}
	if strings.Contains(c.ID, "#") {
		return Canvas{}, fmt.Errorf("canvas id %s has a fragment; regions are added to it", c.ID)
	}
	if c.Width <= 0 || c.Height <= 0 {
		return Canvas{}, fmt.Errorf("%d×%d: a canvas needs a width and a height", c.Width, c.Height)
	}
	if err := checkURI("image service", c.ImageService); err != nil {
		return Canvas{}, err
	}
	canvas := Canvas{ID: c.ID, Type: "Canvas", Width: c.Width, Height: c.Height}
	if c.Label != "" {
		canvas.Label = Text("none", c.Label)
	}
	canvas.Items = []AnnotationPage{{
		ID: c.ID + "/page", Type: "AnnotationPage",
		Items: []Annotation{{
			ID: c.ID + "/page/image", Type: "Annotation", Motivation: "painting",
			Body: ImageBody{
				ID: c.ImageService + "/full/max/0/default.jpg", Type: "Image", Format: "image/jpeg",
				Width: c.Width, Height: c.Height, Service: []Service{imageService(c.ImageService)},
			},
			Target: c.ID,
		}},
	}}
	if len(c.Lines) > 0 {
		page := LinesPage(c.ID, c.Width, c.Height, textLang, c.Lines)
		if len(page.Items) > 0 {
			canvas.Annotations = []AnnotationPage{page}
		}
	}
	return canvas, nil
}

func languages(lang string) []string {
	if lang == "" {
		return nil
	}
	return []string{lang}
}

func imageService(id string) Service {
	return Service{ID: id, Type: "ImageService3", Profile: "level2"}
}

// LinesPage is the AnnotationPage of a canvas's OCR lines, each a
// supplementing annotation whose body is the line's text and whose target
// is its region on the canvas. Lines with no text, or no area left once
// kept inside the canvas, are left out; the others keep their index in
// their ids, which search hits refer to.
func LinesPage(canvasID string, width, height int, lang string, lines []Line) AnnotationPage {
	page := AnnotationPage{ID: LinesPageID(canvasID), Type: "AnnotationPage", Items: []Annotation{}}
	for i, l := range lines {
		text := strings.TrimSpace(l.Text)
		x0, y0 := max(l.X, 0), max(l.Y, 0)
		x1, y1 := min(l.X+l.W, width), min(l.Y+l.H, height)
		if text == "" || x1 <= x0 || y1 <= y0 {
			continue
		}
		page.Items = append(page.Items, Annotation{
			ID: LineID(canvasID, i), Type: "Annotation", Motivation: "supplementing",
			Body:   TextualBody{Type: "TextualBody", Value: text, Format: "text/plain", Language: languages(lang)},
			Target: Region(canvasID, x0, y0, x1-x0, y1-y0),
		})
	}
	return page
}

// LinesPageID is the id of a canvas's page of OCR lines.
func LinesPageID(canvasID string) string { return canvasID + "/ocr" }

// LineID is the id of the annotation of line i (from 0) of a canvas.
func LineID(canvasID string, i int) string { return canvasID + "/ocr/" + strconv.Itoa(i+1) }

// Region is a canvas URI with a media fragment naming a rectangle of it.
func Region(canvasID string, x, y, w, h int) string {
	return fmt.Sprintf("%s#xywh=%d,%d,%d,%d", canvasID, x, y, w, h)
}

func pairs(lang string, ps []Pair) []LabelValue {
	var out []LabelValue
	for _, p := range ps {
		if p.Label == "" || p.Value == "" {
			continue
		}
		// Values are dates, references and names, in no language.
		out = append(out, LabelValue{Label: Text(lang, p.Label), Value: Text("none", p.Value)})
	}
	return out
}

func links(lang, what string, ls []Link) ([]Resource, error) {
	var out []Resource
	for _, l := range ls {
		if err := checkURI(what, l.ID); err != nil {
			return nil, err
		}
		if l.Type == "" {
			return nil, fmt.Errorf("iiif: %s %s needs a type (Text, Dataset, Collection…)", what, l.ID)
		}
		r := Resource{ID: l.ID, Type: l.Type, Format: l.Format, Profile: l.Profile}
		if l.Label != "" {
			r.Label = Text(lang, l.Label)
		}
		out = append(out, r)
	}
	return out, nil
}

func checkURI(what, s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("iiif: %s %q: want an absolute http(s) URI", what, s)
	}
	return nil
}

// checkRights holds rights to what the specification allows: a Creative
// Commons licence or a RightsStatements.org statement (viewers show an
// icon for them).
func checkRights(s string) error {
	if s == "" {
		return nil
	}
	for _, prefix := range []string{"http://creativecommons.org/", "https://creativecommons.org/", "http://rightsstatements.org/vocab/"} {
		if strings.HasPrefix(s, prefix) {
			return nil
		}
	}
	return fmt.Errorf("iiif: rights %q: want a creativecommons.org licence or a rightsstatements.org/vocab statement URI", s)
}
