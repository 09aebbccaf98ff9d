// Package cite formats citations of one record: Chicago notes (reproducing the
// Digital Archive's own form for primary documents), BibTeX, RIS and CSL-JSON.
// It reads only the record, so every output fond offers (CLI, web page, API)
// cites a document the same way without a database or network.
package cite

import (
	"fmt"
	"net/url"
	"strings"

	"fond/internal/record"
)

// Styles lists the supported styles, in the order pages offer them.
func Styles() []string { return []string{"chicago", "bibtex", "ris", "csl-json"} }

// Options carries what the record alone cannot say.
type Options struct {
	// URL is the document's permanent absolute address in this archive
	// (PermanentURL). Every format cites it as the document's URL; the
	// record's own url, the page it was captured from, then goes in a note
	// as where it was published. Without it the record's own url is cited.
	URL string
}

// PermanentURL is a document's address under base (a --public-url, or the
// scheme and host a request reached), the form the document page gives as
// its canonical link.
func PermanentURL(base, id string) string {
	base = strings.TrimRight(strings.TrimSpace(base), "/")
	if base == "" || id == "" {
		return ""
	}
	return record.NormalURL(base + "/documents/" + url.PathEscape(id))
}

// Format renders r in a named style.
func Format(style string, r *record.Record) (string, error) {
	return FormatWith(style, r, Options{})
}

// FormatWith renders r in a named style with the caller's options.
func FormatWith(style string, r *record.Record, o Options) (string, error) {
	switch strings.ToLower(strings.TrimSpace(style)) {
	case "chicago":
		return Chicago(r, o), nil
	case "bibtex":
		return BibTeX(r, o), nil
	case "ris":
		return RIS(r, o), nil
	case "csl-json":
		b, err := CSLJSON(r, o)
		return string(b), err
	}
	return "", fmt.Errorf("cite: unknown style %q (known styles: %s)", style, strings.Join(Styles(), ", "))
}

// kind is what a record is for citation purposes. Every output maps from this
// one classification so that the four styles never disagree about a record.
type kind int

const (
	archival     kind = iota // a primary document, wherever it was published
	blogPost                 // secondary: a blog post
	listPost                 // secondary: a mailing-list (or forum) post
	journalArt               // secondary: an article in a named journal or collection
	otherWriting             // secondary: any other article or web text
)

func kindOf(r *record.Record) kind {
	if r.Category != record.Secondary {
		return archival
	}
	t := strings.ToLower(r.Type)
	switch {
	case strings.Contains(t, "blog"):
		return blogPost
	case strings.Contains(t, "mailing list"), strings.Contains(t, "list post"),
		strings.Contains(t, "forum"), strings.Contains(t, "email"), strings.Contains(t, "e-mail"):
		return listPost
	case strings.Contains(t, "journal"), strings.Contains(t, "article") && inCollection(r):
		return journalArt
	}
	return otherWriting
}

func inCollection(r *record.Record) bool {
	return r.Collection != nil && strings.TrimSpace(r.Collection.Title) != ""
}

// references joins the sources' archival references as written.
func references(r *record.Record) string {
	var refs []string
	for _, s := range r.Sources {
		if ref := strings.TrimSpace(s.Reference); ref != "" {
			refs = append(refs, ref)
		} else if s.Repository != "" || s.File != "" {
			refs = append(refs, joinNonEmpty(", ", s.Repository, s.File))
		}
	}
	return strings.Join(refs, "; ")
}

// urls are the address a citation gives (the permanent one when the caller
// knows it, else the record's own) and, when that is the permanent one, the
// record's own address, cited as where the text was published. Both are
// normalized so every format carries the same bytes.
func (o Options) urls(r *record.Record) (cited, published string) {
	own := record.NormalURL(r.URL)
	if u := record.NormalURL(o.URL); u != "" {
		if own == u {
			own = ""
		}
		return u, own
	}
	return own, ""
}

// holding is one archival source as reference managers split it: the
// archive, and the location within it (Zotero's "Archive" and "Loc. in
// Archive", CSL's archive and archive_location).
type holding struct{ archive, location string }

// firstHolding is the source the single-valued archive fields carry; the
// others are returned as "Archive, location" for a note.
func firstHolding(r *record.Record) (first holding, more []string) {
	found := false
	for _, s := range r.Sources {
		h := holding{archive: oneLine(s.Repository), location: oneLine(locationIn(s))}
		switch {
		case h.archive == "" && h.location == "":
		case !found:
			first, found = h, true
		default:
			more = append(more, joinNonEmpty(", ", h.archive, h.location))
		}
	}
	return first, more
}

// locationIn is where in its archive a source is, without the archive's name:
// the fond/opis/delo/papka/listy hierarchy or file number when fond parsed
// them, else the reference as written less the repository's name or
// abbreviation, which the archive field already says.
func locationIn(s record.Source) string {
	var parts []string
	add := func(label, v string) {
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, joinNonEmpty(" ", label, v))
		}
	}
	add("Fond", s.Fond)
	add("Opis", s.Opis)
	add("Delo", s.Delo)
	add("Papka", s.Papka)
	add("listy", s.Folios)
	add("", s.File)
	if len(parts) > 0 {
		return strings.Join(parts, ", ")
	}
	// The reference as written names the archive in its first segments
	// ("Wilson Center Archive, Box 3", "AVP RF (hereafter …), Fond") or its
	// last ("…, APRF."); what is left is the place in it.
	names := nonEmpty([]string{s.Repository, s.Abbreviation})
	names = append(names, "(hereafter")
	isArchive := func(seg string) bool {
		for _, n := range names {
			if strings.Contains(seg, n) {
				return true
			}
		}
		return false
	}
	segs := strings.Split(strings.TrimRight(strings.TrimSpace(s.Reference), ". "), ",")
	for len(segs) > 0 && isArchive(segs[0]) {
		segs = segs[1:]
	}
	for len(segs) > 0 && isArchive(segs[len(segs)-1]) {
		segs = segs[:len(segs)-1]
	}
	return strings.TrimSpace(strings.Join(segs, ","))
}

// ZoteroType is the Zotero item type a document page declares in DC.type,
// which Zotero's Embedded Metadata translator takes when no Highwire journal,
// conference, book or thesis tag overrides it: a letter is a letter, a
// report a report, and every other primary document (telegram, memorandum,
// minutes, note) a manuscript; secondary writing is a blog or forum post, a
// journal article or a web page.
func ZoteroType(r *record.Record) string {
	switch kindOf(r) {
	case blogPost:
		return "blogPost"
	case listPost:
		return "forumPost"
	case journalArt:
		return "journalArticle"
	case otherWriting:
		return "webpage"
	}
	t := strings.ToLower(r.Type)
	switch {
	case strings.Contains(t, "letter"):
		return "letter"
	case strings.Contains(t, "report"):
		return "report"
	}
	return "manuscript"
}

// docNumber is a collection document's own identifier ("d5" in a FRUS volume).
// The ingest key carries it before a record is stored; after, a history.state.gov
// style URL or the publisher's record id does.
func docNumber(r *record.Record) string {
	if !inCollection(r) {
		return ""
	}
	// The number the edition prints ("285") is how readers of the volume
	// find the document; the key or URL ("d285") is only its address.
	if n := strings.TrimSpace(r.DocNumber); n != "" {
		return n
	}
	if id := r.Collection.ID; id != "" {
		if n, ok := strings.CutPrefix(r.Key, id+"/"); ok && n != "" {
			return n
		}
		if _, n, ok := strings.Cut(r.URL, "/"+id+"/"); ok {
			if n = strings.Trim(n, "/"); n != "" && !strings.ContainsAny(n, "/?#") {
				return n
			}
		}
	}
	return strings.TrimSpace(r.RecordID)
}

// publisherPlace knows the one imprint that matters to fond's collections: the
// U.S. government printer, whose place Chicago wants and the TEI headers omit.
func publisherPlace(publisher string) string {
	p := strings.ToLower(publisher)
	if strings.Contains(p, "government printing office") || strings.Contains(p, "government publishing office") {
		return "Washington"
	}
	return ""
}

// imprint is "Washington: Publisher, 1951" with whatever parts are known.
func imprint(c *record.Collection) string {
	pub := joinNonEmpty(": ", publisherPlace(c.Publisher), c.Publisher)
	return joinNonEmpty(", ", pub, c.Year)
}

// nameList joins names as Chicago prose does: "A and B", "A, B, and C",
// each in its running-text order.
func nameList(names []string) string {
	names = displayNames(names)
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}

func displayNames(names []string) []string {
	var out []string
	for _, n := range splitNames(names) {
		out = append(out, n.display())
	}
	return out
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(nonEmpty(parts), sep)
}

// oneLine folds a value onto one line: RIS and BibTeX values, and Chicago
// notes, cannot carry the paragraph breaks a summary or title may hold.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
