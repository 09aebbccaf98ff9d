package cite

import (
	"strings"

	"fond/internal/record"
)

// Chicago renders a Chicago-style note as plain text (no italics: the same
// string goes to terminals, HTML attributes and clipboards).
//
// A primary document reproduces the Digital Archive's own citation line:
//
//	"Title," Date, Publisher, Reference; Reference. Translated by A and B. URL.
//
// A primary document printed in a collection (a FRUS volume) cites the volume
// where the Digital Archive names itself, the way Chicago cites a document in
// a published collection, and names the document by the volume's own
// identifier (which is also what its URL ends in); the archival file, which the
// volume's source note gives, is left to the structured formats:
//
//	"Title," Date, in Collection Title (Washington: Publisher, Year), document d5.
//
// Secondary writing takes Chicago's article / web-page note form, with the
// translator after the title and the URL last:
//
//	Author, "Title," trans. X, Collection, Publisher, Date, URL.
//
// Missing parts are left out with their punctuation; an undated document reads
// "n.d."; a title ending in ? or ! keeps its mark inside the quotes instead of
// a comma; double quotes inside a title become single quotes.
//
// Names are in running-text order: "Kathryn Weathersby" for a source's
// "Weathersby, Kathryn", "Kim Il Sung" as it is. When the caller gives the
// document's permanent URL (Options.URL) it closes the note, after the
// publisher's own address.
func Chicago(r *record.Record, o Options) string {
	s := chicagoNote(r)
	if u := record.NormalURL(o.URL); u != "" && u != record.NormalURL(r.URL) {
		s += " " + u + "."
	}
	return s
}

func chicagoNote(r *record.Record) string {
	if kindOf(r) != archival {
		return chicagoSecondary(r)
	}
	rest := []string{displayDate(r.Date)}
	if inCollection(r) {
		c := "in " + oneLine(r.Collection.Title)
		if imp := imprint(r.Collection); imp != "" {
			c += " (" + imp + ")"
		}
		rest = append(rest, c)
		if n := docNumber(r); n != "" {
			rest = append(rest, "document "+n)
		}
	} else {
		rest = append(rest, oneLine(r.Publisher), oneLine(references(r)))
	}
	s := endSentence(withTitle("", r.Title, joinNonEmpty(", ", rest...)))
	if t := nameList(r.Translators); t != "" {
		s += " Translated by " + t + "."
	}
	if n := releaseNote(r); n != "" {
		s += " " + n
	}
	if u := record.NormalURL(r.URL); u != "" {
		s += " " + u + "."
	}
	return s
}

// releaseNote names the declassification release the cited text is, since
// another release of the same document withholds other parts: "Released
// 2008-05-01 by National Archives and Records Administration (MR 2005-123)."
// Every style says it in its note ("" when the record shows no dated
// release): none has a field for a release, and a reader must find the same
// text again.
func releaseNote(r *record.Record) string {
	if len(r.Releases) == 0 || r.Releases[0].Date == "" {
		return ""
	}
	rel := r.Releases[0]
	s := "Released " + rel.Date
	if rel.Body != "" {
		s += " by " + oneLine(rel.Body)
	}
	if rel.Authority != "" {
		s += " (" + oneLine(rel.Authority) + ")"
	}
	return s + "."
}

func chicagoSecondary(r *record.Record) string {
	var rest []string
	if t := nameList(r.Translators); t != "" {
		rest = append(rest, "trans. "+t)
	}
	if inCollection(r) {
		rest = append(rest, oneLine(r.Collection.Title))
	}
	if r.Publisher != "" && (!inCollection(r) || r.Publisher != r.Collection.Title) {
		rest = append(rest, oneLine(r.Publisher))
	}
	rest = append(rest, displayDate(r.Date), record.NormalURL(r.URL))
	return endSentence(withTitle(noteAuthors(r.Authors), r.Title, joinNonEmpty(", ", rest...)))
}

// noteAuthors follows Chicago's note rule: up to three names in full, more
// become the first and "et al.".
func noteAuthors(names []string) string {
	names = nonEmpty(names)
	if len(names) > 3 {
		return splitName(names[0]).display() + " et al."
	}
	return nameList(names)
}

// withTitle assembles lead, the quoted title and what follows it. The comma
// that separates the title from the rest goes inside the closing quote, as
// American usage wants, unless the title ends in its own ? or !.
func withTitle(lead, title, rest string) string {
	title = oneLine(title)
	title = strings.NewReplacer(`"`, "'", "“", "‘", "”", "’").Replace(title)
	title = strings.TrimRight(title, ".,;: ")
	if title == "" {
		return joinNonEmpty(", ", lead, rest)
	}
	ownMark := strings.HasSuffix(title, "?") || strings.HasSuffix(title, "!")
	var q string
	switch {
	case ownMark:
		q = `"` + title + `"`
	case rest == "":
		q = `"` + title + `."`
	default:
		q = `"` + title + `,"`
	}
	return joinNonEmpty(", ", lead, joinNonEmpty(" ", q, rest))
}

// endSentence closes a note with one period, without doubling one that a date
// ("n.d."), an abbreviation or a quoted title already supplies.
func endSentence(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ",;: ")
	for _, end := range []string{".", `."`, `?"`, `!"`, "?", "!"} {
		if strings.HasSuffix(s, end) {
			return s
		}
	}
	return s + "."
}
