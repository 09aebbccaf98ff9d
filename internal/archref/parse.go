package archref

import (
	"regexp"
	"strings"

	"fond/internal/record"
)

// Boundaries: Go's \b is ASCII-only, so keywords in Cyrillic or Polish need their
// own left edge.
const edge = `(?:^|[\s,;:(])`

const (
	value  = `([0-9][0-9A-Za-zА-Яа-яёЁ/.-]*?|[A-ZА-Я]{1,2}-\d[0-9A-Za-z/.-]*?|[IVXLC]+(?:-[0-9A-Za-z]+)*)`
	folios = `(\d+\s*(?:ob\.?|об\.?|v\.?|r\.?)?(?:\s*[-–—]\s*\d+\s*(?:ob\.?|об\.?|v\.?|r\.?)?)?(?:\s*,\s*\d+(?:\s*[-–—]\s*\d+)?)*)`
	stop   = `(?:[\s,;.)]|$)`
)

var fields = []struct {
	name string
	re   *regexp.Regexp
}{
	{"fond", regexp.MustCompile(`(?i)` + edge + `(?:fond|f\.|ф\.|фонд|zespół|zesp\.|bestand)\s*(?:no\.\s*)?` + value + stop)},
	{"opis", regexp.MustCompile(`(?i)` + edge + `(?:opis|op\.|оп\.|опись|wiązka|wiąz\.)\s*` + value + stop)},
	{"delo", regexp.MustCompile(`(?i)` + edge + `(?:delo|d\.|д\.|дело|teczka|tecz\.|a\.\s?e\.|a\.\s?j\.|složka|sign\.|inv\.\s*č\.)\s*` + value + stop)},
	{"papka", regexp.MustCompile(`(?i)` + edge + `(?:papka|p\.|п\.|папка|karton|kart\.|box|bd\.|sv\.)\s*` + value + stop)},
	{"folios", regexp.MustCompile(`(?i)` + edge + `(?:listy|list|ll\.|l\.|лл\.|л\.|folios?|ff\.|fol\.|pp\.|pages?|str\.|s\.)\s*` + folios)},
}

var (
	hereafter   = regexp.MustCompile(`(?i)\(\s*(?:hereafter|hereinafter|henceforth)[^)]*\)`)
	decimalFile = regexp.MustCompile(`\b(\d{3}\.\d+[A-Z]?(?:\s+[A-Z][\w-]*)?/\d+(?:[-–]\d+)*|\d{3}\.\d+/\d+-\d+)`)
	recordGroup = regexp.MustCompile(`(?i)\b(RG\s*\d+|record group\s*\d+)`)
	fmaFile     = regexp.MustCompile(`\b(\d{3}-\d{5}-\d{2})\b`)
	germanFile  = regexp.MustCompile(`\b((?:[A-Z]{1,4}|MfAA, [A-Z])\s?\d+(?:/\d+)*)\b`)
	mofaFile    = regexp.MustCompile(`(?i)\bfile\s+([A-Z]'?[\d.-]+(?:-\d+)*)`)
	doboz       = regexp.MustCompile(`(?i)(\d+)\.\s*doboz`)
	hunSig      = regexp.MustCompile(`\b([IVXLC]+-[A-Z]-\d+(?:-[a-z])?)\b`)
	tailFolios  = regexp.MustCompile(`,\s*(\d+\s*[-–]\s*\d+|\d+)\s*\.?\s*$`)
	genreSuffix = regexp.MustCompile(`:\s*(?:Telegram|Despatch|Dispatch|Letter|Instruction|Memorandum|Note|Circular|Airgram)\.?$`)
)

// Parse reads one reference. It never fails: what it cannot read stays in
// Reference and the parsed fields stay empty.
func Parse(ref string) record.Source {
	ref = strings.TrimSpace(ref)
	s := record.Source{Reference: ref}
	if ref == "" {
		return s
	}
	work := hereafter.ReplaceAllString(ref, "")
	if repo, ok := findRepository(work); ok {
		s.Repository, s.Abbreviation = repo.Name, repo.Abbreviation
	}
	for _, f := range fields {
		m := f.re.FindStringSubmatch(work)
		if m == nil {
			continue
		}
		v := strings.TrimRight(strings.TrimSpace(m[1]), ".,")
		switch f.name {
		case "fond":
			s.Fond = v
		case "opis":
			s.Opis = v
		case "delo":
			s.Delo = v
		case "papka":
			s.Papka = v
		case "folios":
			s.Folios = strings.Join(strings.Fields(v), "")
			s.Folios = strings.ReplaceAll(s.Folios, ",", ", ")
		}
	}
	fileParts(&s, work)
	return s
}

// fileParts reads the identifiers of archives that do not use fond/opis/delo.
func fileParts(s *record.Source, work string) {
	switch s.Abbreviation {
	case "PRC FMA":
		if m := fmaFile.FindString(work); m != "" {
			s.File = m
			if t := tailFolios.FindStringSubmatch(work); t != nil {
				s.Folios = strings.ReplaceAll(t[1], " ", "")
			}
		}
		return
	case "BArch", "SAPMO-BArch", "PA AA":
		rest := work
		if i := strings.Index(strings.ToLower(rest), strings.ToLower(s.Abbreviation)); i >= 0 {
			rest = rest[i+len(s.Abbreviation):]
		}
		if m := germanFile.FindString(rest); m != "" {
			s.File = m
			if t := tailFolios.FindStringSubmatch(rest); t != nil && !strings.HasSuffix(m, t[1]) {
				s.Folios = strings.ReplaceAll(t[1], " ", "")
			}
		}
		return
	case "MNL OL":
		if m := hunSig.FindString(work); m != "" {
			s.Fond = m
		}
		if m := doboz.FindStringSubmatch(work); m != nil {
			s.Papka = m[1]
		}
		return
	}
	if m := mofaFile.FindStringSubmatch(work); m != nil {
		s.File = m[1]
		if s.Repository == "" && strings.Contains(m[1], "'") {
			r, _ := LookupRepository("MOFA Japan")
			s.Repository, s.Abbreviation = r.Name, r.Abbreviation
		}
		return
	}
	if m := decimalFile.FindString(genreSuffix.ReplaceAllString(work, "")); m != "" && (s.Repository == "" || s.Abbreviation == "NARA") {
		s.File = m
		if s.Repository == "" {
			r, _ := LookupRepository("NARA")
			s.Repository, s.Abbreviation = r.Name, r.Abbreviation
		}
	}
	if s.Abbreviation == "NARA" {
		if m := recordGroup.FindString(work); m != "" {
			s.Fond = strings.ToUpper(strings.Join(strings.Fields(m), " "))
			s.Fond = strings.Replace(s.Fond, "RECORD GROUP", "RG", 1)
			s.Fond = strings.Replace(s.Fond, "RG", "RG ", 1)
			s.Fond = strings.Join(strings.Fields(s.Fond), " ")
		}
	}
}

// findRepository looks for an archive's name in the reference's comma- or
// period-separated parts, whole or as their leading words ("BArch B 136/59748").
func findRepository(ref string) (Repository, bool) {
	parts := regexp.MustCompile(`[,;]|\.\s`).Split(ref, -1)
	// Some names hold a comma ("Central State Archive, Sofia").
	for i := 0; i+1 < len(parts); i++ {
		if r, ok := LookupRepository(parts[i] + ", " + parts[i+1]); ok {
			return r, true
		}
	}
	for _, p := range parts {
		words := strings.Fields(strings.Trim(strings.TrimSpace(p), ".()[]\""))
		for n := min(len(words), 12); n >= 1; n-- {
			if r, ok := LookupRepository(strings.Join(words[:n], " ")); ok {
				return r, true
			}
		}
		// A name at the end of a part: "…, Prepared by …, APRF."
		for n := 1; n <= min(len(words), 4); n++ {
			if r, ok := LookupRepository(strings.Join(words[len(words)-n:], " ")); ok && len(norm(strings.Join(words[len(words)-n:], ""))) >= 3 {
				return r, true
			}
		}
	}
	return Repository{}, false
}

var listSplit = regexp.MustCompile(`;\s*(?:and\s+)?`)

// ParseList reads a text that names one or more sources. It splits on semicolons
// ("X; and Y"), and on " and " where both sides name an archive; no text is lost.
func ParseList(text string) []record.Source {
	var out []record.Source
	for _, piece := range listSplit.Split(text, -1) {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		if a, b, ok := strings.Cut(piece, " and "); ok {
			ra, oka := findRepository(a)
			rb, okb := findRepository(b)
			if oka && okb && ra.Name != "" && rb.Name != "" && !strings.Contains(strings.ToLower(a), "not given") {
				out = append(out, Parse(a), Parse(b))
				continue
			}
		}
		out = append(out, Parse(piece))
	}
	return out
}
