// Package extract holds the text heuristics every ingest format shares: splitting a
// page into blocks, recognising page furniture, genres, classification markings,
// editorial notes and names. Rules here must be general: nothing is keyed to a
// particular document, file or collection.
package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Blocks splits text into its non-empty lines, whitespace-collapsed, with list
// bullets removed. Web captures put one paragraph on a line, so a line is the unit.
func Blocks(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines)) // sized once: a long file has many lines
	for _, line := range lines {
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
// Text that is already clean comes back as it is, and other text is copied
// once: it runs over every line and paragraph of every file, and splitting
// into words to join them again cost several times the text.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			gap = b.Len() > 0
		} else {
			if gap {
				b.WriteByte(' ')
				gap = false
			}
			b.WriteString(s[i : i+size]) // the bytes as they were, valid or not
		}
		i += size
	}
	return b.String()
}

// isClean reports whether Clean would leave s as it is: no space at either
// end, and none but single ASCII spaces inside.
func isClean(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c-'\t' <= '\r'-'\t' {
				if c != ' ' || prevSpace {
					return false
				}
				prevSpace = true
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += size
	}
	return s == "" || !prevSpace
}

// Paragraphs splits text on blank lines, joining the lines of each paragraph.
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	parts := strings.Split(text, "\n\n")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
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
