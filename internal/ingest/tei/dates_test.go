package tei

import (
	"reflect"
	"testing"
)

func TestFindDates(t *testing.T) {
	cases := map[string][]printedDate{
		"April 21, 1934—noon":                           {{y: 1934, m: 4, d: 21}},
		"Lord Russell to Lord Lyons, 24th August, 1859": {{y: 1859, m: 8, d: 24}},
		"delivered on the 17th day of May, 1872":        {{y: 1872, m: 5, d: 17}},
		"Petrograd, undated.\n[Received Nov. 4, 1917]":  {{y: 1917, m: 11, d: 4, received: true}},
		"Handed to Feis, Circa December 18, 1934":       {{y: 1934, m: 12, d: 18, approx: true}},
		"Report, April, 1931":                           {{y: 1931, m: 4}},
		"February 30, 1900":                             nil,
		"No. 380.]":                                     nil,
		"March 2, 1931, and March 5, 1931":              {{y: 1931, m: 3, d: 2}, {y: 1931, m: 3, d: 5}},
	}
	for in, want := range cases {
		got := findDates(in)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %+v, want %+v", in, got, want)
		}
	}
}

func TestFileNumber(t *testing.T) {
	cases := map[string]string{
		"710.1012 Anti-War/74: Telegram":   "710.1012 Anti-War/74",
		"710.G Commercial Agreement/54":    "710.G Commercial Agreement/54",
		"File No. 861.51/303a":             "861.51/303a",
		"860f.51/426: Telegram":            "860f.51/426",
		"Paris Peace Conf. 183.9 Brazil/6": "Paris Peace Conf. 183.9 Brazil/6",
		"No. 380.]":                        "",
		"[Inclosure 2 in No. 571.]":        "",
		"Woodrow Wilson Papers: Telegram":  "",
	}
	for in, want := range cases {
		if got := fileNumber(in); got != want {
			t.Errorf("fileNumber(%q) = %q, want %q", in, got, want)
		}
	}
	genres := map[string]string{
		"710.1012 Anti-War/74: Telegram":  "Telegram",
		"[Telegram.—Paraphrase.]":         "Telegram",
		"Woodrow Wilson Papers: Telegram": "Telegram",
		"No. 380.]":                       "",
		"[Paraphrase]":                    "",
		"881.00/1047":                     "",
	}
	for in, want := range genres {
		if got := sourceGenre(in); got != want {
			t.Errorf("sourceGenre(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClosingDate(t *testing.T) {
	for _, c := range []struct {
		closer, last, want string
	}{
		{"RAPHAEL PUMPELLY.\nPeking, December 1, 1863.", "", "1863-12-01"},
		{"\nHis Excellency Anson Burlingame.\nOctober 8, 1863—Tungchi, 2d year, 8th moon, 26th day.", "", "1863-10-08"},
		{"VICTOR EMANUEL.\nGiven at Turin, 6th April, 1864.", "", "1864-04-06"},
		{"Hull", "Washington, September 7, 1934.", "1934-09-07"},
		{"Hull", "I refer to your note of September 7, 1934, and reply at length as follows.", ""},
		{"A. B.\n[Received September 7, 1934.]", "", ""},
	} {
		d := Document{Closer: c.closer}
		if c.last != "" {
			d.Paragraphs = []string{"Text.", c.last}
		}
		r, _ := d.closingDate()
		if r.EDTF != c.want {
			t.Errorf("closer %q, last %q: %q, want %q", c.closer, c.last, r.EDTF, c.want)
		}
	}
}
