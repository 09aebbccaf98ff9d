package edtf

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Parse reads one EDTF level 0 or 1 value. A time of day is checked and then
// dropped: the archive dates documents to the day.
func Parse(s string) (Date, error) {
	d, err := parse(s)
	if err != nil {
		return Date{}, fmt.Errorf("edtf: %q: %w", s, err)
	}
	return d, nil
}

func parse(s string) (Date, error) {
	if s == "" {
		return Date{}, errors.New("empty")
	}
	a, b, isInterval := strings.Cut(s, "/")
	if !isInterval {
		p, err := parsePart(s)
		return Date{from: p}, err
	}
	if strings.Contains(b, "/") {
		return Date{}, errors.New("more than one '/'")
	}
	from, err := parseEnd(a)
	if err != nil {
		return Date{}, err
	}
	to, err := parseEnd(b)
	if err != nil {
		return Date{}, err
	}
	if !from.known() && !to.known() {
		return Date{}, errors.New("an interval needs at least one date")
	}
	// Unspecified digits in an interval's ends are level 2 (2004-06-XX/2004-07-03).
	if strings.Contains(a+b, "X") {
		return Date{}, errors.New("unspecified digits (X) in an interval are EDTF level 2, which fond does not read")
	}
	if from.known() && to.known() && after(from.bound(false), to.bound(true)) {
		return Date{}, errors.New("interval ends before it starts")
	}
	return Date{from: from, to: to, interval: true}, nil
}

func parseEnd(s string) (part, error) {
	switch s {
	case "":
		return part{}, nil
	case "..":
		return part{open: true}, nil
	}
	return parsePart(s)
}

func parsePart(s string) (part, error) {
	var p part
	if s != "" {
		switch s[len(s)-1] {
		case '%':
			p.uncertain, p.approximate = true, true
		case '?':
			p.uncertain = true
		case '~':
			p.approximate = true
		}
		if p.uncertain || p.approximate {
			s = s[:len(s)-1]
		}
	}
	if date, clock, ok := strings.Cut(s, "T"); ok {
		if p.uncertain || p.approximate {
			// Level 1 qualifies dates; a time of day has no qualifier.
			return p, errors.New("a qualifier (?, ~, %) applies to a date, not to a date and time")
		}
		if err := checkTime(clock); err != nil {
			return p, err
		}
		if strings.Contains(date, "X") || strings.Count(strings.TrimPrefix(date, "-"), "-") != 2 {
			return p, errors.New("a time needs a complete date")
		}
		s = date
	}
	if rest, ok := strings.CutPrefix(s, "Y"); ok {
		digits := strings.TrimPrefix(rest, "-")
		// Y marks a year that exceeds four digits; with a leading zero the
		// same year would have two spellings (Y01234 and 1234).
		if len(digits) < 5 || !allDigits(digits) || digits[0] == '0' {
			return p, errors.New("a Y year needs five or more digits, the first not zero")
		}
		p.year = s
		return p, nil
	}
	body, neg := strings.CutPrefix(s, "-")
	fields := strings.Split(body, "-")
	if len(fields) > 3 || len(fields[0]) != 4 || !digitsOrX(fields[0]) {
		return p, errors.New("year must be four digits (X for unspecified)")
	}
	p.year = fields[0]
	if neg {
		if fields[0] == "0000" {
			return p, errors.New("-0000 is not a year: year zero has no sign")
		}
		p.year = "-" + p.year
	}
	// Level 1 lets digits go unspecified only from the right: 195X, 1950-XX,
	// 1950-04-XX, 1950-XX-XX, never 19X0 or 1950-XX-05.
	written := strings.Join(fields, "")
	if x := strings.IndexByte(written, 'X'); x >= 0 && strings.Trim(written[x:], "X") != "" {
		return p, errors.New("only trailing digits may be unspecified (X)")
	}
	// A year with unspecified digits stands alone at level 1 (201X, 20XX);
	// 195X-XX and 1XXX-12 are level 2, which fond does not read.
	if strings.Contains(fields[0], "X") && len(fields) > 1 {
		return p, errors.New("a year with unspecified digits (X) takes no month or day at level 1")
	}
	if len(fields) >= 2 {
		if err := p.setMonth(fields[1], len(fields) == 2); err != nil {
			return p, err
		}
	}
	if len(fields) == 3 {
		if err := p.setDay(fields[2]); err != nil {
			return p, err
		}
	}
	return p, nil
}

func (p *part) setMonth(m string, last bool) error {
	if len(m) != 2 || !digitsOrX(m) {
		return fmt.Errorf("month %q must be two digits", m)
	}
	if m == "XX" {
		p.month = m
		return nil
	}
	if strings.Contains(m, "X") {
		return fmt.Errorf("month %q is not a month", m)
	}
	n, _ := strconv.Atoi(m)
	switch {
	case n >= 21 && n <= 24 && last:
		p.season = n
	case n >= 1 && n <= 12:
		p.month = m
	default:
		return fmt.Errorf("month %d out of range", n)
	}
	return nil
}

func (p *part) setDay(s string) error {
	if len(s) != 2 || !digitsOrX(s) {
		return fmt.Errorf("day %q must be two digits", s)
	}
	if p.season != 0 {
		return errors.New("a season has no days")
	}
	if s == "XX" {
		p.day = s
		return nil
	}
	if strings.Contains(s, "X") {
		return fmt.Errorf("day %q is not a day", s)
	}
	// The trailing-X rule means a written day has a written year and month.
	n, _ := strconv.Atoi(s)
	y, _ := p.yearRange()
	m, _ := strconv.Atoi(p.month)
	if n < 1 || n > daysIn(y, m) {
		return fmt.Errorf("day %d out of range", n)
	}
	p.day = s
	return nil
}

// checkTime accepts hh:mm[:ss[.fff]] with an optional Z or ±hh[:mm] zone.
func checkTime(t string) error {
	bad := fmt.Errorf("time %q is not hh:mm:ss", t)
	clock := t
	if c, ok := strings.CutSuffix(t, "Z"); ok {
		clock = c
	} else if i := strings.IndexAny(t, "+-"); i >= 0 {
		clock = t[:i]
		zone := strings.Split(t[i+1:], ":")
		if len(zone) > 2 || !twoDigits(zone[0], 14) || len(zone) == 2 && !twoDigits(zone[1], 59) {
			return bad
		}
	}
	frac := ""
	if sec, f, ok := strings.Cut(clock, "."); ok {
		if !allDigits(f) || strings.Count(sec, ":") != 2 {
			return bad
		}
		clock, frac = sec, f
	}
	f := strings.Split(clock, ":")
	if len(f) < 2 || len(f) > 3 || !twoDigits(f[0], 24) || !twoDigits(f[1], 59) || len(f) == 3 && !twoDigits(f[2], 60) {
		return bad
	}
	// ISO 8601 allows hour 24 only as the end of the day: 24:00 or 24:00:00.
	if f[0] == "24" && (f[1] != "00" || len(f) == 3 && f[2] != "00" || strings.Trim(frac, "0") != "") {
		return fmt.Errorf("time %q: hour 24 is only 24:00:00, the end of the day", t)
	}
	return nil
}

func twoDigits(s string, limit int) bool {
	n, err := strconv.Atoi(s)
	return len(s) == 2 && err == nil && allDigits(s) && n <= limit
}

func allDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func digitsOrX(s string) bool {
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && c != 'X' {
			return false
		}
	}
	return s != ""
}
