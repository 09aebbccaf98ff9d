package index

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"fond/internal/search"
)

// FuzzReadSnapshot: a snapshot file of any content is read or refused, never a
// panic and never an allocation its lengths merely claim.
func FuzzReadSnapshot(f *testing.F) {
	var buf bytes.Buffer
	if _, err := build(testDocs()).WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(segmentMagic))
	f.Add([]byte(segmentMagic + "\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := ReadSnapshot(bytes.NewReader(data))
		if err == nil && ix == nil {
			t.Fatal("no index and no error")
		}
	})
}

// FuzzSearch: any query over any text answers without panicking, within the
// limits (small ones, so the fuzzer reaches them: a prefix capped at two terms),
// and its hits are the documents the index holds; a query the limits refuse is
// refused with a *search.LimitError.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"loan", `"kim il sung"`, "rail*", "북한군 북", "Tümen -loan", "(a OR b) AND NOT c", "person:Stalin date:1949..1950", "type:", "\"\"*", "k* s* t*", "((((a))))", "s* OR (s* loan) -s*"} {
		f.Add(s, "Kim Il Sung asked Stalin for a loan. 북한군이 남으로. Tümen.")
	}
	lim := search.Limits{MaxQueryBytes: 256, MaxTerms: 12, MaxDepth: 3, MaxPrefixExpansion: 2, MaxOffset: 50}
	f.Fuzz(func(t *testing.T, q, body string) {
		ix := build([]Doc{{Ref: 1, ID: "a", Text: [7]string{"title", "", body}}, testDocs()[0]})
		node, err := search.Parse(q, lim)
		if err != nil {
			var le *search.LimitError
			if !errors.As(err, &le) {
				t.Fatalf("Parse(%q): %v is no LimitError", q, err)
			}
			return
		}
		res, err := ix.Search(context.Background(), Request{Node: node, Limit: 5, Facets: true, Limits: lim})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range res.Hits {
			if h.ID != "a" && h.ID != testDocs()[0].ID {
				t.Fatalf("unknown hit %q", h.ID)
			}
			NewHighlighter(node).SnippetAt(body, h.Where)
		}
		if res.Total > 2 || res.Total < len(res.Hits) {
			t.Fatalf("total %d with %d hits", res.Total, len(res.Hits))
		}
		for _, c := range res.Capped {
			if c.Used != lim.MaxPrefixExpansion || c.Matched <= c.Used {
				t.Fatalf("capped %+v with a cap of %d", c, lim.MaxPrefixExpansion)
			}
		}
	})
}
