package romanize

import (
	"strings"
)

// MaxVariants bounds Variants' answer.
const MaxVariants = 24

type nameKind int

const (
	kindOther nameKind = iota
	kindKorean
	kindChinese
	kindRussian
)

// classify decides which language's rules a name is spelled by, for
// Variants; Key needs less (Korean and Chinese share its skeleton).
func classify(s string) nameKind {
	switch {
	case hasHangul(s):
		return kindKorean
	case hasCyrillic(s):
		return kindRussian
	case !hasLatinLetter(s):
		return kindOther
	}
	korean := koreanParsable(s)
	kFeat := korean && koreanFeatures(s)
	if russianLike(s) && !kFeat {
		return kindRussian
	}
	if kFeat || korean && koreanSurnameFirst(s) {
		return kindKorean
	}
	if _, ok := chineseSyllables(s); ok {
		return kindChinese
	}
	if korean {
		return kindKorean
	}
	return kindOther
}

// Variants lists plausible other spellings of a name, to seed an authority
// file: for Korean, the Hangul readings and their RR, MR (with and without
// breves; 1939, and 1984 without breves) and conventional-surname forms; for Chinese, Pinyin and Wade–Giles
// (with and without apostrophes); for Russian, Cyrillic and the four
// transliteration schemes. The input itself is left out; the list is
// deduplicated and at most MaxVariants long. Unknown names give nil.
func Variants(name string) []string {
	s := strings.TrimSpace(name)
	var vs []string
	switch classify(s) {
	case kindKorean:
		vs = koreanVariants(s)
	case kindChinese:
		vs = chineseVariants(s)
	case kindRussian:
		vs = russianVariants(s)
	}
	seen := map[string]bool{s: true}
	var out []string
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
		if len(out) == MaxVariants {
			break
		}
	}
	return out
}

func koreanVariants(s string) []string {
	hs := []string{s}
	if !hasHangul(s) {
		hs = KoreanToHangul(s)
		if len(hs) > 2 {
			hs = hs[:2] // MR without apostrophes is ambiguous: Kim Chaek is 김잭 or 김책
		}
	}
	var out []string
	for _, h := range hs {
		out = append(out, h)
		if _, _, ok := splitName(h); ok && strings.Count(s, " ") > 0 || hasHangul(s) && len([]rune(h)) <= 4 {
			out = append(out, RRName(h), MRName(h, false), MRName(h, true), MRNameEdition(h, MR1984, false))
			out = append(out, conventionalNames(h)...)
		}
		out = append(out, HangulToRR(h), HangulToMR(h), HangulToMRBreve(h), HangulToMREdition(h, MR1984, false))
	}
	return out
}

// conventionalNames writes the name with the conventional spellings of its
// surname ("Park Chung-hee" besides "Bak Jeong-hui").
func conventionalNames(h string) []string {
	sur, given, ok := splitName(h)
	if !ok {
		return nil
	}
	var sh strings.Builder
	for _, s := range sur {
		sh.WriteRune(s.rune())
	}
	givenMR := capitalize(stripBreves(mrSyllables(given, true, MR1939)))
	var out []string
	for _, sp := range conventionalSurnameOrder {
		for _, hh := range koreanSurnames[sp] {
			if hh == sh.String() {
				out = append(out, capitalize(sp)+" "+givenMR)
				break
			}
		}
		if len(out) == 4 {
			break
		}
	}
	return out
}

// conventionalSurnameOrder lists the spellings worth suggesting, in the order
// English documents most use them.
var conventionalSurnameOrder = strings.Fields("kim lee rhee yi ri park pak choi choe chung jung chong jeong cho kang chang yoon kwon hwang han shin song hong moon oh ahn suh ko roh noh sohn paek paik baek ho lim rim yu ryu")

func chineseVariants(s string) []string {
	words, ok := chineseSyllables(s)
	if !ok {
		return nil
	}
	var py, wg, wgPlain []string
	for _, w := range words {
		py = append(py, capitalize(joinPinyin(w)))
		parts := make([]string, len(w))
		for i, syl := range w {
			parts[i] = pinyinToWG(syl)
		}
		wgw := capitalize(strings.Join(parts, "-"))
		wg = append(wg, wgw)
		wgPlain = append(wgPlain, strings.NewReplacer("'", "", "ü", "u").Replace(wgw))
	}
	pyPlain := strings.ReplaceAll(strings.Join(py, " "), "ü", "u")
	return []string{strings.Join(py, " "), pyPlain, strings.Join(wg, " "), strings.Join(wgPlain, " ")}
}

func russianVariants(s string) []string {
	cyr := s
	if !hasCyrillic(s) {
		cyr = latinToCyrillic(s)
	}
	out := []string{cyr}
	for _, sc := range []Scheme{Popular, ALALC, BGN, Scholarly} {
		out = append(out, CyrillicToLatin(cyr, sc))
	}
	return out
}
