package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	index := map[string][]string{}
	for lang, ws := range stopwords {
		for _, w := range ws {
			index[w] = append(index[w], lang)
		}
	}
	// The first 2000 words, lowercased one at a time: lowercasing and
	// splitting the whole text to look at its start cost several times a
	// long file.
	words := 0
	var word []byte
	count := func() {
		if len(word) == 0 {
			return
		}
		for _, lang := range index[string(word)] {
			counts[lang]++
		}
		word = word[:0]
		words++
	}
	for _, r := range text {
		if words >= 2000 {
			break
		}
		if l := unicode.ToLower(r); unicode.IsLetter(l) {
			word = utf8.AppendRune(word, l)
		} else {
			count()
		}
	}
	if words < 2000 {
		count()
	}
	best, bestN := "en", 0
	for _, lang := range []string{"en", "de", "fr", "es", "pl"} {
		if counts[lang] > bestN {
			best, bestN = lang, counts[lang]
		}
	}
	return best
}
