package romanize

import (
	"strings"
	"unicode"
)

// Revised Romanization of Korean (Ministry of Culture, 2000).
var (
	rrInitial = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	rrMedial  = [nMedial]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
)

// HangulToRR romanizes Hangul in the Revised Romanization as words are
// written: each run of Hangul is one capitalized word, with the sound changes
// RR writes inside a word (liaison of finals before a vowel, the ㄹ rules,
// nasalization before ㄴ/ㅁ). Other characters pass through.
// 강원 → "Gangwon", 청진 → "Cheongjin", 신라 → "Silla".
// For personal names use RRName, which writes no sound changes.
func HangulToRR(s string) string { return romanizeRuns(s, rrWord) }

// RRName romanizes a Korean personal name the way RR prescribes for names:
// surname, space, given name with a hyphen between syllables and no sound
// changes: 박헌영 → "Bak Heon-yeong". Compound surnames (남궁, 황보, …) are
// kept together. Strings that are not one run of two to five syllables are
// romanized as words.
func RRName(hangul string) string {
	sur, given, ok := splitName(hangul)
	if !ok {
		return HangulToRR(hangul)
	}
	return capitalize(rrPlain(sur)) + " " + capitalize(rrPlainHyphen(given))
}

// rrSyllable is the syllable written alone (the form used for names).
func rrSyllable(s syllable) string {
	return rrInitial[s.ini] + rrMedial[s.med] + finalSound[s.fin]
}

func rrPlain(ss []syllable) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(rrSyllable(s))
	}
	return b.String()
}

func rrPlainHyphen(ss []syllable) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = rrSyllable(s)
	}
	return strings.Join(parts, "-")
}

func rrWord(ss []syllable) string {
	var b strings.Builder
	for i, s := range ss {
		b.WriteString(initialInWord(ss, i, rrInitial[s.ini]))
		b.WriteString(rrMedial[s.med])
		b.WriteString(finalInWord(ss, i))
	}
	return capitalize(b.String())
}

// initialInWord applies the ㄹ rules shared by RR and MR: after ㄹ or ㄴ the
// pair is written "ll", after other consonants ㄹ is pronounced and written n.
func initialInWord(ss []syllable, i int, plain string) string {
	if i == 0 || ss[i].ini != iR {
		return plain
	}
	switch ss[i-1].fin {
	case fNone:
		return plain
	case fL, fN, fLB, fLS, fLT, fLH:
		return "l"
	}
	return "n"
}

// finalInWord writes a final as pronounced before the next syllable: moved
// over a following vowel, nasalized before a nasal, l before ㄹ.
func finalInWord(ss []syllable, i int) string {
	f := ss[i].fin
	if f == fNone || i+1 == len(ss) {
		return finalSound[f]
	}
	next := ss[i+1].ini
	sound := finalSound[f]
	switch {
	case next == iNull:
		return finalLiaison[f]
	case next == iR && (f == fN):
		return "l"
	case next == iN || next == iM || next == iR:
		switch sound {
		case "k":
			return "ng"
		case "t":
			return "n"
		case "p":
			return "m"
		}
	}
	return sound
}

// romanizeRuns romanizes each maximal run of Hangul syllables as a word.
func romanizeRuns(s string, word func([]syllable) string) string {
	var b strings.Builder
	var run []syllable
	flush := func() {
		if len(run) > 0 {
			b.WriteString(word(run))
			run = run[:0]
		}
	}
	for _, r := range s {
		if syl, ok := decompose(r); ok {
			run = append(run, syl)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// splitName separates surname from given name in a Hangul personal name.
func splitName(s string) (sur, given []syllable, ok bool) {
	s = strings.TrimSpace(s)
	var ss []syllable
	for _, r := range s {
		syl, isSyl := decompose(r)
		if !isSyl {
			return nil, nil, false
		}
		ss = append(ss, syl)
	}
	if len(ss) < 2 || len(ss) > 5 {
		return nil, nil, false
	}
	n := 1
	if len(ss) >= 3 && twoSyllableSurnames[string([]rune(s)[:2])] {
		n = 2
	}
	return ss[:n], ss[n:], true
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
