package cite

import (
	"strings"

	"fond/internal/record"
)

// Chicago renders a note-style citation. For primary documents it reproduces the
// Digital Archive's form:
//
//	"Title," Date, Publisher, Archival reference. Translated by X. URL.
//
// A document in a published collection (a FRUS volume) cites the collection:
//
//	"Title," Date, in Collection (Place: Publisher, Year), document N.
//
// Secondary sources take the author-first form:
//
//	Author, "Title," Publisher, Date.
func Chicago(r *record.Record) string {
	var parts []string
	if r.Category == record.Secondary {
		if a := names(r.Authors); a != "" {
			parts = append(parts, a)
		}
		parts = append(parts, quoteTitle(r.Title))
		if r.Publisher != "" {
			parts = append(parts, r.Publisher)
		}
		if d := displayDate(r.Date); d != "n.d." {
			parts = append(parts, d)
		}
		return finish(joinCommas(parts), r)
	}
	parts = append(parts, quoteTitle(r.Title), displayDate(r.Date))
	switch {
	case r.Collection != nil && r.Collection.Title != "":
		c := "in " + r.Collection.Title
		var imprint []string
		if r.Collection.Publisher != "" {
			imprint = append(imprint, r.Collection.Publisher)
		}
		if r.Collection.Year != "" {
			imprint = append(imprint, r.Collection.Year)
		}
		if len(imprint) > 0 {
			c += " (" + strings.Join(imprint, ", ") + ")"
		}
		parts = append(parts, c)
		if refs := references(r); refs != "" {
			parts = append(parts, refs)
		}
	default:
		if r.Publisher != "" {
			parts = append(parts, r.Publisher)
		}
		if refs := references(r); refs != "" {
			parts = append(parts, refs)
		}
	}
	return finish(joinCommas(parts), r)
}

// quoteTitle puts the title in quotes with its comma inside, as Chicago does; a
// title ending in ? or ! keeps that mark instead of a comma.
func quoteTitle(t string) string {
	if t == "" {
		return ""
	}
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
		return "\"" + t + "\"\x00"
	}
	return "\"" + t + ",\"\x00"
}

// joinCommas joins parts with ", ", except after a quoted title, which carries its
// own punctuation (marked with NUL by quoteTitle).
func joinCommas(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if p == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			if strings.HasSuffix(b.String(), "\x00") {
				b.WriteString(" ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(p)
	}
	return strings.ReplaceAll(b.String(), "\x00", "")
}

func finish(s string, r *record.Record) string {
	s = strings.TrimRight(strings.TrimSpace(s), ",")
	if !strings.HasSuffix(s, `?"`) && !strings.HasSuffix(s, `!"`) {
		s = strings.TrimSuffix(s, ".") + "."
	}
	if len(r.Translators) > 0 {
		s += " Translated by " + names(r.Translators) + "."
	}
	if r.URL != "" {
		s += " " + r.URL + "."
	}
	return s
}
