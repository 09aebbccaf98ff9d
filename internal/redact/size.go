package redact

import (
	"regexp"
	"strconv"
	"strings"

	"fond/internal/record"
)

// amount is a number as markers write it: 5, 2.5, 2½, "1 1/2", ½, a word, or
// OCR's "1?" for a ½ it could not read (plural after it: "1? lines").
const amount = `(\d+(?:[.,]\d+)?(?:\s?[½¼¾]|\s1/2|\?)?|[½¼¾]|one|two|three|four|five|six|seven|eight|nine|ten|a|an)`

var (
	// sized is what precedes the keyword when the marker gives a size:
	// "less than 1 line", "1 paragraph (5 lines)", "2½ pages of source text".
	sized = regexp.MustCompile(`(?i)^(less than |fewer than |about |approximately |approx\. )?` + amount +
		`\s+(full\s+)?(lines?|paragraphs?|pages?|words?|sentences?)` +
		`(?:\s*\((less than\s+)?` + amount + `\s+lines?\))?` +
		`(?:\s+of\s+(.+))?$`)
	// unitOnly is a bare unit: "[Page not declassified]".
	unitOnly = regexp.MustCompile(`(?i)^(?:(?:the|full|entire|whole)\s+)?(line|paragraph|page)$`)
	// trailing size: "[text not declassified: 3 lines]", "[withheld — 2 lines]".
	trailing = regexp.MustCompile(`(?i)^[\s:,—–-]*` + amount + `\s+(lines?|paragraphs?|pages?|words?)\s*$`)
)

var wordNumbers = map[string]float64{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// size reads the marker's words before and after its keyword into r.
func size(r *record.Redaction, before, after string) {
	before = strings.Join(strings.Fields(before), " ")
	if m := sized.FindStringSubmatch(before); m != nil {
		r.LessThan = strings.EqualFold(strings.TrimSpace(m[1]), "less than") || strings.EqualFold(strings.TrimSpace(m[1]), "fewer than")
		r.Amount = number(m[2])
		r.Unit = unit(m[4])
		if m[6] != "" {
			r.Lines = number(m[6])
		} else if r.Unit == record.UnitLine {
			r.Lines = r.Amount
		}
		r.What = strings.TrimSpace(m[7])
		return
	}
	if m := unitOnly.FindStringSubmatch(before); m != nil {
		r.Amount, r.Unit = 1, unit(m[1])
		return
	}
	if m := trailing.FindStringSubmatch(after); m != nil {
		r.Amount, r.Unit = number(m[1]), unit(m[2])
		if r.Unit == record.UnitLine {
			r.Lines = r.Amount
		}
	}
	r.What = strings.TrimSpace(before)
}

func unit(s string) string {
	s = strings.TrimSuffix(strings.ToLower(s), "s")
	if s == "sentence" {
		// A sentence is counted as a line: the nearest size the others use.
		return record.UnitLine
	}
	return s
}

// number reads an amount; fractions as ½ (0.5), ¼, ¾, " 1/2", and OCR's "?".
func number(s string) float64 {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, ok := wordNumbers[s]; ok {
		return n
	}
	frac := 0.0
	for suffix, v := range map[string]float64{"½": .5, "¼": .25, "¾": .75, "1/2": .5, "?": .5} {
		if strings.HasSuffix(s, suffix) {
			s, frac = strings.TrimSpace(strings.TrimSuffix(s, suffix)), v
			break
		}
	}
	if s == "" {
		return frac
	}
	n, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		return 0
	}
	return n + frac
}
