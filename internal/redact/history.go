package redact

import (
	"sort"
	"strings"

	"fond/internal/record"
)

// Entry is one release in a document's history: the release, the record that
// holds its text and how much that text withholds.
type Entry struct {
	Release  record.Release `json:"release"`
	Record   string         `json:"record"`
	Withheld Withheld       `json:"withheld"`
}

// Year is the release's year ("" when undated).
func (e Entry) Year() string {
	if len(e.Release.Date) >= 4 {
		return e.Release.Date[:4]
	}
	return ""
}

// Line says it as the document page does: "2008: 1 paragraph withheld",
// "2019: full".
func (e Entry) Line() string {
	year := e.Year()
	if year == "" {
		year = "Undated release"
	}
	if e.Withheld.Spans == 0 {
		return year + ": full"
	}
	return year + ": " + e.Withheld.String() + " withheld"
}

// History is the release history of one document from its records (a record
// and its editions): one entry per release a record carries, or per record
// that withholds text without a stamp to date it; records showing no
// declassification are not releases and are left out. Oldest first, undated
// last, so the last dated entry is the latest release.
func History(recs []record.Record) []Entry {
	var out []Entry
	seen := map[string]bool{}
	for i := range recs {
		r := &recs[i]
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		w := Measure(r.Redactions)
		rels := r.Releases
		if len(rels) == 0 && len(r.Redactions) > 0 {
			rels = []record.Release{{Record: r.ID}}
		}
		for _, rel := range rels {
			out = append(out, Entry{Release: rel, Record: r.ID, Withheld: w})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Release.Date, out[j].Release.Date
		if (a == "") != (b == "") {
			return b == ""
		}
		if a != b {
			return a < b
		}
		return out[i].Record < out[j].Record
	})
	return out
}

// Summary is the history on one line: "1995: 3 paragraphs withheld; 2008:
// 1 paragraph withheld; 2019: full".
func Summary(h []Entry) string {
	lines := make([]string, len(h))
	for i, e := range h {
		lines[i] = e.Line()
	}
	return strings.Join(lines, "; ")
}

// ReleasedLater reports whether record id's release in history h shows text
// that an earlier release of the document withheld: its release is dated and
// an earlier dated release withheld more spans than it does. This is the
// released_later:yes filter ("text released later than first publication").
func ReleasedLater(h []Entry, id string) bool {
	for _, e := range h {
		if e.Record != id || e.Release.Date == "" {
			continue
		}
		for _, o := range h {
			if o.Release.Date != "" && o.Release.Date < e.Release.Date && o.Withheld.Spans > e.Withheld.Spans {
				return true
			}
		}
	}
	return false
}
