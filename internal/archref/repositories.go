// Package archref parses archival references from many archives into repository,
// hierarchy and folios, with a canonical repository name and its abbreviations. A
// reference that cannot be parsed is kept whole, never dropped.
//
// Hierarchies other than the Russian fond/opis/delo/papka/list are mapped onto the
// same fields so that one index serves all archives:
//
//	Russian      fond (f., ф.) → Fond; opis (op., оп.) → Opis; delo (d., д.) → Delo;
//	             papka (p., п.) → Papka; list/listy (l., ll., л., лл.) → Folios
//	Bulgarian    fond → Fond; opis → Opis; a.e. (arkhivna edinitsa) → Delo
//	Polish       zespół → Fond; wiązka → Opis; teczka → Delo
//	Hungarian    fond signature (XIX-J-1-j) → Fond; doboz (box) → Papka
//	Czech        fond → Fond; karton → Papka; složka / inv. č. → Delo
//	US (NARA)    record group (RG 59) → Fond; box → Papka; decimal file → File
//	German       Bestand + Signatur ("B 136/59748", "DY 30/3604") → File
//	Chinese MFA  file number ("106-00021-08") → File
//	Japan MOFA   file ("A'0392") → File
package archref

import (
	"strings"
	"unicode"
)

// Repository is an archive with its canonical English name and other names.
type Repository struct {
	Name         string
	Abbreviation string
	Aliases      []string
	Country      string
}

var repositories = []Repository{
	{"Archive of the Foreign Policy of the Russian Federation", "AVP RF", []string{"AVPRF", "АВП РФ", "Arkhiv vneshnei politiki Rossiiskoi Federatsii", "Foreign Policy Archive of the Russian Federation", "AVP SSSR"}, "Russia"},
	{"Archive of the President of the Russian Federation", "APRF", []string{"AP RF", "АП РФ", "АПРФ", "Presidential Archive", "Arkhiv Prezidenta Rossiiskoi Federatsii", "Kremlin Archive"}, "Russia"},
	{"Russian State Archive of Contemporary History", "RGANI", []string{"РГАНИ", "Rossiiskii gosudarstvennyi arkhiv noveishei istorii", "TsKhSD", "ЦХСД"}, "Russia"},
	{"Russian State Archive of Socio-Political History", "RGASPI", []string{"РГАСПИ", "RTsKhIDNI", "РЦХИДНИ", "Rossiiskii gosudarstvennyi arkhiv sotsial'no-politicheskoi istorii"}, "Russia"},
	{"State Archive of the Russian Federation", "GARF", []string{"ГАРФ", "Gosudarstvennyi arkhiv Rossiiskoi Federatsii"}, "Russia"},
	{"Russian State Archive of the Economy", "RGAE", []string{"РГАЭ", "Rossiiskii gosudarstvennyi arkhiv ekonomiki"}, "Russia"},
	{"Central Archive of the Ministry of Defense of the Russian Federation", "TsAMO", []string{"ЦАМО", "TsAMO RF", "ЦАМО РФ"}, "Russia"},
	{"Russian State Military Archive", "RGVA", []string{"РГВА"}, "Russia"},
	{"National Archives and Records Administration", "NARA", []string{"National Archives", "US National Archives", "U.S. National Archives"}, "United States"},
	{"Archive of the Ministry of Foreign Affairs of the People's Republic of China", "PRC FMA", []string{"PRC MFA", "Chinese Foreign Ministry Archive", "Foreign Ministry Archive of the PRC", "中华人民共和国外交部档案馆", "外交部档案馆"}, "China"},
	{"Bundesarchiv", "BArch", []string{"German Federal Archives", "BA"}, "Germany"},
	{"Foundation Archives of Parties and Mass Organizations of the GDR in the Federal Archives", "SAPMO-BArch", []string{"SAPMO", "SAPMO-BA"}, "Germany"},
	{"Political Archive of the Federal Foreign Office", "PA AA", []string{"PAAA", "Politisches Archiv des Auswärtigen Amts"}, "Germany"},
	{"Diplomatic Archives of the Ministry of Foreign Affairs of Japan", "MOFA Japan", []string{"Japanese Foreign Ministry Archives", "Gaimushō Gaikō Shiryōkan", "外務省外交史料館", "MOFA"}, "Japan"},
	{"Archive of the Ministry of Foreign Affairs of Poland", "AMSZ", []string{"Archiwum Ministerstwa Spraw Zagranicznych", "AMSZ Warsaw"}, "Poland"},
	{"Archive of Modern Records", "AAN", []string{"Archiwum Akt Nowych"}, "Poland"},
	{"Hungarian National Archives", "MNL OL", []string{"MOL", "Magyar Nemzeti Levéltár Országos Levéltára", "Hungarian National Archives, National Archives of Hungary", "Magyar Országos Levéltár"}, "Hungary"},
	{"Archive of the Ministry of Foreign Affairs of the Czech Republic", "AMZV", []string{"Archiv Ministerstva zahraničních věcí"}, "Czech Republic"},
	{"National Archives of the Czech Republic", "NA", []string{"Národní archiv", "SÚA", "SUA", "State Central Archive, Prague"}, "Czech Republic"},
	{"Archive of the Ministry of Foreign Affairs of Romania", "AMAE", []string{"Arhiva Ministerului Afacerilor Externe"}, "Romania"},
	{"National Archives of Romania", "ANIC", []string{"Arhivele Naţionale Istorice Centrale", "Arhivele Nationale Istorice Centrale", "Romanian National Archives"}, "Romania"},
	{"Central State Archive of Bulgaria", "TsDA", []string{"ЦДА", "Central State Archive, Sofia", "Tsentralen Darzhaven Arhiv"}, "Bulgaria"},
	{"Diplomatic Archive of the Ministry of Foreign Affairs of Bulgaria", "DA MVnR", []string{"Diplomatic Archive, Sofia", "Дипломатически архив"}, "Bulgaria"},
}

// norm folds case, spaces and punctuation so "AVP RF", "AVPRF" and "avp-rf" meet.
func norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var repoIndex = func() map[string]int {
	m := map[string]int{}
	for i, r := range repositories {
		for _, n := range append([]string{r.Name, r.Abbreviation}, r.Aliases...) {
			if _, taken := m[norm(n)]; !taken {
				m[norm(n)] = i
			}
		}
	}
	return m
}()

// LookupRepository finds an archive by any of its names.
func LookupRepository(nameOrAbbreviation string) (Repository, bool) {
	i, ok := repoIndex[norm(nameOrAbbreviation)]
	if !ok {
		return Repository{}, false
	}
	return repositories[i], true
}

// Repositories returns the built-in table.
func Repositories() []Repository {
	return append([]Repository(nil), repositories...)
}
