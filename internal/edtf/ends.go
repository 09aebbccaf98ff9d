package edtf

import "strconv"

// End is one end of a date as parsed, for code that writes dates in words
// (the interface's languages, citation styles) and so need not read the
// canonical string again.
type End struct {
	Year        string // as written: "1953", "195X", "-0044", "Y170000002"; "" unknown
	Month, Day  int    // 0 when absent or unspecified ("XX")
	Season      int    // 21..24, 0 when absent
	Uncertain   bool
	Approximate bool
	Open        bool // ".." end of an interval
}

// Ends is d's two ends; a single date is its own from, and to is zero.
func (d Date) Ends() (from, to End) {
	return d.from.end(), d.to.end()
}

// Known reports whether e is a date: false for an interval's open (..) or
// unknown (empty) end, which writers word apart from dates, and for the zero
// End a single date gives as its to.
func (e End) Known() bool { return !e.Open && e.Year != "" }

func (p part) end() End {
	e := End{Year: p.year, Season: p.season, Uncertain: p.uncertain, Approximate: p.approximate, Open: p.open}
	e.Month, _ = strconv.Atoi(p.month) // "XX" reads as 0: unspecified
	if e.Month != 0 {
		e.Day, _ = strconv.Atoi(p.day)
	}
	return e
}
