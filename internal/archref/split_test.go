package archref

import (
	"testing"

	"fond/internal/record"
)

func TestParseListDigitalArchive(t *testing.T) {
	got := ParseList("APRF, Listy 125-126, Fond and Opis not given; and AVP RF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 145-146")
	want := []record.Source{
		{Repository: "Archive of the President of the Russian Federation", Abbreviation: "APRF", Folios: "125-126", Reference: "APRF, Listy 125-126, Fond and Opis not given"},
		{Repository: "Archive of the Foreign Policy of the Russian Federation", Abbreviation: "AVP RF", Fond: "059a", Opis: "5a", Delo: "4", Papka: "11", Folios: "145-146", Reference: "AVP RF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 145-146"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d sources: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("source %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestParseList(t *testing.T) {
	cases := []struct {
		in   string
		refs []string
	}{
		{"RGASPI, f. 558, op. 11, d. 334 and AVP RF, f. 06, op. 9", []string{"RGASPI, f. 558, op. 11, d. 334", "AVP RF, f. 06, op. 9"}},
		{"APRF, f. 3, op. 65, d. 9; AVP RF, f. 059a, op. 5a, d. 3", []string{"APRF, f. 3, op. 65, d. 9", "AVP RF, f. 059a, op. 5a, d. 3"}},
		{"711.90H/41; 711.90H/42", []string{"711.90H/41", "711.90H/42"}},
		{"PRC FMA 106-00021-08, 1-5; and PRC FMA 106-00021-09, 6-8", []string{"PRC FMA 106-00021-08, 1-5", "PRC FMA 106-00021-09, 6-8"}},
		{"SAPMO-BArch, DY 30/3604, and PA AA, MfAA, A 1234", []string{"SAPMO-BArch, DY 30/3604", "PA AA, MfAA, A 1234"}},
		// Not every "and" or semicolon joins references.
		{"Letters and papers of the family", []string{"Letters and papers of the family"}},
		{"APRF, Listy 125-126, Fond and Opis not given", []string{"APRF, Listy 125-126, Fond and Opis not given"}},
		{"National Archives and Records Administration, RG 59, CDF 795.00/6-2550", []string{"National Archives and Records Administration, RG 59, CDF 795.00/6-2550"}},
		{"AVP RF, f. 07, op. 23a, p. 18, d. 234; translated by Gary Goldberg", []string{"AVP RF, f. 07, op. 23a, p. 18, d. 234; translated by Gary Goldberg"}},
		{"Obtained and translated by the Woodrow Wilson Center; RGANI, f. 5, op. 30, d. 3", []string{"Obtained and translated by the Woodrow Wilson Center; RGANI, f. 5, op. 30, d. 3"}},
		{"Archive of Parties and Mass Organizations", []string{"Archive of Parties and Mass Organizations"}},
		{"  ", nil},
		{"", nil},
	}
	for _, c := range cases {
		got := ParseList(c.in)
		if len(got) != len(c.refs) {
			t.Errorf("ParseList(%q): %d sources %+v, want %q", c.in, len(got), got, c.refs)
			continue
		}
		for i, s := range got {
			if s.Reference != c.refs[i] {
				t.Errorf("ParseList(%q)[%d] = %q, want %q", c.in, i, s.Reference, c.refs[i])
			}
		}
	}
}
