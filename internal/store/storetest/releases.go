package storetest

import (
	"context"
	"fmt"
	"testing"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

// testReleasedLater: a release showing text an earlier release of its
// document withheld is found by released_later:yes, which the store decides
// from the release's editions as it indexes: whether the index catches up
// from the log (the search after the writes) or follows each write (searched
// first, so loaded before them), and for the release linked earlier, which
// only the later file's link makes a later release's predecessor.
func testReleasedLater(followed bool) func(t *testing.T, s store.Store) {
	return func(t *testing.T, s store.Store) {
		if followed {
			ids(t, s, search.Query{Text: "withheld:yes"})
		}
		release := func(id, date string, spans int) record.Record {
			r := rec(id, "Telegram From the Embassy in Austria", "The Chancellor called this morning.")
			r.Releases = []record.Release{{Date: date, Body: "National Archives and Records Administration"}}
			for i := range spans {
				r.Redactions = append(r.Redactions, record.Redaction{Start: i, End: i + 1, Kind: "bracket"})
			}
			return r
		}
		// The middle release first: nothing earlier, so nothing released later.
		mustPut(t, s, file("/in/r2008.txt", "sha256:r2008", release("r2008", "2008-05-01", 1)))
		if got := fmt.Sprint(ids(t, s, search.Query{Text: "released_later:yes"})); got != "[]" {
			t.Errorf("one release alone: released_later:yes = %s", got)
		}
		f := file("/in/r1995.txt", "sha256:r1995", release("r1995", "1995-03-03", 3))
		f.Editions = []store.EditionLink{{A: "r1995", B: "r2008", Reason: "same release"}}
		mustPut(t, s, f)
		f = file("/in/r2019.txt", "sha256:r2019", release("r2019", "2019-03-12", 0))
		f.Editions = []store.EditionLink{{A: "r2019", B: "r2008", Reason: "same release"}, {A: "r2019", B: "r1995", Reason: "same release"}}
		mustPut(t, s, f)
		for q, want := range map[string]string{
			"released_later:yes": "[r2008 r2019]", "released_later:no": "[r1995]", "released_later:yes withheld:yes": "[r2008]",
		} {
			if got := fmt.Sprint(ids(t, s, search.Query{Text: q})); got != want {
				t.Errorf("%s = %s, want %s", q, got, want)
			}
		}
		res, err := s.Search(context.Background(), search.Query{Text: "Chancellor", Facets: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Facets["released_later"], res.Facets["withheld"]); got != "[{yes 2}] [{yes 2} {no 1}]" {
			t.Errorf("facets released_later, withheld = %s", got)
		}
	}
}
