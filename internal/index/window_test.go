package index

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"fond/internal/names"
	"fond/internal/search"
)

// TestFoldedDatesAgree: a query's date filter folded into its walks
// (evaluator.win) answers as the same filter applied after them: the same
// totals, hits in the same order with the same scores and positions, and
// facets, on an index with a segment, a heap part, deletions and drafts, for
// reader and staff, every word or most, overlapping or within the dates. (Its
// words stand inside their dates as well as outside: where a word stands only
// outside them, every word or most now reads it as TestCorrectionsWithinDates
// says, which filtering after did not.)
func TestFoldedDatesAgree(t *testing.T) {
	defer func(f bool) { foldDates = f }(foldDates)
	ix := changedIndex(t, 1500, 13)
	queries := []string{
		"loan date:1947..1950", "date:1950..1954 -loan", "co* date:..1950", `"soviet army" date:1949`,
		"telegram railway date:1946..1948", "date:1950 OR loan", "1949 date:1948..1950", "1949 loan date:1949-07-01..1950", "1949 loan date:1952..",
		"date:1946..1947 date:1947..1952 loan", "person:stalin date:1950..1951", "type:telegram date:1949..1953",
		"amabssador date:1945..1955", "loan telegram harbor date:1948..1949", "NOT cipher date:1950..1950",
		"subject:claims date:1947..1949", "북한군 date:1945..1950", `"treaty m*" date:1951..`, "date:1960..1970 loan",
	}
	all := func() string {
		var b strings.Builder
		for _, q := range queries {
			for _, staff := range []bool{false, true} {
				for _, match := range []string{"", search.MatchMost} {
					for _, mode := range []string{"", search.DateWithin} {
						res := run(ix, Request{Node: parse(q), Limit: 30, Facets: true, Unpublished: staff, Match: match, DateMode: mode, Typed: search.TypedWords(q)})
						fmt.Fprintf(&b, "%q %v %s %s: %d %d %v;", q, staff, match, mode, res.Total, res.Exact, res.Facets)
						for _, h := range res.Hits {
							fmt.Fprintf(&b, " %s %.9f %v %v", h.ID, h.Score, h.Where.Positions, h.Matched)
						}
						b.WriteByte('\n')
					}
				}
			}
		}
		return b.String()
	}
	foldDates = false
	after := all()
	foldDates = true
	folded := all()
	if after != folded {
		t.Errorf("folded and filtered-after dates differ:\n%s", firstDiff(after, folded))
	}
	// And with every walk split in two halves, which read the window at once.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(m, p int) { splitMin, parallelPhrase = m, p }(splitMin, parallelPhrase)
	splitMin, parallelPhrase = 1, 1
	before := splits.Load()
	if split := all(); split != after {
		t.Errorf("folded dates in split walks and filtered-after dates differ:\n%s", firstDiff(after, split))
	}
	if splits.Load() == before {
		t.Error("no search was split")
	}
	if !strings.Contains(folded, `"loan date:1947..1950" false  : `) || strings.Contains(folded, `"loan date:1947..1950" false  : 0 `) {
		t.Error("the first query found nothing: the test compares nothing")
	}
}

// Under every word or most, a search with dates judges near spellings and a
// name's other forms among the documents of those dates, as if the archive
// held nothing else, whether the word is the query's only one or one of
// several (judged so before the fold too): "Molotof" stands only in 1940, so
// with 1950 asked it is read as "molotov"; "Peking", only in 1940, is not
// offered as another form of "Beijing".
func TestCorrectionsWithinDates(t *testing.T) {
	dated := func(id, body, day string) Doc {
		d := bodyDoc(id, body)
		d.Earliest, d.Latest = day, day
		return d
	}
	in1950 := []Doc{dated("molotov", "Molotov received the ambassador.", "1950-03-01"),
		dated("beijing", "Telegram from Beijing on the loan.", "1950-05-01")}
	in1940 := []Doc{dated("typo", "Molotof wrote again to the ambassador.", "1940-03-01"),
		dated("peking", "Telegram from Peking on the loan.", "1940-05-01")}
	ix, only1950 := build(append(slices.Clone(in1950), in1940...)), build(in1950)
	ask := func(ix *Index, q string) string {
		res := run(ix, Request{Node: parse(q), Limit: 10, Match: search.MatchMost, Names: names.Starter(), Typed: search.TypedWords(q)})
		return fmt.Sprint(res.Total, hitIDs(res), res.Corrected)
	}
	for _, q := range []string{"Molotof", "Molotof ambassador", "Beijing", "Beijing loan"} {
		got, want := ask(ix, q+" date:1950"), ask(only1950, q)
		if got != want {
			t.Errorf("%q in 1950: %s, want %s (the 1950 documents alone)", q, got, want)
		}
	}
	if got := ask(ix, "Molotof date:1950"); !strings.Contains(got, "molotov") {
		t.Errorf("Molotof in 1950: %s, want molotov", got)
	}
}
