package redact

import (
	"testing"

	"fond/internal/record"
)

// TestReleasedLater: a release showing what an earlier one withheld is
// released later; the first release, an undated one and a later release
// withholding as much are not.
func TestReleasedLater(t *testing.T) {
	red := func(n int) []record.Redaction { return make([]record.Redaction, n) }
	recs := []record.Record{
		{ID: "a", Releases: []record.Release{{Date: "1995-03-03"}}, Redactions: red(3)},
		{ID: "b", Releases: []record.Release{{Date: "2008-05-01"}}, Redactions: red(1)},
		{ID: "c", Releases: []record.Release{{Date: "2019"}}},
		{ID: "d", Redactions: red(0)},
		{ID: "e", Releases: []record.Release{{Date: "1999"}}, Redactions: red(3)},
	}
	h := History(recs)
	for id, want := range map[string]bool{"a": false, "b": true, "c": true, "d": false, "e": false, "x": false} {
		if got := ReleasedLater(h, id); got != want {
			t.Errorf("ReleasedLater(%s) = %v, want %v", id, got, want)
		}
	}
}
