package edtf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// day is a calendar day on the proleptic Gregorian calendar with an unbounded
// year, so that bounds compare correctly before they are clamped for display.
type day struct {
	y    int64
	m, d int
}

func after(a, b day) bool {
	if a.y != b.y {
		return a.y > b.y
	}
	if a.m != b.m {
		return a.m > b.m
	}
	return a.d > b.d
}

// String clamps to the years 0000-9999 that YYYY-MM-DD can hold; beyond them a
// bound says only "at the edge of the calendar".
func (a day) String() string {
	switch {
	case a.y < 0:
		return "0000-01-01"
	case a.y > 9999:
		return "9999-12-31"
	}
	return fmt.Sprintf("%04d-%02d-%02d", a.y, a.m, a.d)
}

// Earliest is the first day d can mean, as YYYY-MM-DD: 195X gives 1950-01-01. It is
// "" for an open or unknown start and for the zero Date.
func (d Date) Earliest() string {
	if !d.from.known() {
		return ""
	}
	return d.from.bound(false).String()
}

// Latest is the last day d can mean: 1950-02 gives 1950-02-28. It is "" for an
// open or unknown end.
func (d Date) Latest() string {
	p := d.from
	if d.interval {
		p = d.to
	}
	if !p.known() {
		return ""
	}
	return p.bound(true).String()
}

// seasons are meteorological (northern hemisphere); winter runs from December
// into the next year's February so that it stays one stretch of time.
var seasons = map[int][2][2]int{
	21: {{3, 1}, {5, 31}},
	22: {{6, 1}, {8, 31}},
	23: {{9, 1}, {11, 30}},
	24: {{12, 1}, {2, 0}},
}

// bound is the first (last=false) or last day p can mean. p must be known.
func (p part) bound(last bool) day {
	lo, hi := p.yearRange()
	y := lo
	if last {
		y = hi
	}
	if p.season != 0 {
		s := seasons[p.season]
		if !last {
			return day{y, s[0][0], s[0][1]}
		}
		if p.season == 24 && y < math.MaxInt64 {
			return day{y + 1, 2, daysIn(y+1, 2)}
		}
		return day{y, s[1][0], s[1][1]}
	}
	m := 1
	if last {
		m = 12
	}
	if p.month != "" && p.month != "XX" {
		m, _ = strconv.Atoi(p.month)
	}
	dd := 1
	if last {
		dd = daysIn(y, m)
	}
	if p.day != "" && p.day != "XX" {
		dd, _ = strconv.Atoi(p.day)
	}
	return day{y, m, dd}
}

// yearRange is the lowest and highest year p's digits allow: 195X is 1950..1959,
// -195X is -1959..-1950. Y years too long for int64 saturate rather than fail.
func (p part) yearRange() (int64, int64) {
	s := strings.TrimPrefix(p.year, "Y")
	digits, neg := strings.CutPrefix(s, "-")
	lo, _ := strconv.ParseInt(strings.ReplaceAll(digits, "X", "0"), 10, 64)
	hi, _ := strconv.ParseInt(strings.ReplaceAll(digits, "X", "9"), 10, 64)
	if neg {
		return -hi, -lo
	}
	return lo, hi
}

// DaysIn is the number of days in month m of year y (proleptic Gregorian), for
// every package that turns a month into its last day.
func DaysIn(y, m int) int { return daysIn(int64(y), m) }

func daysIn(y int64, m int) int {
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

// Compare orders dates by their earliest bound, then their latest, returning -1, 0
// or +1. An open or unknown start sorts before every date, an open or unknown end
// after every date; the zero Date sorts first.
func Compare(a, b Date) int {
	if c := compareEnds(a.lower(), b.lower()); c != 0 {
		return c
	}
	return compareEnds(a.upper(), b.upper())
}

// end is a bound that may be infinite: inf is -1 for "before everything", +1 for
// "after everything".
type end struct {
	inf int
	at  day
}

func (d Date) lower() end {
	if !d.from.known() {
		return end{inf: -1}
	}
	return end{at: d.from.bound(false)}
}

func (d Date) upper() end {
	if d.IsZero() {
		return end{inf: -1}
	}
	p := d.from
	if d.interval {
		p = d.to
	}
	if !p.known() {
		return end{inf: 1}
	}
	return end{at: p.bound(true)}
}

func compareEnds(a, b end) int {
	switch {
	case a.inf != b.inf:
		if a.inf < b.inf {
			return -1
		}
		return 1
	case a.inf != 0:
		return 0
	case after(a.at, b.at):
		return 1
	case after(b.at, a.at):
		return -1
	}
	return 0
}
