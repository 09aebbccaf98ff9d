package cite

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"fond/internal/record"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

const seedChicago = `"Meeting between Stalin and Kim Il Sung," March 05, 1949, History and Public Policy Program Digital Archive, Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20.`

func seed() *record.Record {
	return &record.Record{
		ID: "f964855b428286ed", Title: "Meeting between Stalin and Kim Il Sung",
		Type: "Minutes of Conversation", Category: record.Primary,
		Date: record.Date{EDTF: "1949-03-05", Display: "March 05, 1949", Earliest: "1949-03-05",
			Latest: "1949-03-05", Qualifier: record.Exact},
		Publisher:    "History and Public Policy Program Digital Archive",
		Participants: []string{"Stalin", "Kim Il Sung"},
		Languages:    record.Languages{Text: "en", Original: "ru"},
		Sources: []record.Source{{
			Repository: "Archive of the Foreign Policy of the Russian Federation", Abbreviation: "AVP RF",
			Fond: "059a", Opis: "5a", Delo: "3", Papka: "11", Folios: "10-20",
			Reference: "Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20",
		}},
	}
}

func frus() *record.Record {
	return &record.Record{
		ID: "0a1b2c3d4e5f6071", Key: "frus1934v04/d5", DocNumber: "5", Category: record.Primary, Type: "Telegram",
		Title:   "The Ambassador in Argentina (Weddell) to the Secretary of State",
		Date:    record.Date{EDTF: "1934-04-21", Display: "April 21, 1934—noon", Earliest: "1934-04-21", Latest: "1934-04-21", Qualifier: record.Exact},
		Authors: []string{"Weddell"}, Recipients: []string{"Secretary of State"},
		Place: "Buenos Aires", Publisher: "United States Government Printing Office",
		Collection: &record.Collection{ID: "frus1934v04",
			Title:  "Foreign Relations of the United States Diplomatic Papers, 1934, The American Republics, Volume IV",
			Series: "Foreign Relations of the United States", Publisher: "United States Government Printing Office", Year: "1951"},
		Sources: []record.Source{{Repository: "National Archives and Records Administration", Abbreviation: "NARA",
			File: "710.1012 Anti-War/74", Reference: "710.1012 Anti-War/74: Telegram"}},
	}
}

// fixtures are invented records, one per case the formats must get right.
func fixtures() map[string]*record.Record {
	translated := seed()
	translated.ID = "7d1e0c55a2b94f10"
	translated.Title = "Ciphered Telegram from Shtykov to Vyshinsky"
	translated.Type = "Ciphered Telegram"
	translated.Participants = nil
	translated.Authors = []string{"Terentii Shtykov"}
	translated.Recipients = []string{"Andrei Vyshinsky"}
	translated.Date = record.Date{EDTF: "1950-01-19", Display: "January 19, 1950", Earliest: "1950-01-19", Latest: "1950-01-19", Qualifier: record.Exact}
	translated.Translators = []string{"Gary Goldberg", "Kathryn Weathersby"}
	translated.URL = "https://digitalarchive.example.org/document/112136"
	translated.Sources = append(translated.Sources, record.Source{Repository: "Archive of the President of the Russian Federation",
		Abbreviation: "APRF", Reference: "Archive of the President of the Russian Federation, Fond 45, Opis 1, Delo 346, listy 65-68"})

	approx := seed()
	approx.ID = "a1a1a1a1a1a1a1a1"
	approx.Title = "Report on the Situation in North Korea"
	approx.Type = "Report"
	approx.Participants = nil
	approx.Date = record.Date{EDTF: "1950-04~", Earliest: "1950-04-01", Latest: "1950-04-30", Qualifier: record.Approximate}

	inferred := seed()
	inferred.ID = "b2b2b2b2b2b2b2b2"
	inferred.Title = "Note on the Transfer of Aircraft"
	inferred.Type = "Note"
	inferred.Participants = nil
	inferred.Date = record.Date{EDTF: "1950-06", Earliest: "1950-06-01", Latest: "1950-06-30", Qualifier: record.Inferred,
		Note: "Dated by the translator from the reply of 2 July."}

	interval := seed()
	interval.ID = "c3c3c3c3c3c3c3c3"
	interval.Title = "Report on Kim Il Sung's Visit to Moscow"
	interval.Participants = []string{"Kim Il Sung"}
	interval.Date = record.Date{EDTF: "1950-03-30/1950-04-25", Earliest: "1950-03-30", Latest: "1950-04-25", Qualifier: record.Exact}

	undated := &record.Record{ID: "d4d4d4d4d4d4d4d4", Title: "Письмо Ким Ир Сена Сталину", Category: record.Primary,
		Type: "Letter", Languages: record.Languages{Text: "ru"}}

	korean := &record.Record{ID: "e5e5e5e5e5e5e5e5", Title: "조선 정세에 관한 보고", Category: record.Primary, Type: "Report",
		Date:      record.Date{EDTF: "195X", Earliest: "1950-01-01", Latest: "1959-12-31", Qualifier: record.Uncertain},
		Languages: record.Languages{Text: "ko"}, Publisher: "History and Public Policy Program Digital Archive"}

	specials := &record.Record{ID: "f6f6f6f6f6f6f6f6", Category: record.Primary, Type: "Memorandum",
		Title:     `On "Operation Chromite" & the 100% Plan: $5, #1, plan_b {draft} ~x^2 \ note`,
		Date:      record.Date{EDTF: "1950-09?", Earliest: "1950-09-01", Latest: "1950-09-30", Qualifier: record.Uncertain},
		Authors:   []string{"Ким Ир Сен", "Pak Hon-yong"},
		Publisher: "History and Public Policy Program Digital Archive",
		URL:       "https://digitalarchive.example.org/document/1?lang=ko#p2 100%",
		Sources:   []record.Source{{Repository: "Wilson Center", Reference: "Wilson Center Archive, Box 3 & 4, 50% complete"}}}

	blog := &record.Record{ID: "0b0b0b0b0b0b0b0b", Category: record.Secondary, Type: "Blog post",
		Title:   "Preparing for War: Soviet-North Korean Relations, 1947–1950",
		Authors: []string{"Charles Kraus"}, Publisher: "Wilson Center",
		Collection: &record.Collection{ID: "sources-and-methods", Title: "Sources and Methods"},
		Date:       record.Date{EDTF: "2016-06-23", Display: "June 23, 2016", Earliest: "2016-06-23", Latest: "2016-06-23", Qualifier: record.Exact},
		URL:        "https://www.wilsoncenter.example.org/blog-post/preparing-for-war"}

	list := &record.Record{ID: "1c1c1c1c1c1c1c1c", Category: record.Secondary, Type: "Mailing list post",
		Title: "Re: Stalin and the Korean War", Authors: []string{"Doug Henwood"}, Publisher: "lbo-talk mailing list",
		Date: record.Date{EDTF: "2003-02-11", Earliest: "2003-02-11", Latest: "2003-02-11", Qualifier: record.Exact}}

	article := &record.Record{ID: "2d2d2d2d2d2d2d2d", Category: record.Secondary, Type: "Article",
		Title:      "To Attack, or Not to Attack? Stalin, Kim Il Sung, and the Prelude to War",
		Authors:    []string{"Kathryn Weathersby", "A. Second", "B. Third", "C. Fourth"},
		Collection: &record.Collection{ID: "cwihp5", Title: "Cold War International History Project Bulletin"},
		Date:       record.Date{EDTF: "1995-21", Earliest: "1995-03-01", Latest: "1995-05-31", Qualifier: record.Exact}}

	question := &record.Record{ID: "3e3e3e3e3e3e3e3e", Category: record.Secondary, Type: "Article",
		Title: "Who Started the Korean War?", Authors: []string{"Kim Hak-joon"}, Publisher: "Korea Observer"}

	// A declassified telegram, cited as one release of several.
	released := frus()
	released.ID = "4f4f4f4f4f4f4f4f"
	released.Title = "Telegram From the Embassy in Austria to the Department of State"
	released.Date = record.Date{EDTF: "1952-03-15", Display: "March 15, 1952, 6 p.m.", Earliest: "1952-03-15", Latest: "1952-03-15", Qualifier: record.Exact}
	released.Collection = nil
	released.Authors, released.Recipients = nil, nil
	released.Releases = []record.Release{{Date: "2008-05-01", Body: "National Archives and Records Administration", Authority: "MR 2005-123; NLT 95-12", Classification: "SECRET"}}

	return map[string]*record.Record{
		"released": released, "seed": seed(), "translated": translated, "approx": approx, "inferred": inferred,
		"interval": interval, "undated": undated, "korean": korean, "specials": specials,
		"frus": frus(), "blog": blog, "list": list, "article": article, "question": question,
	}
}

func TestChicagoDigitalArchiveForm(t *testing.T) {
	if got := Chicago(seed(), Options{}); got != seedChicago {
		t.Errorf("Chicago:\n got %s\nwant %s", got, seedChicago)
	}
}

func TestChicago(t *testing.T) {
	f := fixtures()
	for name, want := range map[string]string{
		"translated": `"Ciphered Telegram from Shtykov to Vyshinsky," January 19, 1950, History and Public Policy Program Digital Archive, Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20; Archive of the President of the Russian Federation, Fond 45, Opis 1, Delo 346, listy 65-68. Translated by Gary Goldberg and Kathryn Weathersby. https://digitalarchive.example.org/document/112136.`,
		"approx":     `"Report on the Situation in North Korea," circa April 1950, History and Public Policy Program Digital Archive, Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20.`,
		"inferred":   `"Note on the Transfer of Aircraft," [June 1950], History and Public Policy Program Digital Archive, Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20.`,
		"interval":   `"Report on Kim Il Sung's Visit to Moscow," March 30 – April 25, 1950, History and Public Policy Program Digital Archive, Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20.`,
		"undated":    `"Письмо Ким Ир Сена Сталину," n.d.`,
		"korean":     `"조선 정세에 관한 보고," 1950s?, History and Public Policy Program Digital Archive.`,
		"frus":       `"The Ambassador in Argentina (Weddell) to the Secretary of State," April 21, 1934—noon, in Foreign Relations of the United States Diplomatic Papers, 1934, The American Republics, Volume IV (Washington: United States Government Printing Office, 1951), document 5.`,
		"blog":       `Charles Kraus, "Preparing for War: Soviet-North Korean Relations, 1947–1950," Sources and Methods, Wilson Center, June 23, 2016, https://www.wilsoncenter.example.org/blog-post/preparing-for-war.`,
		"list":       `Doug Henwood, "Re: Stalin and the Korean War," lbo-talk mailing list, February 11, 2003.`,
		"article":    `Kathryn Weathersby et al., "To Attack, or Not to Attack? Stalin, Kim Il Sung, and the Prelude to War," Cold War International History Project Bulletin, Spring 1995.`,
		"question":   `Kim Hak-joon, "Who Started the Korean War?" Korea Observer, n.d.`,
		"specials":   `"On 'Operation Chromite' & the 100% Plan: $5, #1, plan_b {draft} ~x^2 \ note," September 1950?, History and Public Policy Program Digital Archive, Wilson Center Archive, Box 3 & 4, 50% complete. https://digitalarchive.example.org/document/1?lang=ko#p2%20100%25.`,
	} {
		if got := Chicago(f[name], Options{}); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

// TestChicagoOmitsMissingParts guards the seams: whatever is missing, no empty
// quotes, doubled commas or doubled periods.
func TestChicagoOmitsMissingParts(t *testing.T) {
	bad := regexp.MustCompile(`, ,|,,|""|\.\.$|, \.|^[ ,]`)
	for _, r := range []*record.Record{
		{}, {Title: "Untitled"}, {Title: "Ends with a period."}, {Publisher: "P"},
		{Title: "T", Sources: []record.Source{{Reference: ""}, {Reference: "R"}}},
		{Title: "T", Category: record.Secondary}, {Title: "Why?", Category: record.Secondary},
		{Title: "T", Collection: &record.Collection{Title: "C"}},
	} {
		got := Chicago(r, Options{})
		if bad.MatchString(got) || !strings.HasSuffix(got, ".") && !strings.HasSuffix(got, `?"`) {
			t.Errorf("%+v: %q", r, got)
		}
	}
	if got := Chicago(&record.Record{Title: "Ends with a period."}, Options{}); got != `"Ends with a period," n.d.` {
		t.Errorf("got %q", got)
	}
}

func TestDisplayDate(t *testing.T) {
	for _, c := range []struct {
		d    record.Date
		want string
	}{
		{record.Date{EDTF: "1950-04"}, "April 1950"},
		{record.Date{EDTF: "1950-04?"}, "April 1950?"},
		{record.Date{EDTF: "1950-04~"}, "circa April 1950"},
		{record.Date{EDTF: "1950-04%"}, "circa April 1950?"},
		{record.Date{EDTF: "1949-03-05"}, "March 5, 1949"},
		{record.Date{EDTF: "1950"}, "1950"},
		{record.Date{EDTF: "195X"}, "1950s"},
		{record.Date{EDTF: "1950-21"}, "Spring 1950"},
		{record.Date{EDTF: "1950-04-XX"}, "April 1950"},
		{record.Date{EDTF: "1950-03-30/1950-04-25"}, "March 30 – April 25, 1950"},
		{record.Date{EDTF: "1950-04-03/1950-04-25"}, "April 3–25, 1950"},
		{record.Date{EDTF: "1950-03/1950-04"}, "March–April 1950"},
		{record.Date{EDTF: "1949/1950"}, "1949–1950"},
		{record.Date{EDTF: "1949-12-30/1950-01-05"}, "December 30, 1949 – January 5, 1950"},
		{record.Date{EDTF: "1950-03-30~/1950-04-25"}, "circa March 30, 1950 – April 25, 1950"},
		{record.Date{EDTF: "1950-03-30/.."}, "after March 30, 1950"},
		{record.Date{EDTF: "/1950-04-25"}, "before April 25, 1950"},
		{record.Date{Earliest: "1950-04-01", Latest: "1950-04-30"}, "April 1950"},
		{record.Date{Earliest: "1950-01-01", Latest: "1950-12-31"}, "1950"},
		{record.Date{EDTF: "1950", Qualifier: record.Approximate}, "circa 1950"},
		{record.Date{EDTF: "1950~", Qualifier: record.Approximate}, "circa 1950"},
		{record.Date{Display: "ca. 1950", Qualifier: record.Approximate}, "ca. 1950"},
		{record.Date{Display: "8.II.1950"}, "8.II.1950"},
		{record.Date{EDTF: "[1950, 1951]"}, "[1950, 1951]"},
		{record.Date{EDTF: " 1950-04 "}, "April 1950"},
		{record.Date{EDTF: "1950-03-05T10:00:00Z"}, "March 5, 1950"}, // edtf reads a date-time to the day
		{record.Date{EDTF: "1950-21/1950-06"}, "Spring–June 1950"},
		{record.Date{EDTF: "1950-03-30/"}, "after March 30, 1950"},
		{record.Date{EDTF: "../1950"}, "before 1950"},
		{record.Date{EDTF: "1XXX"}, "1XXX"},
		{record.Date{EDTF: "19XX"}, "1900s"},
		// What edtf does not read, and years not worded, stay as written.
		{record.Date{EDTF: "1950-02-30"}, "1950-02-30"},
		{record.Date{EDTF: "195X/1960"}, "195X/1960"}, // level 2
		{record.Date{EDTF: "1953/1950"}, "1953/1950"},
		{record.Date{EDTF: "-0044-03-15"}, "-0044-03-15"},
		{record.Date{EDTF: "Y170000002"}, "Y170000002"},
		{record.Date{EDTF: "XXXX"}, "XXXX"},
		{record.Date{EDTF: "1950-06", Qualifier: record.Inferred}, "[June 1950]"},
		{record.Date{}, "n.d."},
	} {
		if got := displayDate(c.d); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.d, got, c.want)
		}
	}
}

// TestOddDatesNeverFail: a citation is made whatever the date says, and a
// date no style can read is printed as the record wrote it.
func TestOddDatesNeverFail(t *testing.T) {
	for _, e := range []string{"1950-02-30", "195X/1960", "1953/1950", "-0044-03-15", "Y170000002", "XXXX", "1950~?", "1950-13", "../..", "/"} {
		r := seed()
		r.Date = record.Date{EDTF: e}
		for _, style := range Styles() {
			got, err := Format(style, r)
			if err != nil || got == "" {
				t.Errorf("%s %q: %q, %v", style, e, got, err)
			}
		}
		if got, _ := Format("chicago", r); !strings.Contains(got, " "+e+", ") {
			t.Errorf("chicago %q: date not as written in %q", e, got)
		}
		if got, _ := Format("csl-json", r); !strings.Contains(got, `"literal": "`+e+`"`) {
			t.Errorf("csl-json %q: no literal date in %s", e, got)
		}
	}
}

func TestKey(t *testing.T) {
	f := fixtures()
	for name, want := range map[string]string{
		"interval": "kim1950report", "translated": "shtykov1950ciphered", "approx": "avprf1950report",
		"frus": "weddell1934ambassador", "blog": "kraus2016preparing", "undated": "d4d4d4d4d4d4d4d4",
		"korean": "e5e5e5e5e5e5e5e5", "specials": "pak1950operation", "article": "weathersby1995attack",
	} {
		if got := Key(f[name]); got != want {
			t.Errorf("%s: key %q, want %q", name, got, want)
		}
	}
	r := seed()
	r.Participants = []string{"Stalin", "Kim Il Sung"}
	if got := Key(r); got != "stalin1949meeting" {
		t.Errorf("key %q, want stalin1949meeting", got)
	}
}

func TestFormatUnknownStyle(t *testing.T) {
	_, err := Format("mla", seed())
	if err == nil || !strings.Contains(err.Error(), `"mla"`) {
		t.Fatalf("want an error naming the style, got %v", err)
	}
	for _, s := range Styles() {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not list %s", err, s)
		}
	}
	if got, err := Format("chicago", seed()); err != nil || got != seedChicago {
		t.Errorf("Format chicago: %q, %v", got, err)
	}
}

func TestWellFormed(t *testing.T) {
	risLine := regexp.MustCompile(`^[A-Z][A-Z0-9]  - .*$`)
	for name, r := range fixtures() {
		ris := RIS(r, Options{})
		if !strings.HasSuffix(ris, "\r\n") {
			t.Errorf("%s: RIS does not end in CRLF", name)
		}
		lines := strings.Split(strings.TrimSuffix(ris, "\r\n"), "\r\n")
		if !strings.HasPrefix(lines[0], "TY  - ") || lines[len(lines)-1] != "ER  - " {
			t.Errorf("%s: RIS must open with TY and close with ER:\n%s", name, ris)
		}
		for _, l := range lines {
			if !risLine.MatchString(l) || strings.ContainsAny(l, "\r\n") {
				t.Errorf("%s: bad RIS line %q", name, l)
			}
		}

		b, err := CSLJSON(r, Options{})
		var items []map[string]any
		if err != nil || json.Unmarshal(b, &items) != nil || len(items) != 1 {
			t.Fatalf("%s: CSL-JSON is not an array of one item: %v\n%s", name, err, b)
		}
		it := items[0]
		if it["id"] == "" || it["type"] == "" || it["title"] != strings.Join(strings.Fields(r.Title), " ") {
			t.Errorf("%s: CSL-JSON item lacks id, type or title: %v", name, it)
		}

		bib := BibTeX(r, Options{})
		unescaped := strings.NewReplacer(`\{`, "", `\}`, "").Replace(bib)
		depth := 0
		for _, c := range unescaped {
			switch c {
			case '{':
				depth++
			case '}':
				depth--
			}
			if depth < 0 {
				break
			}
		}
		if depth != 0 || !strings.HasPrefix(bib, "@") || !strings.Contains(bib, "{"+Key(r)+",") {
			t.Errorf("%s: malformed BibTeX:\n%s", name, bib)
		}
		if strings.ContainsAny(Key(r), " {},\"#%") {
			t.Errorf("%s: key %q is not safe", name, Key(r))
		}
	}
}

func TestGolden(t *testing.T) {
	f := fixtures()
	names := make([]string, 0, len(f))
	for n := range f {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, style := range Styles() {
			t.Run(name+"/"+style, func(t *testing.T) {
				got, err := Format(style, f[name])
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", name+"."+style+".golden")
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run: go test ./internal/cite -update)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs from %s (rerun with -update if intended):\n--- got\n%s\n--- want\n%s", style, path, got, want)
				}
			})
		}
	}
}

// A URL a source carries leaves fond only if it is a web address: a
// javascript: or data: URL in a citation is one click from running.
func TestOnlyWebURLsAreCited(t *testing.T) {
	for _, bad := range []string{"javascript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd", "JAVASCRIPT:alert(1)"} {
		r := seed()
		r.URL = bad
		for _, style := range Styles() {
			out, err := Format(style, r)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(strings.ToLower(out), strings.ToLower(bad[:5])) {
				t.Errorf("%s cites %q:\n%s", style, bad, out)
			}
		}
	}
	r := seed()
	r.URL = "https://digitalarchive.example.org/document/112136"
	for _, style := range Styles() {
		if out, _ := Format(style, r); !strings.Contains(out, r.URL) {
			t.Errorf("%s drops a web URL:\n%s", style, out)
		}
	}
}

// The permanent URL the caller gives is the cited URL in every format, in the
// same normalized bytes; the record's own address survives as where the text
// was published.
func TestPermanentURL(t *testing.T) {
	if got := PermanentURL("https://fond.example.org/", "7d1e0c55a2b94f10"); got != "https://fond.example.org/documents/7d1e0c55a2b94f10" {
		t.Fatalf("PermanentURL = %q", got)
	}
	for _, base := range []string{"", "javascript:", "ftp://x"} {
		if got := PermanentURL(base, "1"); got != "" {
			t.Errorf("PermanentURL(%q) = %q, want none", base, got)
		}
	}
	r := fixtures()["translated"]
	o := Options{URL: PermanentURL("https://fond.example.org/archive 2", r.ID)}
	want := "https://fond.example.org/archive%202/documents/7d1e0c55a2b94f10"
	for _, c := range []struct{ style, cited, published string }{
		{"chicago", want + ".", "https://digitalarchive.example.org/document/112136."},
		{"bibtex", "url = {" + want + "}", "Published at https://digitalarchive.example.org/document/112136"},
		{"ris", "UR  - " + want + "\r\n", "N1  - Published at https://digitalarchive.example.org/document/112136.\r\n"},
		{"csl-json", `"URL": "` + want + `"`, "Published at https://digitalarchive.example.org/document/112136."},
	} {
		out, err := FormatWith(c.style, r, o)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, c.cited) || !strings.Contains(out, c.published) {
			t.Errorf("%s lacks %q or %q:\n%s", c.style, c.cited, c.published, out)
		}
	}
}

// Names reach each format split: RIS and BibTeX in their inverted forms, a
// body's name whole, Korean names family first.
func TestNamesInFormats(t *testing.T) {
	r := seed()
	r.Authors = []string{"King, Martin Luther, Jr.", "Kim Il Sung", "Ministry of Foreign Affairs, DPRK"}
	r.Translators = []string{"Gary Goldberg"}
	for _, c := range []struct{ style, want string }{
		{"ris", "AU  - King, Martin Luther, Jr.\r\nAU  - Kim, Il Sung\r\nAU  - Ministry of Foreign Affairs DPRK\r\nA4  - Goldberg, Gary\r\n"},
		{"bibtex", "author = {King, Jr., Martin Luther and Kim, Il Sung and {Ministry of Foreign Affairs, DPRK}}"},
		{"csl-json", `"family": "Kim",
        "given": "Il Sung",
        "static-ordering": true`},
		{"chicago", "Translated by Gary Goldberg."},
	} {
		out, _ := Format(c.style, r)
		if !strings.Contains(out, c.want) {
			t.Errorf("%s lacks %q:\n%s", c.style, c.want, out)
		}
	}
	r.Category = record.Secondary
	r.Type = "Article"
	if got := Chicago(r, Options{}); !strings.HasPrefix(got, "Martin Luther King Jr., Kim Il Sung, and Ministry of Foreign Affairs, DPRK, ") {
		t.Errorf("Chicago: %s", got)
	}
}

func TestPageMeta(t *testing.T) {
	f := fixtures()
	inferred := f["inferred"]
	inferred.Authors = []string{"Terentii Fomich Shtykov"}
	for _, c := range []struct {
		r    *record.Record
		want []Meta
		not  []string
	}{
		{inferred, []Meta{
			{"citation_author", "Shtykov, Terentii Fomich"}, {"citation_date", "1950-06"}, {"DC.date", "1950-06"},
			{"citation_language", "en"}, {"citation_public_url", "https://fond.example.org/documents/b2b2b2b2b2b2b2b2"},
			{"DC.type", "manuscript"}, {"z.itemType", "manuscript"}, {"z.manuscriptType", "Note"},
			{"z.archive", "Archive of the Foreign Policy of the Russian Federation"},
			{"z.archiveLocation", "Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20"},
		}, []string{"citation_journal_title"}},
		{f["approx"], []Meta{{"DC.type", "report"}, {"z.reportType", "Report"}, {"citation_date", "1950-04"}, {"DC.date", "1950-04~"}}, nil},
		{f["undated"], []Meta{{"DC.type", "letter"}, {"citation_language", "ru"}}, []string{"citation_date"}},
		{f["korean"], []Meta{{"DC.type", "report"}}, []string{"citation_date"}},
		{f["seed"], []Meta{{"DC.type", "manuscript"}, {"citation_date", "1949-03-05"}}, nil},
		{f["article"], []Meta{{"DC.type", "journalArticle"}, {"citation_journal_title", "Cold War International History Project Bulletin"}, {"citation_author", "Weathersby, Kathryn"}}, []string{"z.archive"}},
		{f["blog"], []Meta{{"DC.type", "blogPost"}}, []string{"citation_journal_title", "z.archive"}},
	} {
		got := PageMeta(c.r, PermanentURL("https://fond.example.org", c.r.ID))
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: no %+v in %+v", c.r.ID, w, got)
			}
		}
		for _, n := range c.not {
			for _, m := range got {
				if m.Name == n {
					t.Errorf("%s: unwanted %+v", c.r.ID, m)
				}
			}
		}
	}
}

// TestStylesNameRelease: a declassified text's citation says which release
// it is, in every style (in BibTeX's note, RIS's N1, CSL-JSON's note), since
// another release of the document withholds other parts.
func TestStylesNameRelease(t *testing.T) {
	r := &record.Record{Title: "Telegram From the Embassy in Austria", Category: record.Primary, Type: "Telegram",
		Date:     record.Date{EDTF: "1952-03-15", Display: "March 15, 1952", Earliest: "1952-03-15", Latest: "1952-03-15", Qualifier: record.Exact},
		Releases: []record.Release{{Date: "2008-05-01", Body: "National Archives and Records Administration", Authority: "MR 2005-123"}}}
	const said = "Released 2008-05-01 by National Archives and Records Administration (MR 2005-123)"
	for style, want := range map[string]string{"chicago": said + ".", "bibtex": "note = {" + said + "}", "ris": "N1  - " + said + ".\r\n", "csl-json": `"note": "` + said + `."`} {
		got, err := Format(style, r)
		if err != nil || !strings.Contains(got, want) {
			t.Errorf("%s = %q (%v), lacks %q", style, got, err, want)
		}
		r.Releases = nil
		if got, _ := Format(style, r); strings.Contains(got, "Released") {
			t.Errorf("%s: a record with no release cites one: %q", style, got)
		}
		r.Releases = []record.Release{{Date: "2008-05-01", Body: "National Archives and Records Administration", Authority: "MR 2005-123"}}
	}
}
