package edtf

import (
	"fmt"
	"strconv"
)

// Day, Month and Year make single dates. They cannot fail, so a month outside
// 1..12 or a day past the month's end is clamped into range: the result is always
// a date Parse accepts.
func Day(y, m, d int) Date {
	m = min(max(m, 1), 12)
	d = min(max(d, 1), daysIn(int64(y), m))
	return Date{from: part{year: formatYear(y), month: fmt.Sprintf("%02d", m), day: fmt.Sprintf("%02d", d)}}
}

// Month makes a date of month precision; see Day.
func Month(y, m int) Date {
	m = min(max(m, 1), 12)
	return Date{from: part{year: formatYear(y), month: fmt.Sprintf("%02d", m)}}
}

// Year makes a date of year precision; years beyond four digits take the Y form.
func Year(y int) Date { return Date{from: part{year: formatYear(y)}} }

func formatYear(y int) string {
	switch {
	case y > 9999 || y < -9999:
		return "Y" + strconv.Itoa(y)
	case y < 0:
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

// Interval runs from the start of from to the end of to. A zero Date at either
// side leaves that end unknown ("/1950"); intervals given as ends contribute their
// own first or last end.
//
// Interval cannot fail, so ends given the wrong way round are swapped.
func Interval(from, to Date) Date {
	t := to.from
	if to.interval {
		t = to.to
	}
	d := Date{from: from.from, to: t, interval: true}
	if d.from.known() && d.to.known() && after(d.from.bound(false), d.to.bound(true)) {
		d.from, d.to = d.to, d.from
	}
	return d
}

// WithUncertain marks every known end of d uncertain.
func (d Date) WithUncertain() Date {
	d.from.uncertain = d.from.known()
	d.to.uncertain = d.interval && d.to.known()
	return d
}

// WithApproximate marks every known end of d approximate.
func (d Date) WithApproximate() Date {
	d.from.approximate = d.from.known()
	d.to.approximate = d.interval && d.to.known()
	return d
}
