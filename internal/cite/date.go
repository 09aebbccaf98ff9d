package cite

import (
	"strconv"
	"strings"

	"fond/internal/edtf"
	"fond/internal/record"
)

// Dates are read by internal/edtf (Parse, then Date.Ends), the reader the
// store validates with and the reading room writes from; this file only words
// what it read as Chicago does. A citation must never fail because a date is
// odd, so what edtf cannot read falls back to the text as written, and so do
// years this file does not word: before 0000, past 9999 (Y), or with no digit
// given (XXXX). EDTF numbers years before 0001 astronomically (-0044 is 45 BC),
// which a cataloguer may not have meant; the text as written cannot mislead.

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// EDTF level 1 numbers seasons 21–24 in the month position.
var seasonNames = map[int]string{21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}

// point is one end of an EDTF date as edtf read it, so that it can carry the
// wording methods below.
type point edtf.End

// edtfDate is an EDTF value's ends: a single point, or an interval when
// interval is set.
type edtfDate struct {
	start, end point
	interval   bool
}

// readEDTF is s as edtf reads it; false when edtf cannot, or when an end has a
// year this file does not word, so that the caller prints s as written.
func readEDTF(s string) (edtfDate, bool) {
	d, err := edtf.Parse(strings.TrimSpace(s))
	if err != nil {
		return edtfDate{}, false
	}
	from, to := d.Ends()
	p := edtfDate{start: point(from), end: point(to), interval: d.IsInterval()}
	if !p.start.worded() || p.interval && !p.end.worded() {
		return edtfDate{}, false
	}
	return p, true
}

// worded reports whether the point is one this file can write: an open or
// unknown end, or a four-digit year whose unspecified digits (195X, 1XXX)
// leave at least the first one given.
func (p point) worded() bool {
	y := p.Year
	return !p.known() || len(y) == 4 && y[0] >= '0' && y[0] <= '9'
}

func (p point) known() bool { return edtf.End(p).Known() }

// month is the month, or the season (21–24) in the month's place as EDTF
// writes it; 0 when neither is given.
func (p point) month() int {
	if p.Season != 0 {
		return p.Season
	}
	return p.Month
}

// yearNumber is the first year the point can mean (1950 for 195X).
func (p point) yearNumber() int {
	n, _ := strconv.Atoi(strings.ReplaceAll(p.Year, "X", "0"))
	return n
}

func (p point) qualified() bool { return p.Approximate || p.Uncertain }

func (p point) yearText() string {
	switch strings.Count(p.Year, "X") {
	case 0:
		return p.Year
	case 1, 2:
		return strings.ReplaceAll(p.Year, "X", "0") + "s"
	}
	return p.Year
}

// text renders one point as a reader writes it: "March 5, 1949", "April 1950",
// "Spring 1950", "1950s". withYear false drops the year for a collapsed interval.
func (p point) text(withYear bool) string {
	var s string
	switch {
	case p.Day > 0:
		s = monthNames[p.Month] + " " + strconv.Itoa(p.Day)
		if withYear {
			s += ", " + p.yearText()
		}
	case p.month() > 0:
		s = monthName(p.month())
		if withYear {
			s += " " + p.yearText()
		}
	default:
		s = p.yearText()
	}
	if p.Approximate {
		s = "circa " + s
	}
	if p.Uncertain {
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
	d, ok := readEDTF(s)
	if !ok {
		return ""
	}
	if !d.interval {
		return d.start.text(true)
	}
	a, b := d.start, d.end
	switch {
	case !a.known():
		return "before " + b.text(true)
	case !b.known():
		return "after " + a.text(true)
	}
	// Collapse the shared year (and month) as Chicago does, but only when both
	// ends are plain: "circa March 30 – April 25?, 1950" would misplace a qualifier.
	if a.Year == b.Year && !a.qualified() && !b.qualified() {
		switch {
		case a.Day > 0 && b.Day > 0 && a.Month == b.Month:
			return monthNames[a.Month] + " " + strconv.Itoa(a.Day) + "–" + strconv.Itoa(b.Day) + ", " + a.Year
		case a.Day > 0 && b.Day > 0:
			return a.text(false) + " – " + b.text(false) + ", " + a.Year
		case a.Day == 0 && b.Day == 0 && a.month() > 0 && b.month() > 0:
			return monthName(a.month()) + "–" + monthName(b.month()) + " " + a.Year
		}
	}
	if a.month() == 0 && b.month() == 0 && !a.qualified() && !b.qualified() {
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
	return strconv.Itoa(edtf.DaysIn(y, m))
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
	p, ok := readEDTF(effectiveEDTF(d))
	if !ok {
		return point{}, false
	}
	a := p.start
	if !a.known() {
		a = p.end
	}
	return a, !strings.Contains(a.Year, "X")
}

// year is the record's (first) year as four digits, or "".
func year(d record.Date) string {
	if a, ok := firstPoint(d); ok {
		return a.Year
	}
	if len(d.Earliest) >= 4 {
		return d.Earliest[:4]
	}
	return ""
}
