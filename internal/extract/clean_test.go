package extract

import (
	"strings"
	"testing"
	"unicode"
)

// cleanBySplitting and latinLanguageWhole are Clean and latinLanguage as first
// written, over the whole text split at once: the streaming versions must agree
// with them exactly.
func cleanBySplitting(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

func latinLanguageWhole(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) > 2000 {
		words = words[:2000]
	}
	counts := map[string]int{}
	for _, w := range words {
		for lang, ws := range stopwords {
			for _, s := range ws {
				if s == w {
					counts[lang]++
				}
			}
		}
	}
	best, bestN := "en", 0
	for _, lang := range []string{"en", "de", "fr", "es", "pl"} {
		if counts[lang] > bestN {
			best, bestN = lang, counts[lang]
		}
	}
	return best
}

var cleanCases = []string{
	"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "\u00a0a\u2003b\u0085", "a \xff b", "Die Regierung und der Minister",
	strings.Repeat("und die ", 1500) + strings.Repeat("the and of ", 1000),
	strings.Repeat("the ", 1999) + "und und und", strings.Repeat("le la ", 1000) + "Die",
}

func TestCleanAndLanguageMatchWholeTextSplit(t *testing.T) {
	for _, s := range cleanCases {
		if got, want := Clean(s), cleanBySplitting(s); got != want {
			t.Errorf("Clean(%q) = %q, want %q", s, got, want)
		}
		if got, want := latinLanguage(s), latinLanguageWhole(s); got != want {
			t.Errorf("latinLanguage(%.40q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCleanAndLanguage(f *testing.F) {
	for _, s := range cleanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Clean(s), cleanBySplitting(s); got != want {
			t.Fatalf("Clean(%q) = %q, want %q", s, got, want)
		}
		if got, want := latinLanguage(s), latinLanguageWhole(s); got != want {
			t.Fatalf("latinLanguage(%q) = %q, want %q", s, got, want)
		}
	})
}
