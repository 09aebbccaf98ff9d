package extract

import (
	"strings"

	"fond/internal/datefind"
	"fond/internal/record"
)

// DateOf converts a found date into the record's date. EDTF level 1 has no mark for
// an editor's inference, so an inferred date keeps its precision in edtf (no "?")
// and says how it was known in qualifier; "?" and "~" are kept for what the source
// itself calls uncertain or approximate.
func DateOf(m datefind.Match) record.Date {
	d := record.Date{EDTF: m.EDTF, Display: m.Text, Earliest: m.Earliest, Latest: m.Latest, Qualifier: m.Qualifier, Note: m.Note}
	if d.Qualifier == "" {
		d.Qualifier = record.Exact
	}
	if d.Qualifier == record.Inferred {
		d.EDTF = strings.TrimRight(d.EDTF, "?")
	}
	d.Display = strings.Trim(d.Display, " []")
	return d
}

// ParseDate reads a block that is wholly a date.
func ParseDate(s string) (record.Date, bool) {
	m, ok := datefind.Parse(s)
	if !ok {
		return record.Date{}, false
	}
	return DateOf(m), true
}
