package web

import (
	"testing"

	"fond/internal/search"
)

func TestCorrectedQuery(t *testing.T) {
	cs := []search.Correction{{Word: "Shtykv", Near: "shtykov"}, {Word: "Peking", Near: "Beijing", Variant: true}, {Word: "ab", Near: "a b"}}
	for _, c := range []struct{ q, want string }{
		{"Shtykv telegram", "shtykov telegram"},
		{`"shtykv" AND (loan OR Peking)`, `"shtykov" AND (loan OR Peking)`},
		{"Shtykvo", ""},     // a longer word is another word
		{"Peking", ""},      // variants are not mistakes
		{"ab", ""},          // a correction into two words is not offered
		{"Ким Shtykv-", ""}, // a hyphen belongs to the word: unchanged
	} {
		if got := correctedQuery(c.q, cs); got != c.want {
			t.Errorf("correctedQuery(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}
