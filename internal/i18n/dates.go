package i18n

import (
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

// when is one end of an EDTF date, read from its canonical form.
type when struct {
	year         string // as written: "1953", "195X", "-0044", "Y170000002"
	month, day   int    // 0 when absent or unspecified
	season       int    // 21..24, 0 when absent
	uncertain    bool
	approximate  bool
	open, absent bool // ".." or an empty end of an interval
}

func readWhen(s string) when {
	switch s {
	case "..":
		return when{open: true}
	case "":
		return when{absent: true}
	}
	var w when
	switch {
	case strings.HasSuffix(s, "%"):
		w.uncertain, w.approximate = true, true
	case strings.HasSuffix(s, "?"):
		w.uncertain = true
	case strings.HasSuffix(s, "~"):
		w.approximate = true
	}
	s = strings.TrimRight(s, "?~%")
	neg := strings.HasPrefix(s, "-")
	parts := strings.Split(strings.TrimPrefix(s, "-"), "-")
	w.year = parts[0]
	if neg {
		w.year = "-" + w.year
	}
	if len(parts) > 1 {
		n, _ := strconv.Atoi(parts[1]) // "XX" reads as 0: unspecified
		if n >= 21 && n <= 24 {
			w.season = n
		} else {
			w.month = n
		}
	}
	if len(parts) > 2 {
		w.day, _ = strconv.Atoi(parts[2])
	}
	if w.month == 0 {
		w.day = 0
	}
	return w
}

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
	canon := d.String()
	// A qualifier the EDTF already carries is not said twice.
	if qualifier == qualApproximate && d.Approximate() || qualifier == qualUncertain && d.Uncertain() {
		qualifier = ""
	}
	if !d.IsInterval() {
		w := readWhen(canon)
		return p.qualify(p.single(w, false), p.single(w, true), qualifier), true
	}
	a, b, _ := strings.Cut(canon, "/")
	s := p.interval(readWhen(a), readWhen(b))
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
	s := p.plain(w, gen || w.approximate)
	if w.approximate {
		s = p.T("date.circa", s)
	}
	if w.uncertain {
		s = p.T("date.uncertain", s)
	}
	return s
}

// plain writes one end without qualifiers.
func (p Printer) plain(w when, gen bool) string {
	ru := p.Lang == RU
	year, era := p.year(w.year)
	switch {
	case strings.Contains(year, "X"):
		return p.fuzzyYear(year, gen)
	case w.day > 0 && w.month >= 1 && w.month <= 12:
		if ru {
			return strconv.Itoa(w.day) + " " + ruMonthsGen[w.month-1] + " " + year + " г." + era
		}
		return enMonths[w.month-1] + " " + strconv.Itoa(w.day) + ", " + year + era
	case w.month >= 1 && w.month <= 12:
		if ru && gen {
			return ruMonthsGen[w.month-1] + " " + year + " г." + era
		}
		if ru {
			return ruMonths[w.month-1] + " " + year + " г." + era
		}
		return enMonths[w.month-1] + " " + year + era
	case w.season >= 21 && w.season <= 24:
		i := w.season - 21
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
// before the common era (-0044: 44, " BC").
func (p Printer) year(y string) (string, string) {
	y = strings.TrimPrefix(y, "Y")
	neg := strings.HasPrefix(y, "-")
	y = strings.TrimLeft(strings.TrimPrefix(y, "-"), "0")
	if y == "" {
		y = "0"
	}
	if neg {
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
	known := func(w when) bool { return !w.open && !w.absent }
	switch {
	case !known(a) && !known(b):
		return p.T("date.undated")
	case a.open:
		return p.T("date.until", p.single(b, true))
	case a.absent:
		return p.T("date.until.unknownstart", p.single(b, true))
	case b.open:
		return p.T("date.from", p.single(a, true))
	case b.absent:
		return p.T("date.from.unknownend", p.single(a, true))
	}
	plainEnds := !a.uncertain && !a.approximate && !b.uncertain && !b.approximate &&
		!strings.Contains(a.year+b.year, "X") && !strings.HasPrefix(a.year, "-") && !strings.HasPrefix(b.year, "-") &&
		a.season == 0 && b.season == 0
	if plainEnds && a.year == b.year {
		y := a.year
		switch {
		case a.day > 0 && b.day > 0 && a.month == b.month:
			return p.T("date.range.days", strconv.Itoa(a.day), strconv.Itoa(b.day), p.monthName(a.month, true), y)
		case a.day > 0 && b.day > 0:
			return p.T("date.range.daymonths", strconv.Itoa(a.day), p.monthName(a.month, true), strconv.Itoa(b.day), p.monthName(b.month, true), y)
		case a.day == 0 && b.day == 0 && a.month > 0 && b.month > 0:
			return p.T("date.range.months", p.monthName(a.month, false), p.monthName(b.month, false), y)
		}
	}
	if plainEnds && a.month == 0 && b.month == 0 {
		return p.T("date.range.years", a.year, b.year)
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
