package archref

import (
	"strings"
	"unicode"
)

// Repository is an archive: its canonical English name, the abbreviation
// historians use for it, and the other names and spellings it appears under.
type Repository struct {
	Name         string
	Abbreviation string
	Aliases      []string
	Country      string
}

// Countries, also used to choose how a reference's units are read.
const (
	russia   = "Russia"
	usa      = "United States"
	china    = "China"
	germany  = "Germany"
	uk       = "United Kingdom"
	japan    = "Japan"
	poland   = "Poland"
	hungary  = "Hungary"
	czechia  = "Czech Republic"
	romania  = "Romania"
	bulgaria = "Bulgaria"
)

var repositories = []Repository{
	{"Archive of the Foreign Policy of the Russian Federation", "AVP RF", []string{"AVPRF", "АВП РФ", "АВПРФ", "Arkhiv vneshnei politiki Rossiiskoi Federatsii", "Архив внешней политики Российской Федерации", "Foreign Policy Archive of the Russian Federation", "Russian Foreign Ministry Archive", "AVP SSSR", "АВП СССР"}, russia},
	{"Archive of the President of the Russian Federation", "APRF", []string{"AP RF", "АП РФ", "АПРФ", "Arkhiv Prezidenta Rossiiskoi Federatsii", "Архив Президента Российской Федерации", "Presidential Archive of the Russian Federation", "Presidential Archive", "Russian Presidential Archive", "Kremlin Archive"}, russia},
	{"Russian State Archive of Contemporary History", "RGANI", []string{"РГАНИ", "Rossiiskii gosudarstvennyi arkhiv noveishei istorii", "Российский государственный архив новейшей истории", "TsKhSD", "ЦХСД", "Storage Center for Contemporary Documentation"}, russia},
	{"Russian State Archive of Socio-Political History", "RGASPI", []string{"РГАСПИ", "RTsKhIDNI", "РЦХИДНИ", "Rossiiskii gosudarstvennyi arkhiv sotsial'no-politicheskoi istorii", "Российский государственный архив социально-политической истории", "Russian Center for the Preservation and Study of Documents of Recent History"}, russia},
	{"State Archive of the Russian Federation", "GARF", []string{"ГАРФ", "Gosudarstvennyi arkhiv Rossiiskoi Federatsii", "Государственный архив Российской Федерации"}, russia},
	{"Russian State Archive of the Economy", "RGAE", []string{"РГАЭ", "Rossiiskii gosudarstvennyi arkhiv ekonomiki", "Российский государственный архив экономики", "TsGANKh", "ЦГАНХ"}, russia},
	{"Central Archive of the Ministry of Defense of the Russian Federation", "TsAMO", []string{"ЦАМО", "TsAMO RF", "ЦАМО РФ", "Tsentral'nyi arkhiv Ministerstva oborony"}, russia},
	{"Russian State Military Archive", "RGVA", []string{"РГВА", "Rossiiskii gosudarstvennyi voennyi arkhiv", "TsGASA"}, russia},
	{"Russian State Archive of Film and Photo Documents", "RGAKFD", []string{"РГАКФД", "Krasnogorsk Archive"}, russia},
	{"National Archives and Records Administration", "NARA", []string{"National Archives", "US National Archives", "U.S. National Archives", "National Archives, College Park", "National Archives II", "NA II"}, usa},
	{"Harry S. Truman Presidential Library", "Truman Library", []string{"HSTL", "Truman Library", "Harry S. Truman Library"}, usa},
	{"Dwight D. Eisenhower Presidential Library", "Eisenhower Library", []string{"DDEL", "Eisenhower Library", "Dwight D. Eisenhower Library"}, usa},
	{"John F. Kennedy Presidential Library", "JFK Library", []string{"JFKL", "Kennedy Library", "John F. Kennedy Library"}, usa},
	{"Lyndon B. Johnson Presidential Library", "LBJ Library", []string{"LBJL", "Johnson Library", "Lyndon Baines Johnson Library"}, usa},
	{"Hoover Institution Library and Archives", "HIA", []string{"Hoover Institution Archives", "Hoover Institution", "Hoover Archives"}, usa},
	{"Archive of the Ministry of Foreign Affairs of the People's Republic of China", "PRC FMA", []string{"PRC MFA", "PRCFMA", "Chinese Foreign Ministry Archive", "Chinese Foreign Ministry Archives", "Foreign Ministry Archive of the PRC", "中华人民共和国外交部档案馆", "外交部档案馆", "Waijiaobu Dang'anguan"}, china},
	{"Bundesarchiv", "BArch", []string{"German Federal Archives", "Federal Archives of Germany", "BA Koblenz", "BArch Koblenz", "BArch Berlin"}, germany},
	{"Bundesarchiv-Militärarchiv", "BArch-MA", []string{"BA-MA", "Federal Military Archives"}, germany},
	{"Foundation Archives of Parties and Mass Organizations of the GDR in the Federal Archives", "SAPMO-BArch", []string{"SAPMO", "SAPMO-BA", "SAPMO BArch", "Stiftung Archiv der Parteien und Massenorganisationen der DDR im Bundesarchiv"}, germany},
	{"Political Archive of the Federal Foreign Office", "PA AA", []string{"PAAA", "PA/AA", "Politisches Archiv des Auswärtigen Amts", "Politisches Archiv des Auswärtigen Amtes", "Political Archive of the German Foreign Office"}, germany},
	{"The National Archives of the United Kingdom", "TNA", []string{"The National Archives, Kew", "National Archives, Kew", "Public Record Office", "PRO", "UK National Archives"}, uk},
	{"Diplomatic Archives of the Ministry of Foreign Affairs of Japan", "MOFA Japan", []string{"Diplomatic Archives of the Ministry of Foreign Affairs, Japan", "Japanese Foreign Ministry Archives", "Diplomatic Record Office of the Ministry of Foreign Affairs of Japan", "Gaimushō Gaikō Shiryōkan", "Gaimusho Gaiko Shiryokan", "外務省外交史料館", "MOFA", "DRO"}, japan},
	{"Archive of the Ministry of Foreign Affairs of Poland", "AMSZ", []string{"Archiwum Ministerstwa Spraw Zagranicznych", "Polish Foreign Ministry Archive"}, poland},
	{"Central Archives of Modern Records", "AAN", []string{"Archiwum Akt Nowych", "Archive of Modern Records"}, poland},
	{"Hungarian National Archives", "MNL OL", []string{"MOL", "MNL-OL", "Magyar Nemzeti Levéltár Országos Levéltára", "Magyar Országos Levéltár", "National Archives of Hungary", "Hungarian National Archives, National Archives of Hungary"}, hungary},
	{"Archive of the Ministry of Foreign Affairs of the Czech Republic", "AMZV", []string{"Archiv Ministerstva zahraničních věcí", "Czech Foreign Ministry Archive"}, czechia},
	{"National Archives of the Czech Republic", "NA", []string{"Národní archiv", "SÚA", "SUA", "Státní ústřední archiv", "State Central Archive, Prague", "Czech National Archives"}, czechia},
	{"Archive of the Ministry of Foreign Affairs of Romania", "AMAE", []string{"Arhiva Ministerului Afacerilor Externe", "Romanian Foreign Ministry Archive"}, romania},
	{"National Archives of Romania", "ANIC", []string{"Arhivele Naţionale Istorice Centrale", "Arhivele Naționale Istorice Centrale", "Arhivele Nationale Istorice Centrale", "Romanian National Archives", "Central Historical National Archives"}, romania},
	{"Central State Archive of Bulgaria", "TsDA", []string{"ЦДА", "Central State Archive, Sofia", "Tsentralen Darzhaven Arhiv", "Централен държавен архив"}, bulgaria},
	{"Diplomatic Archive of the Ministry of Foreign Affairs of Bulgaria", "DA MVnR", []string{"ДА МВнР", "Diplomatic Archive, Sofia", "Дипломатически архив", "Bulgarian Foreign Ministry Archive"}, bulgaria},
}

// norm folds case, spaces and punctuation so "AVP RF", "AVPRF" and "avp-rf" meet.
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// letters keeps case: in running text a short abbreviation only counts when it is
// written in capitals, so "na" or "mol" in a sentence is not an archive.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// shortName is the longest folded name that must match with its case in text.
const shortName = 5

var (
	repoIndex = map[string]int{} // every name folded
	repoShort = map[string]int{} // short names as written and in capitals
	// namePrefixes holds every beginning of a folded name, to stop a search early.
	namePrefixes = map[string]bool{}
)

func init() {
	for i, r := range repositories {
		for _, n := range append([]string{r.Name, r.Abbreviation}, r.Aliases...) {
			f := []rune(norm(n))
			for k := 1; k <= len(f); k++ {
				namePrefixes[string(f[:k])] = true
			}
			if _, taken := repoIndex[norm(n)]; !taken {
				repoIndex[norm(n)] = i
			}
			if len([]rune(norm(n))) <= shortName {
				repoShort[letters(n)] = i
				repoShort[strings.ToUpper(letters(n))] = i
			}
		}
	}
}

// LookupRepository finds an archive by its name, abbreviation or any alias,
// ignoring case, spaces and punctuation.
func LookupRepository(nameOrAbbreviation string) (Repository, bool) {
	i, ok := repoIndex[norm(nameOrAbbreviation)]
	if !ok {
		return Repository{}, false
	}
	return clone(repositories[i]), true
}

// Repositories returns a copy of the built-in table.
func Repositories() []Repository {
	out := make([]Repository, len(repositories))
	for i, r := range repositories {
		out[i] = clone(r)
	}
	return out
}

// clone keeps callers from editing the table through a shared Aliases slice.
func clone(r Repository) Repository {
	r.Aliases = append([]string(nil), r.Aliases...)
	return r
}
