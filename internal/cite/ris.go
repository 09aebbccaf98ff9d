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
// Tags: AU authors; A4, the RIS "subsidiary author" that Zotero and EndNote
// read as translator; PY the year and DA the date as YYYY/MM/DD/ with unknown
// parts blank (an interval gives its start; the full date and qualifier go in
// N1); DB the archive(s) and AN the archival references (Zotero's archive and
// "loc. in archive"); T2/T3 the collection and its series (or a blog or
// journal title); PB and CY the publisher and its place; M3 the document type;
// LA the language; AB the summary; UR the URL; ID the record id.
func RIS(r *record.Record) string {
	var b strings.Builder
	tag := func(t, v string) {
		if v = oneLine(v); v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", t, v)
		}
	}
	tag("TY", risType(kindOf(r)))
	tag("TI", r.Title)
	for _, a := range nonEmpty(r.Authors) {
		tag("AU", a)
	}
	for _, t := range nonEmpty(r.Translators) {
		tag("A4", t)
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
	tag("PB", publisher)
	tag("CY", publisherPlace(publisher))
	tag("DB", repositories(r))
	tag("AN", references(r))
	tag("M3", r.Type)
	tag("LA", r.Languages.Text)
	tag("AB", r.Summary)
	tag("UR", record.WebURL(r.URL))
	tag("ID", r.ID)
	for _, n := range risNotes(r) {
		tag("N1", n)
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
	p, ok := parseEDTF(effectiveEDTF(d))
	if !ok {
		return ""
	}
	a := p.start
	if a.open || a.unknown {
		a = p.end
	}
	if strings.Contains(a.year, "X") {
		return ""
	}
	m, day := "", ""
	if a.month >= 1 && a.month <= 12 {
		m = fmt.Sprintf("%02d", a.month)
		if a.day > 0 {
			day = fmt.Sprintf("%02d", a.day)
		}
	}
	return a.year + "/" + m + "/" + day + "/"
}

// risNotes keeps in N1 what the date tags cannot say, and a collection
// document's number, which RIS has no tag for on a manuscript.
func risNotes(r *record.Record) []string {
	var out []string
	d := r.Date
	if p, ok := parseEDTF(effectiveEDTF(d)); ok && (p.interval || p.start.qualified() || strings.Contains(p.start.year, "X") ||
		d.Qualifier != "" && d.Qualifier != record.Exact) {
		s := "Date: " + displayDate(d)
		if d.Qualifier != "" && d.Qualifier != record.Exact {
			s += " (" + d.Qualifier + ")"
		}
		out = append(out, s+".")
	}
	if d.Note != "" {
		out = append(out, "Date note: "+d.Note)
	}
	if n := docNumber(r); n != "" {
		out = append(out, "Document "+n+".")
	}
	return out
}
