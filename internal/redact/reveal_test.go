package redact

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fond/internal/compare"
	"fond/internal/record"
)

func TestReveal(t *testing.T) {
	paras := []string{
		"The Chancellor received me this morning. He spoke of occupation costs at length.",
		"He said the Soviet element had made an offer on the oil fields. He asked that we keep it to ourselves.",
		"On the treaty he was less gloomy than in January. He expects no signature this year.",
		"He named a member of the Soviet mission as his source. He considers the man reliable.",
		"I recommend an early answer on occupation costs.",
	}
	text := func(withheld map[int]string) string {
		out := make([]string, len(paras))
		for i, p := range paras {
			out[i] = p
			if m, ok := withheld[i]; ok {
				out[i] = m
			}
		}
		return strings.Join(out, "\n\n")
	}
	recs := []record.Record{
		{ID: "r1995", Body: text(map[int]string{1: "[1 paragraph (2 lines) not declassified]", 3: "[1 paragraph (2 lines) not declassified]"}), Releases: []record.Release{{Date: "1995-03-03"}}},
		{ID: "r2008", Body: text(map[int]string{3: "[1 paragraph (2 lines) not declassified]"}), Releases: []record.Release{{Date: "2008-05-01"}}},
		{ID: "r2019", Body: text(nil) + "\n\nHe also asked about [text not declassified].", Releases: []record.Release{{Date: "2019-03-12"}}},
	}
	texts := map[string]string{}
	for i := range recs {
		recs[i].Redactions = Find(recs[i].Body)
		texts[recs[i].ID] = recs[i].Body
	}
	h := History(recs)
	rv, err := Reveal(context.Background(), h, texts, nil, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rv.Latest.Record != "r2019" || len(rv.Earlier) != 2 {
		t.Fatalf("latest %s, earlier %d", rv.Latest.Record, len(rv.Earlier))
	}
	until := map[string]string{}
	for _, para := range rv.Paragraphs {
		for _, p := range para {
			var b strings.Builder
			for _, s := range p.Segments {
				b.WriteString(s.Text)
			}
			until[b.String()] = p.UntilYear()
		}
	}
	for sentence, want := range map[string]string{
		"He said the Soviet element had made an offer on the oil fields.": "2008", // withheld in 1995 only
		"He named a member of the Soviet mission as his source.":          "2019", // withheld in 1995 and 2008
		"He considers the man reliable.":                                  "2019",
		"The Chancellor received me this morning.":                        "",
		"I recommend an early answer on occupation costs.":                "",
	} {
		got, ok := until[sentence]
		if !ok {
			t.Errorf("sentence %q not in the comparison: %v", sentence, until)
			continue
		}
		if got != want {
			t.Errorf("%q withheld until %q, want %q", sentence, got, want)
		}
	}
	last := rv.Paragraphs[len(rv.Paragraphs)-1][0]
	var still *record.Redaction
	for _, s := range last.Segments {
		if s.Still != nil {
			still = s.Still
		}
	}
	if still == nil || still.Marker != "[text not declassified]" {
		t.Errorf("text the latest release still withholds is not shown as its marker: %+v", last)
	}
	if _, err := Reveal(context.Background(), nil, texts, nil, compare.Options{}); err == nil {
		t.Errorf("Reveal of no release: no error")
	}
}

func TestStats(t *testing.T) {
	mk := func(id, coll, date, body string) record.Record {
		r := record.Record{ID: id, Body: body, Collection: &record.Collection{ID: coll}, Releases: []record.Release{{Date: date}},
			Date: record.Date{Earliest: "1952-03-15", Latest: "1952-03-15"}}
		r.Redactions = Find(body)
		return r
	}
	a := mk("a", "c1", "1995-03-03", "[1 paragraph (5 lines) not declassified] [2 lines not declassified]")
	b := mk("b", "c1", "2008-05-01", "[2 lines not declassified]")
	c := mk("c", "c1", "2019-03-12", "all")
	d := mk("d", "c2", "1995-07-01", "[3 lines not declassified]")
	h := History([]record.Record{a, b, c})
	rows := Stats([]Released{ReleasedFrom(&a, h), ReleasedFrom(&b, h), ReleasedFrom(&d, History([]record.Record{d}))})
	want := []StatsRow{
		{Collection: "c1", Year: "1995", Documents: 1, Spans: 2, Lines: 7, Paragraphs: 1, LaterReleased: 1, LinesReleased: 7, MedianYears: 43},
		{Collection: "c1", Year: "2008", Documents: 1, Spans: 1, Lines: 2, LaterReleased: 1, LinesReleased: 2, MedianYears: 56},
		{Collection: "c2", Year: "1995", Documents: 1, Spans: 1, Lines: 3, MedianYears: 43},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %+v", rows)
	}
	for i := range want {
		if !reflect.DeepEqual(rows[i], want[i]) {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], want[i])
		}
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		xs   []int
		want float64
	}{{nil, 0}, {[]int{5}, 5}, {[]int{9, 1, 5}, 5}, {[]int{40, 43, 56, 60}, 49.5}} {
		if got := median(c.xs); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
}
