package search

import "testing"

func TestTypedWords(t *testing.T) {
	for q, want := range map[string]int{
		"the letter of instruction":          4,
		"Mangabeira Rio de Janeiro 1930":     5,
		`"letter of instruction" consul`:     1,
		"person:Hughes Peking OR Peiping":    2,
		"railway -loan concession*":          1,
		"minister AND (railway OR loan)":     1,
		"":                                   0,
		`consul "the letter" of instruction`: 3,
	} {
		if got := TypedWords(q); got != want {
			t.Errorf("TypedWords(%q) = %d, want %d", q, got, want)
		}
	}
}
