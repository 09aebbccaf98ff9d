package index

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWordIDs checks an Analyzer's memory of words against the terms
// themselves: every word, read once or again, short or long, in any case or
// script, gets its term's number, across the table's growth and past its
// bound (where words are still numbered, only no longer remembered).
func TestWordIDs(t *testing.T) {
	words := []string{"a", "the", "The", "THE", "telegrams", "telegram", "abcdefghijkl", "abcdefghijk",
		"abcdefghijklm", "Abcdefghijklm", "internationalization", "Tümen", "tümen", "Пак", "ПАК", "1950", "x1"}
	for i := range 3000 {
		words = append(words, fmt.Sprintf("w%dq", i), strings.Repeat("z", i%20+1))
	}
	defer func(n int) { maxLocalTerms = n }(maxLocalTerms)
	for _, bound := range []int{maxLocalTerms, 500} {
		maxLocalTerms = bound
		c := &wordIDs{}
		for round := range 2 {
			for _, w := range words {
				ascii, upper := true, false
				for _, r := range w {
					ascii = ascii && r < utf8.RuneSelf
					upper = upper || 'A' <= r && r <= 'Z'
				}
				if got, want := c.id(w, ascii, upper), termID(Term(w)); got != want {
					t.Fatalf("bound %d round %d: %q numbered %d (%q), want %d (%q)", bound, round, w, got, termText(got), want, termText(want))
				}
			}
		}
		if remembered := c.n + len(c.long); remembered > bound {
			t.Errorf("bound %d: %d words remembered", bound, remembered)
		}
		if bound == 500 && c.n+len(c.long) < 499 {
			t.Errorf("bound 500: only %d words remembered", c.n+len(c.long))
		}
	}
}
