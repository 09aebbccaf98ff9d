package web

import (
	"context"
	"net/url"
	"regexp"
	"testing"

	"fond/internal/record"
)

// A reader's answers must be the same whether or not a draft exists: its words,
// its names' forms and its mere presence may not shape totals, tiers, near
// spellings or variants (match=most looks at the whole archive's vocabulary,
// which a draft is part of). Two archives, one with a draft, answer every
// probe alike.
func TestDraftsShapeNoAnswer(t *testing.T) {
	pub := []record.Record{
		{ID: "p1", Title: "Telegram from Moscow", Type: "Telegram", Category: record.Primary, Body: "The loan was discussed in Moscow."},
		{ID: "p2", Title: "Report on the railway", Type: "Report", Category: record.Primary, Body: "Railway matters and the telegram office."},
		{ID: "p3", Title: "Minutes", Type: "Minutes", Category: record.Primary, Body: "Stalin spoke of the loan."},
	}
	draft := record.Record{ID: "d1", Title: "Secret telegram", Type: "Telegram", Category: record.Primary,
		Body: "The blorptastic plan, telegram from Peking: Moscow agrees to the loan."}
	with, srv := limitedServer(t, DefaultLimits, append(append([]record.Record{}, pub...), draft)...)
	if _, err := srv.store.SetStatus(context.Background(), "d1", record.Draft, "", ""); err != nil {
		t.Fatal(err)
	}
	without, _ := limitedServer(t, DefaultLimits, pub...)
	took := regexp.MustCompile(`"(took|score)":[^,}]*`)
	for _, q := range []string{"blorptastic", "blorptastik", "blorptastic telegram moscow", "blorptastiqqq telegram moscow",
		"Beijing", "Beijing loan", "id:d1 Beijing loan", "id:d1 blorptastik", "telegram loan moscow peking", "status:draft loan",
		"secret telegram", "plan agrees"} {
		for _, match := range []string{"most", "all"} {
			path := "/api/search?facets=1&match=" + match + "&q=" + url.QueryEscape(q)
			_, _, a := get(t, with.URL+path)
			_, _, b := get(t, without.URL+path)
			if took.ReplaceAllString(a, "") != took.ReplaceAllString(b, "") {
				t.Errorf("%s: the draft changes the answer\nwith:    %.400s\nwithout: %.400s", path, a, b)
			}
		}
	}
}
