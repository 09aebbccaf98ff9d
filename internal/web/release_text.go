package web

import (
	"strings"

	"fond/internal/i18n"
	"fond/internal/record"
	"fond/internal/redact"
)

// internal/redact measures what a release withheld and says it in English
// (its Line and Extent, for the JSON API and the command line); the pages
// say it from the same amounts in their reader's language.

// withheldText is how much a release withheld: "3 paragraphs", "1 page,
// 2½ lines and 2 passages".
func withheldText(p i18n.Printer, w redact.Withheld) string {
	var parts []string
	for _, a := range w.Parts() {
		parts = append(parts, p.Amount("unit."+a.Unit, a.N))
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return p.T("release.and", strings.Join(parts[:len(parts)-1], ", "), parts[len(parts)-1])
}

// releaseLine is a release in a document's history: "2008: 1 paragraph
// withheld", "2019: full".
func releaseLine(p i18n.Printer, e redact.Entry) string {
	year := e.Year()
	if year == "" {
		year = p.T("release.undated")
	}
	if e.Withheld.Spans == 0 {
		return p.T("release.full", year)
	}
	return p.T("release.line", year, withheldText(p, e.Withheld))
}

// extentText is a withheld span's size as its marker states it: "5 lines",
// "1 paragraph (5 lines)", "less than 1 line"; "" when it states none.
func extentText(p i18n.Printer, r record.Redaction) string {
	if r.Unit == "" {
		return ""
	}
	key := "unit."
	if r.LessThan {
		key = "less."
	}
	s := p.Amount(key+r.Unit, r.Amount)
	if r.Unit == record.UnitParagraph && r.Lines > 0 {
		s = p.T("extent.lines", s, p.Amount("unit.line", r.Lines))
	}
	return s
}
