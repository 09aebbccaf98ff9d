package cite

import (
	"fmt"
	"strings"

	"fond/internal/record"
)

// BibTeX renders one entry.
//
// Entry types: @unpublished for primary documents (biblatex's and BibTeX's
// type for what was never printed, which citation-js reads as a CSL
// manuscript), @misc for one printed in a collection (the archival reference
// in note, the imprint in howpublished), @online for blog and mailing-list
// posts and other web writing, @article for writing in a named journal.
// @online is biblatex's; classic BibTeX styles treat it as @misc.
//
// Fields carry both vocabularies: year and month (a bare month macro, so
// styles print the month name) for BibTeX, date (the record's EDTF, which
// biblatex reads natively, qualifiers and intervals included) and translator
// for biblatex.
//
// The archive: biblatex has no archive field; its library field is the one
// it documents for a holding library and shelfmark, and the one citation-js
// reads (as call-number), so it carries "Archive, location". archive and
// archive_location repeat the two parts for readers that take Zotero's names
// (Better BibTeX); BibTeX and biber ignore fields they do not know. The
// references as written stay in note. langid is the babel name of the text's
// language, abstract the summary.
//
// Names are "Family, Given" or "Family, Suffix, Given" (BibTeX's own order),
// bodies' names braced whole, so BibTeX neither splits "Kim Il Sung" into
// given "Kim Il" and family "Sung" nor a ministry's name at its last word.
// The whole title is wrapped in an extra pair of braces: titles here are full
// of proper names (Stalin, Kim Il Sung, Politburo) that sentence-casing styles
// would lowercase, and guessing which words are names is riskier than keeping
// the title exactly as the source has it. Non-ASCII text stays UTF-8, which
// biber and any UTF-8 LaTeX read directly.
func BibTeX(r *record.Record, o Options) string {
	k := kindOf(r)
	entry := "unpublished"
	switch {
	case k == archival && inCollection(r):
		entry = "misc"
	case k == blogPost, k == listPost, k == otherWriting:
		entry = "online"
	case k == journalArt:
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
		if _, ok := readEDTF(e); ok {
			// Only EDTF biblatex can parse; % is the one EDTF mark TeX reads as a comment.
			add("date", strings.ReplaceAll(e, "%", `\%`))
		}
	}
	cited, published := o.urls(r)
	var notes []string
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
		h, _ := firstHolding(r)
		add("library", bibEscape(joinNonEmpty(", ", h.archive, h.location)))
		add("archive", bibEscape(h.archive))
		add("archive_location", bibEscape(h.location))
		notes = append(notes, oneLine(references(r)))
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
	// BibTeX's year and month cannot say "circa" or "inferred"; biblatex's
	// date can say only the first.
	notes = append(notes, dateNotes(r.Date)...)
	notes = append(notes, releaseNote(r))
	if published != "" {
		notes = append(notes, "Published at "+published)
	}
	for i, n := range notes {
		notes[i] = strings.TrimRight(n, ". ")
	}
	add("note", bibEscape(strings.Join(nonEmpty(notes), ". ")))
	add("langid", babelNames[r.Languages.Text])
	add("abstract", bibEscape(oneLine(r.Summary)))
	add("url", bibURL(cited))
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

// babelNames are the language names babel and polyglossia know (biblatex's
// langid), for the languages fond's documents are in.
var babelNames = map[string]string{
	"en": "english", "ru": "russian", "de": "ngerman", "fr": "french", "ko": "korean",
	"zh": "chinese", "ja": "japanese", "uk": "ukrainian", "pl": "polish", "cs": "czech",
	"hu": "magyar", "es": "spanish", "it": "italian", "bg": "bulgarian", "ro": "romanian",
}

var monthMacros = [...]string{"", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// bibMonth is the month macro when the date names a single month.
func bibMonth(d record.Date) string {
	p, ok := readEDTF(effectiveEDTF(d))
	if !ok || p.start.Month == 0 {
		return ""
	}
	if p.interval && (p.end.Month != p.start.Month || p.end.Year != p.start.Year) {
		return ""
	}
	return monthMacros[p.start.Month]
}

func bibNames(names []string) string {
	var out []string
	for _, n := range splitNames(names) {
		var s string
		switch {
		case n.Literal != "":
			s = "{" + bibEscape(n.Literal) + "}"
		case n.Given == "" && n.Suffix == "":
			s = bibPart(n.Family)
		case n.Suffix != "":
			s = bibPart(n.Family) + ", " + bibEscape(n.Suffix) + ", " + bibEscape(n.Given)
		default:
			s = bibPart(n.Family) + ", " + bibEscape(n.Given)
		}
		out = append(out, s)
	}
	return strings.Join(out, " and ")
}

// bibPart braces a family name of several words that BibTeX would otherwise
// read as a "von" part and a last name: "de Gaulle" stays as the source
// capitalizes it only when braced.
func bibPart(family string) string {
	family = bibEscape(family)
	if strings.Contains(family, " ") {
		return "{" + family + "}"
	}
	return family
}

var bibReplacer = strings.NewReplacer(
	`\`, `\textbackslash{}`,
	"{", `\{`, "}", `\}`,
	"&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`,
	"~", `\textasciitilde{}`, "^", `\textasciicircum{}`,
)

// bibEscape makes text safe inside a braced BibTeX value.
func bibEscape(s string) string { return bibReplacer.Replace(s) }

// bibURL leaves a URL as record.NormalURL gave it, braces and spaces already
// percent-encoded: biblatex and hyperref read url fields verbatim, so TeX
// escapes would corrupt it.
func bibURL(u string) string { return u }
