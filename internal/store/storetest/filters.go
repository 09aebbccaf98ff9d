package storetest

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

func filterFixture(t *testing.T, s store.Store) {
	april := rec("q1", "Record of a Conversation", "Kim asked about shipbuilding in Wonsan.")
	april.Type, april.Participants, april.Place = "Minutes of Conversation", []string{"Stalin", "Pak Heon-yeong"}, "Moscow"
	april.Date = record.Date{EDTF: "1950-04", Earliest: "1950-04-01", Latest: "1950-04-30"}
	april.Sources = []record.Source{{Repository: "Archive of the President of the Russian Federation", Abbreviation: "APRF", Fond: "45"}}
	april.Languages = record.Languages{Text: "en", Original: "ru"}
	tele := rec("q2", "Ciphered Telegram, Shtykov to Vyshinsky", "About a loan and shipbuilding.")
	tele.Type, tele.Authors, tele.Place = "Ciphered Telegram", []string{"Shtykov"}, "Pyongyang"
	tele.Date = record.Date{EDTF: "1950-02-07", Earliest: "1950-02-07", Latest: "1950-02-07"}
	tele.Sources = []record.Source{{Repository: "Archive of the Foreign Policy of the Russian Federation", Abbreviation: "AVP RF", Fond: "059a"}}
	tele.Languages = record.Languages{Text: "en", Original: "ru"}
	blog := rec("q3", "Preparing for War", "Stalin approved the loan in 1950.")
	blog.Type, blog.Category, blog.Authors = "Blog post", record.Secondary, []string{"Charles Kraus"}
	blog.Date = record.Date{}
	blog.Languages = record.Languages{Text: "en"}
	mustPut(t, s, file("/in/q.txt", "sha256:q", april, tele, blog))
}

func ids(t *testing.T, s store.Store, q search.Query) []string {
	t.Helper()
	res, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Text, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	sort.Strings(out)
	if res.Total != len(out) && q.Limit == 0 {
		t.Errorf("Search(%q): total %d but %d hits", q.Text, res.Total, len(out))
	}
	return out
}

func testFilters(t *testing.T, s store.Store) {
	filterFixture(t, s)
	cases := []struct{ q, want string }{
		{"type:telegram", "[q2]"},
		{`type:"Minutes of Conversation"`, "[q1]"},
		{"category:secondary", "[q3]"},
		{"category:primary shipbuilding", "[q1 q2]"},
		{`person:"Pak Heon-yeong"`, "[q1]"},
		{"person:shtykov", "[q2]"},
		{"place:Pyongyang", "[q2]"},
		{"repository:APRF", "[q1]"},
		{`repository:"Foreign Policy"`, "[q2]"},
		{"fond:059a", "[q2]"},
		{"language:ru", "[q1 q2]"},
		{"title:telegram", "[q2]"},
		{"loan -type:blog", "[q2]"},
		{"loan NOT category:secondary", "[q2]"},
		{"type:blog OR place:Moscow", "[q1 q3]"},
		{"", "[q1 q2 q3]"},
		{"id:q3", "[q3]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(ids(t, s, search.Query{Text: c.q})); got != c.want {
			t.Errorf("Search(%q) = %s, want %s", c.q, got, c.want)
		}
	}
}

func testDateRanges(t *testing.T, s store.Store) {
	filterFixture(t, s)
	cases := []struct {
		q, mode, want string
	}{
		{"1950-04-15..1950-05-31", "", "[q1]"}, // "April 1950" overlaps
		{"1950-04-15..1950-05-31", search.DateWithin, "[]"},
		{"date:1950", search.DateWithin, "[q1 q2]"},
		{"1950", "", "[q1 q2 q3]"}, // a bare year matches the text or the date
		{"date:1950-02", "", "[q2]"},
		{"..1950-03", "", "[q2]"},
		{"1950-03..", "", "[q1]"},
		{"date:1949", "", "[]"},
		{"shipbuilding 1950-01..1950-02", "", "[q2]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(ids(t, s, search.Query{Text: c.q, DateMode: c.mode})); got != c.want {
			t.Errorf("Search(%q, %s) = %s, want %s", c.q, c.mode, got, c.want)
		}
	}
}

func testFacets(t *testing.T, s store.Store) {
	filterFixture(t, s)
	res, err := s.Search(context.Background(), search.Query{Text: "loan OR shipbuilding", Facets: true, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 || len(res.Hits) != 1 {
		t.Fatalf("total %d hits %d", res.Total, len(res.Hits))
	}
	want := map[string]string{
		"category":   "[{primary 2} {secondary 1}]",
		"type":       "[{Blog post 1} {Ciphered Telegram 1} {Minutes of Conversation 1}]",
		"year":       "[{1950 2}]",
		"decade":     "[{1950s 2}]",
		"repository": "[{Archive of the Foreign Policy of the Russian Federation 1} {Archive of the President of the Russian Federation 1}]",
		"place":      "[{Moscow 1} {Pyongyang 1}]",
	}
	for facet, w := range want {
		if got := fmt.Sprint(res.Facets[facet]); got != w {
			t.Errorf("facet %s = %s, want %s", facet, got, w)
		}
	}
	res, _ = s.Search(context.Background(), search.Query{Text: "loan category:primary", Facets: true})
	if got := fmt.Sprint(res.Facets["category"]); got != "[{primary 1}]" {
		t.Errorf("facets not combined with filter: %s", got)
	}
}

func testCJK(t *testing.T, s store.Store) {
	ru := rec("r1", "Шифртелеграмма", "Телеграмма из Москвы о кредите.")
	mustPut(t, s, file("/in/ru.txt", "sha256:ru", ru))
	for _, q := range []string{"телеграмма", "ТЕЛЕГРАММА", "москвы", "шифр*"} {
		if got := fmt.Sprint(ids(t, s, search.Query{Text: q})); got != "[r1]" {
			t.Errorf("Cyrillic Search(%q) = %s, want [r1]", q, got)
		}
	}
	ko := rec("k1", "전선 보고", "북한군이 남쪽으로 이동하였다.")
	zh := rec("z1", "电报", "一九五〇年朝鲜战争爆发。")
	en := rec("e1", "Report", "Nothing in Korean here.")
	mustPut(t, s, file("/in/cjk.txt", "sha256:cjk", ko, zh, en))
	cases := []struct{ q, want string }{
		{"북한군", "[k1]"},
		{"북한군이", "[k1]"},
		{"남한군", "[]"},
		{"战争", "[z1]"},
		{"朝鲜战争", "[z1]"},
		{"战", "[z1]"},
		{"美国", "[]"},
		{"title:전선", "[k1]"},
		{"북한군 OR 战争", "[k1 z1]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(ids(t, s, search.Query{Text: c.q})); got != c.want {
			t.Errorf("Search(%q) = %s, want %s", c.q, got, c.want)
		}
	}
}

func testAuthorities(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := rec("n1", "Telegram to the Boss", "Text.")
	r.Recipients = []string{"Stalin"}
	mustPut(t, s, file("/in/n.txt", "sha256:n", r))
	if got := fmt.Sprint(ids(t, s, search.Query{Text: `person:"Uncle Joe"`})); got != "[]" {
		t.Fatalf("unknown nickname matched: %s", got)
	}
	f, err := s.Authorities(ctx)
	if err != nil || f == nil {
		t.Fatalf("Authorities: %v", err)
	}
	g, err := f.Add("stalin", "Uncle Joe")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAuthorities(ctx, g); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(ids(t, s, search.Query{Text: `person:"Uncle Joe"`})); got != "[n1]" {
		t.Errorf("a curated variant is not searchable at once: %s", got)
	}
	back, _ := s.Authorities(ctx)
	if m, ok := back.Resolve("Uncle Joe"); !ok || m.Authority.ID != "stalin" {
		t.Errorf("stored authority file lost the variant")
	}
}
