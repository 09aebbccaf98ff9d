package record

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Footnotes are attached to the paragraph that calls them by their mark: the
// body keeps each call where it was printed, a raised number (digits read
// from a page are raised when a note of that number exists) or stars set
// against a word, and the note's N is that mark as plain digits or the stars.
// A stored paragraph index would go stale when the body is edited; the call
// moves with its paragraph.

// NoteCall is a note's mark as it stands in the body: "²" for N "2", "**" for
// N "**".
func NoteCall(n string) string {
	var b strings.Builder
	for _, r := range n {
		if r >= '0' && r <= '9' {
			b.WriteString(superDigits[r-'0'])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var superDigits = [10]string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}

// NoteParagraph is the index (from 0) of the body's paragraph that calls the
// note numbered n, or -1 when no paragraph does (a note called from the
// heading, or one whose call was lost).
func (r *Record) NoteParagraph(n string) int {
	call := NoteCall(n)
	if call == "" {
		return -1
	}
	for i, p := range strings.Split(r.Body, "\n\n") {
		if CallsNote(p, call) {
			return i
		}
	}
	return -1
}

// CallsNote reports whether text sets the call against what precedes it, and not as part of a longer call ("¹" is not in "¹²", "*" not
// in "**").
func CallsNote(text, call string) bool {
	first, _ := utf8.DecodeRuneInString(call)
	lastR, _ := utf8.DecodeLastRuneInString(call)
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], call)
		if j < 0 {
			return false
		}
		at, end := i+j, i+j+len(call)
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[end:])
		// A raised number or stars cannot be read as anything else: set
		// against any word, number or sign, only not after a space.
		if at > 0 && !unicode.IsSpace(before) &&
			!sameMark(before, first) && (end == len(text) || !sameMark(after, lastR)) {
			return true
		}
		i = end
	}
	return false
}

func sameMark(a, b rune) bool {
	sup := func(r rune) bool { return strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r) }
	return a == b || sup(a) && sup(b)
}
