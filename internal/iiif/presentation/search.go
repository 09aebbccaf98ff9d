package presentation

import "fmt"

// Hit is one place a search matched: a line of OCR on a canvas (Line is its
// index, as in LineID) and the words matched in it, with the text before
// and after them for a snippet.
type Hit struct {
	CanvasID   string
	Line       int
	Text       string // the line's whole text
	X, Y, W, H int    // the line's region
	Prefix     string
	Exact      string
	Suffix     string
}

// SearchSpec is the answer to a Content Search 2 request.
type SearchSpec struct {
	ID       string // the request's URI, query included
	Language string // of the OCR text, if known
	Hits     []Hit
	// Ignored are the request's parameters the service did not use
	// (motivation, date, user), which the answer must list.
	Ignored []string
}

// NewSearchPage builds the AnnotationPage a search answers: in items, each
// matching line once, as the supplementing annotation the manifest has
// (same id, text and region), so a viewer highlights its region on the
// page; in annotations, one highlighting annotation per hit, whose
// TextQuoteSelector says which words of the line matched.
func NewSearchPage(spec SearchSpec) (*AnnotationPage, error) {
	if err := checkURI("search id", spec.ID); err != nil {
		return nil, err
	}
	page := &AnnotationPage{Context: SearchContext, ID: spec.ID, Type: "AnnotationPage", Ignored: spec.Ignored, Items: []Annotation{}}
	var matches []Annotation
	seen := map[string]bool{}
	for i, h := range spec.Hits {
		if err := checkURI("hit canvas", h.CanvasID); err != nil {
			return nil, err
		}
		if h.Exact == "" || h.W <= 0 || h.H <= 0 {
			return nil, fmt.Errorf("iiif: hit %d: needs the matched words and a region", i+1)
		}
		id := LineID(h.CanvasID, h.Line)
		if !seen[id] {
			seen[id] = true
			page.Items = append(page.Items, Annotation{
				ID: id, Type: "Annotation", Motivation: "supplementing",
				Body:   TextualBody{Type: "TextualBody", Value: h.Text, Format: "text/plain", Language: languages(spec.Language)},
				Target: Region(h.CanvasID, h.X, h.Y, h.W, h.H),
			})
		}
		matches = append(matches, Annotation{
			ID: fmt.Sprintf("%s#match-%d", spec.ID, i+1), Type: "Annotation", Motivation: "highlighting",
			Target: SpecificResource{Type: "SpecificResource", Source: id,
				Selector: []TextQuoteSelector{{Type: "TextQuoteSelector", Prefix: h.Prefix, Exact: h.Exact, Suffix: h.Suffix}}},
		})
	}
	if len(matches) > 0 {
		page.Annotations = []AnnotationPage{{Type: "AnnotationPage", Items: matches}}
	}
	return page, nil
}
