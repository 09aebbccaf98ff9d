package archref

import (
	"regexp"
	"strings"

	"fond/internal/record"
)

var (
	// Joins between references, strongest first: a semicolon (with or without
	// "and"), then a plain "and".
	semicolonJoin = regexp.MustCompile(`\s*;\s*(?:and\s+|also\s+)?`)
	andJoin       = regexp.MustCompile(`\s*,?\s+and\s+`)
)

// ParseList reads a text that names one or more sources. It splits at "; and",
// ";" and "and" only where the text on both sides is a reference of its own, so
// "Fond and Opis not given" or "Letters and papers" stay whole. Each source's
// Reference is its piece of the text as written, without the joining words; no
// other text is dropped.
func ParseList(text string) []record.Source {
	var out []record.Source
	for _, piece := range splitAt(text, semicolonJoin) {
		for _, sub := range splitAt(piece, andJoin) {
			if s := Parse(sub); s.Reference != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// splitAt cuts text at the joins join finds, then puts back every join whose
// sides are not both references, and every join inside an archive's name
// ("National Archives and Records Administration").
func splitAt(text string, join *regexp.Regexp) []string {
	var cuts [][]int
	names := repositorySpans(text)
	for _, m := range join.FindAllStringIndex(text, -1) {
		if !inside(names, m) {
			cuts = append(cuts, m)
		}
	}
	var out []string
	start := 0
	// Whether the text since the last cut is a reference is carried from segment
	// to segment rather than re-read whole, so a long text with many joins stays
	// linear.
	leftRef := false
	for i, c := range cuts {
		segStart := 0
		if i > 0 {
			segStart = cuts[i-1][1]
		}
		leftRef = leftRef || isReference(text[max(segStart, start):c[0]])
		end := len(text)
		if i+1 < len(cuts) {
			end = cuts[i+1][0]
		}
		if leftRef && isReference(text[c[1]:end]) {
			out = append(out, strings.TrimSpace(text[start:c[0]]))
			start = c[1]
			leftRef = false
		}
	}
	return append(out, strings.TrimSpace(text[start:]))
}

// repositorySpans finds every archive name in text.
func repositorySpans(text string) []span {
	var out []span
	for off := 0; off < len(text); {
		_, at, ok := findRepository(text[off:])
		if !ok {
			break
		}
		out = append(out, span{off + at.start, off + at.end})
		off += max(at.end, 1)
	}
	return out
}

func inside(names []span, m []int) bool {
	for _, n := range names {
		if m[0] >= n.start && m[1] <= n.end {
			return true
		}
	}
	return false
}

// isReference: a piece is a reference when it names an archive or has a unit
// with a value.
func isReference(piece string) bool {
	s := Parse(piece)
	return s.Repository != "" || s.Fond != "" || s.Opis != "" || s.Delo != "" || s.Papka != "" || s.Folios != "" || s.File != ""
}
