package cite

import (
	"strings"

	"fond/internal/record"
)

// RIS renders a record for reference managers. Types: MANSCPT for archival
// documents, BLOG for blog posts, ELEC for mailing-list posts, JOUR for articles.
// Translators go in A4 (RIS's "translator" role in Zotero and EndNote), the
// archival reference in AN (accession number) and AV (archive location).
// Lines end in CRLF as the format requires.
func RIS(r *record.Record) string {
	ty := "MANSCPT"
	switch strings.ToLower(r.Type) {
	case "blog post":
		ty = "BLOG"
	case "mailing list post":
		ty = "ELEC"
	case "article", "journal article":
		ty = "JOUR"
	}
	var b strings.Builder
	line := func(tag, v string) {
		if v = strings.TrimSpace(strings.ReplaceAll(v, "\n", " ")); v != "" {
			b.WriteString(tag + "  - " + v + "\r\n")
		}
	}
	line("TY", ty)
	line("TI", r.Title)
	for _, a := range r.Authors {
		line("AU", a)
	}
	for _, t := range r.Translators {
		line("A4", t)
	}
	line("PY", year(r))
	line("DA", risDate(r.Date))
	pub := r.Publisher
	if r.Collection != nil && r.Collection.Title != "" {
		line("T2", r.Collection.Title)
		pub = r.Collection.Publisher
	}
	line("PB", pub)
	for _, s := range r.Sources {
		line("AV", s.Repository)
		line("AN", s.Reference)
	}
	line("M3", r.Type)
	line("AB", r.Summary)
	line("UR", r.URL)
	line("ID", r.ID)
	if r.Date.Qualifier != "" && r.Date.Qualifier != record.Exact {
		line("N1", "Date "+r.Date.Qualifier+": "+r.Date.Display)
	}
	b.WriteString("ER  - \r\n")
	return b.String()
}

// risDate is YYYY/MM/DD/ with missing parts left blank.
func risDate(d record.Date) string {
	if len(d.Earliest) != 10 {
		return ""
	}
	y, m, day := d.Earliest[:4], d.Earliest[5:7], d.Earliest[8:10]
	if d.Earliest[:7] != d.Latest[:7] {
		m, day = "", ""
	} else if d.Earliest != d.Latest {
		day = ""
	}
	return y + "/" + m + "/" + day + "/"
}
