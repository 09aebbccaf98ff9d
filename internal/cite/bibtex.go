package cite

import (
	"fmt"
	"strings"

	"fond/internal/record"
)

// BibTeX renders one entry.
//
// Entry types: @misc for primary documents (BibTeX has no archival type; the
// archival reference goes in note, the publisher or collection imprint in
// howpublished), @online for blog and mailing-list posts and other web
// writing, @article for writing in a named journal. @online is biblatex's;
// classic BibTeX styles treat it as @misc.
//
// Fields carry both vocabularies: year and month (a bare month macro, so
// styles print the month name) for BibTeX, date (the record's EDTF, which
// biblatex reads natively, qualifiers and intervals included) and translator
// for biblatex.
//
// The whole title is wrapped in an extra pair of braces: titles here are full
// of proper names (Stalin, Kim Il Sung, Politburo) that sentence-casing styles
// would lowercase, and guessing which words are names is riskier than keeping
// the title exactly as the source has it. Names of several words are braced
// too, so BibTeX does not split "Kim Il Sung" into given and family names
// (the CSL-JSON output keeps names literal for the same reason). Non-ASCII text
// stays UTF-8, which biber and any UTF-8 LaTeX read directly.
func BibTeX(r *record.Record) string {
	k := kindOf(r)
	entry := "misc"
	switch k {
	case blogPost, listPost, otherWriting:
		entry = "online"
	case journalArt:
		entry = "article"
	}
	var fields [][2]string
	add := func(name, value string) {
		if value != "" {
			fields = append(fields, [2]string{name, value})
		}
	}
	if t := oneLine(r.Title); t != "" {
		add("title", "{"+bibEscape(t)+"}")
	}
	add("author", bibNames(r.Authors))
	add("translator", bibNames(r.Translators))
	add("year", year(r.Date))
	month := bibMonth(r.Date)
	if e := effectiveEDTF(r.Date); e != "" {
		if _, ok := parseEDTF(e); ok {
			// Only EDTF biblatex can parse; % is the one EDTF mark TeX reads as a comment.
			add("date", strings.ReplaceAll(e, "%", `\%`))
		}
	}
	switch k {
	case archival:
		how := r.Publisher
		if inCollection(r) {
			how = "In " + r.Collection.Title
			if imp := imprint(r.Collection); imp != "" {
				how += " (" + imp + ")"
			}
			if n := docNumber(r); n != "" {
				how += ", document " + n
			}
		}
		add("howpublished", bibEscape(oneLine(how)))
		add("note", bibEscape(oneLine(references(r))))
		add("type", bibEscape(oneLine(r.Type)))
	case journalArt:
		add("journal", bibEscape(oneLine(r.Collection.Title)))
		add("publisher", bibEscape(oneLine(r.Publisher)))
	default:
		if inCollection(r) {
			add("titleaddon", bibEscape(oneLine(r.Collection.Title)))
		}
		add("organization", bibEscape(oneLine(r.Publisher)))
		add("type", bibEscape(oneLine(r.Type)))
	}
	add("url", bibURL(record.WebURL(r.URL)))
	var b strings.Builder
	fmt.Fprintf(&b, "@%s{%s,\n", entry, Key(r))
	for i, f := range fields {
		fmt.Fprintf(&b, "  %s = {%s}", f[0], f[1])
		if i < len(fields)-1 || month != "" {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	if month != "" {
		// A bare macro, not a braced string: only the macro lets a style print
		// "April" or "Apr." as it likes.
		fmt.Fprintf(&b, "  month = %s\n", month)
	}
	b.WriteString("}\n")
	return b.String()
}

var monthMacros = [...]string{"", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// bibMonth is the month macro when the date names a single month.
func bibMonth(d record.Date) string {
	p, ok := parseEDTF(effectiveEDTF(d))
	if !ok || p.start.month < 1 || p.start.month > 12 {
		return ""
	}
	if p.interval && (p.end.month != p.start.month || p.end.year != p.start.year) {
		return ""
	}
	return monthMacros[p.start.month]
}

func bibNames(names []string) string {
	var out []string
	for _, n := range nonEmpty(names) {
		n = bibEscape(oneLine(n))
		if strings.Contains(n, " ") {
			n = "{" + n + "}"
		}
		out = append(out, n)
	}
	return strings.Join(out, " and ")
}

var bibReplacer = strings.NewReplacer(
	`\`, `\textbackslash{}`,
	"{", `\{`, "}", `\}`,
	"&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`,
	"~", `\textasciitilde{}`, "^", `\textasciicircum{}`,
)

// bibEscape makes text safe inside a braced BibTeX value.
func bibEscape(s string) string { return bibReplacer.Replace(s) }

// bibURL leaves a URL verbatim (biblatex and hyperref read url fields
// verbatim, so escaping % or # would corrupt them) except for the braces and
// spaces that would break the entry itself.
func bibURL(u string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", " ", "%20").Replace(strings.TrimSpace(u))
}
