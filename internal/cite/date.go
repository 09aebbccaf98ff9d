package cite

import (
	"strconv"
	"strings"

	"fond/internal/record"
)

// The EDTF reader here is deliberately small (levels 0 and 1, which is what
// docs/record.md promises) so that cite depends on nothing but the record: a
// citation must never fail because a date is odd, so anything it cannot read
// falls back to the text as written.

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// EDTF level 1 numbers seasons 21–24 in the month position.
var seasonNames = map[int]string{21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}

// point is one end of an EDTF date.
type point struct {
	year      string // four characters; trailing X marks an unspecified decade or century
	month     int    // 0 unknown, 1–12, or a season 21–24
	day       int    // 0 unknown
	approx    bool   // ~ or %
	uncertain bool   // ? or %
	open      bool   // ".." in an interval: no bound
	unknown   bool   // "" in an interval: a bound exists but is not known
}

// edtfDate is a parsed EDTF value: a single point, or an interval when end is set.
type edtfDate struct {
	start, end point
	interval   bool
}

func parseEDTF(s string) (edtfDate, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return edtfDate{}, false
	}
	if a, b, ok := strings.Cut(s, "/"); ok {
		p, ok1 := parsePoint(a, true)
		q, ok2 := parsePoint(b, true)
		if !ok1 || !ok2 || (p.open || p.unknown) && (q.open || q.unknown) {
			return edtfDate{}, false
		}
		return edtfDate{start: p, end: q, interval: true}, true
	}
	p, ok := parsePoint(s, false)
	if !ok || p.open || p.unknown {
		return edtfDate{}, false
	}
	return edtfDate{start: p}, true
}

func parsePoint(s string, inInterval bool) (point, bool) {
	var p point
	switch {
	case inInterval && s == "..":
		return point{open: true}, true
	case inInterval && s == "":
		return point{unknown: true}, true
	}
	switch {
	case strings.HasSuffix(s, "%"):
		p.approx, p.uncertain = true, true
	case strings.HasSuffix(s, "~"):
		p.approx = true
	case strings.HasSuffix(s, "?"):
		p.uncertain = true
	}
	s = strings.TrimRight(s, "~?%")
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return point{}, false
	}
	p.year = parts[0]
	// Unspecified digits may only trail: 195X, 19XX.
	if strings.Trim(strings.TrimRight(p.year, "X"), "0123456789") != "" || strings.HasPrefix(p.year, "XX") {
		return point{}, false
	}
	if len(parts) >= 2 {
		m, ok := field(parts[1])
		if !ok || m > 12 && seasonNames[m] == "" || strings.Contains(p.year, "X") && m != 0 {
			return point{}, false
		}
		p.month = m
	}
	if len(parts) == 3 {
		d, ok := field(parts[2])
		if !ok || d > 31 || p.month > 12 || p.month == 0 && d != 0 {
			return point{}, false
		}
		p.day = d
	}
	return p, true
}

// field reads a two-digit month or day; "XX" (unspecified) reads as 0.
func field(s string) (int, bool) {
	if s == "XX" {
		return 0, true
	}
	if len(s) != 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// yearNumber is the first year the point can mean (1950 for 195X).
func (p point) yearNumber() int {
	n, _ := strconv.Atoi(strings.ReplaceAll(p.year, "X", "0"))
	return n
}

func (p point) qualified() bool { return p.approx || p.uncertain }

func (p point) yearText() string {
	switch strings.Count(p.year, "X") {
	case 0:
		return p.year
	case 1, 2:
		return strings.ReplaceAll(p.year, "X", "0") + "s"
	}
	return p.year
}

// text renders one point as a reader writes it: "March 5, 1949", "April 1950",
// "Spring 1950", "1950s". withYear false drops the year for a collapsed interval.
func (p point) text(withYear bool) string {
	var s string
	switch {
	case p.month >= 1 && p.month <= 12 && p.day > 0:
		s = monthNames[p.month] + " " + strconv.Itoa(p.day)
		if withYear {
			s += ", " + p.yearText()
		}
	case p.month > 0:
		s = monthName(p.month)
		if withYear {
			s += " " + p.yearText()
		}
	default:
		s = p.yearText()
	}
	if p.approx {
		s = "circa " + s
	}
	if p.uncertain {
		s += "?"
	}
	return s
}

func monthName(m int) string {
	if m <= 12 {
		return monthNames[m]
	}
	return seasonNames[m]
}

// edtfDisplay makes a display date from EDTF, or "" when s cannot be read.
func edtfDisplay(s string) string {
	d, ok := parseEDTF(s)
	if !ok {
		return ""
	}
	if !d.interval {
		return d.start.text(true)
	}
	a, b := d.start, d.end
	switch {
	case a.open || a.unknown:
		return "before " + b.text(true)
	case b.open || b.unknown:
		return "after " + a.text(true)
	}
	// Collapse the shared year (and month) as Chicago does, but only when both
	// ends are plain: "circa March 30 – April 25?, 1950" would misplace a qualifier.
	if a.year == b.year && !a.qualified() && !b.qualified() && !strings.Contains(a.year, "X") {
		switch {
		case a.day > 0 && b.day > 0 && a.month == b.month:
			return monthNames[a.month] + " " + strconv.Itoa(a.day) + "–" + strconv.Itoa(b.day) + ", " + a.year
		case a.day > 0 && b.day > 0:
			return a.text(false) + " – " + b.text(false) + ", " + a.year
		case a.day == 0 && b.day == 0 && a.month > 0 && b.month > 0:
			return monthName(a.month) + "–" + monthName(b.month) + " " + a.year
		}
	}
	if a.day == 0 && a.month == 0 && b.day == 0 && b.month == 0 && !a.qualified() && !b.qualified() {
		return a.yearText() + "–" + b.yearText()
	}
	return a.text(true) + " – " + b.text(true)
}

// effectiveEDTF is the record's EDTF, or one rebuilt from its bounds when an
// extractor filled only those.
func effectiveEDTF(d record.Date) string {
	if d.EDTF != "" {
		return d.EDTF
	}
	return boundsEDTF(d.Earliest, d.Latest)
}

func boundsEDTF(earliest, latest string) string {
	if len(earliest) != 10 {
		return ""
	}
	if len(latest) != 10 || latest == earliest {
		return earliest
	}
	if earliest[:4] == latest[:4] && earliest[5:] == "01-01" && latest[5:] == "12-31" {
		return earliest[:4]
	}
	if earliest[:7] == latest[:7] && earliest[8:] == "01" && latest[8:] == lastDay(latest[:7]) {
		return earliest[:7]
	}
	return earliest + "/" + latest
}

func lastDay(ym string) string {
	y, _ := strconv.Atoi(ym[:4])
	m, _ := strconv.Atoi(ym[5:])
	switch m {
	case 4, 6, 9, 11:
		return "30"
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return "29"
		}
		return "28"
	}
	return "31"
}

// displayDate is the date a citation prints: the source's own wording when it
// has one (historians quote the archive's form), else one made from EDTF, then
// the qualifier's conventional mark. Inferred dates are bracketed because
// Chicago brackets what an editor supplied.
func displayDate(d record.Date) string {
	s := strings.TrimSpace(d.Display)
	if s == "" {
		s = edtfDisplay(effectiveEDTF(d))
	}
	if s == "" {
		s = strings.TrimSpace(d.EDTF)
	}
	if s == "" {
		return "n.d."
	}
	switch d.Qualifier {
	case record.Approximate:
		if !saysCirca(s) {
			s = "circa " + s
		}
	case record.Uncertain:
		if !strings.Contains(s, "?") {
			s += "?"
		}
	case record.Inferred:
		if !strings.HasPrefix(s, "[") {
			s = "[" + s + "]"
		}
	}
	return s
}

func saysCirca(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"circa", "c.", "ca.", "about", "around"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// firstPoint is the point the single-date fields (RIS DA, citation_date)
// carry: an interval's start, or its end when the start is open or unknown;
// false when there is none or its year is not fully given (195X).
func firstPoint(d record.Date) (point, bool) {
	p, ok := parseEDTF(effectiveEDTF(d))
	if !ok {
		return point{}, false
	}
	a := p.start
	if a.open || a.unknown {
		a = p.end
	}
	return a, !strings.Contains(a.year, "X")
}

// year is the record's (first) year as four digits, or "".
func year(d record.Date) string {
	if a, ok := firstPoint(d); ok {
		return a.year
	}
	if len(d.Earliest) >= 4 {
		return d.Earliest[:4]
	}
	return ""
}
