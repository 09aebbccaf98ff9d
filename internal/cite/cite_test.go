package cite

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/record"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func seed000() *record.Record {
	return &record.Record{
		ID: "f964855b428286ed", Title: "Meeting between Stalin and Kim Il Sung", Type: "Minutes of Conversation", Category: record.Primary,
		Date:         record.Date{EDTF: "1949-03-05", Display: "March 05, 1949", Earliest: "1949-03-05", Latest: "1949-03-05", Qualifier: record.Exact},
		Publisher:    "History and Public Policy Program Digital Archive",
		Participants: []string{"Stalin", "Kim Il Sung"},
		Sources: []record.Source{{Repository: "Archive of the Foreign Policy of the Russian Federation", Abbreviation: "AVP RF",
			Reference: "Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20"}},
	}
}

func TestChicagoDigitalArchiveForm(t *testing.T) {
	want := `"Meeting between Stalin and Kim Il Sung," March 05, 1949, History and Public Policy Program Digital Archive, Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20.`
	if got := Chicago(seed000()); got != want {
		t.Errorf("Chicago:\n got %s\nwant %s", got, want)
	}
}

func fixtures() map[string]*record.Record {
	translated := seed000()
	translated.Title = "Record of a Conversation & a Toast: 100% Agreement"
	translated.Date = record.Date{EDTF: "1950-04", Display: "April 1950", Earliest: "1950-04-01", Latest: "1950-04-30", Qualifier: record.Inferred}
	translated.Translators = []string{"Gary Goldberg"}
	translated.URL = "https://digitalarchive.example.org/document/1"
	interval := seed000()
	interval.Title = "Report on the visit"
	interval.Date = record.Date{EDTF: "1950-03-30/1950-04-25", Earliest: "1950-03-30", Latest: "1950-04-25", Qualifier: record.Exact}
	undated := &record.Record{ID: "u1", Title: "Письмо Ким Ир Сена", Category: record.Primary, Type: "Letter", Languages: record.Languages{Text: "ru"}}
	approx := &record.Record{ID: "a1", Title: "조선 정세에 관한 보고", Category: record.Primary, Type: "Report",
		Date: record.Date{EDTF: "1950~", Earliest: "1950-01-01", Latest: "1950-12-31", Qualifier: record.Approximate}}
	blog := &record.Record{ID: "b1", Title: "Preparing for War: Soviet-North Korean Relations, 1947-1950", Category: record.Secondary, Type: "Blog post",
		Authors: []string{"Charles Kraus"}, Publisher: "Wilson Center"}
	frus := &record.Record{ID: "fr1", Title: "The Ambassador in Argentina (Weddell) to the Secretary of State", Category: record.Primary, Type: "Telegram",
		Date:       record.Date{EDTF: "1934-04-21", Display: "April 21, 1934—noon", Earliest: "1934-04-21", Latest: "1934-04-21", Qualifier: record.Exact},
		Authors:    []string{"Weddell"},
		Collection: &record.Collection{ID: "frus1934v04", Title: "Foreign Relations of the United States Diplomatic Papers, 1934, The American Republics, Volume IV", Publisher: "United States Government Printing Office", Year: "1951"},
		Sources:    []record.Source{{Repository: "National Archives and Records Administration", Abbreviation: "NARA", File: "710.1012 Anti-War/74", Reference: "710.1012 Anti-War/74: Telegram"}}}
	question := &record.Record{ID: "q1", Title: "To Attack, or Not to Attack?", Category: record.Secondary, Type: "Article", Authors: []string{"Kathryn Weathersby"}}
	return map[string]*record.Record{"seed000": seed000(), "translated": translated, "interval": interval, "undated": undated, "approx": approx, "blog": blog, "frus": frus, "question": question}
}

func TestGolden(t *testing.T) {
	for name, r := range fixtures() {
		for _, style := range Styles() {
			out, err := Format(style, r)
			if err != nil {
				t.Fatalf("%s %s: %v", name, style, err)
			}
			path := filepath.Join("testdata", name+"."+style+".golden")
			if *update {
				os.WriteFile(path, []byte(out), 0o644)
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cite -update)", err)
			}
			if out != string(want) {
				t.Errorf("%s %s:\n got %s\nwant %s", name, style, out, want)
			}
		}
	}
}

func TestFormatsAreWellFormed(t *testing.T) {
	for name, r := range fixtures() {
		ris := RIS(r)
		if !strings.HasPrefix(ris, "TY  - ") || !strings.HasSuffix(ris, "ER  - \r\n") {
			t.Errorf("%s: RIS must start with TY and end with ER: %q", name, ris)
		}
		var items []map[string]any
		b, _ := CSLJSON(r)
		if err := json.Unmarshal(b, &items); err != nil || len(items) != 1 || items[0]["title"] != r.Title {
			t.Errorf("%s: CSL-JSON %s: %v", name, b, err)
		}
		bib := BibTeX(r)
		if strings.Count(bib, "{")-strings.Count(bib, `\{`) != strings.Count(bib, "}")-strings.Count(bib, `\}`) {
			t.Errorf("%s: unbalanced braces in %s", name, bib)
		}
	}
	if Key(seed000()) != "stalin1949meeting" {
		t.Errorf("key = %s", Key(seed000()))
	}
	if _, err := Format("mla", seed000()); err == nil || !strings.Contains(err.Error(), "chicago") {
		t.Errorf("unknown style error: %v", err)
	}
}
