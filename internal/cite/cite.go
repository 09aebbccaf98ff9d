// Package cite formats citations of one record: Chicago notes (reproducing the
// Digital Archive's own form for primary documents), BibTeX, RIS and CSL-JSON.
// It reads only the record, so every output fond offers (CLI, web page, API)
// cites a document the same way without a database or network.
package cite

import (
	"fmt"
	"strings"

	"fond/internal/record"
)

// Styles lists the supported styles, in the order pages offer them.
func Styles() []string { return []string{"chicago", "bibtex", "ris", "csl-json"} }

// Format renders r in a named style.
func Format(style string, r *record.Record) (string, error) {
	switch strings.ToLower(strings.TrimSpace(style)) {
	case "chicago":
		return Chicago(r), nil
	case "bibtex":
		return BibTeX(r), nil
	case "ris":
		return RIS(r), nil
	case "csl-json":
		b, err := CSLJSON(r)
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

// repositories lists each distinct repository once, for the "archive" fields.
func repositories(r *record.Record) string {
	var out []string
	seen := map[string]bool{}
	for _, s := range r.Sources {
		if s.Repository != "" && !seen[s.Repository] {
			seen[s.Repository] = true
			out = append(out, s.Repository)
		}
	}
	return strings.Join(out, "; ")
}

// docNumber is a collection document's own identifier ("d5" in a FRUS volume).
// The ingest key carries it before a record is stored; after, a history.state.gov
// style URL or the publisher's record id does.
func docNumber(r *record.Record) string {
	if !inCollection(r) {
		return ""
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

// nameList joins names as Chicago prose does: "A and B", "A, B, and C".
func nameList(names []string) string {
	names = nonEmpty(names)
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
