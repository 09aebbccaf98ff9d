package cite

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"fond/internal/record"
)

// CSLJSON renders the record as a JSON array holding one CSL-JSON item: the
// array is what Zotero, pandoc and citeproc-js import, and one shape for one
// record or many keeps consumers simple.
//
// Types: "manuscript" for every primary document (a volume that prints it is
// container-title, with publisher, publisher-place and the document's number);
// "post-weblog" for blog posts; "post" for mailing-list posts;
// "article-journal" for articles in a named journal; "article" for other
// secondary writing. issued holds date-parts at the precision the
// record knows, two date-parts for an interval or an unspecified decade,
// season for EDTF seasons, and circa for approximate or uncertain dates;
// inferred dates (CSL has no word for them) are said so in note.
//
// Names are split (splitName): {"family","given","suffix"}, with
// "static-ordering" on Korean and Chinese names so that citeproc prints
// them family name first, and {"literal"} for bodies and names it cannot
// split safely. archive is the first source's repository and
// archive_location only the place in it (fond, opis, delo, listy or file);
// further sources are listed in note. URL is the permanent URL when the
// caller gives one, and the record's own address is then noted as where the
// text was published.
func CSLJSON(r *record.Record, o Options) ([]byte, error) {
	h, more := firstHolding(r)
	cited, published := o.urls(r)
	it := cslItem{
		ID:         r.ID,
		Type:       cslType(kindOf(r)),
		Title:      oneLine(r.Title),
		Author:     cslNames(r.Authors),
		Recipient:  cslNames(r.Recipients),
		Translator: cslNames(r.Translators),
		Issued:     cslIssued(r.Date),
		Genre:      oneLine(r.Type),
		Publisher:  oneLine(r.Publisher),
		Archive:    h.archive,
		Location:   h.location,
		URL:        cited,
		Language:   r.Languages.Text,
		Abstract:   oneLine(r.Summary),
	}
	if it.ID == "" {
		it.ID = Key(r)
	}
	if inCollection(r) {
		c := r.Collection
		it.Container = oneLine(c.Title)
		it.CollectionTitle = oneLine(c.Series)
		if c.Publisher != "" {
			it.Publisher = oneLine(c.Publisher)
		}
		it.PublisherPlace = publisherPlace(it.Publisher)
		it.Number = docNumber(r)
	} else if kindOf(r) == listPost {
		// A post's container is the list it went to, which is what fond
		// records as its publisher.
		it.Container, it.Publisher = it.Publisher, ""
	}
	var notes []string
	if r.Date.Qualifier == record.Inferred {
		notes = append(notes, "Date inferred: "+displayDate(r.Date)+".")
	}
	if r.Date.Note != "" {
		notes = append(notes, oneLine(r.Date.Note))
	}
	if len(more) > 0 {
		notes = append(notes, "Also: "+strings.Join(more, "; ")+".")
	}
	if n := releaseNote(r); n != "" {
		notes = append(notes, n)
	}
	if published != "" {
		notes = append(notes, "Published at "+published+".")
	}
	it.Note = strings.Join(notes, " ")

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // titles with & and < should read as written
	enc.SetIndent("", "  ")
	if err := enc.Encode([]cslItem{it}); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// cslItem fixes the field order so the output diffs and reads well.
type cslItem struct {
	ID              string    `json:"id"`
	Type            string    `json:"type"`
	Title           string    `json:"title,omitempty"`
	Author          []cslName `json:"author,omitempty"`
	Recipient       []cslName `json:"recipient,omitempty"`
	Translator      []cslName `json:"translator,omitempty"`
	Issued          *cslDate  `json:"issued,omitempty"`
	Genre           string    `json:"genre,omitempty"`
	Container       string    `json:"container-title,omitempty"`
	CollectionTitle string    `json:"collection-title,omitempty"`
	Number          string    `json:"number,omitempty"`
	Publisher       string    `json:"publisher,omitempty"`
	PublisherPlace  string    `json:"publisher-place,omitempty"`
	Archive         string    `json:"archive,omitempty"`
	Location        string    `json:"archive_location,omitempty"`
	URL             string    `json:"URL,omitempty"`
	Language        string    `json:"language,omitempty"`
	Abstract        string    `json:"abstract,omitempty"`
	Note            string    `json:"note,omitempty"`
}

type cslName struct {
	Family         string `json:"family,omitempty"`
	Given          string `json:"given,omitempty"`
	Suffix         string `json:"suffix,omitempty"`
	Literal        string `json:"literal,omitempty"`
	StaticOrdering bool   `json:"static-ordering,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts,omitempty"`
	Season    int     `json:"season,omitempty"`
	Circa     bool    `json:"circa,omitempty"`
	Literal   string  `json:"literal,omitempty"`
}

func cslType(k kind) string {
	switch k {
	case blogPost:
		return "post-weblog"
	case listPost:
		return "post"
	case journalArt:
		return "article-journal"
	case otherWriting:
		return "article"
	}
	return "manuscript"
}

func cslNames(names []string) []cslName {
	var out []cslName
	for _, n := range splitNames(names) {
		out = append(out, cslName{Family: n.Family, Given: n.Given, Suffix: n.Suffix, Literal: n.Literal, StaticOrdering: n.FamilyFirst})
	}
	return out
}

func cslIssued(d record.Date) *cslDate {
	e := effectiveEDTF(d)
	p, ok := readEDTF(e)
	if !ok {
		// Unreadable dates still reach the reader, as the source wrote them.
		if s := strings.TrimSpace(d.Display); s != "" {
			return &cslDate{Literal: s}
		}
		if e != "" {
			return &cslDate{Literal: e}
		}
		return nil
	}
	out := &cslDate{Circa: d.Qualifier == record.Approximate || d.Qualifier == record.Uncertain ||
		p.start.qualified() || p.end.qualified()}
	switch {
	case !p.interval && strings.Contains(p.start.Year, "X"):
		lo := p.start.yearNumber()
		hi, _ := strconv.Atoi(strings.ReplaceAll(p.start.Year, "X", "9"))
		out.DateParts = [][]int{{lo}, {hi}}
	case !p.interval:
		out.DateParts = [][]int{dateParts(p.start)}
		if p.start.Season != 0 {
			out.Season = p.start.Season - 20
		}
	case !p.start.known():
		// CSL cannot say "open"; the known end is kept, the rest is in RIS/BibTeX.
		out.DateParts = [][]int{dateParts(p.end)}
	case !p.end.known():
		out.DateParts = [][]int{dateParts(p.start)}
	default:
		out.DateParts = [][]int{dateParts(p.start), dateParts(p.end)}
	}
	return out
}

func dateParts(p point) []int {
	parts := []int{p.yearNumber()}
	if p.Month > 0 {
		parts = append(parts, p.Month)
		if p.Day > 0 {
			parts = append(parts, p.Day)
		}
	}
	return parts
}
