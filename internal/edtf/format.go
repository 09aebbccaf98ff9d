package edtf

import "strconv"

// String is the canonical EDTF form; Parse(d.String()) gives d back. A time read
// by Parse is not kept.
func (d Date) String() string {
	if !d.interval {
		return d.from.String()
	}
	return d.from.String() + "/" + d.to.String()
}

func (p part) String() string {
	if p.open {
		return ".."
	}
	s := p.year
	switch {
	case p.season != 0:
		s += "-" + strconv.Itoa(p.season)
	case p.month != "":
		s += "-" + p.month
		if p.day != "" {
			s += "-" + p.day
		}
	}
	if s == "" {
		return ""
	}
	switch {
	case p.uncertain && p.approximate:
		s += "%"
	case p.uncertain:
		s += "?"
	case p.approximate:
		s += "~"
	}
	return s
}
