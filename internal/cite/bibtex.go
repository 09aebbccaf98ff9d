package cite

import (
	"fmt"
	"strings"
	"unicode"

	"fond/internal/record"
)

// BibTeX renders an entry: @misc for archival documents (archive and reference in
// howpublished and note), @online for blog and mailing-list posts, @article for
// articles. The title is wrapped in double braces so styles keep its capitals.
func BibTeX(r *record.Record) string {
	kind := "misc"
	switch strings.ToLower(r.Type) {
	case "blog post", "mailing list post":
		kind = "online"
	case "article", "journal article":
		kind = "article"
	}
	var fields [][2]string
	add := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			fields = append(fields, [2]string{k, v})
		}
	}
	add("title", "{"+escape(r.Title)+"}")
	add("author", escape(strings.Join(r.Authors, " and ")))
	add("translator", escape(strings.Join(r.Translators, " and ")))
	add("year", year(r))
	if len(r.Date.Earliest) == 10 && r.Date.Earliest[:7] == r.Date.Latest[:7] {
		add("month", strings.ToLower(monthNames[atoi(r.Date.Earliest[5:7])][:3]))
	}
	add("date", r.Date.EDTF)
	publisher := r.Publisher
	if r.Collection != nil && r.Collection.Title != "" {
		publisher = r.Collection.Title
	}
	if kind == "article" {
		add("journal", escape(publisher))
	} else {
		add("howpublished", escape(publisher))
	}
	add("note", escape(references(r)))
	add("type", escape(r.Type))
	add("url", r.URL)
	var b strings.Builder
	fmt.Fprintf(&b, "@%s{%s,\n", kind, Key(r))
	for i, f := range fields {
		sep := ","
		if i == len(fields)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "  %s = {%s}%s\n", f[0], f[1], sep)
	}
	b.WriteString("}\n")
	return b.String()
}

// Key is a stable ASCII citation key: a name, the year and the title's first word
// ("stalin1949meeting"), falling back to the record id.
func Key(r *record.Record) string {
	who := ""
	switch {
	case len(r.Authors) > 0:
		f := strings.Fields(r.Authors[0])
		who = f[len(f)-1] // a Western surname comes last
	case len(r.Participants) > 0:
		who = strings.Fields(r.Participants[0])[0]
	case len(r.Sources) > 0:
		who = r.Sources[0].Abbreviation
	}
	first := ""
	for _, w := range strings.Fields(r.Title) {
		if a := ascii(w); len(a) > 3 && !titleStop[a] {
			first = a
			break
		}
	}
	key := ascii(who) + year(r) + first
	if key == "" || ascii(who) == "" && first == "" {
		return "fond" + r.ID
	}
	return key
}

var titleStop = map[string]bool{"with": true, "from": true, "between": true, "about": true}

func ascii(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escape protects BibTeX's special characters.
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)
	return r.Replace(s)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
