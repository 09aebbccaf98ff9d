package datefind

import (
	"regexp"
	"strings"
	"unicode"

	"fond/internal/edtf"
)

// How far DocumentDate looks: datelines sit in a document's opening lines (or, in
// letters, its closing ones); a date in the first few lines of prose is the best
// guess when there is no dateline.
const (
	headLines  = 12
	proseLines = 6
	tailLines  = 4
)

// DocumentDate returns the document's own date as a reader would tell it, trying in
// turn: a dateline in the opening lines (a short line that is a date, perhaps with
// a place and a time: "Buenos Aires, April 21, 1934—noon."); a telegram's sent
// stamp there; a dateline among the closing lines; the first complete date (to the
// day) in the first lines of prose. A received stamp is never the document's date.
func DocumentDate(text string) (Match, bool) {
	lines := nonEmptyLines(text)
	var sent, prose *Match
	for i, ln := range lines {
		if i >= headLines {
			break
		}
		if m, ok := dateline(text, ln); ok {
			if m.Role == "" {
				return m, true
			}
			if m.Role == "sent" && sent == nil {
				sent = &m
			}
			continue
		}
		for _, m := range Find(text[ln.start:ln.end]) {
			m = shift(m, ln.start)
			switch {
			case m.Role == "sent" && sent == nil:
				sent = &m
			case m.Role == "" && prose == nil && i < proseLines && toTheDay(m):
				prose = &m
			}
		}
	}
	if sent != nil {
		return *sent, true
	}
	if len(lines) > headLines {
		for _, ln := range lines[max(headLines, len(lines)-tailLines):] {
			if m, ok := dateline(text, ln); ok && m.Role == "" {
				return m, true
			}
		}
	}
	if prose != nil {
		return *prose, true
	}
	return Match{}, false
}

type span struct{ start, end int }

func nonEmptyLines(text string) []span {
	var out []span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, span{start, end})
		}
		start = end + 1
	}
	return out
}

func shift(m Match, by int) Match {
	m.Start += by
	m.End += by
	return m
}

var (
	notes     = regexp.MustCompile(`\[[^\[\]]*\]`)
	smallWord = map[string]bool{"of": true, "the": true, "de": true, "du": true, "la": true, "le": true, "den": true, "am": true, "im": true,
		"noon": true, "midnight": true, "a": true, "p": true, "m": true, "am.": true, "pm": true, "h": true, "hrs": true, "hours": true, "minutes": true,
		"dated": true, "date": true, "in": true, "at": true, "on": true, "г": true, "года": true, "в": true, "o'clock": true}
)

// dateline reads a line that is a date, with at most a place, a weekday, a time,
// a bracketed note and punctuation around it. Received stamps in the same line
// ("... April 21, 1934—noon. [Received 1:45 p.m.]") are notes, not the line.
func dateline(text string, ln span) (Match, bool) {
	line := text[ln.start:ln.end]
	if len(line) > 120 {
		return Match{}, false
	}
	// A line Parse takes wholly is a dateline; scan finds where in it the date is.
	if m, ok := Parse(line); ok {
		if fs := scan(line, true); len(fs) > 0 {
			m.Start, m.End, m.Text = ln.start+fs[0].Start, ln.start+fs[0].End, fs[0].Text
			m.Role = role(text, m.Start, m.End)
			return m, true
		}
	}
	var date Match
	n := 0
	for _, m := range Find(line) {
		if m.Role == "received" {
			continue
		}
		date = m
		n++
	}
	if n != 1 {
		return Match{}, false
	}
	rest := line[:date.Start] + " " + timeAfter.ReplaceAllString(line[date.End:], "")
	rest = notes.ReplaceAllString(rest, " ")
	words := strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	// A place is a few words; a post and a place may be more ("Legation of
	// the United States in Japan, Kanagawa, Yokohama, November 13, 1863."),
	// taken when the words all stand before the date and the date ends the line.
	after := strings.Trim(notes.ReplaceAllString(timeAfter.ReplaceAllString(line[date.End:], ""), ""), " .,;:")
	if len(words) > 6 && (len(words) > 14 || after != "") {
		return Match{}, false
	}
	for _, w := range words {
		if !unicode.IsUpper([]rune(w)[0]) && !smallWord[strings.ToLower(w)] {
			return Match{}, false
		}
	}
	date = shift(date, ln.start)
	date.Role = role(text, date.Start, date.End)
	// "[Moscow, April 1950]": the editor supplied the whole dateline.
	if t := trim(line); date.Role == "" && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && !strings.Contains(t[1:], "[") {
		date = requalify(date, inferred)
	}
	return date, true
}

// toTheDay: a date that names its day, or a short run of days.
func toTheDay(m Match) bool {
	d, err := edtf.Parse(m.EDTF)
	return err == nil && d.Precision() == edtf.DayPrecision
}
