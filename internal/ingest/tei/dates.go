package tei

import (
	"fmt"
	"fond/internal/edtf"
	"regexp"
	"strconv"
	"strings"

	"fond/internal/datefind"
)

// ParseDate reads a dateline's printed date where the editors gave no @when
// ("March 9, 1931") into EDTF with its bounds and a record qualifier. It is the
// archive's general date reader; a caller may replace it. When it is nil, or
// finds nothing, the package falls back to the printed forms FRUS uses.
var ParseDate = func(text string) (edtf, earliest, latest, qualifier string, ok bool) {
	m, ok := datefind.Parse(text)
	return m.EDTF, m.Earliest, m.Latest, m.Qualifier, ok
}

// printedDate is one date as FRUS prints them.
type printedDate struct {
	y, m, d  int
	received bool // printed as a received stamp: the day it arrived, not was written
	approx   bool // printed as "circa", "about"
}

func (p printedDate) edtf() string {
	if p.d > 0 {
		return fmt.Sprintf("%04d-%02d-%02d", p.y, p.m, p.d)
	}
	return fmt.Sprintf("%04d-%02d", p.y, p.m)
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`

var (
	// "April 21, 1934", "Nov. 17, 1918", "April 21 1934"
	monthDayYear = regexp.MustCompile(monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(1[6-9]\d\d)\b`)
	// "24th August, 1859", "21 April 1934", "the 5th day of May, 1872"
	dayMonthYear = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+day)?\s+(?:of\s+)?` + monthRE + `,?\s+(1[6-9]\d\d)\b`)
	// "April, 1934", "April 1934"
	monthYear = regexp.MustCompile(monthRE + `,?\s+(1[6-9]\d\d)\b`)
	received  = regexp.MustCompile(`(?i)received\W*$`)
	circa     = regexp.MustCompile(`(?i)\b(circa|about|c\.)\s*$`)
)

// findDates returns the dates printed in s, in order. Month-only dates are
// returned only where no full date is printed.
func findDates(s string) []printedDate {
	type hit struct {
		at int
		p  printedDate
	}
	var hits []hit
	add := func(at int, y, m, d string) {
		p := printedDate{y: atoi(y), m: months[strings.ToLower(strings.TrimSuffix(m, "."))], d: atoi(d)}
		if p.m == 0 || p.d > edtf.DaysIn(p.y, p.m) {
			return
		}
		p.received = received.MatchString(s[max(0, at-24):at])
		p.approx = circa.MatchString(s[max(0, at-12):at])
		hits = append(hits, hit{at, p})
	}
	for _, m := range monthDayYear.FindAllStringSubmatchIndex(s, -1) {
		add(m[0], s[m[6]:m[7]], s[m[2]:m[3]], s[m[4]:m[5]])
	}
	for _, m := range dayMonthYear.FindAllStringSubmatchIndex(s, -1) {
		add(m[0], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]])
	}
	if len(hits) == 0 {
		for _, m := range monthYear.FindAllStringSubmatchIndex(s, -1) {
			add(m[0], s[m[4]:m[5]], s[m[2]:m[3]], "")
		}
	}
	// Few hits: insertion order by position is enough.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	out := make([]printedDate, len(hits))
	for i, h := range hits {
		out[i] = h.p
	}
	return out
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
