package archref

import (
	"regexp"

	"fond/internal/record"
)

var (
	// Fond signatures of the state archive: "XIX-J-1-j", "XIX-A-83-a".
	hunSignature = regexp.MustCompile(`\b[IVXLC]+-[A-Z](?:-\d+)?(?:-[a-z])?\b`)
	// Party archive units put the number first: "276. f. 53. cs. 34. ő.e.".
	hunFond  = regexp.MustCompile(`(\d+)\.\s*f\.`)
	hunGroup = regexp.MustCompile(`(\d+)\.\s*cs\.`)
	hunUnit  = regexp.MustCompile(`(\d+)\.\s*ő\.\s?e\.`)
	hunBox   = regexp.MustCompile(`(?i)(\d+)\.\s*doboz|doboz\s*(\d+)`)
	hunItem  = regexp.MustCompile(`(?:^|[\s,])(\d+/[a-z]{1,3})(?:\.\s*tétel)?(?:[\s,.]|$)`)
	// The registry number (iktatószám) names the document itself.
	hunRegistry = regexp.MustCompile(`\b\d{3,}/\d{4}\b`)
)

func hungarian(s *record.Source, work string) {
	if m := hunSignature.FindString(work); m != "" {
		s.Fond = m
	} else if m := hunFond.FindStringSubmatch(work); m != nil {
		s.Fond = m[1]
	}
	if m := hunGroup.FindStringSubmatch(work); m != nil {
		s.Opis = m[1]
	}
	if m := hunUnit.FindStringSubmatch(work); m != nil {
		s.Delo = m[1]
	} else if m := hunItem.FindStringSubmatch(work); m != nil {
		s.Delo = m[1]
	}
	if m := hunBox.FindStringSubmatch(work); m != nil {
		s.Papka = m[1] + m[2]
	}
	s.File = hunRegistry.FindString(work)
	for _, m := range leafPatterns[folios].FindAllStringSubmatch(work, -1) {
		if v, ok := accept(folios, m[1], m[2], false); ok {
			s.Folios = v
			break
		}
	}
}
