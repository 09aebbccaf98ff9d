// Package presentation builds IIIF Presentation API 3.0 documents
// (https://iiif.io/api/presentation/3.0/) — Manifests and Collections — and
// the AnnotationPage answers of the Content Search API 2.0
// (https://iiif.io/api/search/2.0/). Pure: it takes plain values (labels,
// pairs, canvases with their image service and OCR lines) and returns
// structs ready for encoding/json; it knows nothing of records or HTTP.
package presentation

// Context is the JSON-LD context of Presentation 3 documents.
const Context = "http://iiif.io/api/presentation/3/context.json"

// SearchContext is the context of Content Search 2 terms (SearchService2):
// extension contexts come before the Presentation context, which is last.
const SearchContext = "http://iiif.io/api/search/2/context.json"

// Lang is a language map: {"en": ["Telegram"]}; "none" when the language is
// not known or the value has none (a date, a reference).
type Lang map[string][]string

// Text is a language map of one value; lang "" is "none".
func Text(lang, value string) Lang {
	if lang == "" {
		lang = "none"
	}
	return Lang{lang: {value}}
}

// LabelValue is an entry of metadata, and a requiredStatement.
type LabelValue struct {
	Label Lang `json:"label"`
	Value Lang `json:"value"`
}

// Resource is a linked resource: homepage, seeAlso, partOf, an item of a
// Collection, a thumbnail.
type Resource struct {
	ID      string     `json:"id"`
	Type    string     `json:"type"`
	Label   Lang       `json:"label,omitempty"`
	Format  string     `json:"format,omitempty"`
	Profile string     `json:"profile,omitempty"`
	Service []Service  `json:"service,omitempty"`
	Items   []Resource `json:"items,omitempty"`
}

// Service is a service reference: an image service, a search service.
type Service struct {
	ID      string    `json:"id"`
	Type    string    `json:"type"`
	Profile string    `json:"profile,omitempty"`
	Service []Service `json:"service,omitempty"`
}

// Descriptive are the properties Manifests and Collections share.
type Descriptive struct {
	Context           any          `json:"@context"`
	ID                string       `json:"id"`
	Type              string       `json:"type"`
	Label             Lang         `json:"label"`
	Summary           Lang         `json:"summary,omitempty"`
	Metadata          []LabelValue `json:"metadata,omitempty"`
	Rights            string       `json:"rights,omitempty"`
	RequiredStatement *LabelValue  `json:"requiredStatement,omitempty"`
	Homepage          []Resource   `json:"homepage,omitempty"`
}

// Manifest is a Presentation 3 Manifest.
type Manifest struct {
	Descriptive
	Thumbnail []ImageBody `json:"thumbnail,omitempty"`
	SeeAlso   []Resource  `json:"seeAlso,omitempty"`
	PartOf    []Resource  `json:"partOf,omitempty"`
	Service   []Service   `json:"service,omitempty"`
	Items     []Canvas    `json:"items"`
}

// Collection is a Presentation 3 Collection.
type Collection struct {
	Descriptive
	Items []Resource `json:"items"`
}

// Canvas is one page.
type Canvas struct {
	ID          string           `json:"id"`
	Type        string           `json:"type"`
	Label       Lang             `json:"label,omitempty"`
	Width       int              `json:"width"`
	Height      int              `json:"height"`
	Thumbnail   []ImageBody      `json:"thumbnail,omitempty"`
	Items       []AnnotationPage `json:"items"`
	Annotations []AnnotationPage `json:"annotations,omitempty"`
}

// AnnotationPage holds annotations: a canvas's painting or OCR lines, or
// the answer to a search.
type AnnotationPage struct {
	Context     any              `json:"@context,omitempty"`
	ID          string           `json:"id,omitempty"`
	Type        string           `json:"type"`
	Ignored     []string         `json:"ignored,omitempty"`
	Items       []Annotation     `json:"items"`
	Annotations []AnnotationPage `json:"annotations,omitempty"`
}

// Annotation is a W3C Web Annotation. Body is an ImageBody or a
// TextualBody; Target is a canvas URI (with #xywh=) or a SpecificResource.
type Annotation struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Motivation string `json:"motivation"`
	Body       any    `json:"body,omitempty"`
	Target     any    `json:"target"`
}

// ImageBody is the image painted on a canvas, with its image service.
type ImageBody struct {
	ID      string    `json:"id"`
	Type    string    `json:"type"`
	Format  string    `json:"format"`
	Width   int       `json:"width,omitempty"`
	Height  int       `json:"height,omitempty"`
	Service []Service `json:"service,omitempty"`
}

// TextualBody is text: a line of OCR.
type TextualBody struct {
	Type   string `json:"type"`
	Value  string `json:"value"`
	Format string `json:"format"`
	// Language is an array, as Presentation 3 wants of every language
	// property (the Web Annotation model would also take a string).
	Language []string `json:"language,omitempty"`
}

// SpecificResource targets a part of another annotation (a search match).
type SpecificResource struct {
	Type     string              `json:"type"`
	Source   string              `json:"source"`
	Selector []TextQuoteSelector `json:"selector"`
}

// TextQuoteSelector picks the matched words out of an annotation's text.
type TextQuoteSelector struct {
	Type   string `json:"type"`
	Prefix string `json:"prefix,omitempty"`
	Exact  string `json:"exact"`
	Suffix string `json:"suffix,omitempty"`
}
