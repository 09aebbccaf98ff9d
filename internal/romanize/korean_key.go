package romanize

import "strings"

// KoreanKey is a comparison key for Korean names and places such that every
// romanization of one Hangul spelling gets the same key: RR and MR (with or
// without breves and apostrophes), hyphenated, spaced or joined, conventional
// surname spellings, and Hangul itself.
//
// It works on a phonemic skeleton rather than on Hangul candidates, because a
// key must be one string and candidate sets do not compare transitively. The
// skeleton merges exactly what the systems and English habit write
// differently: plain/aspirated/tense stops (g k kk, d t tt, b p pp, j ch tch),
// the vowels ŏ/eo/o/u/ŭ/eu/oo (MR without breves writes ㅓ and ㅗ alike, ㅜ and
// ㅡ alike, and English habit writes ㅓ as u: "Sung", "Young"), ae/e, oe/we/wae,
// ui/ee/i (ㅢ as in "Hee"), r/l, sh/s, word-initial ㄹ (North "Ri", South "I"),
// vowel+h and vowel+r before a consonant ("Ahn", "Park").
// It keeps apart extra or missing consonants (Heon-yeong vs Heon Hyeong),
// n vs ng, a vs o, i vs e, and different syllable counts.
func KoreanKey(name string) string {
	if hasHangul(name) {
		return koreanKeyTokens(hangulTokens(name))
	}
	return koreanKeyTokens(koreanOrder(strings.Fields(name)))
}

// hangulTokens romanizes Hangul syllable by syllable (no sound changes, as in
// names), splitting a lone name into surname and given name so the surname
// rules apply to it as they do to a romanized surname.
func hangulTokens(s string) []string {
	var runs [][]syllable
	var run []syllable
	for _, r := range s {
		if syl, ok := decompose(r); ok {
			run = append(run, syl)
			continue
		}
		if len(run) > 0 {
			runs = append(runs, run)
			run = nil
		}
	}
	if len(run) > 0 {
		runs = append(runs, run)
	}
	if len(runs) == 1 {
		var hs []rune
		for _, syl := range runs[0] {
			hs = append(hs, syl.rune())
		}
		if sur, given, ok := splitName(string(hs)); ok {
			return []string{rrPlain(sur), rrPlain(given)}
		}
	}
	toks := make([]string, len(runs))
	for i, r := range runs {
		toks[i] = rrPlain(r)
	}
	return toks
}

func koreanKeyTokens(tokens []string) string {
	var b strings.Builder
	for i, t := range tokens {
		f := lettersOnly(foldASCII(t))
		if f == "" {
			continue
		}
		if i == 0 {
			if hs := koreanSurnames[f]; len(hs) > 0 {
				f = surnameRR(hs[0])
			}
			f = initialSoundSpelling(f)
		}
		b.WriteString(koreanSymbols(conventionalHR(f)))
	}
	return collapseKorean(b.String())
}

// surnameRR is the RR spelling of a surname after the initial-sound rule,
// the form all its spellings are compared in.
func surnameRR(h string) string {
	var ss []syllable
	for i, r := range h {
		s, _ := decompose(r)
		if i == 0 {
			s = initialSoundRule(s)
		}
		ss = append(ss, s)
	}
	return rrPlain(ss)
}

// initialSoundSpelling is initialSoundRule on spellings: North Korean "Ri",
// "Ryu", "Rodong", "Nyongbyon" meet South Korean "I", "Yu", "Nodong",
// "Yeongbyeon".
func initialSoundSpelling(f string) string {
	if strings.HasPrefix(f, "rh") {
		f = "r" + f[2:]
	}
	if len(f) < 2 {
		return f
	}
	c, v := f[0], f[1]
	switch {
	case (c == 'r' || c == 'l') && (v == 'i' || v == 'y' || strings.HasPrefix(f[1:], "ee")):
		return f[1:]
	case (c == 'r' || c == 'l') && isVowel(v):
		return "n" + f[1:]
	case c == 'n' && (v == 'i' || v == 'y'):
		return f[1:]
	}
	return f
}

// conventionalHR drops the h and r that English spellings add after a vowel
// to show its length ("Ahn", "Oh", "Suh", "Park", "Hur"); RR and MR never
// write h or r before a consonant or at the end of a syllable.
func conventionalHR(f string) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		if (c == 'h' || c == 'r') && i > 0 && isVowel(f[i-1]) {
			end := i+1 == len(f)
			if end || (!isVowel(f[i+1]) && f[i+1] != 'y' && f[i+1] != 'w') {
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// koreanSpellings maps letter groups onto skeleton symbols, longest first.
var koreanSpellings = []struct{ from, to string }{
	{"tch", "c"}, {"woo", "o"}, {"eui", "i"}, {"yeo", "yo"}, {"yae", "ye"}, {"wae", "we"},
	{"ch", "c"}, {"sh", "s"}, {"jj", "c"}, {"kh", "k"}, {"th", "t"}, {"ph", "p"},
	{"eo", "o"}, {"eu", "o"}, {"oo", "o"}, {"ou", "o"}, {"ae", "e"}, {"oe", "we"}, {"oi", "we"},
	{"ui", "i"}, {"ee", "i"}, {"yi", "i"},
	{"g", "k"}, {"d", "t"}, {"b", "p"}, {"j", "c"}, {"r", "l"}, {"u", "o"},
	// Pinyin letters, for Chinese names compared on this skeleton by Key:
	// zh and q sit with ch and j; lone c (ts') with z.
	{"zh", "c"}, {"q", "c"}, {"c", "z"},
}

func koreanSymbols(f string) string {
	var b strings.Builder
next:
	for i := 0; i < len(f); {
		for _, sp := range koreanSpellings {
			if strings.HasPrefix(f[i:], sp.from) {
				b.WriteString(sp.to)
				i += len(sp.from)
				continue next
			}
		}
		if f[i] == 'y' && (i+1 == len(f) || !isVowel(f[i+1])) {
			// y is only a glide in RR and MR; before a consonant it is
			// the English spelling of ㅡ ("Syngman").
			b.WriteByte('o')
			i++
			continue
		}
		b.WriteByte(f[i])
		i++
	}
	return b.String()
}

// collapseKorean applies the consonant-sequence rules both systems write
// differently between name-style (no sound change) and word-style spellings,
// then merges doubled symbols (tense consonants, kk across syllables).
func collapseKorean(s string) string {
	r := strings.NewReplacer("nl", "l", "ln", "l", "kl", "kn", "tl", "tn", "pl", "pn", "ml", "mn")
	s = r.Replace(s)
	s = strings.NewReplacer("nkn", "kn", "nkm", "km").Replace(s)
	return dedupRunes(s)
}

// dedupRunes drops a rune equal to the one before it.
func dedupRunes(s string) string {
	var b strings.Builder
	prev := rune(-1)
	for _, r := range s {
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}
