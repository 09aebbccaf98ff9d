package index

import (
	"fmt"
	"strings"
	"testing"

	"fond/internal/search"
)

// TestFoldedDatesAgree: a query's date filter folded into its walks
// (evaluator.win) answers as the same filter applied after them: the same
// totals, hits in the same order with the same scores and positions, and
// facets, on an index with a segment, a heap part, deletions and drafts, for
// reader and staff, every word or most, overlapping or within the dates.
func TestFoldedDatesAgree(t *testing.T) {
	defer func(f bool) { foldDates = f }(foldDates)
	docs := genDocs(1500, 13)
	first, more := docs[:1000], docs[1000:]
	removed, replaced := changes(first)
	ix, _ := roundTrip(t, build(first))
	ix.Apply(nil, analyzeAll(more))
	ix.Apply(removed, analyzeAll(replaced))
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
	if !strings.Contains(folded, `"loan date:1947..1950" false  : `) || strings.Contains(folded, `"loan date:1947..1950" false  : 0 `) {
		t.Error("the first query found nothing: the test compares nothing")
	}
}
