// Package datefind finds the dates in documents' prose, in the forms archives
// really use ("March 05, 1949", "5 March 1949", "8.II.1950", "[April 1950]",
// "late May 1950", "March 30 - April 25, 1950", "22 февраля 1946 г.",
// "1950년 6월 25일", "1950年6月25日", "12. September 1996"), and turns them into
// EDTF with bounds. It tells a document's own date from the dates it mentions and
// from received and sent stamps.
package datefind

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"fond/internal/edtf"
)

// Match is one date found in a text.
type Match struct {
	Text             string // the date as written (brackets around it are not part of it)
	Start, End       int    // byte offsets of Text in the input
	EDTF             string // "1949-03-05", "1950-04?", "1950~", "1950-03-30/1950-04-25"
	Earliest, Latest string // YYYY-MM-DD bounds
	Qualifier        string // exact, approximate, inferred, uncertain
	Role             string // "", "received" (a received stamp) or "sent" (a transmission line)
	// Note says what the text printed when an editor's bracketed year
	// corrects it ("October 22, 1924 [1925]"): the date is the corrected one.
	Note string
}

// Qualifiers, as fond's record model names them.
const (
	exact       = "exact"
	approximate = "approximate"
	inferred    = "inferred"
	uncertain   = "uncertain"
)

// found is a match with what made it, for the steps that join and rank matches.
type found struct {
	Match
	date edtf.Date
	v    value
}

// Find returns every date expression in text, in order and without overlaps; where
// two readings overlap, the one starting first wins, then the longer
// ("March 30 - April 25, 1950" over "April 25, 1950"). Bare years count only where
// the words around them make them years ("in 1949", "1946 г.", "[1950]").
func Find(text string) []Match {
	return matches(scan(text, false))
}

func matches(fs []found) []Match {
	out := make([]Match, len(fs))
	for i, f := range fs {
		out[i] = f.Match
	}
	return out
}

// scan finds dates; bareOK accepts a lone year without context, for Parse.
func scan(text string, bareOK bool) []found {
	var cands []found
	lower := unbracket(fold(text))
	for _, w := range yearWindows(text) {
		cands = appendCandidates(cands, text, lower, w, bareOK)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].Start != cands[j].Start {
			return cands[i].Start < cands[j].Start
		}
		return cands[i].End > cands[j].End
	})
	var out []found
	for _, c := range cands {
		if len(out) > 0 && c.Start < out[len(out)-1].End {
			continue
		}
		c.Role = role(text, c.Start, c.End)
		if strings.ContainsAny(text[c.Start:c.End], "[]") && c.Qualifier == exact {
			c.Match = requalify(c.Match, inferred)
		}
		out = append(out, c)
	}
	out = joinRanges(text, out)
	out = correctedYears(text, out)
	return stampsWithoutYear(text, out)
}

// appendCandidates runs every form over one window; groups are read from the
// lowercased text, the match itself from the original.
func appendCandidates(cands []found, text, lower string, w window, bareOK bool) []found {
	months := monthWords(lower, w)
	for _, f := range forms {
		src := lower
		if f.cased {
			src = text
		}
		for _, loc := range formMatches(f, src, w, months) {
			v, ok := f.build(groups(src, loc))
			if !ok || !bounded(text, loc[0], loc[1]) {
				continue
			}
			if c, ok := qualify(text, loc[0], loc[1], v, f.bare && !bareOK); ok {
				cands = append(cands, c)
			}
		}
	}
	return cands
}

// formMatches gives the matches of one form in a window, as offsets into the
// whole text.
func formMatches(f form, src string, w window, months []int) [][]int {
	var locs [][]int
	shift := func(loc []int, by int) []int {
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += by
			}
		}
		return loc
	}
	if !f.monthFirst {
		for _, loc := range f.re.FindAllStringSubmatchIndex(src[w.start:w.end], -1) {
			locs = append(locs, shift(loc, w.start))
		}
		return locs
	}
	for _, at := range months {
		if loc := f.re.FindStringSubmatchIndex(src[at:w.end]); loc != nil {
			locs = append(locs, shift(loc, at))
		}
	}
	return locs
}

// monthWords are the offsets of the words in lower[w] that name a month.
func monthWords(lower string, w window) []int {
	var out []int
	start := -1
	for i, r := range lower[w.start:w.end] {
		letter := unicode.IsLetter(r)
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if _, ok := monthNames[lower[w.start+start:w.start+i]]; ok {
				out = append(out, w.start+start)
			}
			start = -1
		}
	}
	if start >= 0 {
		if _, ok := monthNames[lower[w.start+start:w.end]]; ok {
			out = append(out, w.start+start)
		}
	}
	return out
}

func groups(text string, loc []int) []string {
	g := make([]string, len(loc)/2)
	for i := range g {
		if loc[2*i] >= 0 {
			g[i] = text[loc[2*i]:loc[2*i+1]]
		}
	}
	return g
}

// qualify reads the words around a date: circa, early/mid/late, a season, a
// Russian year word, editorial brackets, a question mark. needCue demands that
// something in the context make a lone number a year.
func qualify(text string, start, end int, v value, needCue bool) (found, bool) {
	lone := v.to.y == 0 && v.from.m == 0 && !v.decade && v.season == 0
	cue := false
	if loc := yearWordAfter.FindStringIndex(text[end:]); loc != nil && isDigit(rune(text[end-1])) {
		if e := end + loc[1]; e == len(text) || strings.HasSuffix(text[end:e], ".") || bounded(text, start, e) {
			end, cue = e, true
		}
	}
	before := lookback(text, start)
	third := -1
	approx := false
	if lone {
		if m := seasonBefore.FindStringSubmatchIndex(before); m != nil {
			v.season = seasonWords[strings.ToLower(before[m[4]:m[5]])]
			start -= len(before) - m[2]
			before = lookback(text, start)
			cue = true
		}
	}
	if m := thirdBefore.FindStringSubmatchIndex(before); m != nil && v.to.y == 0 && v.from.d == 0 && v.season == 0 {
		word := strings.Join(strings.Fields(strings.Trim(strings.ToLower(before[m[2]:m[3]]), " -")), " ")
		third = thirdWords[strings.TrimPrefix(word, "the ")]
		start -= len(before) - m[2]
		before = lookback(text, start)
		approx, cue = true, true
	}
	if m := approxBefore.FindStringSubmatchIndex(before); m != nil {
		start -= len(before) - m[2]
		before = lookback(text, start)
		approx, cue = true, true
	}
	unsure := false
	if strings.HasPrefix(text[end:], "?") {
		rest := text[end+1:]
		if strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, ")") {
			end++
			unsure = true
		}
	}
	editorial := bracketed(text, start, end)
	if needCue && !cue && !editorial && !yearCue.MatchString(before) {
		return found{}, false
	}
	d, ok := v.date()
	if !ok {
		return found{}, false
	}
	q := exact
	if approx {
		q = approximate
		d = d.WithApproximate()
	}
	if unsure {
		q = uncertain
		d = d.WithUncertain()
	}
	if editorial {
		q = inferred
		d = d.WithUncertain()
	}
	lo, hi := d.Earliest(), d.Latest()
	if third >= 0 {
		lo, hi = narrow(v, third)
	}
	return found{
		Match: Match{Text: text[start:end], Start: start, End: end, EDTF: d.String(), Earliest: lo, Latest: hi, Qualifier: q},
		date:  d, v: v,
	}, true
}

// narrow gives the bounds of the early (0), middle (1) or late (2) part of a
// month (days 1-10, 11-20, 21-end), a year (January-April, May-August,
// September-December) or a decade (years 0-3, 4-6, 7-9).
func narrow(v value, third int) (string, string) {
	a := v.from
	switch {
	case v.decade:
		years := [3][2]int{{0, 3}, {4, 6}, {7, 9}}[third]
		return fmt.Sprintf("%04d-01-01", a.y+years[0]), fmt.Sprintf("%04d-12-31", a.y+years[1])
	case a.m > 0:
		days := [3][2]int{{1, 10}, {11, 20}, {21, edtf.DaysIn(a.y, a.m)}}[third]
		return fmt.Sprintf("%04d-%02d-%02d", a.y, a.m, days[0]), fmt.Sprintf("%04d-%02d-%02d", a.y, a.m, days[1])
	}
	months := [3][2]int{{1, 4}, {5, 8}, {9, 12}}[third]
	return fmt.Sprintf("%04d-%02d-01", a.y, months[0]), fmt.Sprintf("%04d-%02d-%02d", a.y, months[1], edtf.DaysIn(a.y, months[1]))
}

// bracketed reports whether text[start:end] is wholly an editor's bracketed date,
// "[April 1950]" or "[April 1950.]".
func bracketed(text string, start, end int) bool {
	if !strings.HasSuffix(strings.TrimRight(text[:start], " "), "[") {
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(text[end:], " ."), "]")
}

var joiner = regexp.MustCompile(`(?i)^(?:\s*[-–—]\s*|\s+(?:to|through|until|till)\s+)$`)

// joinRanges makes one interval of two single dates written as a range
// ("March 30, 1949 – April 2, 1950", "from 1949 to 1953").
func joinRanges(text string, fs []found) []found {
	return joinPairs(text, fs, joinRange)
}

func joinRange(text string, a, b found) (found, bool) {
	if a.v.to.y == 0 && b.v.to.y == 0 && !a.v.decade && !b.v.decade && a.v.season == 0 && b.v.season == 0 &&
		a.Qualifier == exact && b.Qualifier == exact && a.Role == b.Role &&
		(a.v.from.m == 0) == (b.v.from.m == 0) && a.v.from.before(b.v.from) && joiner.MatchString(text[a.End:b.Start]) {
		d := edtf.Interval(a.date, b.date)
		a.Match = Match{Text: text[a.Start:b.End], Start: a.Start, End: b.End, EDTF: d.String(), Earliest: d.Earliest(), Latest: d.Latest(), Qualifier: exact, Role: a.Role}
		a.date, a.v = d, value{from: a.v.from, to: b.v.from}
		return a, true
	}
	return found{}, false
}

// joinPairs replaces each pair of neighbouring matches that join makes one
// of by that one.
func joinPairs(text string, fs []found, join func(text string, a, b found) (found, bool)) []found {
	var out []found
	for i := 0; i < len(fs); i++ {
		a := fs[i]
		if i+1 < len(fs) {
			if j, ok := join(text, a, fs[i+1]); ok {
				a = j
				i++
			}
		}
		out = append(out, a)
	}
	return out
}

// editorParts are a date's parts an editor supplied in brackets: "[January] 22,
// [1934]", "January [22], 1934".
var editorParts = regexp.MustCompile(`\[(\d{1,2}|1\d{3}|\p{L}+\.?)\]`)

// unbracket lets the forms read a date whose parts an editor supplied in
// brackets, by blanking the brackets (offsets stay the same); such a date is
// then inferred, not stated.
func unbracket(lower string) string {
	if !strings.Contains(lower, "[") {
		return lower
	}
	b := []byte(lower)
	for _, m := range editorParts.FindAllStringIndex(lower, -1) {
		b[m[0]], b[m[1]-1] = ' ', ' '
		if m[1] < len(b) && b[m[1]] == ',' {
			// "[22]," read as " 22, ": the comma stays against the day.
			b[m[1]-1], b[m[1]] = ',', ' '
		}
	}
	return string(b)
}
