package redact

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"fond/internal/record"
)

// Declassification stamps as releases print them. Each names the release's
// date; the authority and the body are read from the stamp's lines.
var (
	// stampStart is a line that opens a stamp.
	stampStart = regexp.MustCompile(`(?im)^[ \t]*(?:DECLASSIFIED|SANITIZED|(?:Sanitized Copy )?Approved for Release|Released\b|Declassified (?:and released )?(?:by|under|on|in))`)
	// authority numbers: a NARA project (NND 959000), a mandatory review case
	// (MR 2005-123, MR Case No. NLJ 95-123), a presidential library's (NLE-2008-17,
	// NLJ/RAC 01-234), an executive order, a FOIA case, a CIA document number.
	authorityRe = regexp.MustCompile(`(?i)\b(?:MR\s+(?:Case\s+No\.?\s+)?(?:NL[A-Z]\s+)?\d{2,4}-\d{1,5}|NND\s+\d{4,7}|NL[A-Z](?:/RAC)?[-\s]\d{2,4}-\d{1,5}|E\.\s?O\.\s+1\d{4}(?:,?\s+Sec(?:tion|\.)?\s+[\d.()a-z]+)?|FOIA\s+(?:Case\s+)?(?:No\.?\s+)?[A-Z]?-?\d{2,4}-\d{2,6}|CIA-RDP[0-9A-Z-]+)`)
	// bodies a stamp names, longest first so "National Archives" beats "Archives".
	bodyRe   = regexp.MustCompile(`(?i)\b(National Archives and Records Administration|National Archives|NARA|Central Intelligence Agency|CIA|Department of State|State Department|National Security Council|NSC|Department of Defense|(?:[A-Z][a-z]+\.?\s+){1,3}(?:Presidential\s+)?Library)\b`)
	isoDate  = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	usDate   = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b`)
	textDate = regexp.MustCompile(`(?i)\b(?:(\d{1,2})\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(1[89]\d\d|20\d\d)\b`)
	yearOnly = regexp.MustCompile(`\b(19[4-9]\d|20\d\d)\b`)
)

var bodyNames = map[string]string{
	"nara": "National Archives and Records Administration", "national archives": "National Archives and Records Administration",
	"cia": "Central Intelligence Agency", "state department": "Department of State", "nsc": "National Security Council",
}

// stampOpenings are how a line stampStart matches begins, in any case: a
// line beginning otherwise is not tried (BenchmarkFindFRUS).
var stampOpenings = []string{"declassified", "sanitized", "approved for release", "released"}

func mayStamp(line string) bool {
	t := strings.TrimLeft(line, " \t")
	for _, p := range stampOpenings {
		if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) {
			return true
		}
	}
	return false
}

// anyStampLine reports whether a line of text may open a stamp, reading the
// lines in place.
func anyStampLine(text string) bool {
	for line := range strings.Lines(text) {
		if mayStamp(line) {
			return true
		}
	}
	return false
}

// stampLines is how many lines after its first a stamp may run.
const stampLines = 4

// Stamps returns the declassification stamps text shows, as releases (Record
// unset: the caller knows which record holds the text). A stamp without a
// date it can read is no release: nothing is invented to fill one.
func Stamps(text string) []record.Release {
	var out []record.Release
	if !anyStampLine(text) {
		return nil
	}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		if !mayStamp(lines[i]) || !stampStart.MatchString(lines[i]) {
			continue
		}
		end := min(len(lines), i+stampLines)
		stamp := strings.Join(strings.Fields(strings.Join(lines[i:end], " ")), " ")
		// A stamp ends where the text it stamps begins: a blank line.
		for j := i + 1; j < end; j++ {
			if strings.TrimSpace(lines[j]) == "" {
				stamp = strings.Join(strings.Fields(strings.Join(lines[i:j], " ")), " ")
				end = j
				break
			}
		}
		date := stampDate(stamp)
		if date == "" {
			continue
		}
		rel := record.Release{Date: date, Stamp: stamp}
		if a := authorityRe.FindAllString(stamp, -1); a != nil {
			rel.Authority = strings.Join(a, "; ")
		}
		if b := bodyRe.FindString(stamp); b != "" {
			rel.Body = b
			if full, ok := bodyNames[strings.ToLower(b)]; ok {
				rel.Body = full
			}
		}
		out = append(out, rel)
		i = end - 1
	}
	return out
}

// stampDate is the release's date in EDTF: the first full date the stamp
// gives, or a year alone.
func stampDate(s string) string {
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := usDate.FindStringSubmatch(s); m != nil {
		y := m[3]
		if len(y) == 2 {
			// Stamps of the 1970s on: "5/1/08" is 2008, "3/4/95" 1995.
			if n, _ := strconv.Atoi(y); n < 70 {
				y = "20" + y
			} else {
				y = "19" + y
			}
		}
		return ymd(y, m[1], m[2])
	}
	if m := textDate.FindStringSubmatch(s); m != nil {
		mon := monthNumber(m[2])
		day := m[1]
		if day == "" {
			day = m[3]
		}
		if day == "" {
			return fmt.Sprintf("%s-%02d", m[4], mon)
		}
		return ymd(m[4], strconv.Itoa(mon), day)
	}
	// A year alone, but not one inside an authority number ("MR 2005-123").
	clean := authorityRe.ReplaceAllString(s, " ")
	if m := yearOnly.FindString(clean); m != "" {
		return m
	}
	return ""
}

func ymd(y, m, d string) string {
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return y
	}
	return fmt.Sprintf("%s-%02d-%02d", y, mi, di)
}

func monthNumber(s string) int {
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(s[:3]))
	return i/3 + 1
}
