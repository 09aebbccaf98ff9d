package index

import (
	"bytes"
	"fmt"
	"testing"

	"fond/internal/record"
)

// TestDeclassificationFilters: withheld:, exemption: and released: find the
// records by what their releases withheld and when they came out.
func TestDeclassificationFilters(t *testing.T) {
	ix := releasesIndex()
	for q, want := range map[string]string{
		"withheld:yes":                        "2 [r1995 r2008]",
		"withheld:no":                         "2 [plain r2019]",
		"oil withheld:yes":                    "2 [r1995 r2008]",
		"withheld:maybe":                      "0 []",
		"exemption:b1":                        "2 [r1995 r2008]",
		`exemption:"(b)(3)"`:                  "1 [r1995]",
		"exemption:B3":                        "1 [r1995]",
		"exemption:b6":                        "0 []",
		"released:2008":                       "1 [r2008]",
		"released:2005..2020":                 "2 [r2008 r2019]",
		"released:..2000":                     "1 [r1995]",
		"released:2000..":                     "2 [r2008 r2019]",
		"released:x..y":                       "0 []",
		"released:1..999999999":               "0 []", // bounded: the years past the cap are not read
		"oil NOT withheld:yes":                "2 [plain r2019]",
		"released:1990..2010 -exemption:b3":   "1 [r2008]",
		"declassified":                        "0 []", // markers' words are not the text's
		"oil fields":                          "4 [plain r1995 r2008 r2019]",
		"released_later:yes":                  "2 [r2008 r2019]",
		"released_later:no":                   "2 [plain r1995]",
		"oil released_later:yes withheld:yes": "1 [r2008]",
	} {
		if got := ids(ix, q); got != want {
			t.Errorf("%s = %s, want %s", q, got, want)
		}
	}
}

// releaseDoc is a release of the fixture document: its markers appended to
// the body as spans, its release dates; r2008 and r2019 show text r1995
// withheld.
func releaseDoc(ref int64, id string, reds []record.Redaction, dates ...string) Doc {
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
	d := FromRecord(ref, &r)
	if id == "r2008" || id == "r2019" { // the store says so, from their editions
		d = FromLaterRelease(ref, &r)
	}
	return d
}

// releasesIndex holds one document in three releases and a plain record.
func releasesIndex() *Index {
	mk := releaseDoc
	return build([]Doc{
		mk(1, "r1995", []record.Redaction{{Marker: "[text not declassified] (b)(1)", Exemptions: []string{"b1"}}, {Marker: "(b)(3)", Exemptions: []string{"b3"}}}, "1995-03-03"),
		mk(2, "r2008", []record.Redaction{{Marker: "[1 line not declassified] (b)(1)", Exemptions: []string{"b1"}}}, "2008-05-01"),
		mk(3, "r2019", nil, "2019-03-12"),
		mk(4, "plain", nil),
	})
}

// TestDeclassificationFacets: the search page's facets count withheld,
// exemption and released_later over the results, and a snapshot written and
// read back counts and filters the same (the keys are those the snapshot
// already stores).
func TestDeclassificationFacets(t *testing.T) {
	ix := releasesIndex()
	facets := func(ix *Index, q string) string {
		res := run(ix, Request{Node: parse(q), Limit: 10, Facets: true})
		return fmt.Sprint(res.Facets["withheld"], res.Facets["exemption"], res.Facets["released_later"])
	}
	want := map[string]string{
		"oil":                 "[{yes 2} {no 2}] [{b1 2} {b3 1}] [{yes 2}]",
		"oil released:2000..": "[{yes 1} {no 1}] [{b1 1}] [{yes 2}]",
		"oil withheld:no":     "[] [] [{yes 1}]",
	}
	back, data := roundTrip(t, ix)
	// A file of another version (the snapshots before segments) is
	// rebuilt, not read.
	if _, err := ReadSnapshot(bytes.NewReader(append([]byte("FONDIDX8"), data[len(segmentMagic):]...))); err == nil {
		t.Error("a file of another version was read")
	}
	for q, w := range want {
		if got := facets(ix, q); got != w {
			t.Errorf("%s: facets %s, want %s", q, got, w)
		}
		if got := facets(back, q); got != w {
			t.Errorf("%s, read back from a snapshot: facets %s, want %s", q, got, w)
		}
	}
	if got := ids(back, "released_later:yes"); got != "2 [r2008 r2019]" {
		t.Errorf("released_later:yes from a snapshot = %s", got)
	}
	if got := facets(build([]Doc{releaseDoc(1, "plain", nil)}), "oil"); got != "[] [] []" {
		t.Errorf("an index without releases counts %s", got)
	}
}
