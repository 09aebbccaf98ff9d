package edtf

import "strings"

// Level is the lowest EDTF conformance level whose features d uses: 0 for plain
// dates, date-times and closed intervals of them; 1 for qualifiers, unspecified
// digits, seasons, Y years, negative calendar years (the 2019 specification
// lists "-1985" under level 1) and intervals with an open or unknown end.
func (d Date) Level() int {
	if d.IsZero() {
		return -1
	}
	if d.interval && (!d.from.known() || !d.to.known()) {
		return 1
	}
	for _, p := range []part{d.from, d.to} {
		if p.uncertain || p.approximate || p.season != 0 || strings.HasPrefix(p.year, "Y") || strings.HasPrefix(p.year, "-") ||
			strings.Contains(p.year+p.month+p.day, "X") {
			return 1
		}
	}
	return 0
}
