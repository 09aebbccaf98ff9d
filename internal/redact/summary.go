package redact

import (
	"strconv"
	"strings"

	"fond/internal/record"
)

// Withheld is how much a release withheld, by the sizes its markers state.
type Withheld struct {
	Spans      int     `json:"spans"`
	Pages      float64 `json:"pages"`
	Paragraphs float64 `json:"paragraphs"`
	Lines      float64 `json:"lines"` // markers sized in lines, and paragraphs' stated lines
	Words      float64 `json:"words"`
	// Unsized counts markers that state no size ("[text not declassified]",
	// an exemption code, an OCR'd run).
	Unsized int `json:"unsized"`
}

// Measure adds up the spans' stated sizes. A paragraph marker's line count
// ("1 paragraph (5 lines)") is counted in Lines too, so Lines is the most
// complete count of withheld lines the markers give.
func Measure(reds []record.Redaction) Withheld {
	var w Withheld
	for _, r := range reds {
		w.Spans++
		switch r.Unit {
		case record.UnitPage:
			w.Pages += r.Amount
		case record.UnitParagraph:
			w.Paragraphs += r.Amount
		case record.UnitWord:
			w.Words += r.Amount
		case record.UnitLine:
		default:
			w.Unsized++
		}
		w.Lines += r.Lines
	}
	return w
}

// Amount is a number of one unit: a page, paragraph, line, word or passage
// (a marker that states no size).
type Amount struct {
	N    float64
	Unit string
}

// Parts are the amounts a release history states, largest unit first: the
// interface says them in its reader's language, String in English.
func (w Withheld) Parts() []Amount {
	if w.Spans == 0 {
		return nil
	}
	var parts []Amount
	add := func(n float64, unit string) {
		if n > 0 {
			parts = append(parts, Amount{n, unit})
		}
	}
	add(w.Pages, record.UnitPage)
	add(w.Paragraphs, record.UnitParagraph)
	// Lines stated inside paragraph markers are not repeated beside them.
	if w.Paragraphs == 0 {
		add(w.Lines, record.UnitLine)
	}
	add(w.Words, record.UnitWord)
	add(float64(w.Unsized), UnitPassage)
	if len(parts) == 0 {
		return []Amount{{float64(w.Spans), UnitPassage}}
	}
	return parts
}

// UnitPassage counts markers that state no size.
const UnitPassage = "passage"

// String says it as a release history does: "3 paragraphs", "1 page, 2½ lines
// and 2 passages", "nothing" when no span was withheld.
func (w Withheld) String() string {
	if w.Spans == 0 {
		return "nothing"
	}
	var parts []string
	for _, a := range w.Parts() {
		parts = append(parts, Count(a.N, a.Unit))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Count writes "1 line", "2½ lines", "3 paragraphs".
func Count(n float64, one string) string {
	whole := int(n)
	s := strconv.Itoa(whole)
	switch n - float64(whole) {
	case 0:
	case .5:
		s += "½"
		if whole == 0 {
			s = "½"
		}
	default:
		s = strconv.FormatFloat(n, 'f', -1, 64)
	}
	if n != 1 {
		one += "s"
	}
	return s + " " + one
}

// Extent is a span's size as TEI's gap@extent and a page show it: "5 lines",
// "1 paragraph (5 lines)", "less than 1 line"; "" when the marker states none.
func Extent(r record.Redaction) string {
	if r.Unit == "" {
		return ""
	}
	s := Count(r.Amount, r.Unit)
	if r.LessThan {
		s = "less than " + s
	}
	if r.Unit == record.UnitParagraph && r.Lines > 0 {
		s += " (" + Count(r.Lines, "line") + ")"
	}
	return s
}

// Annotate gives a record the redaction spans of its body and the releases
// its stamps show (in the body, its notes or its source references). A
// record already carrying releases (read from markup) keeps them.
func Annotate(r *record.Record) {
	r.Redactions = Find(r.Body)
	if len(r.Releases) > 0 {
		return
	}
	var where []string
	where = append(where, r.Body)
	for _, n := range r.Notes {
		where = append(where, n.Text)
	}
	for _, s := range r.Sources {
		where = append(where, s.Reference)
	}
	for _, text := range where {
		for _, rel := range Stamps(text) {
			if rel.Classification == "" {
				rel.Classification = r.Classification
			}
			r.Releases = append(r.Releases, rel)
		}
	}
}
