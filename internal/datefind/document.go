package datefind

import (
	"strings"
	"unicode"
)

// DocumentDate returns the document's own date: a dateline near the top (a short
// line that is mostly a date, perhaps after a place: "Buenos Aires, April 21,
// 1934—noon."), else the first full date in the opening lines. Received and sent
// stamps and dates mentioned deep in the prose are never the document's date.
func DocumentDate(text string) (Match, bool) {
	lines := strings.Split(text, "\n")
	offset := 0
	seen := 0
	var firstFull *Match
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			offset += len(line) + 1
			continue
		}
		seen++
		if seen > 15 {
			break
		}
		for _, m := range Find(line) {
			if m.Role != "" {
				continue
			}
			m.Start += offset
			m.End += offset
			if isDateline(line, m.Start-offset, m.End-offset) {
				return m, true
			}
			if firstFull == nil && seen <= 6 && len(m.Earliest) == 10 && m.Earliest[:7] == m.Latest[:7] {
				mm := m
				firstFull = &mm
			}
		}
		offset += len(line) + 1
	}
	if firstFull != nil {
		return *firstFull, true
	}
	return Match{}, false
}

// isDateline: the line is short and, apart from the date, holds at most a place,
// a time and punctuation.
func isDateline(line string, start, end int) bool {
	if len(line) > 120 {
		return false
	}
	rest := line[:start] + " " + line[end:]
	rest = timeTail.ReplaceAllString(strings.TrimLeft(line[end:], " "), "")
	before := strings.TrimSpace(line[:start])
	words := 0
	for _, w := range strings.FieldsFunc(before+" "+rest, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == "" {
			continue
		}
		words++
		if unicode.IsLower([]rune(w)[0]) && !strings.EqualFold(w, "noon") && !strings.EqualFold(w, "midnight") && w != "p" && w != "a" && w != "m" {
			return false
		}
	}
	return words <= 5
}
