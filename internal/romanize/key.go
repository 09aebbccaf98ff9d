package romanize

import (
	"strings"
	"unicode"
)

// Key is a comparison form under which the usual spellings of one name meet,
// whatever script or system they are in. It decides what a name is from its
// letters:
//
//   - Hangul, or Latin that reads as Korean or Chinese romanization: the East
//     Asian skeleton (KoreanKey's), after rewriting evident Wade–Giles into
//     Pinyin. Korean and Chinese share one skeleton because many spellings
//     ("Chongjin", "Chu Te", "Kang") are valid in both and must get one key
//     whichever way they are read.
//   - Cyrillic, or Latin with Russian-only spellings (v, kh, -ov, -sky, ы as
//     y between consonants): RussianKey.
//   - Anything else: lower-cased ASCII letters, diacritics, punctuation and
//     hyphens removed, spaces collapsed.
//
// Key is for finding candidates: two different names can share a key (Zhou
// and Zhu, whose vowels the Korean skeleton merges); use ChineseKey,
// KoreanKey or RussianKey when the language is known.
func Key(name string) string {
	s := strings.TrimSpace(name)
	switch {
	case s == "":
		return ""
	case hasHangul(s):
		return KoreanKey(s)
	case hasCyrillic(s):
		return RussianKey(s)
	case hasHan(s):
		return foldASCII(s)
	}
	if !hasLatinLetter(s) {
		return foldASCII(s)
	}
	korean := koreanParsable(s)
	kFeat := korean && koreanFeatures(s)
	if russianLike(s) && !kFeat {
		return RussianKey(s)
	}
	if korean {
		return eastAsianKey(s, kFeat)
	}
	if _, ok := chineseSyllables(s); ok {
		return eastAsianKey(s, false)
	}
	return foldASCII(s)
}

// eastAsianKey rewrites Wade–Giles as Pinyin when the name is Chinese by its
// spelling, then keys the result on the Korean skeleton.
func eastAsianKey(s string, kFeat bool) string {
	if (!kFeat && !koreanSurnameFirst(s)) || (strongWG(s) && !koreanVowels(s)) {
		_, pinyinOK := pinyinWords(s)
		if wgEvident(s) || !pinyinOK {
			if words, ok := wgWords(s); ok {
				parts := make([]string, len(words))
				for i, w := range words {
					parts[i] = strings.Join(w, "")
				}
				s = strings.ReplaceAll(strings.Join(parts, " "), "v", "u")
			}
		}
	}
	return KoreanKey(s)
}

// koreanFeatures reports spellings only Korean romanization makes: the RR
// vowels eo eu ae oe, MR breves, tense doubled stops, and consonants other
// than n and ng closing a syllable (Pak, Kim, Il, Taek), which Mandarin lacks.
func koreanFeatures(s string) bool {
	f := strings.ToLower(s)
	if strings.ContainsAny(f, "ŏŭ") || koreanVowels(s) {
		return true
	}
	if strongWG(s) {
		return false // WG ts reads like a final t before s
	}
	toks := strings.Fields(f)
	if len(toks) > 1 && (westernOrderSurnames[surnameSpelling(toks[0])] || westernOrderSurnames[surnameSpelling(toks[len(toks)-1])]) {
		return true // Rhee, Park, Choi: spellings of Korean surnames only
	}
	for _, tok := range toks {
		for _, piece := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' }) {
			p := lettersOnly(foldASCII(piece))
			for _, d := range []string{"kk", "tt", "pp", "jj"} {
				if strings.Contains(p, d) {
					return true
				}
			}
			for i := 0; i < len(p); i++ {
				if strings.IndexByte("ktplm", p[i]) < 0 || i == 0 || !isVowel(p[i-1]) {
					continue
				}
				if i+1 == len(p) || !isVowel(p[i+1]) && p[i+1] != 'y' && p[i+1] != 'w' && !(p[i] == 'k' && p[i+1] == 'h') {
					return true
				}
			}
		}
	}
	return false
}

func koreanVowels(s string) bool {
	f := lettersOnly(foldASCII(s))
	for _, v := range []string{"eo", "eu", "ae", "oe"} {
		if strings.Contains(f, v) {
			return true
		}
	}
	return false
}

// koreanSurnameFirst reports a first word that is a Korean surname spelling;
// "Li" is left out because in these documents it is nearly always Chinese.
func koreanSurnameFirst(s string) bool {
	toks := strings.Fields(s)
	if len(toks) == 0 {
		return false
	}
	f := surnameSpelling(toks[0])
	_, ok := koreanSurnames[f]
	return ok && f != "li"
}

// strongWG reports spellings that are Wade–Giles and nothing else here.
func strongWG(s string) bool {
	f := strings.ToLower(s)
	for _, m := range []string{"hs", "ts", "tz", "ieh", "ien", "erh", "uei", "ssu", "szu", "yen", "yeh", "ê"} {
		if strings.Contains(f, m) {
			return true
		}
	}
	for _, tok := range strings.FieldsFunc(f, func(r rune) bool { return r == '-' || unicode.IsSpace(r) }) {
		if strings.HasSuffix(tok, "ih") {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func hasLatinLetter(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}
