package datefind

import (
	"fmt"
	"strings"
)

// correctedYears applies an editor's bracketed year to the date it follows:
// FRUS prints "October 22, 1924 [1925]" where the document bore a slip of the
// year, and the bracket is the date the document was written. The corrected
// date keeps the printed one's month and day; its Note says what was
// printed, so the reader can see the correction was made.
func correctedYears(text string, fs []found) []found {
	return joinPairs(text, fs, correctYear)
}

// correctYear joins a printed date a and the bracketed lone year b right after
// it; false when b is not such a correction of a.
func correctYear(text string, a, b found) (found, bool) {
	gap := text[a.End:b.Start]
	lone := b.v.from.m == 0 && b.v.to.y == 0 && !b.v.decade && b.v.season == 0
	if a.Qualifier != exact || b.Qualifier != inferred || !lone || strings.TrimSpace(gap) != "[" ||
		a.v.decade || a.v.season != 0 || a.v.from.y == b.v.from.y {
		return found{}, false
	}
	// Only an exact printed date is corrected: an approximate one already says
	// it is unsure. An interval within one printed year moves as a whole; one across years
	// ("December 30, 1924–January 2, 1925 [1926]") says too little to shift.
	v := a.v
	if v.to.y != 0 && v.to.y != v.from.y {
		return found{}, false
	}
	shift := b.v.from.y - v.from.y
	v.from.y += shift
	if v.to.y != 0 {
		v.to.y += shift
	}
	d, ok := v.date()
	if !ok {
		return found{}, false
	}
	end := b.End
	if strings.HasPrefix(text[end:], "]") {
		end++
	}
	c := a
	c.date, c.v = d, v
	c.EDTF, c.Earliest, c.Latest = d.String(), d.Earliest(), d.Latest()
	c.Text, c.End = text[a.Start:end], end
	c.Note = fmt.Sprintf("printed %s; the editors' bracket corrects the year to %d", a.Text, b.v.from.y)
	return c, true
}
