package archref

import "testing"

func TestLookupRepository(t *testing.T) {
	cases := map[string]string{
		"AVP RF":  "AVP RF",
		"avprf":   "AVP RF",
		"avp-rf.": "AVP RF",
		"АВП РФ":  "AVP RF",
		"Archive of the Foreign Policy of the Russian Federation":  "AVP RF",
		"archive of the foreign policy of the russian federation,": "AVP RF",
		"АП РФ":     "APRF",
		"RTsKhIDNI": "RGASPI",
		"РГАСПИ":    "RGASPI",
		"TsKhSD":    "RGANI",
		"ЦАМО":      "TsAMO",
		"PRC MFA":   "PRC FMA",
		"Politisches Archiv des Auswärtigen Amts": "PA AA",
		"MOL":                          "MNL OL",
		"SÚA":                          "NA",
		"Gaimusho Gaiko Shiryokan":     "MOFA Japan",
		"National Archives":            "NARA",
		"National Archives of Romania": "ANIC",
		"Central State Archive, Sofia": "TsDA",
		"Archiwum Ministerstwa Spraw Zagranicznych": "AMSZ",
	}
	for in, want := range cases {
		r, ok := LookupRepository(in)
		if !ok || r.Abbreviation != want {
			t.Errorf("LookupRepository(%q) = %q, %v; want %q", in, r.Abbreviation, ok, want)
		}
	}
	for _, in := range []string{"Library of Alexandria", "", "  ", "Archive"} {
		if r, ok := LookupRepository(in); ok {
			t.Errorf("LookupRepository(%q) = %q", in, r.Name)
		}
	}
}

// Every name in the table must lead back to its own archive: a name shared by two
// archives would send references to the wrong one.
func TestRepositoriesUnambiguous(t *testing.T) {
	for _, r := range Repositories() {
		if r.Name == "" || r.Abbreviation == "" || r.Country == "" {
			t.Errorf("incomplete entry %+v", r)
		}
		for _, n := range append([]string{r.Name, r.Abbreviation}, r.Aliases...) {
			got, ok := LookupRepository(n)
			if !ok || got.Name != r.Name {
				t.Errorf("%q leads to %q, want %q", n, got.Name, r.Name)
			}
		}
	}
}

func TestRepositoriesIsACopy(t *testing.T) {
	rs := Repositories()
	rs[0].Name = "changed"
	rs[0].Aliases[0] = "changed"
	if r := Repositories()[0]; r.Name == "changed" || r.Aliases[0] == "changed" {
		t.Errorf("the table was changed through its copy")
	}
}
