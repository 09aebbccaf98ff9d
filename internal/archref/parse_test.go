package archref

import (
	"strings"
	"testing"
)

// parseCases are references as they appear in source notes; most are invented but
// shaped like real ones. Fields: abbreviation, fond, opis, delo, papka, folios, file.
var parseCases = []struct {
	in                                          string
	abbr, fond, opis, delo, papka, folios, file string
}{
	// Russia: the forms the Digital Archive writes.
	{"Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20", "AVP RF", "059a", "5a", "3", "11", "10-20", ""},
	{"APRF, Listy 125-126, Fond and Opis not given", "APRF", "", "", "", "", "125-126", ""},
	{"Archive of the Foreign Policy of the Russian Federation, (hereafter AVP RF), Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20", "AVP RF", "059a", "5a", "3", "11", "10-20", ""},
	{"Report on Kim Il Sung's visit to the USSR, March 30 - April 25, 1950. Prepared by the International Department of the Central Committee of the All-Union Communist Party (Bolshevik), APRF.", "APRF", "", "", "", "", "", ""},
	{"AVP RF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 145-146", "AVP RF", "059a", "5a", "4", "11", "145-146", ""},
	{"RGASPI, f. 558, op. 11, d. 334, ll. 1-5", "RGASPI", "558", "11", "334", "", "1-5", ""},
	{"RGANI, F. 3, Op. 65, D. 9, L. 51", "RGANI", "3", "65", "9", "", "51", ""},
	{"АВП РФ, ф. 059а, оп. 5а, д. 3, п. 11, л. 10–20", "AVP RF", "059а", "5а", "3", "11", "10–20", ""},
	{"АП РФ, ф. 3, оп. 65, д. 9, лл. 51-55", "APRF", "3", "65", "9", "", "51-55", ""},
	{"РГАНИ, ф. 5, оп. 30, д. 83, л. 2", "RGANI", "5", "30", "83", "", "2", ""},
	{"РГАСПИ, ф. 17, оп. 162, д. 41, лл. 3-4об.", "RGASPI", "17", "162", "41", "", "3-4об", ""},
	{"ГАРФ, ф. Р-5446, оп. 1, д. 12, л. 7", "GARF", "Р-5446", "1", "12", "", "7", ""},
	{"GARF, f. R-5446, op. 1, d. 12, ll. 10-20ob.", "GARF", "R-5446", "1", "12", "", "10-20ob", ""},
	{"RTsKhIDNI, fond 17, opis 162, delo 41, list 3", "RGASPI", "17", "162", "41", "", "3", ""},
	{"TsAMO, f. 5, op. 918795, d. 122, ll. 1-4", "TsAMO", "5", "918795", "122", "", "1-4", ""},
	{"ЦАМО РФ, ф. 16а, оп. 3139, д. 4, л. 11", "TsAMO", "16а", "3139", "4", "", "11", ""},
	{"RGAE, f. 413, op. 13, d. 6520", "RGAE", "413", "13", "6520", "", "", ""},
	{"RGVA, f. 33987, op. 3, d. 1050, l. 15ob.", "RGVA", "33987", "3", "1050", "", "15ob", ""},
	{"RGAKFD, ed. khr. 0-123456", "RGAKFD", "", "", "0-123456", "", "", ""},
	{"Russian State Archive of Contemporary History, Fond 89, Opis 43, Delo 12, Listy 1-7", "RGANI", "89", "43", "12", "", "1-7", ""},
	{"Russian State Archive of Socio-Political History (RGASPI), fond 558, opis 11, delo 65, listy 1, 3-5", "RGASPI", "558", "11", "65", "", "1, 3-5", ""},
	{"State Archive of the Russian Federation, fond 9401, opis 2, delo 199, listy 270-275", "GARF", "9401", "2", "199", "", "270-275", ""},
	{"AVP RF, f. 0102, op. 6, p. 21, d. 47, ll. 20-23", "AVP RF", "0102", "6", "47", "21", "20-23", ""},
	{"Archive of the President of the Russian Federation (APRF), Fond 45, Opis 1, Delo 346, Listy 104-105", "APRF", "45", "1", "346", "", "104-105", ""},
	{"Presidential Archive, f.3 op.65 d.515 l.1", "APRF", "3", "65", "515", "", "1", ""},
	{"АВП СССР, ф. 06, оп. 9, п. 8, д. 120", "AVP RF", "06", "9", "120", "8", "", ""},
	{"AVP RF, Fond 0102, Opis 9, Papka 44, Delo 3, Listy 1-2, 4", "AVP RF", "0102", "9", "3", "44", "1-2, 4", ""},
	{"APRF, Fond 3, Opis 65, Delo 776, Listy 1-12, 1950", "APRF", "3", "65", "776", "", "1-12", ""},
	{"APRF, Fond 3, Opis 65, Delo not given, Listy 23", "APRF", "3", "65", "", "", "23", ""},
	{"f. 558, op. 11, d. 334, ll. 1-5", "", "558", "11", "334", "", "1-5", ""},
	{"ф. 059а, оп. 5а, д. 3, п. 11, л. 10–20", "", "059а", "5а", "3", "11", "10–20", ""},
	{"RGANI, Fond 89, Perechen' 18, Dokument 2", "RGANI", "89", "18", "2", "", "", ""},
	{"History and Public Policy Program Digital Archive, AVP RF, f. 059a, op. 5a, d. 3, p. 11, ll. 10-20", "AVP RF", "059a", "5a", "3", "11", "10-20", ""},
	{"AVP RF, f. 07, op. 23a, p. 18, d. 234, ll. 16-19. Translated by Gary Goldberg.", "AVP RF", "07", "23a", "234", "18", "16-19", ""},
	{"Russian Foreign Ministry Archive, fond no. 0102, opis no. 11", "AVP RF", "0102", "11", "", "", "", ""},
	// United States.
	{"Source: Department of State, Central Files, 795.00/6–2550. Secret; Niact.", "NARA", "", "", "", "", "", "795.00/6–2550"},
	{"File No. 711.0012 Boundary/35", "NARA", "", "", "", "", "", "711.0012 Boundary/35"},
	{"Paris Peace Conf. 180.03401/1", "NARA", "", "", "", "", "", "Paris Peace Conf. 180.03401/1"},
	{"Hoover Institution Archives, Dmitrii Volkogonov Papers, Reel 17", "HIA", "", "", "", "", "", "Reel 17"},
	{"711.90H/41", "NARA", "", "", "", "", "", "711.90H/41"},
	{"710.1012 Anti-War/74: Telegram", "NARA", "", "", "", "", "", "710.1012 Anti-War/74"},
	{"893.00/12345", "NARA", "", "", "", "", "", "893.00/12345"},
	{"861.51/303a", "NARA", "", "", "", "", "", "861.51/303a"},
	{"795.00/6–2550: Telegram", "NARA", "", "", "", "", "", "795.00/6–2550"},
	{"FW 795B.00/7-150", "NARA", "", "", "", "", "", "FW 795B.00/7-150"},
	{"RG 59, Central Decimal File, 1950-1954, Box 4268", "NARA", "", "", "", "", "", "RG 59, Central Decimal File, 1950-1954, Box 4268"},
	{"NARA, RG 59, CDF 795.00/6-2550", "NARA", "", "", "", "", "", "RG 59, CDF 795.00/6-2550"},
	{"National Archives, RG 59, Records of the Policy Planning Staff, Lot 64D563, Box 20", "NARA", "", "", "", "", "", "RG 59, Records of the Policy Planning Staff, Lot 64D563, Box 20"},
	{"Department of State, Central Files, 611.61/1-1550. Secret.", "NARA", "", "", "", "", "", "611.61/1-1550"},
	{"NA, RG 218, Records of the Joint Chiefs of Staff, Box 12", "NARA", "", "", "", "", "", "RG 218, Records of the Joint Chiefs of Staff, Box 12"},
	{"Truman Library, Papers of Harry S. Truman, President's Secretary's Files, Box 187", "Truman Library", "", "", "", "", "", "Box 187"},
	{"Record Group 84, Entry 2846, Box 3", "NARA", "", "", "", "", "", "Record Group 84, Entry 2846, Box 3"},
	// China.
	{"PRC FMA 204-00007-04", "PRC FMA", "", "", "", "", "", "204-00007-04"},
	{"PRC FMA 106-00021-08, 1-5", "PRC FMA", "", "", "", "", "1-5", "106-00021-08"},
	{"PRC FMA 109-00086-06, 12", "PRC FMA", "", "", "", "", "12", "109-00086-06"},
	{"Archive of the Ministry of Foreign Affairs of the People's Republic of China, 117-00087-07(1), pp. 3-9", "PRC FMA", "", "", "", "", "3-9", "117-00087-07(1)"},
	{"中华人民共和国外交部档案馆 106-01380-01", "PRC FMA", "", "", "", "", "", "106-01380-01"},
	// Germany and Britain.
	{"BArch B 136/59748, 403-410", "BArch", "", "", "", "", "403-410", "B 136/59748"},
	{"SAPMO-BArch, DY 30/3604", "SAPMO-BArch", "", "", "", "", "", "DY 30/3604"},
	{"SAPMO-BArch, DY 30/J IV 2/2/1234", "SAPMO-BArch", "", "", "", "", "", "DY 30/J IV 2/2/1234"},
	{"SAPMO-BArch, DY 30/IV 2/2.035/12, Bl. 5-9", "SAPMO-BArch", "", "", "", "", "5-9", "DY 30/IV 2/2.035/12"},
	{"PA AA, B 150, Bd. 12", "PA AA", "", "", "", "", "", "B 150, Bd. 12"},
	{"PA AA, MfAA, A 1234", "PA AA", "", "", "", "", "", "MfAA, A 1234"},
	{"Politisches Archiv des Auswärtigen Amts, MfAA, C 1089/72, Bl. 14", "PA AA", "", "", "", "", "14", "MfAA, C 1089/72"},
	{"Bundesarchiv Koblenz, B 145/1234", "BArch", "", "", "", "", "", "B 145/1234"},
	{"BA-MA, BW 2/2451", "BArch-MA", "", "", "", "", "", "BW 2/2451"},
	{"TNA, FO 371/84053, FK 1015/12", "TNA", "", "", "", "", "", "FO 371/84053, FK 1015/12"},
	{"Public Record Office, CAB 128/17", "TNA", "", "", "", "", "", "CAB 128/17"},
	// Japan.
	{"File A'0392 (Microfilm)", "MOFA Japan", "", "", "", "", "", "A'0392"},
	{"Diplomatic Archives of the Ministry of Foreign Affairs of Japan, File A'0392", "MOFA Japan", "", "", "", "", "", "A'0392"},
	{"Gaimushō Gaikō Shiryōkan, A'.1.5.0.3-3", "MOFA Japan", "", "", "", "", "", "A'.1.5.0.3-3"},
	// Poland.
	{"AMSZ, zespół 10, wiązka 27, teczka 433", "AMSZ", "10", "27", "433", "", "", ""},
	{"AMSZ, z. 10, w. 27, t. 433, k. 1-4", "AMSZ", "10", "27", "433", "", "1-4", ""},
	{"Archiwum Akt Nowych, KC PZPR, sygn. 237/V-12, k. 18", "AAN", "", "", "237/V-12", "", "18", ""},
	// Hungary.
	{"MOL, XIX-J-1-j Korea, 1950, 11. doboz, 24/a, 004269/1950", "MNL OL", "XIX-J-1-j", "", "24/a", "11", "", "004269/1950"},
	{"MNL OL, XIX-J-1-k, Korea, 1945-64, 5. doboz, 5/ca, 001234/1957", "MNL OL", "XIX-J-1-k", "", "5/ca", "5", "", "001234/1957"},
	{"MNL OL, M-KS 276. f. 53. cs. 34. ő.e.", "MNL OL", "276", "53", "34", "", "", ""},
	// Czechia.
	{"NA, fond KSČ-ÚV-02/1, sv. 12, a.j. 34", "NA", "KSČ-ÚV-02/1", "", "34", "12", "", ""},
	{"AMZV, fond TO-T Korea 1945-1954, karton 2, složka 4", "AMZV", "TO-T", "", "4", "2", "", ""},
	{"SÚA, f. 100/3, sv. 5, a.j. 17", "NA", "100/3", "", "17", "5", "", ""},
	// Romania.
	{"AMAE, Fond Coreea, 1950", "AMAE", "Coreea", "", "", "", "", ""},
	{"AMAE, fond 22/1950 Coreea, problema 220, dosar 3, f. 12-15", "AMAE", "22/1950", "220", "3", "", "12-15", ""},
	{"ANIC, fond CC al PCR - Secția Relații Externe, dosar 12/1956, f. 5-10", "ANIC", "CC al PCR - Secția Relații Externe", "", "12/1956", "", "5-10", ""},
	// Bulgaria.
	{"Central State Archive, Sofia, Fond 1-B, Opis 64, a.e. 292", "TsDA", "1-B", "64", "292", "", "", ""},
	{"ЦДА, ф. 1Б, оп. 6, а.е. 4251, л. 1-16", "TsDA", "1Б", "6", "4251", "", "1-16", ""},
	{"Diplomatic Archive, Sofia, Opis 10p, a.e. 25, l. 3", "DA MVnR", "", "10p", "25", "", "3", ""},
	// Unreadable, partial or not references at all.
	{"Some private collection, box of letters", "", "", "", "", "", "", ""},
	{"Letters and papers of the family", "", "", "", "", "", "", ""},
	{"Obtained by the National Security Archive", "", "", "", "", "", "", ""},
	{"Izvestiia, 12 March 1950, p. 3", "", "", "", "", "", "", ""},
	{"Personal archive of D. Volkogonov", "", "", "", "", "", "", ""},
	{"Translated by Gary Goldberg", "", "", "", "", "", "", ""},
	{"the mol of na in water", "", "", "", "", "", "", ""},
	{"In 1950 the U.S. had 3 divisions, i.e. f. 12 units", "", "", "", "", "", "", ""},
	{"He met Mr. D. Acheson at 4 p.m. on 12 June.", "", "", "", "", "", "", ""},
	{"The Secretary of State to the Ambassador in the Soviet Union (Kirk)", "", "", "", "", "", "", ""},
	{"Washington, June 25, 1950—11 p.m.", "", "", "", "", "", "", ""},
	{"[Paraphrase]", "", "", "", "", "", "", ""},
	{"", "", "", "", "", "", "", ""},
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		s := Parse(c.in)
		got := []string{s.Abbreviation, s.Fond, s.Opis, s.Delo, s.Papka, s.Folios, s.File}
		want := []string{c.abbr, c.fond, c.opis, c.delo, c.papka, c.folios, c.file}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Parse(%q)\n got %q\nwant %q", c.in, got, want)
		}
		if s.Reference != c.in {
			t.Errorf("Parse(%q): Reference %q", c.in, s.Reference)
		}
		if c.abbr != "" {
			r, ok := LookupRepository(c.abbr)
			if !ok || s.Repository != r.Name {
				t.Errorf("Parse(%q): Repository %q, want %q", c.in, s.Repository, r.Name)
			}
		} else if s.Repository != "" {
			t.Errorf("Parse(%q): Repository %q, want none", c.in, s.Repository)
		}
	}
}

func TestParseTrimsOnlySpace(t *testing.T) {
	for in, want := range map[string]string{
		"  APRF, Listy 1-2 \n": "APRF, Listy 1-2",
		"\t711.90H/41.":        "711.90H/41.",
		"   ":                  "",
	} {
		if got := Parse(in).Reference; got != want {
			t.Errorf("Parse(%q).Reference = %q, want %q", in, got, want)
		}
	}
}
