package cite

import (
	"fmt"

	"fond/internal/record"
)

// Meta is one <meta name content> pair of a document page's head.
type Meta struct{ Name, Content string }

// PageMeta is the embedded metadata of a document page, written for what
// reference managers do with it. Zotero's Embedded Metadata translator takes
// the item type from Highwire tags first (citation_journal_title makes a
// journal article, citation_technical_report_institution a report), else from
// Dublin Core and its own z: vocabulary read as RDF, falling back to a journal
// article when citation_title is all there is: so a primary document carries
// no journal tag, and declares its type as a Zotero item type in DC.type and
// z.itemType (ZoteroType: manuscript, letter or report). Zotero's RDF reader
// sets any z:field it is given, which is how the archive and the location in
// it arrive (z.archive, z.archiveLocation); citation_archive_location repeats
// the location for Highwire readers. The mapping, tag by tag:
//
//	citation_title              title
//	citation_author             author, "Family, Given" (Zotero splits on the comma)
//	citation_translator         translator (Highwire readers; Zotero ignores it)
//	citation_date               date at its precision: 1949-03-05, 1950-04, 1950
//	DC.date                     the EDTF date with its qualifier (1950-04~)
//	citation_publisher          publisher
//	citation_journal_title      journal (only for articles in a journal)
//	citation_language           language (ISO 639-1)
//	citation_abstract           abstract; description repeats it for search engines
//	citation_public_url         URL: the permanent address
//	citation_abstract_html_url  the same, Zotero's fallback for the URL
//	DC.type, z.itemType         item type
//	z.manuscriptType etc.       the genre (Minutes of Conversation, Telegram)
//	z.archive                   archive
//	z.archiveLocation           location in archive (fond, opis, delo, listy; file)
//	citation_archive_location   the same
//
// Zotero keeps a date as text and parses it; "1950-04" reads as April 1950.
// An approximate or inferred date keeps its month precision there, and its
// qualifier only in DC.date and on the page: Zotero has no field for it.
func PageMeta(r *record.Record, permanent string) []Meta {
	var out []Meta
	add := func(name, content string) {
		if content = oneLine(content); content != "" {
			out = append(out, Meta{name, content})
		}
	}
	add("citation_title", r.Title)
	for _, n := range splitNames(r.Authors) {
		add("citation_author", n.inverted())
	}
	for _, n := range splitNames(r.Translators) {
		add("citation_translator", n.inverted())
	}
	add("citation_date", isoDate(r.Date))
	add("DC.date", effectiveEDTF(r.Date))
	add("citation_publisher", r.Publisher)
	if kindOf(r) == journalArt {
		add("citation_journal_title", r.Collection.Title)
	}
	add("citation_language", r.Languages.Text)
	add("citation_abstract", r.Summary)
	add("description", r.Summary)
	u := record.NormalURL(permanent)
	add("citation_public_url", u)
	add("citation_abstract_html_url", u)
	t := ZoteroType(r)
	add("DC.type", t)
	add("z.itemType", t)
	if kindOf(r) == archival {
		// Zotero's RDF reader copies dc:type into manuscriptType, letterType
		// and reportType; the z: field, set after, gives the genre instead.
		add("z."+t+"Type", r.Type)
		h, _ := firstHolding(r)
		add("z.archive", h.archive)
		add("z.archiveLocation", h.location)
		add("citation_archive_location", h.location)
	}
	return out
}

// isoDate is the record's (first) date at the precision it is known, in the
// ISO 8601 form reference managers parse: "1949-03-05", "1950-04", "1950".
// A decade or a season has no such form and gives the year or nothing.
func isoDate(d record.Date) string {
	a, ok := firstPoint(d)
	if !ok {
		return ""
	}
	switch {
	case a.Day > 0:
		return fmt.Sprintf("%s-%02d-%02d", a.Year, a.Month, a.Day)
	case a.Month > 0:
		return fmt.Sprintf("%s-%02d", a.Year, a.Month)
	}
	return a.Year
}
