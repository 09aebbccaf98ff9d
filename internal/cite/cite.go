// Package cite formats citations of a record: Chicago (the Digital Archive's own
// form for primary documents), BibTeX, RIS and CSL-JSON. It reads only the record:
// no database, no HTTP.
package cite

import (
	"fmt"
	"strings"

	"fond/internal/edtf"
	"fond/internal/record"
)

// Styles lists the supported styles.
func Styles() []string { return []string{"chicago", "bibtex", "ris", "csl-json"} }

// Format renders r in a style.
func Format(style string, r *record.Record) (string, error) {
	switch style {
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
	return "", fmt.Errorf("unknown citation style %q (known: %s)", style, strings.Join(Styles(), ", "))
}

var monthNames = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// displayDate is the record's date as a reader writes it: the source's own
// display form when there is one, else one made from the EDTF.
func displayDate(d record.Date) string {
	s := d.Display
	if s == "" && d.EDTF != "" {
		s = fromEDTF(d.EDTF)
	}
	if s == "" {
		return "n.d."
	}
	if d.Qualifier == record.Approximate && !strings.HasPrefix(strings.ToLower(s), "c") {
		s = "circa " + s
	}
	return s
}

func fromEDTF(s string) string {
	d, err := edtf.Parse(s)
	if err != nil {
		return s
	}
	one := func(p string) string {
		p = strings.TrimRight(p, "?~%")
		var y, m, day int
		n, _ := fmt.Sscanf(p, "%d-%d-%d", &y, &m, &day)
		switch {
		case n == 3:
			return fmt.Sprintf("%s %d, %d", monthNames[m], day, y)
		case n == 2 && m >= 1 && m <= 12:
			return fmt.Sprintf("%s %d", monthNames[m], y)
		}
		return p
	}
	out := ""
	if d.IsInterval() {
		a, b, _ := strings.Cut(s, "/")
		out = one(a) + " – " + one(b)
	} else {
		out = one(s)
	}
	if d.Uncertain() {
		out += "?"
	}
	return out
}

// year returns the record's year, or "".
func year(r *record.Record) string {
	if len(r.Date.Earliest) >= 4 {
		return r.Date.Earliest[:4]
	}
	return ""
}

func references(r *record.Record) string {
	var refs []string
	for _, s := range r.Sources {
		if s.Reference != "" {
			refs = append(refs, s.Reference)
		}
	}
	return strings.Join(refs, "; ")
}

func names(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	case 2:
		return list[0] + " and " + list[1]
	}
	return strings.Join(list[:len(list)-1], ", ") + ", and " + list[len(list)-1]
}
