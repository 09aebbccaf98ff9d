package datefind

import (
	"regexp"
	"strings"

	"fond/internal/edtf"
)

var (
	weekdayBefore = regexp.MustCompile(`(?i)^` + weekdays + `\.?,?\s+`)
	edtfLike      = regexp.MustCompile(`^(?:[-0-9XY./]|\.\.)[-0-9XY./?~%:TZ+]*$`)
)

// Parse reads s as one date expression and nothing else. Spaces, a trailing full
// stop and surrounding square brackets are trimmed first; brackets mark an
// editor's date (qualifier inferred, EDTF "?"), a trailing "?" an uncertain one. A
// leading weekday and a trailing time ("—6 p.m.", ", noon") may stand with the
// date. s may also be EDTF itself. A match must have both bounds: open intervals
// are for queries, not for dating a document.
func Parse(s string) (Match, bool) {
	editorial, unsure := false, false
	s = trim(s)
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s, editorial = trim(s[1:len(s)-1]), true
	}
	if s == "" {
		return Match{}, false
	}
	if edtfLike.MatchString(s) {
		if d, err := edtf.Parse(s); err == nil {
			return finish(fromEDTF(s, d), editorial)
		}
	}
	if rest, ok := strings.CutSuffix(s, "?"); ok {
		s, unsure = strings.TrimSpace(rest), true
	}
	if loc := weekdayBefore.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	fs := scan(s, true)
	if len(fs) != 1 || fs[0].Start != 0 {
		return Match{}, false
	}
	m := fs[0].Match
	if rest := s[m.End:]; strings.TrimSpace(rest) != "" {
		loc := timeAfter.FindStringIndex(rest)
		if loc == nil || strings.Trim(rest[loc[1]:], " .,;") != "" {
			return Match{}, false
		}
	}
	if unsure {
		m = requalify(m, uncertain)
	}
	return finish(m, editorial)
}

func trim(s string) string {
	for {
		t := strings.TrimSuffix(strings.TrimSpace(s), ".")
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

func fromEDTF(s string, d edtf.Date) Match {
	q := exact
	switch {
	case d.Uncertain():
		q = uncertain
	case d.Approximate():
		q = approximate
	}
	return Match{Text: s, End: len(s), EDTF: d.String(), Earliest: d.Earliest(), Latest: d.Latest(), Qualifier: q}
}

func finish(m Match, editorial bool) (Match, bool) {
	if editorial {
		m = requalify(m, inferred)
	}
	return m, m.Earliest != "" && m.Latest != ""
}

// requalify marks m uncertain or inferred; both show in EDTF as "?". An editor's
// mark outranks the source's own.
func requalify(m Match, q string) Match {
	if d, err := edtf.Parse(m.EDTF); err == nil {
		m.EDTF = d.WithUncertain().String()
		if d.Approximate() {
			m.EDTF = d.WithUncertain().WithApproximate().String()
		}
	}
	m.Qualifier = q
	return m
}
