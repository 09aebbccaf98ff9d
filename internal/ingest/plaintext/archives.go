package plaintext

import (
	"regexp"
	"strconv"
	"strings"

	"fond/internal/archref"
	"fond/internal/datefind"
	"fond/internal/extract"
	"fond/internal/record"
)

// telegramBanner is the form a typed telegram is headed with ("DEPARTMENT OF
// STATE / INCOMING TELEGRAM", "TELEGRAM RECEIVED"): the form's name, not the
// document's title.
var telegramBanner = regexp.MustCompile(`(?i)^(?:department of state\s+)?(?:(?:incoming|outgoing)\s+telegram|telegram\s+(?:received|sent))$`)

// receivedStamp is what precedes the date in a telegram's received stamp
// ("Rec'd January 13, 1953, 9:14 a.m."), which is not the day it was sent.
var receivedStamp = regexp.MustCompile(`(?i)\brec(?:'|’)?d\b|\breceived\b`)

// continuation heads a typed telegram's further page: its number, then the
// telegram's number and date-time group ("-2- 1234, January 12, 6 p.m., from
// Moscow").
var continuation = regexp.MustCompile(`^-\s?\d+\s?-\s+\d+, `)

// receivedLine is a telegram's received stamp standing as its own paragraph,
// perhaps under its control number ("Control 5678 Rec'd January 12, 1953").
var receivedLine = regexp.MustCompile(`(?i)^(?:control\s+\d+\s*)?(?:rec(?:'|’)?d|received)\b`)

// groupDay is the day of a date-time group ("1234, January 12, 6 p.m.").
var groupDay = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b(?:,?\s*(\d{4})\b)?`)

var months = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12}

// telegramDate is the day a telegram was sent, from its date-time group. Most
// groups print no year: the received stamp's year is taken, the year before
// when a telegram sent in December was received in January.
func telegramDate(group string, paras []string) (record.Date, bool) {
	m := groupDay.FindStringSubmatch(group)
	if m == nil {
		return record.Date{}, false
	}
	year := m[3]
	if year == "" {
		for _, p := range paras {
			loc := receivedStamp.FindStringIndex(p)
			if loc == nil {
				continue
			}
			r := groupDay.FindStringSubmatch(p[loc[1]:])
			if r == nil || r[3] == "" {
				continue
			}
			y, _ := strconv.Atoi(r[3])
			if months[r[1]] < months[m[1]] {
				y--
			}
			year = strconv.Itoa(y)
			break
		}
	}
	if year == "" {
		return record.Date{}, false
	}
	d, ok := datefind.Parse(m[1] + " " + m[2] + ", " + year)
	if !ok {
		return record.Date{}, false
	}
	return extract.DateOf(d), true
}

// citationTitle is the title an archive's own citation line gives its record
// (`Citation: "Title," Date, Archive, Reference. URL`), as an archive's PDF
// prints it at the foot of its pages.
var citationTitle = regexp.MustCompile(`^Citation:\s*"(.+?)[,.]?"`)

// originalArchive labels the reference of the archive that holds the
// original, in an archive's copy ("Original Archive: …").
// The footer's lines come joined in one paragraph, the page number last.
var originalArchive = regexp.MustCompile(`\bOriginal Archive:\s*(.+?)\s*(?:Page \d+ of \d+)?$`)

// pageOf is a PDF's page number ("Page 2 of 5").
var pageOf = regexp.MustCompile(`^Page \d+ of \d+$`)

// archiveCopy reads what an archive prints around a document it publishes:
// its citation and original archive at the foot of each page, its page
// numbers, and a header repeating its name, the record's date and title.
// The citation's title is the record's; the paragraphs that are the
// archive's furniture are taken out.
func archiveCopy(r *record.Record, paras []string, conf map[string]float64) []string {
	title := ""
	for _, p := range paras {
		if m := citationTitle.FindStringSubmatch(p); m != nil {
			title = m[1]
			break
		}
	}
	if title == "" {
		return paras
	}
	r.Title = title
	conf["title"] = 0.9
	out := paras[:0:0]
	for _, p := range paras {
		if m := originalArchive.FindStringSubmatch(p); m != nil && len(r.Sources) == 0 {
			r.Sources = archref.ParseList(m[1])
		}
		// The header: the archive's name, the date and the title, the
		// title last.
		if strings.HasSuffix(p, title) && len(p) < len(title)+80 {
			continue
		}
		if citationTitle.MatchString(p) || originalArchive.MatchString(p) || pageOf.MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}
