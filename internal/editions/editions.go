// Package editions decides whether two records are editions (translations,
// transcriptions, republications) of the same archival document.
package editions

import (
	"strconv"
	"strings"

	"fond/internal/record"
)

// Same reports whether a and b are the same archival document, with the reason.
// Sharing a file (delo) is not enough: a delo holds many documents, so the folios
// must overlap and the dates must be compatible.
func Same(a, b *record.Record) (bool, string) {
	if a.ID == b.ID || a.Category != record.Primary || b.Category != record.Primary {
		return false, ""
	}
	if !DatesCompatible(a.Date, b.Date) {
		return false, ""
	}
	for _, sa := range a.Sources {
		for _, sb := range b.Sources {
			if sameFile(sa, sb) && FoliosOverlap(sa.Folios, sb.Folios) {
				return true, "same archival reference: " + describe(sa)
			}
		}
	}
	return false, ""
}

func sameFile(a, b record.Source) bool {
	if a.Repository == "" || a.Repository != b.Repository {
		return false
	}
	if a.Fond == "" && a.Delo == "" && a.File == "" {
		return false
	}
	return a.Fond == b.Fond && a.Opis == b.Opis && a.Delo == b.Delo && a.Papka == b.Papka && a.File == b.File
}

// DatesCompatible reports whether two dates can be the same document's: their
// ranges overlap, or one is unknown.
func DatesCompatible(a, b record.Date) bool {
	if a.Earliest == "" || b.Earliest == "" || a.Latest == "" || b.Latest == "" {
		return true
	}
	return a.Earliest <= b.Latest && b.Earliest <= a.Latest
}

// FoliosOverlap reports whether two folio ranges ("10-20", "12, 14-15", "10ob.-11")
// share a leaf. Unknown folios never overlap.
func FoliosOverlap(a, b string) bool {
	ra, rb := folioRanges(a), folioRanges(b)
	for _, x := range ra {
		for _, y := range rb {
			if x[0] <= y[1] && y[0] <= x[1] {
				return true
			}
		}
	}
	return false
}

func folioRanges(s string) [][2]int {
	var out [][2]int
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		ends := strings.FieldsFunc(part, func(r rune) bool { return r == '-' || r == '–' || r == '—' })
		if len(ends) == 0 || len(ends) > 2 {
			continue
		}
		lo, ok1 := leadingInt(ends[0])
		hi, ok2 := lo, ok1
		if len(ends) == 2 {
			hi, ok2 = leadingInt(ends[1])
		}
		if ok1 && ok2 && lo <= hi {
			out = append(out, [2]int{lo, hi})
		}
	}
	return out
}

func leadingInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(s[:end])
	return n, err == nil
}

func describe(s record.Source) string {
	var parts []string
	name := s.Abbreviation
	if name == "" {
		name = s.Repository
	}
	parts = append(parts, name)
	for _, p := range []struct{ k, v string }{{"f.", s.Fond}, {"op.", s.Opis}, {"d.", s.Delo}, {"p.", s.Papka}, {"", s.File}, {"ll.", s.Folios}} {
		if p.v != "" {
			parts = append(parts, strings.TrimSpace(p.k+" "+p.v))
		}
	}
	return strings.Join(parts, ", ")
}
