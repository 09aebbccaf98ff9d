package datefind

import (
	"fmt"

	"fond/internal/edtf"
)

// ymd is a date as a text gives it; zero month or day means the text is silent.
type ymd struct{ y, m, d int }

// Prose dates are held to the years archives of modern history need: it keeps
// numbers such as "No. 4040" out.
const minYear, maxYear = 1000, 2099

func (a ymd) valid() bool {
	if a.y < minYear || a.y > maxYear || a.m < 0 || a.m > 12 || a.d < 0 {
		return false
	}
	return a.d == 0 || a.m > 0 && a.d <= edtf.DaysIn(a.y, a.m)
}

func (a ymd) date() edtf.Date {
	switch {
	case a.d > 0:
		return edtf.Day(a.y, a.m, a.d)
	case a.m > 0:
		return edtf.Month(a.y, a.m)
	}
	return edtf.Year(a.y)
}

// before compares as far as both dates are written.
func (a ymd) before(b ymd) bool {
	if a.y != b.y {
		return a.y < b.y
	}
	if a.m != b.m {
		return a.m < b.m
	}
	return a.d < b.d
}

// value is what one date expression says.
type value struct {
	from, to ymd  // to.y is 0 for a single date
	season   int  // 21..24 (EDTF seasons) with from.y alone
	decade   bool // from.y is the first year of a decade ("1950s")
}

func single(y, m, d int) value { return value{from: ymd{y, m, d}} }

func (v value) date() (edtf.Date, bool) {
	if !v.from.valid() {
		return edtf.Date{}, false
	}
	switch {
	case v.decade:
		d, err := edtf.Parse(fmt.Sprintf("%03dX", v.from.y/10))
		return d, err == nil
	case v.season != 0:
		d, err := edtf.Parse(fmt.Sprintf("%04d-%d", v.from.y, v.season))
		return d, err == nil
	case v.to.y != 0:
		if !v.to.valid() || v.to.before(v.from) {
			return edtf.Date{}, false
		}
		return edtf.Interval(v.from.date(), v.to.date()), true
	}
	return v.from.date(), true
}
