// Package edtf implements the Extended Date/Time Format (ISO 8601-2, EDTF levels 0
// and 1): single dates of year, month or day precision, intervals with open or
// unknown ends, uncertain (?), approximate (~) and both (%) qualifiers, unspecified
// digits (195X, 1950-XX), seasons (1950-21..24) and long years (Y170000002).
// It imports nothing from fond: it is the standard, not the archive.
package edtf

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Precision of a single date.
type Precision int

// Precisions, coarsest first.
const (
	YearPrecision Precision = iota + 1
	SeasonPrecision
	MonthPrecision
	DayPrecision
)

// part is one date: the year, month and day as written (digits or X), a season,
// and qualifiers.
type part struct {
	year        string // "1950", "195X", "-0044", "Y170000002"
	month, day  string // "04", "XX", "" when absent
	season      int    // 21..24, 0 when absent
	uncertain   bool
	approximate bool
	open        bool // ".." in an interval
	unknown     bool // empty side of an interval
}

// Date is one EDTF value: a single date or an interval.
type Date struct {
	from     part
	to       part
	interval bool
}

// Parse reads an EDTF string.
func Parse(s string) (Date, error) {
	if s == "" {
		return Date{}, errors.New(`edtf: empty string`)
	}
	if strings.Contains(s, "/") {
		a, b, _ := strings.Cut(s, "/")
		if strings.Contains(b, "/") {
			return Date{}, fmt.Errorf("edtf: %q: more than one '/'", s)
		}
		from, err := parseEnd(a)
		if err != nil {
			return Date{}, fmt.Errorf("edtf: %q: %w", s, err)
		}
		to, err := parseEnd(b)
		if err != nil {
			return Date{}, fmt.Errorf("edtf: %q: %w", s, err)
		}
		d := Date{from: from, to: to, interval: true}
		if (from.open || from.unknown) && (to.open || to.unknown) {
			return Date{}, fmt.Errorf("edtf: %q: an interval needs at least one date", s)
		}
		if !from.open && !from.unknown && !to.open && !to.unknown && d.Earliest() > d.Latest() {
			return Date{}, fmt.Errorf("edtf: %q: interval ends before it starts", s)
		}
		return d, nil
	}
	p, err := parsePart(s)
	if err != nil {
		return Date{}, fmt.Errorf("edtf: %q: %w", s, err)
	}
	return Date{from: p}, nil
}

func parseEnd(s string) (part, error) {
	switch s {
	case "":
		return part{unknown: true}, nil
	case "..":
		return part{open: true}, nil
	}
	return parsePart(s)
}

func parsePart(s string) (part, error) {
	var p part
	switch {
	case strings.HasSuffix(s, "%"):
		p.uncertain, p.approximate = true, true
	case strings.HasSuffix(s, "?"):
		p.uncertain = true
	case strings.HasSuffix(s, "~"):
		p.approximate = true
	}
	if p.uncertain || p.approximate {
		s = s[:len(s)-1]
	}
	if t := strings.IndexByte(s, 'T'); t >= 0 {
		if err := checkTime(s[t+1:]); err != nil {
			return p, err
		}
		s = s[:t]
		if strings.Count(s, "-") < 2 {
			return p, errors.New("a time needs a full date")
		}
	}
	if strings.HasPrefix(s, "Y") {
		digits := strings.TrimPrefix(s[1:], "-")
		if len(digits) < 5 || !allDigits(digits) {
			return p, errors.New("a Y-year needs more than four digits")
		}
		p.year = s
		return p, nil
	}
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	fields := strings.Split(body, "-")
	if len(fields) > 3 || len(fields[0]) != 4 || !digitsOrX(fields[0]) {
		return p, errors.New("year must be four digits (X for unspecified)")
	}
	p.year = fields[0]
	if neg {
		p.year = "-" + p.year
	}
	if len(fields) >= 2 {
		m := fields[1]
		if len(m) != 2 || !digitsOrX(m) {
			return p, fmt.Errorf("month %q must be two digits", m)
		}
		if n, err := strconv.Atoi(m); err == nil {
			switch {
			case n >= 21 && n <= 24 && len(fields) == 2:
				p.season = n
			case n < 1 || n > 12:
				return p, fmt.Errorf("month %d out of range", n)
			default:
				p.month = m
			}
		} else {
			if m != "XX" && (m[0] == 'X') != (m[1] == 'X') && !(m[0] == '0' || m[0] == '1') {
				return p, fmt.Errorf("month %q is not a month", m)
			}
			p.month = m
		}
	}
	if len(fields) == 3 {
		d := fields[2]
		if len(d) != 2 || !digitsOrX(d) {
			return p, fmt.Errorf("day %q must be two digits", d)
		}
		if n, err := strconv.Atoi(d); err == nil {
			y, yerr := strconv.Atoi(strings.TrimPrefix(p.year, "-"))
			m, merr := strconv.Atoi(p.month)
			limit := 31
			if merr == nil {
				limit = 31
				if yerr == nil {
					limit = daysIn(y, m)
				} else if m == 2 {
					limit = 29
				} else {
					limit = daysIn(2001, m)
				}
			}
			if n < 1 || n > limit {
				return p, fmt.Errorf("day %d out of range", n)
			}
		}
		p.day = d
	}
	return p, nil
}

func checkTime(t string) error {
	t = strings.TrimSuffix(t, "Z")
	if i := strings.IndexAny(t, "+-"); i > 0 {
		t = t[:i]
	}
	f := strings.Split(t, ":")
	if len(f) < 2 || len(f) > 3 {
		return fmt.Errorf("time %q is not hh:mm[:ss]", t)
	}
	for i, x := range f {
		n, err := strconv.Atoi(x)
		if err != nil || len(x) != 2 || n < 0 || i == 0 && n > 23 || i > 0 && n > 59 {
			return fmt.Errorf("time %q is not hh:mm[:ss]", t)
		}
	}
	return nil
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func digitsOrX(s string) bool {
	for _, c := range s {
		if (c < '0' || c > '9') && c != 'X' {
			return false
		}
	}
	return s != ""
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
