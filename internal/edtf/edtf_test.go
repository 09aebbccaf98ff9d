package edtf

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in, canon, lo, hi string
		prec              Precision
	}{
		// level 0
		{"1949-03-05", "1949-03-05", "1949-03-05", "1949-03-05", DayPrecision},
		{"1950-04", "1950-04", "1950-04-01", "1950-04-30", MonthPrecision},
		{"1950", "1950", "1950-01-01", "1950-12-31", YearPrecision},
		{"0000", "0000", "0000-01-01", "0000-12-31", YearPrecision},
		{"1950-02", "1950-02", "1950-02-01", "1950-02-28", MonthPrecision},
		{"1952-02", "1952-02", "1952-02-01", "1952-02-29", MonthPrecision},
		{"1900-02", "1900-02", "1900-02-01", "1900-02-28", MonthPrecision},
		{"2000-02", "2000-02", "2000-02-01", "2000-02-29", MonthPrecision},
		{"2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29", DayPrecision},
		{"1934-04-21T12:00:00", "1934-04-21", "1934-04-21", "1934-04-21", DayPrecision},
		{"1934-04-21T12:00:00Z", "1934-04-21", "1934-04-21", "1934-04-21", DayPrecision},
		{"1934-04-21T12:00:00-05:00", "1934-04-21", "1934-04-21", "1934-04-21", DayPrecision},
		{"1934-04-21T23:59", "1934-04-21", "1934-04-21", "1934-04-21", DayPrecision},
		{"1950-03-30/1950-04-25", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25", DayPrecision},
		{"1950/1953-06", "1950/1953-06", "1950-01-01", "1953-06-30", YearPrecision},
		{"1950/1950", "1950/1950", "1950-01-01", "1950-12-31", YearPrecision},
		// level 1 qualifiers
		{"1950-04~", "1950-04~", "1950-04-01", "1950-04-30", MonthPrecision},
		{"1950-04?", "1950-04?", "1950-04-01", "1950-04-30", MonthPrecision},
		{"1950%", "1950%", "1950-01-01", "1950-12-31", YearPrecision},
		{"1950-03-30~/1950-04-25?", "1950-03-30~/1950-04-25?", "1950-03-30", "1950-04-25", DayPrecision},
		// unspecified digits
		{"195X", "195X", "1950-01-01", "1959-12-31", YearPrecision},
		{"19XX", "19XX", "1900-01-01", "1999-12-31", YearPrecision},
		{"XXXX", "XXXX", "0000-01-01", "9999-12-31", YearPrecision},
		{"1950-XX", "1950-XX", "1950-01-01", "1950-12-31", MonthPrecision},
		{"1950-04-XX", "1950-04-XX", "1950-04-01", "1950-04-30", DayPrecision},
		{"1952-02-XX", "1952-02-XX", "1952-02-01", "1952-02-29", DayPrecision},
		{"1950-XX-XX", "1950-XX-XX", "1950-01-01", "1950-12-31", DayPrecision},
		{"195X?", "195X?", "1950-01-01", "1959-12-31", YearPrecision},
		// seasons
		{"2001-21", "2001-21", "2001-03-01", "2001-05-31", SeasonPrecision},
		{"2001-22", "2001-22", "2001-06-01", "2001-08-31", SeasonPrecision},
		{"2001-23~", "2001-23~", "2001-09-01", "2001-11-30", SeasonPrecision},
		{"2003-24", "2003-24", "2003-12-01", "2004-02-29", SeasonPrecision},
		// open and unknown ends
		{"1950/..", "1950/..", "1950-01-01", "", YearPrecision},
		{"../1950", "../1950", "", "1950-12-31", YearPrecision},
		{"1950/", "1950/", "1950-01-01", "", YearPrecision},
		{"/1950-06", "/1950-06", "", "1950-06-30", MonthPrecision},
		// years beyond YYYY are clamped to the edges of the calendar
		{"-0044", "-0044", "0000-01-01", "0000-01-01", YearPrecision},
		{"-0044-03-15", "-0044-03-15", "0000-01-01", "0000-01-01", DayPrecision},
		{"Y170000002", "Y170000002", "9999-12-31", "9999-12-31", YearPrecision},
		{"Y-170000002", "Y-170000002", "0000-01-01", "0000-01-01", YearPrecision},
		{"Y99999999999999999999999", "Y99999999999999999999999", "9999-12-31", "9999-12-31", YearPrecision},
		{"Y-170000002/1950", "Y-170000002/1950", "0000-01-01", "1950-12-31", YearPrecision},
	}
	for _, c := range cases {
		d, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if d.String() != c.canon || d.Earliest() != c.lo || d.Latest() != c.hi || d.Precision() != c.prec {
			t.Errorf("Parse(%q) = %s [%s, %s] %v, want %s [%s, %s] %v", c.in, d, d.Earliest(), d.Latest(), d.Precision(), c.canon, c.lo, c.hi, c.prec)
		}
		if d.IsInterval() != strings.Contains(c.in, "/") {
			t.Errorf("Parse(%q).IsInterval() = %v", c.in, d.IsInterval())
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ in, msg string }{
		{"", `edtf: "": empty`},
		{"1950-13", `edtf: "1950-13": month 13 out of range`},
		{"1950-00", `edtf: "1950-00": month 0 out of range`},
		{"1950-25", `edtf: "1950-25": month 25 out of range`},
		{"1950-02-30", `edtf: "1950-02-30": day 30 out of range`},
		{"1951-02-29", `edtf: "1951-02-29": day 29 out of range`},
		{"1900-02-29", `edtf: "1900-02-29": day 29 out of range`},
		{"1950-04-31", `edtf: "1950-04-31": day 31 out of range`},
		{"1950-04-00", `edtf: "1950-04-00": day 0 out of range`},
		{"50", `edtf: "50": year must be four digits (X for unspecified)`},
		{"1950-4", `edtf: "1950-4": month "4" must be two digits`},
		{"1950/1949", `edtf: "1950/1949": interval ends before it starts`},
		{"-0044/-0100", `edtf: "-0044/-0100": interval ends before it starts`},
		{"../..", `edtf: "../..": an interval needs at least one date`},
		{"/", `edtf: "/": an interval needs at least one date`},
		{"1950/1951/1952", `edtf: "1950/1951/1952": more than one '/'`},
		{"1950-04-01T25:00", `edtf: "1950-04-01T25:00": time "25:00" is not hh:mm:ss`},
		{"1950-04-01T10:00+5", `edtf: "1950-04-01T10:00+5": time "10:00+5" is not hh:mm:ss`},
		{"1950-04T10:00", `edtf: "1950-04T10:00": a time needs a complete date`},
		{"Y123", `edtf: "Y123": a Y year needs five or more digits, the first not zero`},
		{"Y01234", `edtf: "Y01234": a Y year needs five or more digits, the first not zero`},
		{"Y00001", `edtf: "Y00001": a Y year needs five or more digits, the first not zero`},
		{"Y-01234", `edtf: "Y-01234": a Y year needs five or more digits, the first not zero`},
		{"-0000", `edtf: "-0000": -0000 is not a year: year zero has no sign`},
		{"-0000-01-01", `edtf: "-0000-01-01": -0000 is not a year: year zero has no sign`},
		{"1985-04-12T24:30:00", `edtf: "1985-04-12T24:30:00": time "24:30:00": hour 24 is only 24:00:00, the end of the day`},
		{"1985-04-12T24:00:01", `edtf: "1985-04-12T24:00:01": time "24:00:01": hour 24 is only 24:00:00, the end of the day`},
		{"1985-04-12T24:00:00.5Z", `edtf: "1985-04-12T24:00:00.5Z": time "24:00:00.5Z": hour 24 is only 24:00:00, the end of the day`},
		{"1985-04-12T23:20:30~", `edtf: "1985-04-12T23:20:30~": a qualifier (?, ~, %) applies to a date, not to a date and time`},
		{"1985-04-12T23:20:30%", `edtf: "1985-04-12T23:20:30%": a qualifier (?, ~, %) applies to a date, not to a date and time`},
		{"19X0", `edtf: "19X0": only trailing digits may be unspecified (X)`},
		{"1950-XX-05", `edtf: "1950-XX-05": only trailing digits may be unspecified (X)`},
		{"195X-04", `edtf: "195X-04": only trailing digits may be unspecified (X)`},
		{"195X-XX", `edtf: "195X-XX": a year with unspecified digits (X) takes no month or day at level 1`},
		{"2004-06-XX/2004-07-03", `edtf: "2004-06-XX/2004-07-03": unspecified digits (X) in an interval are EDTF level 2, which fond does not read`},
		{"19XX-XX-XX", `edtf: "19XX-XX-XX": a year with unspecified digits (X) takes no month or day at level 1`},
		{"1950-1X", `edtf: "1950-1X": month "1X" is not a month`},
		{"2001-21-05", `edtf: "2001-21-05": month 21 out of range`},
		{"1950~~", `edtf: "1950~~": year must be four digits (X for unspecified)`},
		{"abcd", `edtf: "abcd": year must be four digits (X for unspecified)`},
		{" 1950", `edtf: " 1950": year must be four digits (X for unspecified)`},
	}
	for _, c := range cases {
		d, err := Parse(c.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", c.in, d)
			continue
		}
		if err.Error() != c.msg {
			t.Errorf("Parse(%q) error %q, want %q", c.in, err, c.msg)
		}
	}
}

func TestConstructors(t *testing.T) {
	cases := []struct {
		d    Date
		want string
	}{
		{Day(1949, 3, 5), "1949-03-05"},
		{Month(1950, 4), "1950-04"},
		{Year(1950), "1950"},
		{Year(-44), "-0044"},
		{Day(-44, 3, 15), "-0044-03-15"},
		{Year(170000002), "Y170000002"},
		{Year(-170000002), "Y-170000002"},
		{Day(1950, 2, 30), "1950-02-28"}, // clamped, never invalid
		{Month(1950, 13), "1950-12"},
		{Year(1950).WithUncertain(), "1950?"},
		{Year(1950).WithApproximate(), "1950~"},
		{Year(1950).WithUncertain().WithApproximate(), "1950%"},
		{Interval(Month(1950, 3), Day(1950, 4, 25)).WithApproximate(), "1950-03~/1950-04-25~"},
		{Interval(Day(1950, 4, 25), Day(1950, 3, 30)), "1950-03-30/1950-04-25"},
		{Interval(Date{}, Year(1950)), "/1950"},
		{Interval(Year(1950), Date{}).WithUncertain(), "1950?/"},
		{Interval(Interval(Year(1949), Year(1950)), Interval(Year(1951), Year(1952))), "1949/1952"},
		{Date{}, ""},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
			continue
		}
		if c.want == "" {
			continue
		}
		back, err := Parse(c.want)
		if err != nil || Compare(back, c.d) != 0 {
			t.Errorf("%q does not round-trip: %v", c.want, err)
		}
	}
}

func TestAccessors(t *testing.T) {
	a, _ := Parse("1950-04~")
	if !a.Approximate() || a.Uncertain() || a.IsInterval() {
		t.Errorf("1950-04~: approximate %v uncertain %v interval %v", a.Approximate(), a.Uncertain(), a.IsInterval())
	}
	b, _ := Parse("1950/1951-03?")
	if b.Approximate() || !b.Uncertain() || !b.IsInterval() {
		t.Errorf("1950/1951-03?: approximate %v uncertain %v interval %v", b.Approximate(), b.Uncertain(), b.IsInterval())
	}
	c, _ := Parse("../1950-03")
	if c.Precision() != MonthPrecision {
		t.Errorf("../1950-03 precision %v", c.Precision())
	}
	if !(Date{}).IsZero() || Year(1950).IsZero() {
		t.Errorf("IsZero")
	}
}

func TestCompare(t *testing.T) {
	// each sorts strictly before the next: by earliest bound, then latest
	order := []string{"../1940", "-0044", "1949", "1950-01", "1950", "1950-04", "1950-04-15", "1950-04-30", "1950-05/1950-06", "1950-05/..", "1951"}
	var ds []Date
	for _, s := range order {
		d, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	for i := range ds {
		if Compare(ds[i], ds[i]) != 0 {
			t.Errorf("Compare(%s, itself) != 0", ds[i])
		}
		for j := i + 1; j < len(ds); j++ {
			if Compare(ds[i], ds[j]) >= 0 || Compare(ds[j], ds[i]) <= 0 {
				t.Errorf("Compare(%s, %s) = %d, want -1", ds[i], ds[j], Compare(ds[i], ds[j]))
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1949-03-05", "1950-04~", "195X", "1950-03-30/1950-04-25", "../1950", "1950/", "Y-170000002",
		"2001-24", "1934-04-21T12:00:00Z", "1950-XX-XX%", "-0044-02-29", "0000/", "Y99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "edtf: ") {
				t.Fatalf("error %q lacks the edtf: prefix", err)
			}
			return
		}
		again, err := Parse(d.String())
		if err != nil {
			t.Fatalf("Parse(%q) ok but its String %q does not parse: %v", s, d.String(), err)
		}
		if again.String() != d.String() || again.Earliest() != d.Earliest() || again.Latest() != d.Latest() || Compare(again, d) != 0 {
			t.Fatalf("round trip of %q changed it: %s [%s %s] vs %s [%s %s]", s, d, d.Earliest(), d.Latest(), again, again.Earliest(), again.Latest())
		}
		lo, hi := d.Earliest(), d.Latest()
		for _, b := range []string{lo, hi} {
			if b != "" && !validDay(b) {
				t.Fatalf("%q: bound %q is not a real day", s, b)
			}
		}
		if lo != "" && hi != "" && lo > hi {
			t.Fatalf("%q: earliest %s after latest %s", s, lo, hi)
		}
	})
}

// validDay checks a YYYY-MM-DD string against the calendar independently of the
// package's own code.
func validDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	var y, m, d int
	for _, c := range s[:4] {
		y = y*10 + int(c-'0')
	}
	m = int(s[5]-'0')*10 + int(s[6]-'0')
	d = int(s[8]-'0')*10 + int(s[9]-'0')
	month := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if m < 1 || m > 12 {
		return false
	}
	limit := month[m-1]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		limit = 29
	}
	return d >= 1 && d <= limit
}

func TestLevel(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"1985-04-12", 0}, {"1985-04-12T23:20:30Z", 0}, {"1964/2008", 0},
		{"-1985", 1}, {"Y170000002", 1}, {"2001-21", 1}, {"1984?", 1}, {"201X", 1}, {"1985-04-XX", 1},
		{"1985/..", 1}, {"/1985", 1}, {"1984~/2004-06", 1},
	} {
		d, err := Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Level(); got != c.want {
			t.Errorf("Level(%s) = %d, want %d", c.in, got, c.want)
		}
	}
}
