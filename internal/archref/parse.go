package archref

import (
	"regexp"
	"strings"
	"unicode"

	"fond/internal/record"
)

// hereafter asides name an abbreviation the text will use; they are not part of
// the reference's units and their words would be read as values.
var hereafter = regexp.MustCompile(`(?i)[(\[]\s*(?:hereafter|hereinafter|henceforth)\b[^)\]]*[)\]]`)

// Parse reads one archival reference. It never fails: Reference is ref with the
// white space around it trimmed, and whatever cannot be read is left there only.
func Parse(ref string) record.Source {
	ref = strings.TrimSpace(ref)
	s := record.Source{Reference: ref}
	if ref == "" {
		return s
	}
	// Blank the aside rather than cut it, so byte positions still match ref.
	work := hereafter.ReplaceAllStringFunc(ref, func(m string) string { return strings.Repeat(" ", len(m)) })
	repo, at, found := findRepository(work)
	if found {
		s.Repository, s.Abbreviation = repo.Name, repo.Abbreviation
	}
	switch {
	case !found:
		parseUnknown(&s, work)
	case repo.Country == usa || usMarks(work) && (repo.Abbreviation == "NA" || repo.Abbreviation == "TNA"):
		// "NA, RG 59" is the American National Archives, not the Czech one.
		if repo.Country != usa {
			setRepository(&s, "NARA")
		}
		s.File = usFile(work)
	case repo.Country == china:
		chineseFile(&s, work, at)
	case repo.Country == japan:
		japaneseFile(&s, work, at)
	case repo.Country == germany || repo.Country == uk:
		signatureFile(&s, work, at)
	case repo.Country == hungary:
		hungarian(&s, work)
	case repo.Country == poland:
		hierarchy(&s, work, polishPatterns, false)
	case repo.Country == czechia:
		hierarchy(&s, work, czechPatterns, false)
	case repo.Country == romania:
		hierarchy(&s, work, romanianPatterns, true)
	default:
		hierarchy(&s, work, russianPatterns, false)
	}
	return s
}

// parseUnknown reads a reference that names no archive: a bare decimal file is a
// State Department file, "File A'0392" a Japanese one, "106-00021-08" a Chinese
// one; otherwise the units are read as Russian ones.
func parseUnknown(s *record.Source, work string) {
	switch {
	case decimalFile.MatchString(work) || recordGroup.MatchString(work):
		setRepository(s, "NARA")
		s.File = usFile(work)
	case japaneseID.MatchString(work):
		setRepository(s, "MOFA Japan")
		japaneseFile(s, work, span{})
	default:
		units := hierarchy(s, work, anyPatterns, false)
		// A lone "f. 12" or "d. 3" in a sentence is an initial or an abbreviation;
		// without an archive's name it takes two units to make a reference.
		if len(units) == 1 && len([]rune(letters(units[0]))) == 1 {
			*s = record.Source{Reference: s.Reference}
			return
		}
		// "p. 3" with no fond, opis or delo is a page of some book, not a papka.
		if s.Fond == "" && s.Opis == "" && s.Delo == "" && s.Papka != "" {
			if m := anyPatterns[papka].FindStringSubmatch(work); m != nil && strings.EqualFold(strings.TrimSpace(m[1]), "p.") {
				if s.Folios == "" {
					s.Folios = s.Papka
				}
				s.Papka = ""
			}
		}
	}
}

func setRepository(s *record.Source, abbr string) {
	r, _ := LookupRepository(abbr)
	s.Repository, s.Abbreviation = r.Name, r.Abbreviation
}

// hierarchy fills fond, opis, delo, papka and folios from unit words. The first
// acceptable value for each field wins; a unit word with no number after it ("Fond
// and Opis not given") fills nothing.
func hierarchy(s *record.Source, work string, p patterns, namedFonds bool) (units []string) {
	dst := [nFields]*string{&s.Fond, &s.Opis, &s.Delo, &s.Papka, &s.Folios}
	for f, re := range p {
		if re == nil {
			continue
		}
		for _, m := range re.FindAllStringSubmatchIndex(work, -1) {
			v, ok := accept(field(f), work[m[2]:m[3]], work[m[4]:m[5]], namedFonds)
			if !ok {
				continue
			}
			if namedFonds && field(f) == fond && !strings.ContainsFunc(v, unicode.IsDigit) {
				v = namedFond(work[m[4]:])
			}
			*dst[f] = v
			units = append(units, work[m[2]:m[3]])
			break
		}
	}
	return units
}

var roman = regexp.MustCompile(`^[IVXLC]+(?:-[\p{L}\p{N}]+)*$`)

// stopValues are words that follow a unit word without being its value.
var stopValues = map[string]bool{"and": true, "not": true, "of": true, "the": true, "is": true, "no": true, "and/or": true, "unknown": true, "number": true}

func accept(f field, unit, v string, namedFonds bool) (string, bool) {
	v = strings.TrimSpace(v)
	if f == folios {
		return folioList(v), v != ""
	}
	v = strings.TrimRight(v, ".")
	if strings.ContainsFunc(v, unicode.IsDigit) || roman.MatchString(v) {
		return v, true
	}
	// Named fonds ("Fond Coreea", "fond KSČ-ÚV") only after the whole word, never
	// after "f.", which in English text is as likely an initial.
	unit = strings.ToLower(strings.TrimSpace(unit))
	word := f == fond && !strings.HasSuffix(unit, ".")
	first := []rune(v)
	if (word || namedFonds) && f == fond && len(first) > 1 && unicode.IsUpper(first[0]) && !stopValues[strings.ToLower(v)] {
		return v, true
	}
	return "", false
}

// namedFond widens a Romanian fond name to the whole part: "Fond CC al PCR -
// Secția Relații Externe, dosar 12" has a fond of several words.
func namedFond(rest string) string {
	if j := strings.IndexAny(rest, ",;"); j >= 0 {
		rest = rest[:j]
	}
	return strings.TrimRight(strings.TrimSpace(rest), ".")
}

var (
	dashSpace = regexp.MustCompile(`\s*([-–—])\s*`)
	commaList = regexp.MustCompile(`\s*,\s*`)
	yearLike  = regexp.MustCompile(`^(?:1[6-9]|20)\d\d$`)
)

// folioList tidies the spacing of a folio list and drops a year the pattern took
// for a folio ("l. 5, 1950").
func folioList(v string) string {
	v = dashSpace.ReplaceAllString(v, "$1")
	parts := commaList.Split(v, -1)
	for i := 1; i < len(parts); i++ {
		if yearLike.MatchString(parts[i]) {
			parts = parts[:i]
			break
		}
	}
	return strings.TrimRight(strings.Join(parts, ", "), ".")
}
