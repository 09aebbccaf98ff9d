package edtf

import (
	"fmt"
	"strconv"
	"strings"
)

// String is the canonical EDTF form; Parse(d.String()) gives d back.
func (d Date) String() string {
	if !d.interval {
		return d.from.String()
	}
	return d.from.String() + "/" + d.to.String()
}

func (p part) String() string {
	switch {
	case p.open:
		return ".."
	case p.unknown:
		return ""
	}
	s := p.year
	if p.season != 0 {
		s += "-" + strconv.Itoa(p.season)
	} else if p.month != "" {
		s += "-" + p.month
		if p.day != "" {
			s += "-" + p.day
		}
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

// IsInterval reports whether d is a range of two dates.
func (d Date) IsInterval() bool { return d.interval }

// Uncertain reports whether any part of d is marked uncertain.
func (d Date) Uncertain() bool { return d.from.uncertain || d.to.uncertain }

// Approximate reports whether any part of d is marked approximate.
func (d Date) Approximate() bool { return d.from.approximate || d.to.approximate }

// Precision is the precision of the (first) date.
func (d Date) Precision() Precision {
	p := d.from
	switch {
	case p.day != "":
		return DayPrecision
	case p.month != "":
		return MonthPrecision
	case p.season != 0:
		return SeasonPrecision
	}
	return YearPrecision
}

// Earliest is the first day d can mean, as YYYY-MM-DD; "" for an open or unknown
// start. Years beyond 9999 or before 0000 are clamped to those.
func (d Date) Earliest() string { return d.from.bound(false) }

// Latest is the last day d can mean; "" for an open or unknown end.
func (d Date) Latest() string {
	if d.interval {
		return d.to.bound(true)
	}
	return d.from.bound(true)
}

func (p part) bound(last bool) string {
	if p.open || p.unknown || p.year == "" {
		return ""
	}
	y, ok := p.yearBound(last)
	if !ok {
		return ""
	}
	if p.season != 0 {
		lo := map[int]string{21: "03-01", 22: "06-01", 23: "09-01", 24: "12-01"}[p.season]
		hi := map[int]string{21: "05-31", 22: "08-31", 23: "11-30", 24: "12-31"}[p.season]
		if last {
			return fmt.Sprintf("%04d-%s", y, hi)
		}
		return fmt.Sprintf("%04d-%s", y, lo)
	}
	m := 1
	if last {
		m = 12
	}
	if p.month != "" {
		m = digitBound(p.month, last, 1, 12)
	}
	dd := 1
	if last {
		dd = daysIn(y, m)
	}
	if p.day != "" {
		dd = digitBound(p.day, last, 1, daysIn(y, m))
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// yearBound resolves unspecified digits and clamps to 0..9999.
func (p part) yearBound(last bool) (int, bool) {
	s := p.year
	if strings.HasPrefix(s, "Y") {
		n, err := strconv.ParseInt(s[1:], 10, 64)
		if err != nil {
			return 0, false
		}
		return clampYear(n), true
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	fill := "0"
	if last != neg {
		fill = "9"
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, "X", fill), 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return clampYear(n), true
}

func clampYear(n int64) int {
	return int(max(0, min(9999, n)))
}

// digitBound resolves X digits in a month or day to the lowest or highest value
// in [lo, hi] that the written digits allow.
func digitBound(s string, last bool, lo, hi int) int {
	if !strings.Contains(s, "X") {
		n, _ := strconv.Atoi(s)
		return n
	}
	best := -1
	for v := lo; v <= hi; v++ {
		c := fmt.Sprintf("%02d", v)
		if (s[0] == 'X' || s[0] == c[0]) && (s[1] == 'X' || s[1] == c[1]) {
			if !last && best < 0 || last {
				best = v
			}
			if !last {
				break
			}
		}
	}
	if best < 0 {
		if last {
			return hi
		}
		return lo
	}
	return best
}

// Compare orders dates by their earliest, then latest, bound; open or unknown
// bounds sort first.
func Compare(a, b Date) int {
	if c := strings.Compare(a.Earliest(), b.Earliest()); c != 0 {
		return c
	}
	return strings.Compare(a.Latest(), b.Latest())
}

// Day, Month and Year make single dates.
func Day(y, m, d int) Date {
	return Date{from: part{year: fmt.Sprintf("%04d", y), month: fmt.Sprintf("%02d", m), day: fmt.Sprintf("%02d", d)}}
}
func Month(y, m int) Date {
	return Date{from: part{year: fmt.Sprintf("%04d", y), month: fmt.Sprintf("%02d", m)}}
}
func Year(y int) Date { return Date{from: part{year: fmt.Sprintf("%04d", y)}} }

// Interval joins two single dates.
func Interval(from, to Date) Date { return Date{from: from.from, to: to.from, interval: true} }

// WithUncertain marks d uncertain.
func (d Date) WithUncertain() Date {
	d.from.uncertain = !d.from.open && !d.from.unknown
	if d.interval {
		d.to.uncertain = !d.to.open && !d.to.unknown
	}
	return d
}

// WithApproximate marks d approximate.
func (d Date) WithApproximate() Date {
	d.from.approximate = !d.from.open && !d.from.unknown
	if d.interval {
		d.to.approximate = !d.to.open && !d.to.unknown
	}
	return d
}
