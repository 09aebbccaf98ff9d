package redact

import (
	"sort"
	"strconv"

	"fond/internal/record"
)

// Released is one release that withheld text, with what came of it: the
// latest release of the same document and how much that one still withholds.
type Released struct {
	Collection string
	// Body is who released it (the stamp's agency, library or archive; ""
	// when the release names none).
	Body     string
	Year     string // of the release ("" undated)
	Withheld Withheld
	// LaterYear and Later are the latest later release of the document and
	// what it withholds; LaterYear is "" when none is known.
	LaterYear string
	Later     Withheld
	// DocYear is the year the document was written ("" undated).
	DocYear string
}

// StatsRow sums the releases of one group: one collection's releases by one
// body in one year, or, in the totals (see Group), all of a body's or of a
// year's, the fields not grouped by left "".
type StatsRow struct {
	Collection string  `json:"collection"`
	Body       string  `json:"body"`
	Year       string  `json:"year"`
	Documents  int     `json:"documents_with_withholding"`
	Spans      int     `json:"spans_withheld"`
	Lines      float64 `json:"lines_withheld"`
	Paragraphs float64 `json:"paragraphs_withheld"`
	Pages      float64 `json:"pages_withheld"`
	// LaterReleased counts the documents a later release withholds less of,
	// and LinesReleased the lines it showed (by the markers' stated sizes).
	LaterReleased int     `json:"later_released"`
	LinesReleased float64 `json:"lines_later_released"`
	// MedianYears is the median of the years from writing to this release,
	// over the row's documents with both years; 0 when none has.
	MedianYears float64 `json:"median_years_to_release"`
	ages        []int
}

// Later is the release that followed e in a history, latest first: the
// latest dated entry after e's date, or nil.
func Later(h []Entry, e Entry) *Entry {
	for i := len(h) - 1; i >= 0; i-- {
		if h[i].Release.Date != "" && h[i].Release.Date > e.Release.Date && e.Release.Date != "" {
			return &h[i]
		}
	}
	return nil
}

// Group says which of a release's collection, body and year its row is
// counted under; a field left out is summed over.
type Group uint8

const (
	ByCollection Group = 1 << iota
	ByBody
	ByYear
)

// Stats sums releases by collection, body and year, in that order.
func Stats(rs []Released) []StatsRow { return StatsBy(rs, ByCollection|ByBody|ByYear) }

// StatsBy sums releases by the fields g names, rows sorted by collection,
// body and year. The median is taken over each row's own releases, so totals
// are counted from the releases, not added up from finer rows.
func StatsBy(rs []Released, g Group) []StatsRow {
	at := map[[3]string]*StatsRow{}
	var keys [][3]string
	for _, r := range rs {
		var k [3]string
		if g&ByCollection != 0 {
			k[0] = r.Collection
		}
		if g&ByBody != 0 {
			k[1] = r.Body
		}
		if g&ByYear != 0 {
			k[2] = r.Year
		}
		row := at[k]
		if row == nil {
			row = &StatsRow{Collection: k[0], Body: k[1], Year: k[2]}
			at[k] = row
			keys = append(keys, k)
		}
		row.Documents++
		row.Spans += r.Withheld.Spans
		row.Lines += r.Withheld.Lines
		row.Paragraphs += r.Withheld.Paragraphs
		row.Pages += r.Withheld.Pages
		if age, ok := yearsBetween(r.DocYear, r.Year); ok {
			row.ages = append(row.ages, age)
		}
		if r.LaterYear != "" && r.Later.Spans < r.Withheld.Spans {
			row.LaterReleased++
			row.LinesReleased += max(0, r.Withheld.Lines-r.Later.Lines)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		for f := range keys[i] {
			if keys[i][f] != keys[j][f] {
				return keys[i][f] < keys[j][f]
			}
		}
		return false
	})
	out := make([]StatsRow, len(keys))
	for i, k := range keys {
		row := at[k]
		row.MedianYears = median(row.ages)
		row.ages = nil
		out[i] = *row
	}
	return out
}

func yearsBetween(from, to string) (int, bool) {
	a, err1 := strconv.Atoi(from)
	b, err2 := strconv.Atoi(to)
	return b - a, err1 == nil && err2 == nil && b >= a
}

func median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Ints(xs)
	n := len(xs)
	if n%2 == 1 {
		return float64(xs[n/2])
	}
	return float64(xs[n/2-1]+xs[n/2]) / 2
}

// ReleasedFrom describes rec's release for Stats from its document's history.
func ReleasedFrom(rec *record.Record, h []Entry) Released {
	r := Released{Withheld: Measure(rec.Redactions)}
	if len(rec.Date.Earliest) >= 4 {
		r.DocYear = rec.Date.Earliest[:4]
	}
	if rec.Collection != nil {
		r.Collection = rec.Collection.ID
	}
	self := Entry{Record: rec.ID}
	for _, e := range h {
		if e.Record == rec.ID {
			self = e
			break
		}
	}
	r.Year, r.Body = self.Year(), self.Release.Body
	if l := Later(h, self); l != nil {
		r.LaterYear, r.Later = l.Year(), l.Withheld
	}
	return r
}
