package index

import (
	"testing"

	"fond/internal/record"
)

// TestDeclassificationFilters: withheld:, exemption: and released: find the
// records by what their releases withheld and when they came out.
func TestDeclassificationFilters(t *testing.T) {
	mk := func(ref int64, id string, reds []record.Redaction, dates ...string) Doc {
		r := record.Record{ID: id, Title: "Telegram on the oil fields", Body: "the oil fields", Category: record.Primary}
		for _, red := range reds {
			red.Start = len(r.Body) + 1
			r.Body += " " + red.Marker
			red.End = len(r.Body)
			r.Redactions = append(r.Redactions, red)
		}
		for _, d := range dates {
			r.Releases = append(r.Releases, record.Release{Date: d})
		}
		return FromRecord(ref, &r)
	}
	ix := build([]Doc{
		mk(1, "r1995", []record.Redaction{{Marker: "[text not declassified] (b)(1)", Exemptions: []string{"b1"}}, {Marker: "(b)(3)", Exemptions: []string{"b3"}}}, "1995-03-03"),
		mk(2, "r2008", []record.Redaction{{Marker: "[1 line not declassified]"}}, "2008-05-01"),
		mk(3, "r2019", nil, "2019-03-12"),
		mk(4, "plain", nil),
	})
	for q, want := range map[string]string{
		"withheld:yes":                      "2 [r1995 r2008]",
		"withheld:no":                       "2 [plain r2019]",
		"oil withheld:yes":                  "2 [r1995 r2008]",
		"withheld:maybe":                    "0 []",
		"exemption:b1":                      "1 [r1995]",
		`exemption:"(b)(3)"`:                "1 [r1995]",
		"exemption:B3":                      "1 [r1995]",
		"exemption:b6":                      "0 []",
		"released:2008":                     "1 [r2008]",
		"released:2005..2020":               "2 [r2008 r2019]",
		"released:..2000":                   "1 [r1995]",
		"released:2000..":                   "2 [r2008 r2019]",
		"released:x..y":                     "0 []",
		"released:1..999999999":             "0 []", // bounded: the years past the cap are not read
		"oil NOT withheld:yes":              "2 [plain r2019]",
		"released:1990..2010 -exemption:b1": "1 [r2008]",
		"declassified":                      "0 []", // markers' words are not the text's
		"oil fields":                        "4 [plain r1995 r2008 r2019]",
	} {
		if got := ids(ix, q); got != want {
			t.Errorf("%s = %s, want %s", q, got, want)
		}
	}
}
