// Package record defines fond's document record: the public contract that every
// ingest format produces, every store keeps and every output (JSON, citations, pages)
// reads. docs/record.md documents the JSON form; keep the two in step.
package record

import "time"

// Category separates the documents historians cite as evidence from writing about them.
const (
	Primary   = "primary"
	Secondary = "secondary"
)

// Date qualifiers: how much the archive trusts a record's date.
const (
	Exact       = "exact"
	Approximate = "approximate"
	Inferred    = "inferred"
	Uncertain   = "uncertain"
)

// Record is one document. Fields the source does not give stay empty; nothing is
// invented to fill them.
type Record struct {
	ID string `json:"id"`
	// Key is the identity an extractor gives a record before it has an id: the
	// source's own identifier (a TEI xml:id, a Digital Archive record id) or a
	// position inside the original file. The ingest pipeline derives ID from it.
	Key   string `json:"-"`
	Title string `json:"title"`
	// DocNumber is the number an edition gives the document ("285" of a printed
	// "285." or "No. 285"), never part of the title.
	DocNumber      string    `json:"doc_number,omitempty"`
	Summary        string    `json:"summary"`
	Type           string    `json:"type"`
	Category       string    `json:"category"`
	Date           Date      `json:"date"`
	Place          string    `json:"place,omitempty"`
	Classification string    `json:"classification"`
	Languages      Languages `json:"languages"`
	Sources        []Source  `json:"sources"`
	Authors        []string  `json:"authors"`
	Recipients     []string  `json:"recipients"`
	Participants   []string  `json:"participants"`
	Translators    []string  `json:"translators"`
	Donors         []string  `json:"donors"`
	Rights         string    `json:"rights"`
	RecordID       string    `json:"record_id"`
	Uploaded       string    `json:"uploaded"`
	Notes          []Note    `json:"notes"`
	Body           string    `json:"body"`
	// Publisher is who published this text (the Digital Archive, a FRUS volume's
	// printer, a mailing list): the "published in" part of a citation.
	Publisher  string      `json:"publisher,omitempty"`
	Collection *Collection `json:"collection,omitempty"`
	URL        string      `json:"url,omitempty"`
	SourceFile string      `json:"source_file"`
	Checksum   string      `json:"checksum"`
	Format     string      `json:"format"`
	// TextFrom says how the body was read when the input was pages, not text:
	// "pdf" (a PDF's text layer), "ocr" (recognized from page images), or
	// "pdf+ocr" (some pages each way). OCRConfidence is the recognizer's mean
	// word confidence, 0 to 1: OCR text is a reading to check against the scan.
	TextFrom      string    `json:"text_from,omitempty"`
	OCRConfidence float64   `json:"ocr_confidence,omitempty"`
	IngestedAt    time.Time `json:"ingested_at"`
	Parent        string    `json:"parent,omitempty"`
	Contains      []string  `json:"contains"`
	Editions      []string  `json:"editions"`
	// Discusses (on a secondary record) and DiscussedIn (on a primary) are the
	// asserted links between writing about documents and the documents.
	Discusses   []string `json:"discusses"`
	DiscussedIn []string `json:"discussed_in"`
	// Subjects are the record's themes as a person set them, ids of the
	// subject vocabulary (internal/subjects). Absent, the record's subjects
	// are assigned from its title, text and collection whenever it is
	// indexed, so no reader fills this.
	Subjects []string `json:"subjects,omitempty"`
	// Status is the record's publication state in the store (Draft, Published,
	// Withdrawn); the store keeps it beside the record, not in it, so a
	// re-ingest never changes it. Empty on records not stored (fond extract).
	Status string `json:"status,omitempty"`
	// WithdrawnReason says why a withdrawn record was withdrawn: its tombstone.
	WithdrawnReason string `json:"withdrawn_reason,omitempty"`
	// Confidence is how sure the reader that made the record is of each field
	// it read by rule from a page's layout, 0 to 1, keyed by the field's JSON
	// name; absent for fields the source marks up, which are not guesses.
	Confidence map[string]float64 `json:"confidence,omitempty"`

	// Revision counts the record's stored changes, from 1 when first stored;
	// an edit names the revision it was made against, and is refused when
	// another was saved since. Zero on records not stored.
	Revision int `json:"revision,omitempty"`
	// Provenance says, per editable field (by JSON name), who set its value:
	// a person, whose value re-ingesting never overwrites, or the machine.
	// Like Status, the store keeps it beside the record.
	Provenance map[string]Provenance `json:"provenance,omitempty"`

	// Pages are where the text is on the original's page images, for a
	// record read from a PDF or scan: each page's lines with their boxes,
	// which the IIIF manifest carries and in-document search answers from.
	// Every record of a file carries its file's pages: they share its images.
	Pages []Page `json:"pages,omitempty"`

	// Declassification: the releases this text is known from and the spans
	// they withheld (see Release and Redaction).
	Releases   []Release   `json:"releases"`
	Redactions []Redaction `json:"redactions"`
}

// Page is one page image of the original and its lines of text.
type Page struct {
	N int `json:"n"` // from 1, as the page images are numbered
	// Width and Height are the size in pixels of the image the boxes are
	// measured on: the page image the archive serves.
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Lines  []Line `json:"lines"`
}

// Line is a line of text and its box on the page: left, top, width, height.
type Line struct {
	Text string `json:"text"`
	XYWH [4]int `json:"xywh"`
}

// Publication states.
const (
	Draft     = "draft"
	Published = "published"
	Withdrawn = "withdrawn"
)

// Date is a document's date as EDTF plus the bounds that range queries use.
type Date struct {
	EDTF      string `json:"edtf"`
	Display   string `json:"display"`
	Earliest  string `json:"earliest"`
	Latest    string `json:"latest"`
	Qualifier string `json:"qualifier"`
	Note      string `json:"note"`
}

// IsZero reports whether no date is known.
func (d Date) IsZero() bool { return d.EDTF == "" && d.Earliest == "" && d.Display == "" }

// Languages are ISO 639-1 codes: the language of the text we hold, and of the original
// when the text is a translation.
type Languages struct {
	Text     string `json:"text"`
	Original string `json:"original"`
}

// Source is one archival reference. Reference keeps the string as the source wrote
// it; the other fields are parsed from it and stay empty where the reference is silent
// or says a part is "not given".
type Source struct {
	Repository   string `json:"repository"`
	Abbreviation string `json:"abbreviation"`
	Fond         string `json:"fond"`
	Opis         string `json:"opis"`
	Delo         string `json:"delo"`
	Papka        string `json:"papka"`
	Folios       string `json:"folios"`
	// File is the identifier of a file where an archive does not use the
	// fond/opis/delo hierarchy (a State Department decimal file, "PRC FMA 106-00021-08").
	File      string `json:"file,omitempty"`
	Reference string `json:"reference"`
}

// Note is editorial matter kept apart from the document's own words.
type Note struct {
	Kind string `json:"kind"`
	N    string `json:"n,omitempty"`
	Text string `json:"text"`
}

// Note kinds used by the extractors.
const (
	NoteTranslator = "translator"
	NoteMarginalia = "marginalia"
	NoteEditor     = "editor"
	NoteForwarder  = "forwarder"
	NoteFootnote   = "footnote"
	NoteReceived   = "received"
)

// Collection is a published grouping such as a FRUS volume.
type Collection struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Series    string `json:"series,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Year      string `json:"year,omitempty"`
}

// Names returns every personal name the record carries, for indexing and facets.
func (r *Record) Names() []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]string{r.Authors, r.Recipients, r.Participants, r.Translators} {
		for _, n := range list {
			if n != "" && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// Normalize turns nil slices into empty ones so JSON output always has arrays, never
// null: consumers of the contract should not need to special-case absence.
func (r *Record) Normalize() {
	for _, p := range []*[]string{&r.Authors, &r.Recipients, &r.Participants, &r.Translators, &r.Donors, &r.Contains, &r.Editions, &r.Discusses, &r.DiscussedIn} {
		if *p == nil {
			*p = []string{}
		}
	}
	if r.Sources == nil {
		r.Sources = []Source{}
	}
	if r.Notes == nil {
		r.Notes = []Note{}
	}
	if r.Releases == nil {
		r.Releases = []Release{}
	}
	if r.Redactions == nil {
		r.Redactions = []Redaction{}
	}
}

// Releases and redactions: a declassified document is released more than once,
// each time with different parts withheld. Kept in their own block (and file of
// docs) so the record's other fields are untouched by them.

// Release is one release of a document's text to the public: when, by whom,
// under what authority, and which record holds the text it released.
type Release struct {
	// Date is when the text was released, EDTF ("2008-05-01", "1995").
	Date string `json:"date"`
	// Body is who released it: an agency, a presidential library, an archive.
	Body string `json:"body,omitempty"`
	// Authority is the authority or case number the release cites
	// ("MR 2005-123", "NLE-2008-17", "E.O. 13526", a FOIA case).
	Authority string `json:"authority,omitempty"`
	// Classification is the marking the text carried before release.
	Classification string `json:"classification,omitempty"`
	// Record is the id of the record holding this release's text.
	Record string `json:"record,omitempty"`
	// Stamp is the release's declassification stamp as written.
	Stamp string `json:"stamp,omitempty"`
}

// Redaction is one span a release withheld, as its marker shows it. The marker
// stays in Body where the reader meets it; Start and End are its byte offsets
// there, so the words around it stay the text's own.
type Redaction struct {
	Start int `json:"start"`
	End   int `json:"end"`
	// Marker is the marker as written ("[1 paragraph (5 lines) not declassified]").
	Marker string `json:"marker"`
	// Kind is how the withholding is shown: "bracket" (an editor's bracketed
	// note), "exemption" (an exemption code beside a blacked-out span),
	// "ocr" (a run of X's or blocks an OCR reading made of a blacked-out span),
	// "gap" (a TEI gap element).
	Kind string `json:"kind"`
	// Amount and Unit are the size the marker states: 2.5 "line", 1 "paragraph",
	// 3 "page"; Unit is "" when it states none ("[text not declassified]").
	Amount float64 `json:"amount,omitempty"`
	Unit   string  `json:"unit,omitempty"`
	// LessThan marks a size stated as an upper bound ("less than 1 line").
	LessThan bool `json:"less_than,omitempty"`
	// Lines is the size in lines where the marker gives it, as a line count or
	// beside paragraphs ("1 paragraph (5 lines)").
	Lines float64 `json:"lines,omitempty"`
	// What is what the marker says was withheld, when it says ("name", "source
	// text", "handling restriction").
	What string `json:"what,omitempty"`
	// Exemptions are the exemption codes cited, normalized ("b1", "b3", "b6").
	Exemptions []string `json:"exemptions,omitempty"`
}

// Redaction units.
const (
	UnitWord      = "word"
	UnitLine      = "line"
	UnitParagraph = "paragraph"
	UnitPage      = "page"
)
