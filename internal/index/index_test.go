package index

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"fond/internal/record"
	"fond/internal/search"
)

func testDocs() []Doc {
	return []Doc{
		{Ref: 1, ID: "a", Text: [7]string{"Ciphered telegram from Shtykov", "About the loan", "Kim Il Sung asked Stalin for a loan in March. The loan was granted.", "", "Shtykov\nVyshinsky", "Pyongyang", "AVP RF"},
			Earliest: "1950-02-07", Latest: "1950-02-07", Type: "Ciphered Telegram", Category: "primary", Lang: "en", Persons: []string{"Shtykov", "Vyshinsky"}, Places: []string{"Pyongyang"}, Repositories: []string{"AVP RF"}},
		{Ref: 2, ID: "b", Text: [7]string{"Meeting between Stalin and Kim Il Sung", "Conversation", "Stalin spoke of the railway and the harbor at Tümen. 북한군이 남으로", "", "Stalin\nKim Il Sung", "Moscow", ""},
			Earliest: "1949-03-05", Latest: "1949-03-05", Type: "Minutes of Conversation", Category: "primary", Lang: "en", Persons: []string{"Stalin", "Kim Il Sung"}, Places: []string{"Moscow"}},
		{Ref: 3, ID: "c", Text: [7]string{"Preparing for war", "", "A blog post on loans, telegrams and railways.", "", "", "", "Blog post"},
			Type: "Blog post", Category: "secondary", Lang: "en"},
	}
}

func build(docs []Doc) *Index {
	ix := New()
	var as []*Analyzed
	for _, d := range docs {
		as = append(as, Analyze(d))
	}
	ix.Apply(nil, as)
	return ix
}

func ids(ix *Index, q string) string {
	res := run(ix, Request{Node: parse(q), Limit: 100, Sort: search.SortDateAsc})
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return fmt.Sprint(res.Total, out)
}

func TestQueries(t *testing.T) {
	ix := build(testDocs())
	cases := []struct{ q, want string }{
		{"loan", "2 [a c]"},
		{"loans", "2 [a c]"},
		{"telegrams", "2 [a c]"},
		{`"kim il sung"`, "2 [a b]"},
		{`"il kim"`, "0 []"},
		{`"loan was granted"`, "1 [a]"},
		{`"the loan"`, "1 [a]"},
		{"shtyk*", "1 [a]"},
		{"rail*", "2 [b c]"},
		{"railways*", "2 [b c]"},
		{"Tumen", "1 [b]"},
		{"북한군", "1 [b]"},
		{"북", "1 [b]"},
		{"title:telegram", "1 [a]"},
		{"person:stalin", "1 [b]"},
		{"loan -type:blog", "1 [a]"},
		{"NOT loan", "1 [b]"},
		{"loan OR harbor", "3 [a b c]"},
		{"(loan OR harbor) AND stalin", "2 [a b]"},
		{"date:1950", "1 [a]"},
		{"1949", "1 [b]"},
		{"category:secondary", "1 [c]"},
		{"id:b", "1 [b]"},
		{"", "3 [a b c]"},
		{"zzz", "0 []"},
	}
	for _, c := range cases {
		if got := ids(ix, c.q); got != c.want {
			t.Errorf("%q = %s, want %s", c.q, got, c.want)
		}
	}
}

func TestRemoveAndReplace(t *testing.T) {
	ix := build(testDocs())
	ix.Apply([]int64{1}, nil)
	if got := ids(ix, "loan"); got != "1 [c]" {
		t.Errorf("after delete: %s", got)
	}
	d := testDocs()[2]
	d.Text[2] = "Now about uranium."
	ix.Apply(nil, []*Analyzed{Analyze(d)})
	if got := ids(ix, "loan"); got != "0 []" {
		t.Errorf("after replace, old text still found: %s", got)
	}
	if got := ids(ix, "uranium"); got != "1 [c]" {
		t.Errorf("after replace, new text not found: %s", got)
	}
	if ix.Len() != 2 {
		t.Errorf("Len = %d, want 2", ix.Len())
	}
}

func TestCompaction(t *testing.T) {
	ix := New()
	// Re-adding the same three documents many times leaves many dead postings,
	// which compaction must drop without losing the live ones.
	for round := 0; round < 800; round++ {
		var as []*Analyzed
		for _, d := range testDocs() {
			as = append(as, Analyze(d))
		}
		ix.Apply(nil, as)
	}
	if len(ix.hot) >= 2400 {
		t.Errorf("no compaction: %d documents kept", len(ix.hot))
	}
	if got := ids(ix, `"kim il sung"`); got != "2 [a b]" {
		t.Errorf("after compaction: %s", got)
	}
	if got := ids(ix, "person:Shtykov"); got != "1 [a]" {
		t.Errorf("after compaction: %s", got)
	}
}

// roundTrip writes ix as a snapshot and reads it back, returning the
// snapshot's bytes too.
func roundTrip(t *testing.T, ix *Index) (*Index, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if _, err := ix.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadSnapshot(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return back, buf.Bytes()
}

func TestSnapshotRoundTrip(t *testing.T) {
	ix := build(testDocs())
	ix.Apply([]int64{3}, nil)
	ix.SetGen(42, "e1")
	back, data := roundTrip(t, ix)
	if g, e := back.Gen(); g != 42 || e != "e1" {
		t.Errorf("gen %d epoch %q", g, e)
	}
	for _, q := range []string{"loan", `"kim il sung"`, "rail*", "person:stalin", "type:telegram", "date:1949..1950", "북한군"} {
		if a, b := ids(ix, q), ids(back, q); a != b {
			t.Errorf("%q: before %s, after %s", q, a, b)
		}
	}
	for _, cut := range []int{0, 5, len(data) / 2, len(data) - 1} {
		if _, err := ReadSnapshot(bytes.NewReader(data[:cut])); err == nil {
			t.Errorf("snapshot cut at %d read without error", cut)
		}
	}
	bad := bytes.Clone(data)
	bad[len(bad)/2] ^= 0xff
	if _, err := ReadSnapshot(bytes.NewReader(bad)); err == nil {
		t.Errorf("corrupt snapshot read without error")
	}
}

func TestFacets(t *testing.T) {
	ix := build(testDocs())
	res := run(ix, Request{Node: parse("loan OR stalin"), Limit: 10, Facets: true})
	got := fmt.Sprint(res.Facets["type"], res.Facets["person"], res.Facets["year"], res.Facets["decade"], res.Facets["category"])
	want := "[{Blog post 1} {Ciphered Telegram 1} {Minutes of Conversation 1}] [{Kim Il Sung 1} {Shtykov 1} {Stalin 1} {Vyshinsky 1}] [{1949 1} {1950 1}] [{1940s 1} {1950s 1}] [{primary 2} {secondary 1}]"
	if got != want {
		t.Errorf("facets\n got %s\nwant %s", got, want)
	}
}

func TestRanking(t *testing.T) {
	ix := build(testDocs())
	res := run(ix, Request{Node: parse("telegram"), Limit: 10})
	if len(res.Hits) != 2 || res.Hits[0].ID != "a" || res.Hits[0].Score <= res.Hits[1].Score {
		t.Errorf("a title match should outrank a body match: %+v", res.Hits)
	}
	page := run(ix, Request{Node: parse("loan OR harbor"), Limit: 1, Offset: 1, Sort: search.SortDateDesc})
	if page.Total != 3 || len(page.Hits) != 1 || page.Hits[0].ID != "b" {
		t.Errorf("second page by date, newest first: %+v", page)
	}
}

// TestRepeatedPrefixes runs prefixes (a word of several index terms, summed in a
// pooled accumulator) before and after others, one of them cut short by a filter:
// a pooled accumulator not left clean would change later scores or hits.
func TestRepeatedPrefixes(t *testing.T) {
	ix := build(testDocs())
	result := func(q string) string {
		res := run(ix, Request{Node: parse(q), Limit: 10})
		var out []string
		for _, h := range res.Hits {
			out = append(out, fmt.Sprintf("%s:%.6f", h.ID, h.Score))
		}
		return fmt.Sprint(res.Total, out)
	}
	queries := []string{"s*", "rail*", "person:stalin s*", "t*", "s* -type:blog", "id:a s*", "id:b t*"}
	first := map[string]string{}
	for _, q := range queries {
		first[q] = result(q)
	}
	for round := range 3 {
		for i := range queries {
			q := queries[(i+round)%len(queries)]
			if got := result(q); got != first[q] {
				t.Errorf("round %d: %q = %s, first %s", round, q, got, first[q])
			}
		}
	}
	if got := first["s*"]; !strings.HasPrefix(got, "2 ") { // stalin, shtykov, sung, spoke…
		t.Errorf("s* = %s, want 2 hits", got)
	}
}

// parse reads a query the tests know to be within the default limits.
func parse(q string) search.Node {
	n, err := search.Parse(q, search.Limits{})
	if err != nil {
		panic(err)
	}
	return n
}

// run searches without a deadline; the tests' queries cannot fail.
func run(ix *Index, req Request) Response {
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		panic(err)
	}
	return res
}

// TestSameDayInStoredOrder: documents of one day list in the order they were
// stored (a volume's order), both ways, not by their hashed ids.
func TestSameDayInStoredOrder(t *testing.T) {
	var docs []Doc
	for i, id := range []string{"f3", "a9", "c1"} {
		docs = append(docs, Doc{Ref: int64(i + 1), ID: id, Text: [7]string{"Telegram", "", "The minister reports."},
			Earliest: "1934-04-21", Latest: "1934-04-21", Category: "primary"})
	}
	docs = append(docs, Doc{Ref: 4, ID: "b0", Text: [7]string{"Telegram", "", "The minister reports again."},
		Earliest: "1934-04-22", Latest: "1934-04-22", Category: "primary"})
	ix := build(docs)
	for sort, want := range map[string][]string{
		search.SortDateAsc:  {"f3", "a9", "c1", "b0"},
		search.SortDateDesc: {"b0", "f3", "a9", "c1"},
	} {
		res := run(ix, Request{Node: parse("minister"), Limit: 10, Sort: sort})
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("sort %s: %v, want %v", sort, got, want)
		}
	}
}

// topScored, passing over documents that score below the heap's worst, picks
// the same page in the same order as the plain heap, ties (broken by id)
// included.
func TestTopScoredAsTop(t *testing.T) {
	var docs []Doc
	for i := range 300 {
		r := record.Record{ID: fmt.Sprintf("r%03d", (i*7919)%300), Title: "a title", Body: "text"}
		docs = append(docs, FromRecord(int64(i+1), &r))
	}
	ix := build(docs)
	e := &evaluator{ix: ix, ctx: context.Background(), deadline: time.Now().Add(time.Hour)}
	rng := rand.New(rand.NewPCG(3, 4))
	e.see = seenStaff
	all := e.allDocs()
	for round := range 50 {
		scores := make([]float64, len(all))
		for i := range scores {
			scores[i] = float64(rng.IntN(1 + round)) // few values: many ties
		}
		less := ix.order(scores, search.SortRelevance)
		for _, k := range []int{0, 1, 20, 299, 300, 400} {
			want, got := e.top(all, less, k), e.topScored(all, less, k, scores)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("round %d, k %d: topScored %v, top %v", round, k, got, want)
			}
		}
	}
}
