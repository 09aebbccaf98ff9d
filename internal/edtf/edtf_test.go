package edtf

import "testing"

func TestParseBounds(t *testing.T) {
	cases := []struct{ in, canon, lo, hi string }{
		{"1949-03-05", "1949-03-05", "1949-03-05", "1949-03-05"},
		{"1950-04", "1950-04", "1950-04-01", "1950-04-30"},
		{"1950-02", "1950-02", "1950-02-01", "1950-02-28"},
		{"1952-02", "1952-02", "1952-02-01", "1952-02-29"},
		{"1900-02", "1900-02", "1900-02-01", "1900-02-28"},
		{"2000-02", "2000-02", "2000-02-01", "2000-02-29"},
		{"1950", "1950", "1950-01-01", "1950-12-31"},
		{"1950-04~", "1950-04~", "1950-04-01", "1950-04-30"},
		{"1950-04?", "1950-04?", "1950-04-01", "1950-04-30"},
		{"1950%", "1950%", "1950-01-01", "1950-12-31"},
		{"1950-03-30/1950-04-25", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25"},
		{"195X", "195X", "1950-01-01", "1959-12-31"},
		{"19XX", "19XX", "1900-01-01", "1999-12-31"},
		{"1950-XX", "1950-XX", "1950-01-01", "1950-12-31"},
		{"1950-04-XX", "1950-04-XX", "1950-04-01", "1950-04-30"},
		{"1950-1X", "1950-1X", "1950-10-01", "1950-12-31"},
		{"1950-21", "1950-21", "1950-03-01", "1950-05-31"},
		{"1934-04-21T12:00:00", "1934-04-21", "1934-04-21", "1934-04-21"},
		{"1950/..", "1950/..", "1950-01-01", ""},
		{"../1950", "../1950", "", "1950-12-31"},
		{"/1950-06", "/1950-06", "", "1950-06-30"},
		{"-0044-03-15", "-0044-03-15", "0000-03-15", "0000-03-15"}, // clamped to year 0
		{"Y170000002", "Y170000002", "9999-01-01", "9999-12-31"},
	}
	for _, c := range cases {
		d, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if d.String() != c.canon || d.Earliest() != c.lo || d.Latest() != c.hi {
			t.Errorf("Parse(%q) = %s [%s, %s], want %s [%s, %s]", c.in, d, d.Earliest(), d.Latest(), c.canon, c.lo, c.hi)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"", "1950-13", "1950-02-30", "1951-02-29", "50", "1950-4", "1950/1949", "../..", "1950-04-01T25:00", "1950-04T10:00", "abcd", "1950/1951/1952", "Y123"} {
		if d, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %s, want an error", in, d)
		}
	}
	_, err := Parse("1950-13")
	if err == nil || err.Error() != `edtf: "1950-13": month 13 out of range` {
		t.Errorf("error message: %v", err)
	}
}

func TestConstructorsAndCompare(t *testing.T) {
	if s := Interval(Month(1950, 3), Day(1950, 4, 25)).WithApproximate().String(); s != "1950-03~/1950-04-25~" {
		t.Errorf("interval = %s", s)
	}
	if Year(1950).WithUncertain().String() != "1950?" {
		t.Errorf("uncertain year")
	}
	a, _ := Parse("1950-04")
	b, _ := Parse("1950-04-15")
	c, _ := Parse("1949")
	if Compare(a, b) >= 0 || Compare(c, a) >= 0 || Compare(a, a) != 0 {
		t.Errorf("Compare order wrong")
	}
	if a.Precision() != MonthPrecision || b.Precision() != DayPrecision || !a.WithUncertain().Uncertain() {
		t.Errorf("precision/qualifier accessors")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1949-03-05", "1950-04~", "195X", "1950-03-30/1950-04-25", "../1950", "Y-170000002", "1950-21", "1934-04-21T12:00:00Z", "1950-1X-3X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		again, err := Parse(d.String())
		if err != nil {
			t.Fatalf("Parse(%q) ok but its String %q does not parse: %v", s, d.String(), err)
		}
		if again.Earliest() != d.Earliest() || again.Latest() != d.Latest() || again.String() != d.String() {
			t.Fatalf("round trip of %q changed it: %s [%s %s] vs %s [%s %s]", s, d, d.Earliest(), d.Latest(), again, again.Earliest(), again.Latest())
		}
		if d.Earliest() != "" && d.Latest() != "" && d.Earliest() > d.Latest() {
			t.Fatalf("%q: earliest %s after latest %s", s, d.Earliest(), d.Latest())
		}
	})
}
