package editions

import (
	"sort"

	"fond/internal/record"
)

// IsRelease reports whether a record shows declassification: a release stamp
// or spans it withheld.
func IsRelease(r *record.Record) bool { return len(r.Releases) > 0 || len(r.Redactions) > 0 }

// Containment is how much of a release must be found in another for the two
// to be one document's: the words a release did not withhold are the
// document's own, so the fewer-word text's shingles are nearly all in the
// other's. On the fixtures' releases (testdata/releases) every pair is 1.00;
// among 6,625 pairs of same-day FRUS documents, 54 reach 0.8, and those
// looked at are one text printed twice or one document quoting the other
// whole (docs/decisions.md).
const Containment = 0.8

// SameRelease reports whether a and b are releases of one document, withheld
// differently: both primary, dated alike, one of them showing declassification,
// and the text of the one with fewer words, outside its withheld spans, found
// in the other's. Editions that are translations share too few shingles for
// this; Same and near-identical text find those.
func SameRelease(a, b *record.Record) (bool, string) {
	if a.ID == b.ID || a.Category != record.Primary || b.Category != record.Primary {
		return false, ""
	}
	if !IsRelease(a) && !IsRelease(b) || !DatesCompatible(a.Date, b.Date) {
		return false, ""
	}
	sa, sb := shingles(a), shingles(b)
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) < MinWords/2 {
		return false, ""
	}
	in := 0
	for h := range sa {
		if sb[h] {
			in++
		}
	}
	if float64(in) < Containment*float64(len(sa)) {
		return false, ""
	}
	return true, "releases of one document: the text one release shows is in the other"
}

// shingles are the hashes of a body's word 4-shingles, each withheld span
// breaking the run so that no shingle spans a marker.
func shingles(r *record.Record) map[uint64]bool {
	out := map[uint64]bool{}
	spans := append([]record.Redaction(nil), r.Redactions...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	from := 0
	for _, s := range spans {
		if s.Start < from || s.End > len(r.Body) {
			continue // spans not of this body: ignore rather than misread
		}
		addShingles(out, r.Body[from:s.Start])
		from = s.End
	}
	addShingles(out, r.Body[from:])
	return out
}

func addShingles(out map[uint64]bool, text string) {
	eachShingle(text, func(h uint64) { out[h] = true })
}
