// Package edtf implements the Extended Date/Time Format (ISO 8601-2, EDTF levels 0
// and 1): single dates of year, season, month or day precision, date-times, intervals
// with open (..) or unknown (empty) ends, uncertain (?), approximate (~) and both (%)
// qualifiers, unspecified digits (195X, 1950-XX, 1950-04-XX), seasons (2001-21..24),
// negative years (-0044) and long years (Y170000002).
//
// It imports nothing from fond: it is the standard, not the archive.
package edtf

// Precision of a single date.
type Precision int

// Precisions, coarsest first. The names carry a suffix because Year, Month and Day
// are the constructors.
const (
	YearPrecision Precision = iota + 1
	SeasonPrecision
	MonthPrecision
	DayPrecision
)

func (p Precision) String() string {
	switch p {
	case YearPrecision:
		return "year"
	case SeasonPrecision:
		return "season"
	case MonthPrecision:
		return "month"
	case DayPrecision:
		return "day"
	}
	return "none"
}

// part is one date as written: the year keeps its digits (and X's, sign or Y
// prefix) so that String gives back what was read.
type part struct {
	year        string // "1950", "195X", "-0044", "Y170000002"; "" for an unknown end
	month, day  string // "04", "XX"; "" when absent
	season      int    // 21..24; 0 when absent
	uncertain   bool
	approximate bool
	open        bool // ".." end of an interval
}

func (p part) known() bool { return !p.open && p.year != "" }

// Date is one EDTF value: a single date or an interval. The zero Date is no date:
// its String is "" and it has no bounds.
type Date struct {
	from, to part
	interval bool
}

// IsInterval reports whether d is a range between two ends.
func (d Date) IsInterval() bool { return d.interval }

// IsZero reports whether d holds no date at all.
func (d Date) IsZero() bool { return !d.interval && !d.from.known() }

// Uncertain reports whether any end of d is marked uncertain (? or %).
func (d Date) Uncertain() bool { return d.from.uncertain || d.to.uncertain }

// Approximate reports whether any end of d is marked approximate (~ or %).
func (d Date) Approximate() bool { return d.from.approximate || d.to.approximate }

// Precision is the precision of the date, or of an interval's first known end.
// Unspecified digits do not lower it: 1950-04-XX is still written to the day.
func (d Date) Precision() Precision {
	p := d.from
	if !p.known() {
		p = d.to
	}
	switch {
	case !p.known():
		return 0
	case p.day != "":
		return DayPrecision
	case p.month != "":
		return MonthPrecision
	case p.season != 0:
		return SeasonPrecision
	}
	return YearPrecision
}
