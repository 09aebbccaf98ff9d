package romanize

import (
	"slices"
	"testing"
)

// Every syllable must come back from its own romanization: the parser's
// tables are the inverse of the writers', finals included.
func TestSyllableRoundTrip(t *testing.T) {
	for r := rune(hangulBase); r <= hangulLast; r++ {
		h := string(r)
		for name, roman := range map[string]string{
			"RR":       HangulToRR(h),
			"MR":       HangulToMR(h),
			"MR breve": HangulToMRBreve(h),
		} {
			if got := KoreanToHangul(roman); !slices.Contains(got, h) {
				t.Errorf("%s %q -> %q -> %d candidates without it", name, h, roman, len(got))
			}
		}
	}
}
