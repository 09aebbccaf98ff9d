package archref

import (
	"regexp"
	"strings"

	"fond/internal/record"
)

var (
	// State Department decimal files: "711.90H/41", "710.1012 Anti-War/74",
	// "795.00/6-2550", "FW 795B.00/7-150", "861.51/303a". The subject words between
	// number and slash are capitalised, so a sentence cannot slip in.
	decimalFile = regexp.MustCompile(`(?:\bFW\s+|\bParis Peace Conf\.\s*)?\b\d{3}[A-Z]?\.[0-9A-Z]+(?:\.[0-9A-Z]+)*(?:\s+[A-Z][A-Za-z-]*)*/\d+[a-z]?(?:[-–]\d+)*`)
	// The other parts of an American file path.
	usPart = regexp.MustCompile(`(?i)\b(?:RG|record group)\s*\d+|\bcentral decimal files?\b|\bCDF\b|\blot(?: file)?\s*(?:no\.\s*)?\d+\s*D\s*\d+|\bentry\s*(?:[A-Z]\d?\s*)?\d+|\bbox(?:es)?\s*\d+(?:\s*[-–]\s*\d+)?|\bfolder\s*\d+|\breel\s*\d+`)
)

// recordGroup alone is enough to call a reference American.
var recordGroup = regexp.MustCompile(`(?i)\b(?:RG|record group)\s*\d+|\bcentral decimal files?\b`)

// usMarks reports whether a reference has an American file part.
func usMarks(work string) bool {
	return decimalFile.MatchString(work) || usPart.MatchString(work)
}

// usFile is the American file path as written, from its first part to its last.
func usFile(work string) string {
	first, last := -1, -1
	for _, re := range []*regexp.Regexp{decimalFile, usPart} {
		for _, m := range re.FindAllStringIndex(work, -1) {
			if first < 0 || m[0] < first {
				first = m[0]
			}
			last = max(last, m[1])
		}
	}
	if first < 0 {
		return ""
	}
	return strings.TrimSpace(work[first:last])
}

var (
	chineseID = regexp.MustCompile(`\b\d{3}-\d{5}-\d{2}(?:\(\d+\))?`)
	// Folios written bare after a file number: "106-00021-08, 1-5".
	bareLeaves = regexp.MustCompile(`^\s*[,:]?\s*(?:pp?\.\s*)?(\d+(?:\s*[-–]\s*\d+)?)\s*\.?\s*$`)
)

func chineseFile(s *record.Source, work string, at span) {
	m := chineseID.FindStringIndex(work)
	if m == nil {
		signatureFile(s, work, at)
		return
	}
	s.File = work[m[0]:m[1]]
	leavesAfter(s, work[m[1]:])
}

// leavesAfter reads the folios that follow a file identifier, named or bare.
func leavesAfter(s *record.Source, rest string) {
	for _, m := range leafPatterns[folios].FindAllStringSubmatch(rest, -1) {
		if v, ok := accept(folios, m[1], m[2], false); ok {
			s.Folios = v
			return
		}
	}
	if m := bareLeaves.FindStringSubmatch(rest); m != nil && !yearLike.MatchString(m[1]) {
		s.Folios = folioList(m[1])
	}
}

// Japanese files are a letter, an apostrophe and dotted numbers: "A'0392",
// "A'.1.5.0.3-3", "B'.5.1.0.J/U1".
var japaneseID = regexp.MustCompile(`\b[A-Z]['’]\.?\d+(?:[.-][0-9A-Z/]+)*`)

func japaneseFile(s *record.Source, work string, at span) {
	if m := japaneseID.FindString(work); m != "" {
		s.File = m
		return
	}
	signatureFile(s, work, at)
}

var (
	// Places and words that stand between an archive's name and its signature.
	signatureLead = regexp.MustCompile(`(?i)^(?:[\s,.:;]|\b(?:Koblenz|Berlin-Lichterfelde|Berlin|Lichterfelde|Freiburg|Bonn|Kew|London|Tokyo|Beijing|file(?:\s+no\.?)?|signatur|sign\.)\b)+`)
	signatureTail = regexp.MustCompile(`(?:\s*\([^)]*\))+\s*\.?$`)
)

// signatureFile takes everything after the archive's name, up to the folios, as
// the file signature: German and British signatures ("B 136/59748", "DY 30/IV
// 2/2.035/12", "FO 371/84053") have too many shapes to list. A name written after
// the signature leaves the text before it.
func signatureFile(s *record.Source, work string, at span) {
	rest := work[at.end:]
	if strings.TrimFunc(rest, notWord) == "" {
		rest = work[:at.start]
	}
	rest = signatureLead.ReplaceAllString(rest, "")
	// Folios end the signature: at a leaf word, or a bare range closing the text.
	if m := leafPatterns[folios].FindStringSubmatchIndex(rest); m != nil {
		s.Folios = folioList(strings.TrimSpace(rest[m[4]:m[5]]))
		rest = rest[:m[0]]
	} else if i := strings.LastIndexAny(rest, ",;"); i >= 0 {
		if m := bareLeaves.FindStringSubmatch(rest[i:]); m != nil && !yearLike.MatchString(m[1]) {
			s.Folios = folioList(m[1])
			rest = rest[:i]
		}
	}
	rest = signatureTail.ReplaceAllString(rest, "")
	rest = strings.TrimRight(strings.TrimSpace(rest), ".,;:")
	if strings.ContainsFunc(rest, isDigit) {
		s.File = rest
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
