// Package extract holds the text heuristics every ingest format shares: splitting a
// page into blocks, recognising page furniture, genres, classification markings,
// editorial notes and names. Rules here must be general: nothing is keyed to a
// particular document, file or collection.
package extract

import (
	"strings"
	"unicode"
)

// Blocks splits text into its non-empty lines, whitespace-collapsed, with list
// bullets removed. Web captures put one paragraph on a line, so a line is the unit.
func Blocks(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = Clean(line)
		line = strings.TrimSpace(strings.TrimLeft(line, "•·▪●◦*-– "))
		if line == "" {
			continue
		}
		out = append(out, line)
	}
	return out
}

// Clean collapses runs of whitespace (including no-break spaces) to one space.
func Clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// Paragraphs splits text on blank lines, joining the lines of each paragraph.
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = Clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Bracketed reports whether s is wholly enclosed in one pair of square brackets and
// returns the inside.
func Bracketed(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return "", false
	}
	inner := s[1 : len(s)-1]
	depth := 0
	for _, r := range inner {
		switch r {
		case '[':
			depth++
		case ']':
			depth--
			if depth < 0 {
				return "", false // "[a] b [c]" is not one bracket
			}
		}
	}
	return strings.TrimSpace(inner), depth == 0
}

// Dedupe removes a block identical to the one before it: image captions and alt
// texts are captured twice.
func Dedupe(blocks []string) []string {
	var out []string
	for i, b := range blocks {
		if i > 0 && b == blocks[i-1] {
			continue
		}
		out = append(out, b)
	}
	return out
}

// LooksLikeHeading reports whether a block reads as a title rather than prose:
// short, and not ending like a sentence.
func LooksLikeHeading(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	last := s[len(s)-1]
	return last != '.' && last != ',' && last != ';' && last != ':' || strings.HasSuffix(s, "...")
}

// FirstOf returns the first block, or "".
func FirstOf(blocks []string) string {
	if len(blocks) == 0 {
		return ""
	}
	return blocks[0]
}
