package storetest

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

// The brute-force check generates records from words that stemming and case folding
// leave alone, then compares every store's answers with a scan of the records: the
// same hit sets and the same facet counts, for every query class and combinations.

var bfWords = strings.Fields("loan cotton tungsten railway harbor treaty cipher embassy credit steel rice ferry radio border tariff envoy delta canal")

var bfTypes = []string{"Letter", "Ciphered Telegram", "Report", "Minutes of Conversation"}
var bfPeople = []string{"Stalin", "Kim Il Sung", "Zhou Enlai", "Shtykov", "Molotov"}
var bfPlaces = []string{"Moscow", "Pyongyang", "Beijing"}
var bfRepos = []string{"Archive of the President of the Russian Federation", "Archive of the Foreign Policy of the Russian Federation"}

func bfRecords(n int) []record.Record {
	rng := rand.New(rand.NewSource(7))
	var out []record.Record
	for i := 0; i < n; i++ {
		words := func(k int) string {
			var w []string
			for j := 0; j < k; j++ {
				w = append(w, bfWords[rng.Intn(len(bfWords))])
			}
			return strings.Join(w, " ")
		}
		r := record.Record{
			ID: fmt.Sprintf("bf%03d", i), Title: words(3), Summary: words(5), Body: words(30),
			Type: bfTypes[rng.Intn(len(bfTypes))], Category: record.Primary,
			Participants: []string{bfPeople[rng.Intn(len(bfPeople))]}, Place: bfPlaces[rng.Intn(len(bfPlaces))],
			Sources:   []record.Source{{Repository: bfRepos[rng.Intn(len(bfRepos))], Fond: fmt.Sprint(rng.Intn(3))}},
			Languages: record.Languages{Text: "en"},
		}
		if rng.Intn(5) == 0 {
			r.Category = record.Secondary
		}
		if rng.Intn(6) != 0 {
			y, m := 1945+rng.Intn(10), 1+rng.Intn(12)
			if rng.Intn(3) == 0 {
				r.Date = record.Date{EDTF: fmt.Sprintf("%d-%02d", y, m), Earliest: fmt.Sprintf("%d-%02d-01", y, m), Latest: fmt.Sprintf("%d-%02d-28", y, m)}
			} else {
				d := fmt.Sprintf("%d-%02d-%02d", y, m, 1+rng.Intn(28))
				r.Date = record.Date{EDTF: d, Earliest: d, Latest: d}
			}
		}
		out = append(out, r)
	}
	return out
}

func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// bfColumns returns the token streams a field searches; a phrase never spans two.
func bfColumns(r *record.Record, field string) [][]string {
	var notes []string
	for _, n := range r.Notes {
		notes = append(notes, n.Text)
	}
	var archive []string
	for _, s := range r.Sources {
		archive = append(archive, s.Repository, s.Abbreviation, s.Reference)
	}
	cols := map[string]string{
		"title": r.Title, "summary": r.Summary, "body": r.Body, "notes": strings.Join(notes, "\n"),
		"person": strings.Join(r.Names(), "\n"), "place": r.Place, "repository": strings.Join(archive, "\n"),
	}
	if field != "" {
		return [][]string{tokens(cols[field])}
	}
	var out [][]string
	for _, c := range cols {
		out = append(out, tokens(c))
	}
	return out
}

func bfMatch(r *record.Record, n search.Node, mode string) bool {
	switch n := n.(type) {
	case nil:
		return true
	case search.And:
		for _, k := range n.Nodes {
			if !bfMatch(r, k, mode) {
				return false
			}
		}
		return true
	case search.Or:
		for _, k := range n.Nodes {
			if bfMatch(r, k, mode) {
				return true
			}
		}
		return false
	case search.Not:
		return !bfMatch(r, n.Node, mode)
	case search.DateRange:
		if r.Date.Earliest == "" {
			return false
		}
		from, to := n.From, n.To
		if from == "" {
			from = "0000"
		}
		if to == "" {
			to = "9999"
		}
		if mode == search.DateWithin {
			return r.Date.Earliest >= from && r.Date.Latest <= to
		}
		return r.Date.Earliest <= to && r.Date.Latest >= from
	case search.Term:
		switch n.Field {
		case "type":
			return strings.Contains(strings.ToLower(r.Type), strings.ToLower(n.Text))
		case "category":
			return strings.EqualFold(r.Category, n.Text)
		case "fond":
			return slices.ContainsFunc(r.Sources, func(s record.Source) bool { return s.Fond == n.Text })
		}
		want := tokens(n.Text)
		if n.Field == "" && !n.Phrase && !n.Prefix && len(n.Text) == 4 && n.Text >= "1000" && n.Text <= "2099" &&
			r.Date.Earliest != "" && r.Date.Earliest <= n.Text+"-12-31" && r.Date.Latest >= n.Text+"-01-01" {
			return true // a bare year matches the record's date as well as its text
		}
		for _, hay := range bfColumns(r, n.Field) {
			for i := 0; i+len(want) <= len(hay); i++ {
				ok := true
				for j, w := range want {
					last := j == len(want)-1
					if hay[i+j] != w && !(last && n.Prefix && strings.HasPrefix(hay[i+j], w)) {
						ok = false
						break
					}
				}
				if ok {
					return true
				}
			}
		}
		return false
	}
	panic(fmt.Sprintf("unknown node %T", n))
}

func testBruteForce(t *testing.T, s store.Store) {
	ctx := context.Background()
	recs := bfRecords(240)
	for i := 0; i < len(recs); i += 40 {
		mustPut(t, s, file(fmt.Sprintf("/bf/%d.txt", i), fmt.Sprintf("sha256:bf%d", i), recs[i:i+40]...))
	}
	queries := []string{
		"loan", "loan cotton", `"loan cotton"`, "tung*", "ra*", "loan OR steel", "loan NOT cotton", "-loan",
		"(loan OR rice) AND (harbor OR canal)", "title:treaty", "person:Stalin", `person:"Kim Il Sung"`, "place:Beijing",
		"type:telegram", "category:secondary", "fond:2", "repository:President", "date:1949..1950-06", "..1946",
		"credit date:1950", "loan 1947", "1951 OR 1952", "embassy type:letter date:1947..1952 -place:Moscow", `"cipher embassy" OR title:ferry`, "",
	}
	for _, mode := range []string{search.DateOverlap, search.DateWithin} {
		for _, q := range queries {
			res, err := s.Search(ctx, search.Query{Text: q, Limit: 1000, Facets: true, DateMode: mode})
			if err != nil {
				t.Errorf("Search(%q): %v", q, err)
				continue
			}
			node, err := search.Parse(q, search.Limits{})
			if err != nil {
				t.Fatalf("Parse(%q): %v", q, err)
			}
			var want []string
			wantType, wantYear := map[string]int{}, map[string]int{}
			for i := range recs {
				if bfMatch(&recs[i], node, mode) {
					want = append(want, recs[i].ID)
					wantType[recs[i].Type]++
					if recs[i].Date.Earliest != "" {
						wantYear[recs[i].Date.Earliest[:4]]++
					}
				}
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			sort.Strings(got)
			if res.Total != len(want) || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Search(%q, %s): %d hits, brute force %d\n got  %v\n want %v", q, mode, res.Total, len(want), got, want)
				continue
			}
			gotType, gotYear := map[string]int{}, map[string]int{}
			for _, c := range res.Facets["type"] {
				gotType[c.Value] = c.Count
			}
			for _, c := range res.Facets["year"] {
				gotYear[c.Value] = c.Count
			}
			if fmt.Sprint(gotType) != fmt.Sprint(wantType) || fmt.Sprint(gotYear) != fmt.Sprint(wantYear) {
				t.Errorf("Search(%q) facets: type %v year %v, brute force %v %v", q, gotType, gotYear, wantType, wantYear)
			}
		}
	}
	// Pages are consistent: walking the pages visits every hit once.
	seen := map[string]bool{}
	total := 0
	for off := 0; ; off += 7 {
		res, err := s.Search(ctx, search.Query{Text: "loan OR rice", Limit: 7, Offset: off, Sort: search.SortDateAsc})
		if err != nil {
			t.Fatal(err)
		}
		total = res.Total
		if len(res.Hits) == 0 {
			break
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Errorf("page at offset %d repeats %s", off, h.ID)
			}
			seen[h.ID] = true
		}
	}
	if len(seen) != total {
		t.Errorf("paging visited %d of %d hits", len(seen), total)
	}
}
