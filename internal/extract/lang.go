package extract

import (
	"strings"
	"unicode"
)

// Language guesses the ISO 639-1 code of a text from its script, and for Latin
// script from a handful of very common words. "" when there is too little text.
func Language(text string) string {
	var latin, cyrillic, hangul, han, kana int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	total := latin + cyrillic + hangul + han + kana
	switch {
	case total < 3:
		return ""
	case hangul*3 > total:
		return "ko"
	case kana > 0 && (kana+han)*3 > total:
		return "ja"
	case han*3 > total:
		return "zh"
	case cyrillic*2 > total:
		if strings.ContainsAny(text, "іїєґ") {
			return "uk"
		}
		return "ru"
	}
	return latinLanguage(text)
}

var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "that", "is", "with"},
	"de": {"der", "die", "und", "das", "nicht", "mit", "ist"},
	"fr": {"le", "la", "les", "et", "des", "est", "une"},
	"es": {"el", "los", "que", "y", "del", "las", "una"},
	"pl": {"nie", "się", "jest", "oraz", "że", "na", "w"},
}

func latinLanguage(text string) string {
	counts := map[string]int{}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) > 2000 {
		words = words[:2000]
	}
	index := map[string][]string{}
	for lang, ws := range stopwords {
		for _, w := range ws {
			index[w] = append(index[w], lang)
		}
	}
	for _, w := range words {
		for _, lang := range index[w] {
			counts[lang]++
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
