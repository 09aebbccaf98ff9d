// Package datefind finds the dates in documents' prose, in the forms archives
// really use ("March 05, 1949", "5 March 1949", "8.II.1950", "[April 1950]",
// "late May 1950", "March 30 - April 25, 1950", "22 февраля 1946 г.",
// "1950년 6월 25일", "1950年6月25日", "12. September 1996"), and turns them into
// EDTF with bounds. It tells a document's own date from dates it mentions and from
// received and sent stamps.
package datefind

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"fond/internal/edtf"
)

// Match is one date found in a text.
type Match struct {
	Text             string // as written, without surrounding brackets
	Start, End       int    // byte offsets of Text in the input
	EDTF             string
	Earliest, Latest string
	Qualifier        string // exact, approximate, inferred, uncertain
	Role             string // "", "received", "sent"
}

// ymd is a parsed date; zero fields are absent.
type ymd struct{ y, m, d int }

func (a ymd) valid() bool {
	if a.y < 1000 || a.y > 2099 || a.m < 0 || a.m > 12 || a.d < 0 {
		return false
	}
	if a.d > 0 && (a.m == 0 || a.d > daysIn(a.y, a.m)) {
		return false
	}
	return true
}

func (a ymd) edtf() edtf.Date {
	switch {
	case a.d > 0:
		return edtf.Day(a.y, a.m, a.d)
	case a.m > 0:
		return edtf.Month(a.y, a.m)
	}
	return edtf.Year(a.y)
}

// pattern is one date form: a regexp and how its groups make a date or range.
type pattern struct {
	re    *regexp.Regexp
	build func(g []string) (from, to ymd, ok bool)
}

const (
	dayRe  = `(\d{1,2})(?:st|nd|rd|th)?`
	yearRe = `(1\d{3}|20\d{2})`
	dash   = `\s*[-–—]\s*`
)

var mon = monthPattern

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

var patterns = []pattern{
	// March 30 - April 25, 1950
	{regexp.MustCompile(`(?i)\b(` + mon + `)\.?\s+` + dayRe + dash + `(` + mon + `)\.?\s+` + dayRe + `,?\s+` + yearRe + `\b`),
		func(g []string) (ymd, ymd, bool) {
			y := atoi(g[5])
			return ymd{y, monthNumber(g[1]), atoi(g[2])}, ymd{y, monthNumber(g[3]), atoi(g[4])}, true
		}},
	// 30 March - 25 April 1950
	{regexp.MustCompile(`(?i)\b` + dayRe + `\s+(` + mon + `)\.?` + dash + dayRe + `\s+(` + mon + `)\.?,?\s+` + yearRe + `\b`),
		func(g []string) (ymd, ymd, bool) {
			y := atoi(g[5])
			return ymd{y, monthNumber(g[2]), atoi(g[1])}, ymd{y, monthNumber(g[4]), atoi(g[3])}, true
		}},
	// March 5-7, 1949
	{regexp.MustCompile(`(?i)\b(` + mon + `)\.?\s+` + dayRe + `\s*[-–]\s*` + dayRe + `,?\s+` + yearRe + `\b`),
		func(g []string) (ymd, ymd, bool) {
			y, m := atoi(g[4]), monthNumber(g[1])
			return ymd{y, m, atoi(g[2])}, ymd{y, m, atoi(g[3])}, true
		}},
	// 5-7 March 1949
	{regexp.MustCompile(`(?i)\b` + dayRe + `\s*[-–]\s*` + dayRe + `\s+(` + mon + `)\.?,?\s+` + yearRe + `\b`),
		func(g []string) (ymd, ymd, bool) {
			y, m := atoi(g[4]), monthNumber(g[3])
			return ymd{y, m, atoi(g[1])}, ymd{y, m, atoi(g[2])}, true
		}},
	// March 05, 1949 / Mar. 5, 1949
	{regexp.MustCompile(`(?i)\b(` + mon + `)\.?\s+` + dayRe + `,?\s+` + yearRe + `\b`),
		func(g []string) (ymd, ymd, bool) {
			return ymd{atoi(g[3]), monthNumber(g[1]), atoi(g[2])}, ymd{}, true
		}},
	// 5 March 1949 / 12. September 1996 / 22 февраля 1946 г. / 5 mars 1949
	{regexp.MustCompile(`(?i)\b` + dayRe + `\.?\s+(` + mon + `)\.?,?\s+` + yearRe + `(?:\s*(?:года|г\.?))?`),
		func(g []string) (ymd, ymd, bool) {
			return ymd{atoi(g[3]), monthNumber(g[2]), atoi(g[1])}, ymd{}, true
		}},
	// 8.II.1950
	{regexp.MustCompile(`\b(\d{1,2})\.\s?(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?(1\d{3}|20\d{2})\b`),
		func(g []string) (ymd, ymd, bool) {
			return ymd{atoi(g[3]), romanMonths[g[2]], atoi(g[1])}, ymd{}, true
		}},
	// 08.02.1950 (day first, as European documents write it)
	{regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(1\d{3}|20\d{2})\b`),
		func(g []string) (ymd, ymd, bool) {
			return ymd{atoi(g[3]), atoi(g[2]), atoi(g[1])}, ymd{}, true
		}},
	// 1949-03-05
	{regexp.MustCompile(`\b(1\d{3}|20\d{2})-(\d{2})-(\d{2})\b`),
		func(g []string) (ymd, ymd, bool) {
			return ymd{atoi(g[1]), atoi(g[2]), atoi(g[3])}, ymd{}, true
		}},
	// 1950년 6월 25일
	{regexp.MustCompile(`(\d{4})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?`),
		func(g []string) (ymd, ymd, bool) {
			return ymd{atoi(g[1]), atoi(g[2]), atoi(g[3])}, ymd{}, true
		}},
	// 1950年6月25日
	{regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?`),
		func(g []string) (ymd, ymd, bool) {
			return ymd{atoi(g[1]), atoi(g[2]), atoi(g[3])}, ymd{}, true
		}},
	// 一九五〇年六月二十五日
	{regexp.MustCompile(`([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?`),
		func(g []string) (ymd, ymd, bool) {
			y, ok1 := chineseNumber(g[1])
			m, ok2 := chineseNumber(g[2])
			d := 0
			ok3 := true
			if g[3] != "" {
				d, ok3 = chineseNumber(g[3])
			}
			return ymd{y, m, d}, ymd{}, ok1 && ok2 && ok3
		}},
	// April 1950
	{regexp.MustCompile(`(?i)\b(` + mon + `)\.?,?\s+` + yearRe + `\b`),
		func(g []string) (ymd, ymd, bool) {
			return ymd{atoi(g[2]), monthNumber(g[1]), 0}, ymd{}, true
		}},
	// the 1950s
	{regexp.MustCompile(`\b(1\d{2}|20\d)0s\b`),
		func(g []string) (ymd, ymd, bool) { return ymd{y: -atoi(g[1])}, ymd{}, true }},
	// in 1949: a bare year, only after words that make it a date
	{regexp.MustCompile(`(?i)\b(?:in|of|since|from|until|till|by|during|before|after|year|spring|summer|autumn|fall|winter|circa|c\.|ca\.|early|late|mid)[\s-]+(?:the\s+(?:year\s+)?)?(1\d{3}|20\d{2})\b`),
		func(g []string) (ymd, ymd, bool) { return ymd{y: atoi(g[1])}, ymd{}, true }},
}

var (
	approxRe   = regexp.MustCompile(`(?i)(?:\b(?:circa|about|around|approximately)|\bc\.|\bca\.)\s*$`)
	partRe     = regexp.MustCompile(`(?i)\b(early|mid|middle of|late|end of|beginning of)[\s-]+$`)
	receivedRe = regexp.MustCompile(`(?i)\[\s*received\b[^\]]*\]`)
	recvMDRe   = regexp.MustCompile(`(?i)\[\s*received\s+(?:[^\]]*?\s)?(` + mon + `)\.?\s+` + dayRe + `\b[^\]]*\]`)
	sentLineRe = regexp.MustCompile(`(?i)^\s*(?:from|sent|transmitted|dispatched)\b|\bno\.\s*\d+.*\b(?:hours?|hrs|h\.)\b`)
	timeTail   = regexp.MustCompile(`(?i)^\s*[-—–,]\s*(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.\s?m\.?|[ap]m)|noon|midnight)\.?`)
)

// Find returns every date expression in text, in order, without overlaps; where
// two forms overlap the longer wins ("March 30 - April 25, 1950" over "April 25, 1950").
func Find(text string) []Match {
	type cand struct {
		start, end int
		from, to   ymd
	}
	var cands []cand
	for _, p := range patterns {
		for _, loc := range p.re.FindAllStringSubmatchIndex(text, -1) {
			g := make([]string, len(loc)/2)
			for i := range g {
				if loc[2*i] >= 0 {
					g[i] = text[loc[2*i]:loc[2*i+1]]
				}
			}
			from, to, ok := p.build(g)
			if !ok {
				continue
			}
			start := loc[0]
			if from.y > 0 && from.m == 0 && len(g) == 2 && loc[2] > loc[0] {
				start = loc[2] // bare year: the cue word is context, not the date
			}
			cands = append(cands, cand{start, loc[1], from, to})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].start != cands[j].start {
			return cands[i].start < cands[j].start
		}
		return cands[i].end-cands[i].start > cands[j].end-cands[j].start
	})
	var out []Match
	lastEnd := -1
	for _, c := range cands {
		if c.start < lastEnd {
			continue
		}
		m, ok := makeMatch(text, c.start, c.end, c.from, c.to)
		if !ok {
			continue
		}
		out = append(out, m)
		lastEnd = c.end
	}
	out = append(out, receivedWithoutYear(text, out)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func makeMatch(text string, start, end int, from, to ymd) (Match, bool) {
	var d edtf.Date
	qual := "exact"
	switch {
	case from.y < 0: // decade
		e, err := edtf.Parse(fmt.Sprintf("%03dX", -from.y))
		if err != nil {
			return Match{}, false
		}
		d = e
	case to.y != 0:
		if !from.valid() || !to.valid() {
			return Match{}, false
		}
		d = edtf.Interval(from.edtf(), to.edtf())
		if d.Earliest() > d.Latest() {
			return Match{}, false
		}
	default:
		if !from.valid() {
			return Match{}, false
		}
		d = from.edtf()
	}
	m := Match{Text: text[start:end], Start: start, End: end}
	earliest, latest := d.Earliest(), d.Latest()
	before := text[max(0, start-24):start]
	if loc := partRe.FindStringIndex(before); loc != nil && to.y == 0 {
		word := strings.ToLower(strings.TrimSpace(strings.Trim(before[loc[0]:loc[1]], "- ")))
		earliest, latest = part(word, from, earliest, latest)
		m.Start = start - (len(before) - loc[0])
		m.Text = text[m.Start:end]
		qual = "approximate"
		d = d.WithApproximate()
	} else if loc := approxRe.FindStringIndex(before); loc != nil {
		m.Start = start - (len(before) - loc[0])
		m.Text = text[m.Start:end]
		qual = "approximate"
		d = d.WithApproximate()
	}
	if bracketed(text, m.Start, end) {
		qual = "inferred"
		d = d.WithUncertain()
	}
	m.EDTF, m.Earliest, m.Latest, m.Qualifier = d.String(), earliest, latest, qual
	m.Role = role(text, m.Start)
	return m, true
}

// part narrows a month or year to its early, middle or late third.
func part(word string, a ymd, lo, hi string) (string, string) {
	third := 0
	switch word {
	case "early", "beginning of":
		third = 0
	case "mid", "middle of":
		third = 1
	default:
		third = 2
	}
	if a.m > 0 {
		last := daysIn(a.y, a.m)
		bounds := [3][2]int{{1, 10}, {11, 20}, {21, last}}[third]
		return fmt.Sprintf("%04d-%02d-%02d", a.y, a.m, bounds[0]), fmt.Sprintf("%04d-%02d-%02d", a.y, a.m, bounds[1])
	}
	months := [3][2]int{{1, 4}, {5, 8}, {9, 12}}[third]
	return fmt.Sprintf("%04d-%02d-01", a.y, months[0]), fmt.Sprintf("%04d-%02d-%02d", a.y, months[1], daysIn(a.y, months[1]))
}

// bracketed reports whether [start,end) is wholly an editor's square-bracketed date.
func bracketed(text string, start, end int) bool {
	if start == 0 || text[start-1] != '[' {
		return false
	}
	rest := strings.TrimLeft(text[end:], ".")
	return strings.HasPrefix(rest, "]")
}

func role(text string, start int) string {
	open := strings.LastIndex(text[:start], "[")
	if open >= 0 && !strings.Contains(text[open:start], "]") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(text[open+1:])), "received") {
		return "received"
	}
	lineStart := strings.LastIndex(text[:start], "\n") + 1
	lineEnd := strings.Index(text[start:], "\n")
	if lineEnd < 0 {
		lineEnd = len(text) - start
	}
	if sentLineRe.MatchString(text[lineStart : start+lineEnd]) {
		return "sent"
	}
	return ""
}

// receivedWithoutYear reads "[Received March 22.]": the year is that of the date
// before the stamp.
func receivedWithoutYear(text string, found []Match) []Match {
	var out []Match
	for _, loc := range recvMDRe.FindAllStringSubmatchIndex(text, -1) {
		start, end := loc[2], loc[5]
		covered := false
		for _, f := range found {
			if f.Start < loc[1] && f.End > loc[0] {
				covered = true
			}
		}
		if covered {
			continue
		}
		year := 0
		for _, f := range found {
			if f.Start < start && len(f.Earliest) >= 4 {
				year = atoi(f.Earliest[:4])
			}
		}
		if year == 0 {
			continue
		}
		a := ymd{year, monthNumber(text[loc[2]:loc[3]]), atoi(text[loc[4]:loc[5]])}
		if !a.valid() {
			continue
		}
		d := a.edtf()
		out = append(out, Match{Text: text[start:end], Start: start, End: end, EDTF: d.String(), Earliest: d.Earliest(), Latest: d.Latest(), Qualifier: "inferred", Role: "received"})
	}
	return out
}

// Parse reads s as one date expression; surrounding square brackets mark an
// editor's date (inferred). A trailing time ("—6 p.m.", ", noon") is allowed.
func Parse(s string) (Match, bool) {
	s = strings.TrimSpace(s)
	inferred := false
	if strings.HasPrefix(s, "[") && strings.HasSuffix(strings.TrimRight(s, "."), "]") {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(s, "."), "]")[1:])
		inferred = true
	}
	s = strings.TrimRight(strings.TrimSpace(s), ".,;")
	if s == "" {
		return Match{}, false
	}
	if d, err := edtf.Parse(s); err == nil && len(s) >= 4 {
		m := Match{Text: s, End: len(s), EDTF: d.String(), Earliest: d.Earliest(), Latest: d.Latest(), Qualifier: "exact"}
		if d.Approximate() {
			m.Qualifier = "approximate"
		} else if d.Uncertain() {
			m.Qualifier = "uncertain"
		}
		// A document's date needs both ends; open intervals are for queries.
		return withInferred(m, inferred), m.Earliest != "" && m.Latest != ""
	}
	ms := Find(s)
	if len(ms) == 0 {
		// "1950" alone, or "Circa 1950": a bare year with nothing else.
		if y, rest := leadingYear(s); y > 0 && rest == "" {
			d := edtf.Year(y)
			qual := "exact"
			if approxRe.MatchString(strings.TrimSuffix(s, strconv.Itoa(y))) && strings.TrimSpace(strings.TrimSuffix(s, strconv.Itoa(y))) != "" {
				d = d.WithApproximate()
				qual = "approximate"
			}
			return withInferred(Match{Text: s, End: len(s), EDTF: d.String(), Earliest: d.Earliest(), Latest: d.Latest(), Qualifier: qual}, inferred), true
		}
		return Match{}, false
	}
	m := ms[0]
	if len(ms) != 1 || m.Start != 0 {
		return Match{}, false
	}
	if rest := s[m.End:]; strings.TrimSpace(rest) != "" {
		loc := timeTail.FindStringIndex(rest)
		if loc == nil || strings.TrimSpace(rest[loc[1]:]) != "" {
			return Match{}, false
		}
	}
	return withInferred(m, inferred), true
}

// leadingYear reads "1950", "Circa 1950", "c. 1950" as a year and what follows it.
func leadingYear(s string) (int, string) {
	s = strings.TrimSpace(approxPrefix.ReplaceAllString(s, ""))
	if len(s) < 4 {
		return 0, s
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1000 || y > 2099 {
		return 0, s
	}
	return y, strings.TrimSpace(s[4:])
}

var approxPrefix = regexp.MustCompile(`(?i)^(?:circa|c\.|ca\.|about|around|approximately)\s*`)

func withInferred(m Match, inferred bool) Match {
	if inferred {
		m.Qualifier = "inferred"
		if !strings.HasSuffix(m.EDTF, "?") && !strings.HasSuffix(m.EDTF, "%") {
			if d, err := edtf.Parse(m.EDTF); err == nil {
				m.EDTF = d.WithUncertain().String()
			}
		}
	}
	return m
}

func daysIn(y, m int) int {
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
