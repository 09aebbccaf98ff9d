package datefind

import (
	"regexp"
	"strings"
)

// Stamps: the words that open a received or sent note ("[Received March 22.]",
// "[Sent 6 p.m.]") and the shape of a telegram's transmission line ("From
// Pyongyang, No. 4040. 10 hours 10 minutes. 8.II.1950").
var (
	receivedWord = regexp.MustCompile(`(?i)^\s*(?:received|rec'd|recd\.|получено|поступило|eingegangen|reçu)(?:[^\p{L}]|$)`)
	receivedJust = regexp.MustCompile(`(?i)\b(?:rec'd|recd\.)\s*(?:on\s+|at\s+)?$`)
	sentWord     = regexp.MustCompile(`(?i)^\s*(?:sent|dispatched|despatched|transmitted|отправлено|послано|передано)(?:[^\p{L}]|$)`)
	serialNo     = `(?:no\.|nr\.|№)\s*\d+`
	fromSerial   = regexp.MustCompile(`(?i)^\s*(?:from|из)\s+[^\n]{1,40}?` + serialNo)
	serialClock  = regexp.MustCompile(`(?i)` + serialNo + `[^\n]*?\d{1,2}\s*(?:hours?|hrs?\.?|h\.?|час\p{L}*\.?|ч\.)\s*\d{1,2}\s*(?:minutes?|mins?\.?|m\.|мин\p{L}*\.?|м\.)`)
)

// role tells a received or sent stamp from the document's own dates: a date inside
// a bracket opened by "Received" is received; a date on a telegram's transmission
// line, or in a note opened by "Sent", is sent.
//
// Stamps are short, so the search for their brackets and lines stays near the
// date; that also keeps Find linear on long unbroken text.
func role(text string, start, end int) string {
	near := max(0, start-stampReach)
	after := text[end:min(len(text), end+stampReach)]
	if open := strings.LastIndexByte(text[near:start], '['); open >= 0 && !strings.ContainsRune(text[near+open:start], ']') {
		open += near
		if close := strings.IndexByte(after, ']'); close >= 0 && !strings.ContainsRune(after[:close], '[') {
			note := text[open+1 : start]
			switch {
			case receivedWord.MatchString(note):
				return "received"
			case sentWord.MatchString(note):
				return "sent"
			}
		}
	}
	// "Control 5678 Rec'd January 12, 1953": a stamp run into the line before
	// it, as plain text joins a telegram's header lines.
	if receivedJust.MatchString(text[max(0, start-24):start]) {
		return "received"
	}
	// A line opened by "Received" or "Sent" is a stamp only when short; a long
	// one is prose ("Received your telegram of April 12, 1934, and ...").
	line, ok := lineAround(text, start, end)
	if !ok {
		return ""
	}
	short := len(line) <= 80
	switch {
	case short && receivedWord.MatchString(line):
		return "received"
	case short && sentWord.MatchString(line), fromSerial.MatchString(line), serialClock.MatchString(line):
		return "sent"
	}
	return ""
}

// stampReach bounds how far a stamp's bracket or line may run from its date.
const stampReach = 200

// lineAround is the line holding text[start:end], if it is short enough to be a
// stamp or a transmission line.
func lineAround(text string, start, end int) (string, bool) {
	near := max(0, start-stampReach)
	from := strings.LastIndexByte(text[near:start], '\n')
	if from < 0 && near > 0 {
		return "", false
	}
	from += near + 1
	rest := text[end:min(len(text), end+stampReach)]
	to := strings.IndexByte(rest, '\n')
	if to < 0 {
		if end+len(rest) < len(text) {
			return "", false
		}
		to = len(rest)
	}
	return text[from : end+to], true
}

var (
	stampNote = regexp.MustCompile(`\[[^\[\]\n]{0,120}\]`)
	monthDay  = compile(`(?:^|[^\p{L}])(` + mo + `\s+` + dayN + `)`)
	// No dot after the month here: at the end of a note it closes the sentence.
	dayMonth   = compile(`(?:^|[^\p{L}\d])(` + dayN + `\.?\s+(%M))`)
	stampFinds = []*regexp.Regexp{monthDay, dayMonth}
)

// stampsWithoutYear reads received and sent notes that give no year, "[Received
// March 22.]": the year is that of the nearest date before the note (after it, if
// none comes before). Across New Year ("December 30" then "[Received January 2.]")
// the note falls in the next year, since a telegram arrives after it leaves.
func stampsWithoutYear(text string, fs []found) []found {
	for _, loc := range stampNote.FindAllStringIndex(text, -1) {
		note := fold(text[loc[0]+1 : loc[1]-1])
		r := ""
		switch {
		case receivedWord.MatchString(note):
			r = "received"
		case sentWord.MatchString(note):
			r = "sent"
		default:
			continue
		}
		if overlaps(fs, loc[0], loc[1]) {
			continue
		}
		for _, re := range stampFinds {
			g := re.FindStringSubmatchIndex(note)
			if g == nil {
				continue
			}
			start, end := loc[0]+1+g[2], loc[0]+1+g[3]
			var m, d int
			if re == monthDay {
				m, d = monthNumber(text[loc[0]+1+g[4]:loc[0]+1+g[5]]), number(text[loc[0]+1+g[6]:loc[0]+1+g[7]])
			} else {
				d, m = number(text[loc[0]+1+g[4]:loc[0]+1+g[5]]), monthNumber(text[loc[0]+1+g[6]:loc[0]+1+g[7]])
			}
			ref, ok := nearestYear(fs, start)
			if !ok {
				break
			}
			a := ymd{ref.y, m, d}
			if next := (ymd{ref.y + 1, m, d}); a.before(ref) && ref.m != 0 && monthsBetween(ref, next) <= 2 {
				a = next
			}
			if !a.valid() {
				break
			}
			dt := a.date()
			f := found{Match: Match{Text: text[start:end], Start: start, End: end, EDTF: dt.String(), Earliest: dt.Earliest(), Latest: dt.Latest(), Qualifier: inferred, Role: r}, date: dt, v: value{from: a}}
			fs = insert(fs, f)
			break
		}
	}
	return fs
}

func overlaps(fs []found, start, end int) bool {
	for _, f := range fs {
		if f.Start < end && f.End > start {
			return true
		}
	}
	return false
}

// nearestYear is the last date written before offset i, or else the first after.
func nearestYear(fs []found, i int) (ymd, bool) {
	var best *found
	for k := range fs {
		if fs[k].End <= i {
			best = &fs[k]
		}
	}
	if best == nil {
		for k := range fs {
			if fs[k].Start >= i {
				best = &fs[k]
				break
			}
		}
	}
	if best == nil || best.v.from.y == 0 {
		return ymd{}, false
	}
	last := best.v.from
	if best.v.to.y != 0 {
		last = best.v.to
	}
	return last, true
}

func insert(fs []found, f found) []found {
	i := 0
	for i < len(fs) && fs[i].Start < f.Start {
		i++
	}
	fs = append(fs, found{})
	copy(fs[i+1:], fs[i:])
	fs[i] = f
	return fs
}

func monthsBetween(a, b ymd) int { return (b.y-a.y)*12 + b.m - a.m }
