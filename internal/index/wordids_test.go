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

// TestWordIDsHoldMostWordsInSlots checks the premise of the word table's
// slots (docs/decisions.md, "The analyzer's words held in their slots"):
// nearly every word the analyzer reads in real documents is of shortWord
// bytes or fewer, so nearly every lookup reads one slot and no map. It counts
// the words as the analyzer splits them, over the FRUS corpus's documents.
func TestWordIDsHoldMostWordsInSlots(t *testing.T) {
	var all, short int
	err := eachFRUSDoc(t, func(d Doc) {
		for _, text := range d.Text {
			eachWord(text, false, nil, func(tk token) {
				all++
				if tk.end-tk.start <= shortWord {
					short++
				}
			})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if all < 1_000_000 {
		t.Fatalf("only %d words read in the FRUS corpus", all)
	}
	share := float64(short) / float64(all)
	t.Logf("%d of %d words (%.1f%%) are of %d bytes or fewer", short, all, 100*share, shortWord)
	if share < 0.97 {
		t.Errorf("%.1f%% of words fit a slot: the table's slots no longer hold most words", 100*share)
	}
}
