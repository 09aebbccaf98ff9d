package cite

import (
	"fmt"
	"strings"

	"fond/internal/record"
)

// RIS renders one reference. Lines are "TAG  - value" ending in CRLF, TY first
// and ER last, as the RIS specification requires; values are folded onto one
// line because RIS has no continuation that every reader honours.
//
// Types: MANSCPT (manuscript) for every primary document, also when printed
// in a volume, because the document and its date are what is cited; BLOG for
// blog posts; ICOMM (internet communication) for mailing-list posts; JOUR for
// articles in a named journal; ELEC (web page) for other secondary writing.
//
// Names: AU authors and A4 translators (Zotero's and EndNote's subsidiary
// author) as "Family, Given, Suffix", so that a reader splitting on commas
// gets the parts right ("King, Martin Luther, Jr.", "Kim, Il Sung"); a body's
// name is one field without commas.
//
// The archive, for a manuscript, is written where each reader looks: DB
// (Zotero's archive) and PB (which citation-js reads as the archive of a
// MANSCPT); the place in it in AN (Zotero's "Loc. in Archive") and AV
// (citation-js's archive_location). The publisher of the copy, which a
// manuscript has no field for, goes in DP (Zotero's "Library Catalog": the
// database it was found in). Other item types keep PB as the publisher.
//
// Also: PY the year and DA the date as YYYY/MM/DD/ with unknown parts blank
// (an interval gives its start; the full date and qualifier go in N1); T2/T3
// the collection and its series (or a blog or journal title); CY the
// publisher's place; M3 the document type; LA the language; AB the summary;
// UR the URL (the permanent one when given, the record's own then in N1); ID
// the record id.
func RIS(r *record.Record, o Options) string {
	var b strings.Builder
	tag := func(t, v string) {
		if v = oneLine(v); v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", t, v)
		}
	}
	k := kindOf(r)
	tag("TY", risType(k))
	tag("TI", r.Title)
	for _, a := range splitNames(r.Authors) {
		tag("AU", a.inverted())
	}
	for _, t := range splitNames(r.Translators) {
		tag("A4", t.inverted())
	}
	tag("PY", year(r.Date))
	tag("DA", risDate(r.Date))
	publisher := r.Publisher
	if inCollection(r) {
		tag("T2", r.Collection.Title)
		tag("T3", r.Collection.Series)
		if r.Collection.Publisher != "" {
			publisher = r.Collection.Publisher
		}
	}
	h, more := firstHolding(r)
	if k == archival {
		tag("PB", h.archive)
		tag("DP", publisher)
	} else {
		tag("PB", publisher)
	}
	tag("CY", publisherPlace(publisher))
	tag("DB", h.archive)
	tag("AN", h.location)
	tag("AV", h.location)
	tag("M3", r.Type)
	tag("LA", r.Languages.Text)
	tag("AB", r.Summary)
	cited, published := o.urls(r)
	tag("UR", cited)
	tag("ID", r.ID)
	for _, n := range risNotes(r) {
		tag("N1", n)
	}
	tag("N1", releaseNote(r))
	if len(more) > 0 {
		tag("N1", "Also: "+strings.Join(more, "; ")+".")
	}
	if published != "" {
		tag("N1", "Published at "+published+".")
	}
	b.WriteString("ER  - \r\n")
	return b.String()
}

func risType(k kind) string {
	switch k {
	case blogPost:
		return "BLOG"
	case listPost:
		return "ICOMM"
	case journalArt:
		return "JOUR"
	case otherWriting:
		return "ELEC"
	}
	return "MANSCPT"
}

// risDate is YYYY/MM/DD/ with unknown parts blank, from the (first) date.
func risDate(d record.Date) string {
	a, ok := firstPoint(d)
	if !ok {
		return ""
	}
	m, day := "", ""
	if a.Month > 0 {
		m = fmt.Sprintf("%02d", a.Month)
		if a.Day > 0 {
			day = fmt.Sprintf("%02d", a.Day)
		}
	}
	return a.Year + "/" + m + "/" + day + "/"
}

// risNotes keeps in N1 what the date tags cannot say, and a collection
// document's number, which RIS has no tag for on a manuscript.
func risNotes(r *record.Record) []string {
	out := dateNotes(r.Date)
	if n := docNumber(r); n != "" {
		out = append(out, "Document "+n+".")
	}
	return out
}

// dateNotes say in words what year, month and day fields lose: an interval,
// a decade, a qualifier (approximate, uncertain, inferred), the source's note
// on the dating.
func dateNotes(d record.Date) []string {
	var out []string
	if p, ok := readEDTF(effectiveEDTF(d)); ok && (p.interval || p.start.qualified() || strings.Contains(p.start.Year, "X") ||
		d.Qualifier != "" && d.Qualifier != record.Exact) {
		s := "Date: " + displayDate(d)
		if d.Qualifier != "" && d.Qualifier != record.Exact {
			s += " (" + d.Qualifier + ")"
		}
		out = append(out, s+".")
	}
	if d.Note != "" {
		out = append(out, "Date note: "+oneLine(d.Note))
	}
	return out
}
