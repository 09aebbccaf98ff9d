package i18n

import (
	"math"
	"strconv"
	"strings"

	"fond/internal/edtf"
)

// Record qualifiers (record.Date.Qualifier), said of the whole date.
const (
	qualApproximate = "approximate"
	qualInferred    = "inferred"
	qualUncertain   = "uncertain"
)

var (
	enMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	// Russian writes a month alone in the nominative (март 1953 г.) and
	// after a day or a preposition in the genitive (5 марта, около марта).
	ruMonths    = []string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	ruMonthsGen = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	// EDTF seasons 21–24: spring, summer, autumn, winter.
	enSeasons    = []string{"Spring", "Summer", "Autumn", "Winter"}
	ruSeasons    = []string{"весна", "лето", "осень", "зима"}
	ruSeasonsGen = []string{"весны", "лета", "осени", "зимы"}
)

// when is one end of an EDTF date, as the edtf package parsed it.
type when = edtf.End

// Date writes a record's date as l writes dates: from its EDTF value when it
// has one fond reads, else the date as the source wrote it (display), else
// "undated"; qualifier is the record's word for how the date is known
// (approximate, inferred, uncertain, exact).
func (p Printer) Date(value, display, qualifier string) string {
	s, ok := p.edtf(value, qualifier)
	if !ok {
		if s = strings.TrimSpace(display); s == "" {
			return p.T("date.undated")
		}
		s = p.qualify(s, s, qualifier)
	}
	return s
}

// edtf writes an EDTF value; ok is false when value is empty or not EDTF.
func (p Printer) edtf(value, qualifier string) (string, bool) {
	d, err := edtf.Parse(strings.TrimSpace(value))
	if err != nil || d.IsZero() && !d.IsInterval() {
		return "", false
	}
	// A qualifier the EDTF already carries is not said twice.
	if qualifier == qualApproximate && d.Approximate() || qualifier == qualUncertain && d.Uncertain() {
		qualifier = ""
	}
	a, b := d.Ends()
	if !d.IsInterval() {
		return p.qualify(p.single(a, false), p.single(a, true), qualifier), true
	}
	s := p.interval(a, b)
	return p.qualify(s, "", qualifier), true
}

// qualify says how a whole date is known. gen is the date in the genitive
// (Russian "около" governs it), or "" when there is none to give.
func (p Printer) qualify(s, gen, qualifier string) string {
	switch qualifier {
	case qualApproximate:
		if gen == "" {
			return p.T("date.approximately", s)
		}
		return p.T("date.circa", gen)
	case qualInferred:
		return p.T("date.inferred", s)
	case qualUncertain:
		return p.T("date.uncertain", s)
	}
	return s
}

// single writes one end, with its own EDTF qualifiers; gen asks for the
// Russian genitive (after около, с, до).
func (p Printer) single(w when, gen bool) string {
	s := p.plain(w, gen || w.Approximate)
	if w.Approximate {
		s = p.T("date.circa", s)
	}
	if w.Uncertain {
		s = p.T("date.uncertain", s)
	}
	return s
}

// plain writes one end without qualifiers.
func (p Printer) plain(w when, gen bool) string {
	ru := p.Lang == RU
	year, era := p.year(w.Year)
	switch {
	case strings.Contains(year, "X"):
		return p.fuzzyYear(year, gen)
	case w.Day > 0 && w.Month >= 1 && w.Month <= 12:
		if ru {
			return strconv.Itoa(w.Day) + " " + ruMonthsGen[w.Month-1] + " " + year + " г." + era
		}
		return enMonths[w.Month-1] + " " + strconv.Itoa(w.Day) + ", " + year + era
	case w.Month >= 1 && w.Month <= 12:
		if ru && gen {
			return ruMonthsGen[w.Month-1] + " " + year + " г." + era
		}
		if ru {
			return ruMonths[w.Month-1] + " " + year + " г." + era
		}
		return enMonths[w.Month-1] + " " + year + era
	case w.Season >= 21 && w.Season <= 24:
		i := w.Season - 21
		if ru && gen {
			return ruSeasonsGen[i] + " " + year + " г." + era
		}
		if ru {
			return ruSeasons[i] + " " + year + " г." + era
		}
		return enSeasons[i] + " " + year + era
	}
	if ru {
		return year + " г." + era
	}
	return year + era
}

// year is a year as readers write it, and the era after it when it is
// before the common era. EDTF numbers years as ISO 8601 does, with a year
// zero: 0000 is 1 BC and -0044 is 45 BC (the year Caesar died is -0043).
func (p Printer) year(y string) (string, string) {
	y = strings.TrimPrefix(y, "Y")
	neg := strings.HasPrefix(y, "-")
	y = strings.TrimLeft(strings.TrimPrefix(y, "-"), "0")
	if y == "" {
		y = "0"
	}
	if neg || y == "0" {
		if n, err := strconv.ParseInt(y, 10, 64); err == nil && n < math.MaxInt64 {
			return strconv.FormatInt(n+1, 10), p.T("date.bc")
		}
		return y, p.T("date.bc")
	}
	return y, ""
}

// fuzzyYear writes a year with unspecified digits: 195X is the 1950s, 19XX
// the years 1900–1999.
func (p Printer) fuzzyYear(y string, gen bool) string {
	if strings.Count(y, "X") == 1 && strings.HasSuffix(y, "X") {
		decade := strings.TrimSuffix(y, "X") + "0"
		if gen {
			return p.T("date.decade.gen", decade)
		}
		return p.T("date.decade", decade)
	}
	return p.T("date.years", strings.ReplaceAll(y, "X", "0"), strings.ReplaceAll(y, "X", "9"))
}

// interval writes a range, sharing what its ends share: 5–7 March, March–April
// 1950, 1950–1953, and saying an open or unknown end in words.
func (p Printer) interval(a, b when) string {
	switch {
	case !a.Known() && !b.Known():
		return p.T("date.undated")
	case a.Open:
		return p.T("date.until", p.single(b, true))
	case a.Year == "":
		return p.T("date.until.unknownstart", p.single(b, true))
	case b.Open:
		return p.T("date.from", p.single(a, true))
	case b.Year == "":
		return p.T("date.from.unknownend", p.single(a, true))
	}
	plainEnds := !a.Uncertain && !a.Approximate && !b.Uncertain && !b.Approximate &&
		!strings.Contains(a.Year+b.Year, "X") && !strings.HasPrefix(a.Year, "-") && !strings.HasPrefix(b.Year, "-") &&
		a.Season == 0 && b.Season == 0
	if plainEnds && a.Year == b.Year {
		y := a.Year
		switch {
		case a.Day > 0 && b.Day > 0 && a.Month == b.Month:
			return p.T("date.range.days", strconv.Itoa(a.Day), strconv.Itoa(b.Day), p.monthName(a.Month, true), y)
		case a.Day > 0 && b.Day > 0:
			return p.T("date.range.daymonths", strconv.Itoa(a.Day), p.monthName(a.Month, true), strconv.Itoa(b.Day), p.monthName(b.Month, true), y)
		case a.Day == 0 && b.Day == 0 && a.Month > 0 && b.Month > 0:
			return p.T("date.range.months", p.monthName(a.Month, false), p.monthName(b.Month, false), y)
		}
	}
	if plainEnds && a.Month == 0 && b.Month == 0 {
		return p.T("date.range.years", a.Year, b.Year)
	}
	return p.T("date.range", p.single(a, false), p.single(b, false))
}

// monthName is a month's name alone: English capitalised, Russian in the
// genitive after a day (5–7 марта) or the nominative (март–апрель).
func (p Printer) monthName(m int, afterDay bool) string {
	if m < 1 || m > 12 {
		return ""
	}
	if p.Lang != RU {
		return enMonths[m-1]
	}
	if afterDay {
		return ruMonthsGen[m-1]
	}
	return ruMonths[m-1]
}

// MonthName is month m (1–12) as a heading names it (March, март).
func (p Printer) MonthName(m int) string { return p.monthName(m, false) }
