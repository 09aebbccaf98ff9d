package record

import "testing"

func TestNoteParagraph(t *testing.T) {
	r := Record{Body: "Your telegram¹² of May 2.\n\nThe reply* and the note** follow.\n\nA figure of 1934²."}
	for n, want := range map[string]int{"1": -1, "12": 0, "*": 1, "**": 1, "2": 2, "3": -1, "": -1} {
		if got := r.NoteParagraph(n); got != want {
			t.Errorf("note %q: paragraph %d, want %d", n, got, want)
		}
	}
}
