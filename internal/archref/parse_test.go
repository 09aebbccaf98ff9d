package archref

import (
	"strings"
	"testing"

	"fond/internal/record"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in                                          string
		abbr, fond, opis, delo, papka, folios, file string
	}{
		{"Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20", "AVP RF", "059a", "5a", "3", "11", "10-20", ""},
		{"APRF, Listy 125-126, Fond and Opis not given", "APRF", "", "", "", "", "125-126", ""},
		{"Archive of the Foreign Policy of the Russian Federation, (hereafter AVP RF), Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20", "AVP RF", "059a", "5a", "3", "11", "10-20", ""},
		{"Report on Kim Il Sung's visit to the USSR, March 30 - April 25, 1950. Prepared by the International Department of the Central Committee of the All-Union Communist Party (Bolshevik), APRF.", "APRF", "", "", "", "", "", ""},
		{"RGASPI, f. 558, op. 11, d. 334, ll. 1-5", "RGASPI", "558", "11", "334", "", "1-5", ""},
		{"RGANI, F. 3, Op. 65, D. 9, L. 51", "RGANI", "3", "65", "9", "", "51", ""},
		{"АВП РФ, ф. 059а, оп. 5а, д. 3, п. 11, л. 10–20", "AVP RF", "059а", "5а", "3", "11", "10–20", ""},
		{"GARF, f. R-5446, op. 1, d. 12, ll. 10-20ob.", "GARF", "R-5446", "1", "12", "", "10-20ob", ""},
		{"RTsKhIDNI, fond 17, opis 162, delo 41, list 3", "RGASPI", "17", "162", "41", "", "3", ""},
		{"TsAMO, f. 5, op. 918795, d. 122, ll. 1-4", "TsAMO", "5", "918795", "122", "", "1-4", ""},
		{"RGAE, f. 413, op. 13, d. 6520", "RGAE", "413", "13", "6520", "", "", ""},
		{"711.90H/41", "NARA", "", "", "", "", "", "711.90H/41"},
		{"710.1012 Anti-War/74: Telegram", "NARA", "", "", "", "", "", "710.1012 Anti-War/74"},
		{"893.00/12345", "NARA", "", "", "", "", "", "893.00/12345"},
		{"RG 59, Central Decimal File, 1950-1954, Box 4268", "", "", "", "", "4268", "", ""},
		{"NARA, RG 59, CDF 795.00/6-2550", "NARA", "RG 59", "", "", "", "", "795.00/6-2550"},
		{"PRC FMA 106-00021-08, 1-5", "PRC FMA", "", "", "", "", "1-5", "106-00021-08"},
		{"BArch B 136/59748, 403-410", "BArch", "", "", "", "", "403-410", "B 136/59748"},
		{"SAPMO-BArch, DY 30/3604", "SAPMO-BArch", "", "", "", "", "", "DY 30/3604"},
		{"PA AA, B 150, Bd. 12", "PA AA", "", "", "", "12", "", "B 150"},
		{"File A'0392 (Microfilm)", "MOFA Japan", "", "", "", "", "", "A'0392"},
		{"Diplomatic Archives of the Ministry of Foreign Affairs of Japan, File A'0392", "MOFA Japan", "", "", "", "", "", "A'0392"},
		{"AMSZ, zespół 10, wiązka 27, teczka 433", "AMSZ", "10", "27", "433", "", "", ""},
		{"MOL, XIX-J-1-j Korea, 1950, 11. doboz, 24/a, 004269/1950", "MNL OL", "XIX-J-1-j", "", "", "11", "", ""},
		{"Central State Archive, Sofia, Fond 1-B, Opis 64, a.e. 292", "TsDA", "1-B", "64", "292", "", "", ""},
		{"AMAE, Fond Coreea, 1950", "AMAE", "", "", "", "", "", ""},
		{"Some private collection, box of letters", "", "", "", "", "", "", ""},
	}
	for _, c := range cases {
		s := Parse(c.in)
		got := []string{s.Abbreviation, s.Fond, s.Opis, s.Delo, s.Papka, s.Folios, s.File}
		want := []string{c.abbr, c.fond, c.opis, c.delo, c.papka, c.folios, c.file}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Parse(%q)\n got %q\nwant %q", c.in, got, want)
		}
		if s.Reference != c.in {
			t.Errorf("Reference changed: %q", s.Reference)
		}
	}
}

func TestParseList(t *testing.T) {
	got := ParseList("APRF, Listy 125-126, Fond and Opis not given; and AVP RF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 145-146")
	if len(got) != 2 {
		t.Fatalf("%d sources: %+v", len(got), got)
	}
	want := []record.Source{
		{Repository: "Archive of the President of the Russian Federation", Abbreviation: "APRF", Folios: "125-126", Reference: "APRF, Listy 125-126, Fond and Opis not given"},
		{Repository: "Archive of the Foreign Policy of the Russian Federation", Abbreviation: "AVP RF", Fond: "059a", Opis: "5a", Delo: "4", Papka: "11", Folios: "145-146", Reference: "AVP RF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 145-146"},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("source %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if got := ParseList("RGASPI, f. 558, op. 11, d. 334 and AVP RF, f. 06, op. 9"); len(got) != 2 || got[1].Abbreviation != "AVP RF" {
		t.Errorf("split on and: %+v", got)
	}
	if got := ParseList("Letters and papers of the family"); len(got) != 1 || got[0].Reference != "Letters and papers of the family" {
		t.Errorf("unparseable reference lost: %+v", got)
	}
}

func TestLookupRepository(t *testing.T) {
	for _, name := range []string{"AVP RF", "avprf", "АВП РФ", "Archive of the Foreign Policy of the Russian Federation", "RTsKhIDNI", "PRC MFA", "Politisches Archiv des Auswärtigen Amts"} {
		if _, ok := LookupRepository(name); !ok {
			t.Errorf("LookupRepository(%q) failed", name)
		}
	}
	if _, ok := LookupRepository("Library of Alexandria"); ok {
		t.Errorf("unknown archive found")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"APRF, Listy 125-126, Fond and Opis not given; and AVP RF, Fond 059a", "ф. 059а, оп. 5а", "PRC FMA 106-00021-08, 1-5", "711.90H/41: Telegram", "MOL, 11. doboz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p := Parse(s); p.Reference != strings.TrimSpace(s) {
			t.Fatalf("Reference %q for input %q", p.Reference, s)
		}
		for _, src := range ParseList(s) {
			if !strings.Contains(s, src.Reference) {
				t.Fatalf("ParseList(%q) invented reference %q", s, src.Reference)
			}
		}
	})
}
