package cite

import (
	"strings"
	"unicode"

	"fond/internal/romanize"
)

// personName is a name as reference managers store it. Records keep names as
// the source writes them; citations need family and given parts, because RIS,
// BibTeX and CSL all read an unsplit "Kim Il Sung" as given "Kim Il", family
// "Sung". Literal holds a name that must not be split: a body (a ministry, a
// committee), a name in a script fond cannot split safely, or one too long to
// guess at.
type personName struct {
	Family, Given, Suffix string
	Literal               string
	// FamilyFirst marks a Korean or Chinese name, which prose writes family
	// name first ("Kim Il Sung"), where Western names invert.
	FamilyFirst bool
}

// splitName splits a name as written. Rules, in order: a comma means the
// source already wrote "Family, Given[, Suffix]"; a body's name stays whole; a
// Korean or Chinese name (romanize.FamilyFirst) keeps its family name first; a
// family name before initials ("Kim I.M.", "Shtykov T.F.") is the Russian
// documents' own order; otherwise the last word is the family name, with a
// particle (de, van, von) and a trailing suffix (Jr., III) kept apart, so
// "Terentii Fomich Shtykov" is Shtykov, Terentii Fomich.
func splitName(s string) personName {
	s = oneLine(s)
	if s == "" {
		return personName{}
	}
	if corporate(s) {
		return personName{Literal: s}
	}
	if family, rest, ok := strings.Cut(s, ","); ok {
		given, suffix, _ := strings.Cut(rest, ",")
		family, given, suffix = strings.TrimSpace(family), strings.TrimSpace(given), strings.TrimSpace(suffix)
		if family == "" || strings.Contains(suffix, ",") {
			return personName{Literal: s}
		}
		if isSuffix(given) && suffix == "" { // "King, Jr., Martin" is BibTeX's order, not a source's
			return personName{Literal: s}
		}
		return personName{Family: family, Given: given, Suffix: suffix,
			FamilyFirst: suffix == "" && romanize.FamilyFirst(family+" "+given)}
	}
	if !latinScript(s) {
		if hasCyrillic(s) && romanize.FamilyFirst(romanize.CyrillicToLatin(s, romanize.Popular)) {
			f := strings.Fields(s)
			return personName{Family: f[0], Given: strings.Join(f[1:], " "), FamilyFirst: true}
		}
		if !hasCyrillic(s) {
			return personName{Literal: s} // Hangul, Han: written without the spaces a split needs
		}
	}
	f := strings.Fields(s)
	if len(f) == 1 {
		return personName{Family: f[0]}
	}
	if romanize.FamilyFirst(s) {
		return personName{Family: f[0], Given: strings.Join(f[1:], " "), FamilyFirst: true}
	}
	if allInitials(f[1:]) && !isInitial(f[0]) {
		return personName{Family: f[0], Given: strings.Join(f[1:], " ")}
	}
	var suffix string
	if len(f) > 2 && isSuffix(f[len(f)-1]) {
		suffix, f = f[len(f)-1], f[:len(f)-1]
	}
	if len(f) > 5 {
		return personName{Literal: s}
	}
	cut := len(f) - 1
	for cut > 1 && particles[strings.ToLower(f[cut-1])] {
		cut--
	}
	return personName{Family: strings.Join(f[cut:], " "), Given: strings.Join(f[:cut], " "), Suffix: suffix}
}

var particles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "den": true,
	"da": true, "di": true, "du": true, "del": true, "della": true, "la": true, "le": true, "ten": true, "ter": true}

func isSuffix(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ".")) {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// isInitial is "T.", "T.F." or "I.M.".
func isInitial(w string) bool {
	if !strings.HasSuffix(w, ".") {
		return false
	}
	for _, part := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		if r := []rune(part); len(r) != 1 || !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

func allInitials(ws []string) bool {
	for _, w := range ws {
		if !isInitial(w) {
			return false
		}
	}
	return len(ws) > 0
}

// corporateWords mark a body rather than a person; a lowercase "of", "for"
// or "the" inside a name does too ("Secretary of State").
var corporateWords = map[string]bool{
	"ministry": true, "committee": true, "department": true, "embassy": true, "office": true,
	"council": true, "party": true, "government": true, "archive": true, "archives": true,
	"center": true, "centre": true, "foundation": true, "bureau": true, "commission": true,
	"program": true, "programme": true, "institute": true, "university": true, "agency": true,
	"staff": true, "headquarters": true, "politburo": true, "secretariat": true, "legation": true,
	"consulate": true, "union": true, "association": true, "society": true, "press": true,
	"service": true, "division": true, "command": true, "army": true, "navy": true, "library": true,
	"cc": true, "cpsu": true, "tass": true, "secretary": true, "minister": true, "ambassador": true,
	"mission": true, "delegation": true, "group": true, "board": true, "section": true,
}

func corporate(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.;:()")
		if corporateWords[strings.ToLower(w)] || w == "of" || w == "for" || w == "the" || w == "and" || w == "&" {
			return true
		}
		if strings.ContainsFunc(w, unicode.IsDigit) {
			return true
		}
	}
	return false
}

func latinScript(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func hasCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// display is the name in running prose, as a Chicago note prints it: given
// name first for Western names, family first for Korean and Chinese ones.
func (n personName) display() string {
	switch {
	case n.Literal != "":
		return n.Literal
	case n.FamilyFirst:
		return joinNonEmpty(" ", n.Family, n.Given)
	}
	return joinNonEmpty(" ", n.Given, n.Family, n.Suffix)
}

// inverted is "Family, Given, Suffix", the form RIS readers split on commas.
// A literal name loses its commas, which a reader would take for a split.
func (n personName) inverted() string {
	if n.Literal != "" {
		return strings.Join(strings.Fields(strings.ReplaceAll(n.Literal, ",", " ")), " ")
	}
	if n.Given == "" && n.Suffix == "" {
		return n.Family
	}
	s := n.Family + ", " + n.Given
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

func splitNames(names []string) []personName {
	var out []personName
	for _, s := range nonEmpty(names) {
		out = append(out, splitName(s))
	}
	return out
}
