package tei

import (
	"regexp"
	"strings"

	"fond/internal/edtf"
	"fond/internal/record"
)

// Record turns the document into fond's record.
func (d *Document) Record() record.Record {
	vol := d.Volume
	if vol == nil {
		vol = &Volume{}
	}
	// The key names the document across files only when the volume and the
	// document both have an id; otherwise ingest qualifies it by the file's
	// checksum (a document without an xml:id by its position), so that files
	// lacking ids cannot take each other's records.
	key := vol.ID + "/" + d.XMLID
	if d.XMLID == "" {
		key = ""
	}
	r := record.Record{
		Key:        key,
		Title:      d.title(),
		DocNumber:  d.N,
		Type:       d.genre(),
		Category:   record.Primary,
		Date:       d.date(),
		Place:      d.Place,
		Languages:  record.Languages{Text: "en"},
		Authors:    d.From,
		Recipients: d.To,
		Body:       d.body(),
		Publisher:  vol.Publisher,
		Collection: &record.Collection{ID: vol.ID, Title: vol.Title, Series: vol.Series, Publisher: vol.Publisher, Year: vol.Year},
		Format:     "tei",
	}
	for _, n := range d.SourceNotes {
		switch file, papers := fileNumber(n), collectionName(n); {
		case file != "":
			r.Sources = append(r.Sources, record.Source{Repository: "National Archives and Records Administration",
				Abbreviation: "NARA", File: file, Reference: n})
		case papers != "":
			// Private papers (Wilson's, House's) are not at NARA, and the note does
			// not say where they are.
			r.Sources = append(r.Sources, record.Source{Reference: n})
		default:
			// "No. 380.]", "[Telegram.]", "[Translation.]": the printed description
			// of the document, not an archival reference.
			r.Notes = append(r.Notes, record.Note{Kind: record.NoteEditor, Text: n})
		}
	}
	r.Releases = append([]record.Release(nil), vol.Releases...)
	for _, f := range d.Footnotes {
		r.Notes = append(r.Notes, record.Note{Kind: record.NoteFootnote, N: f.N, Text: f.Text})
	}
	return r
}

// title is the heading; where the book prints none the record still needs a
// name, so it is made from what the page does print, marked as the encoders
// marked it.
func (d *Document) title() string {
	if d.Head != "" && d.Head != untitled {
		return d.Head
	}
	for _, s := range []string{firstLine(d.Dateline), d.Source} {
		if s != "" {
			return untitled + " " + s
		}
	}
	if d.N != "" {
		return untitled + " document " + d.N
	}
	return untitled
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}

// body is the document's text as printed after its heading and dateline.
func (d *Document) body() string {
	var parts []string
	for _, b := range d.printed {
		if b.kind >= kindText {
			parts = append(parts, b.text)
		}
	}
	return strings.Join(parts, "\n\n")
}

func (d *Document) genre() string {
	for _, n := range d.SourceNotes {
		if g := sourceGenre(n); g != "" {
			return g
		}
	}
	if g := headGenre(d.Head); g != "" {
		return g
	}
	return "Document"
}

// date takes, in order of trust: the editors' machine-readable date on the
// dateline; the dateline's printed date; the editors' bounds on the document;
// a date the heading or source note prints; and
// last, for an undated document, the day it was received as an upper bound.
func (d *Document) date() record.Date {
	display := d.DateText
	printed, hasPrinted := readPrinted(display)
	if d.DateWhen != "" {
		a, b, isRange := strings.Cut(d.DateWhen, "/")
		s, qual := dayPart(a), record.Exact
		if isRange {
			s = openEnd(dayPart(a)) + "/" + openEnd(dayPart(b))
			if d.whenKind == "bounds" {
				qual = record.Approximate
			}
		}
		if r, ok := edtfDate(s, display, qual, ""); ok {
			if hasPrinted {
				if better, ok := reconcile(r, printed); ok {
					return better
				}
			}
			return r
		}
	}
	if hasPrinted {
		return printed
	}
	if r, ok := d.closingDate(); ok {
		return r
	}
	if d.DateMin != "" || d.DateMax != "" {
		lo, hi := dayPart(d.DateMin), dayPart(d.DateMax)
		s := openEnd(lo) + "/" + openEnd(hi)
		if lo == hi {
			s = lo
		}
		if r, ok := edtfDate(s, display, record.Inferred, "the editors' date for the document"); ok {
			return r
		}
	}
	// A heading ("Memorandum …, May 30, 1872") or a source note ("[From the London
	// Times of October 26, 1863.]") that prints a date dates the document.
	for _, p := range append(findDates(d.Head), findDates(d.Source)...) {
		if !p.received {
			e, q := p.edtf(), record.Inferred
			if p.approx {
				e, q = e+"~", record.Approximate
			}
			if r, ok := edtfDate(e, display, q, "date printed in the heading or source note"); ok {
				return r
			}
		}
	}
	for _, p := range findDates(d.Dateline + "\n" + d.Head) {
		if p.received {
			if r, ok := edtfDate("../"+p.edtf(), display, record.Inferred, "undated; received "+p.edtf()); ok {
				return r
			}
		}
	}
	return record.Date{Display: display}
}

var closingFormula = regexp.MustCompile(`(?i)^(given|done|sworn|signed|dated)\b`)

var endsWithYear = regexp.MustCompile(`\b1[6-9]\d\d[\s.,;:)\]]*$`)

// closingDate is the date of a document that prints it at its end rather
// than in a dateline: a line of the closing, or a short last paragraph, that
// ends with a date ("Peking, December 1, 1863.", "Given at Turin, 6th April,
// 1864."). Encoders left many such lines unmarked, or marked them without @when.
func (d *Document) closingDate() (record.Date, bool) {
	var lines []string
	if n := len(d.Paragraphs); n > 0 && len(d.Paragraphs[n-1]) < 150 {
		lines = append(lines, d.Paragraphs[n-1])
	}
	lines = append(lines, strings.Split(d.Closer, "\n")...)
	for _, p := range d.Postscript {
		if len(p) < 150 {
			lines = append(lines, p)
		}
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if len(l) > 150 {
			continue
		}
		dates := findDates(l)
		if len(dates) == 0 {
			continue
		}
		// The date ends the line ("Peking, December 1, 1863."), opens it
		// ("October 8, 1863—Tungchi, 2d year, …"), or a formula of enactment
		// or oath introduces it ("Given at Rome, … this 3d of December, 1863").
		p := dates[len(dates)-1]
		if loc := monthDayYear.FindStringIndex(l); loc != nil && loc[0] == 0 || closingFormula.MatchString(l) {
			p = dates[0]
		} else if !endsWithYear.MatchString(l) {
			continue
		}
		if p.received {
			continue
		}
		e, q := p.edtf(), record.Exact
		if p.approx {
			e, q = e+"~", record.Approximate
		}
		if r, ok := edtfDate(e, l, q, ""); ok {
			return r, true
		}
	}
	return record.Date{}, false
}

// readPrinted reads the dateline's date as printed, taking an editors'
// bracketed correction of the year ("October 22, 1924 [1925]") as the date,
// with a note saying what the document itself prints.
func readPrinted(display string) (record.Date, bool) {
	if display == "" {
		return record.Date{}, false
	}
	text, note := display, ""
	if m := yearCorrection.FindStringSubmatchIndex(display); m != nil {
		wrong, right := display[m[2]:m[3]], display[m[4]:m[5]]
		text = display[:m[0]] + right + display[m[1]:]
		note = "the document prints " + wrong + "; the editors correct it to " + right
	}
	if ParseDate != nil {
		if e, lo, hi, q, ok := ParseDate(text); ok && e != "" {
			return record.Date{EDTF: e, Display: display, Earliest: lo, Latest: hi, Qualifier: q, Note: note}, true
		}
	}
	if ds := findDates(text); len(ds) > 0 && !ds[0].received {
		if note == "" {
			note = "read from the printed dateline"
		}
		return edtfDate(ds[0].edtf(), display, record.Exact, note)
	}
	return record.Date{}, false
}

// yearCorrection is a printed year followed by the editors' correction in
// brackets: "1924 [1925]".
var yearCorrection = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\s*\[\s*(1[5-9]\d\d|20\d\d)\s*\]`)

// reconcile prefers the printed date over the editors' machine-readable one
// where the two disagree: a markup year that the printed date does not span is
// a slip of the markup (when="0201-06-05" printed "June 5–17, 1864"); a
// corrected year is the editors' later word; a printed day range that spans
// the markup's day is the fuller statement of the same date.
func reconcile(markup, printed record.Date) (record.Date, bool) {
	inside := printed.Earliest <= markup.Earliest && markup.Latest <= printed.Latest
	// Only a markup year the page does not print at all is taken for a slip;
	// otherwise the printed reading may be the one that is wrong.
	slip := len(markup.Earliest) >= 4 && !strings.Contains(printed.Display, markup.Earliest[:4])
	switch {
	case !inside && slip:
		if printed.Note == "" {
			printed.Note = "the printed date; the markup says " + markup.EDTF
		}
		return printed, true
	case printed.Note != "" && strings.Contains(printed.Note, "correct"):
		return printed, true
	case inside && strings.Contains(printed.EDTF, "/") && !strings.Contains(markup.EDTF, "/") && printed.Earliest != printed.Latest:
		return printed, true
	}
	return record.Date{}, false
}

func edtfDate(s, display, qualifier, note string) (record.Date, bool) {
	e, err := edtf.Parse(s)
	if err != nil || e.IsZero() {
		return record.Date{}, false
	}
	return record.Date{EDTF: e.String(), Display: display, Earliest: e.Earliest(), Latest: e.Latest(),
		Qualifier: qualifier, Note: note}, true
}

// dayPart drops the time of day: records are dated to the day.
func dayPart(s string) string {
	if i := strings.IndexByte(s, 'T'); i > 0 {
		return s[:i]
	}
	return s
}

func openEnd(s string) string {
	if s == "" {
		return ".."
	}
	return s
}
