package romanize

import "strings"

// McCune–Reischauer (1939). MR writes plain stops unvoiced at the start of a
// word and voiced between voiced sounds, which is why one Korean name shows
// up as both "Chun" and "-jun" in the same document.
var (
	mrInitial      = [19]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"}
	mrInitialVoice = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "tch", "ch'", "k'", "t'", "p'", "h"}
	mrMedial       = [nMedial]string{"a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"}
)

// MREdition is a version of McCune–Reischauer. The two differ in ㅅ before
// ㅣ and ㅟ: the system as published in 1939 writes "si" (신의주 →
// "Sinŭiju", 조만식 → "Cho Man-sik"); South Korea's official version of
// 1984–2000 writes "shi" and "shwi" ("Shinŭiju"). Both are met in
// documents, and KoreanKey treats si and shi alike.
type MREdition int

const (
	MR1939 MREdition = iota
	MR1984
)

func (e MREdition) String() string {
	if e == MR1984 {
		return "MR 1984"
	}
	return "MR 1939"
}

// HangulToMR romanizes Hangul in McCune–Reischauer (1939) as English-language
// documents print it: without breves (ŏ → o, ŭ → u) but with the aspiration
// apostrophes. Word-level, with the sound changes MR writes as it hears them,
// like HangulToRR: 청진 → "Ch'ongjin", 독립문 → "Tongnimmun".
func HangulToMR(s string) string { return HangulToMREdition(s, MR1939, false) }

// HangulToMRBreve is HangulToMR with the breves of the full system:
// 청진 → "Ch'ŏngjin".
func HangulToMRBreve(s string) string { return HangulToMREdition(s, MR1939, true) }

// HangulToMREdition romanizes words in the given edition of MR, with or
// without breves.
func HangulToMREdition(s string, ed MREdition, breves bool) string {
	out := romanizeRuns(s, func(ss []syllable) string { return mrWord(ss, ed) })
	if !breves {
		out = stripBreves(out)
	}
	return out
}

// MRName romanizes a personal name in McCune–Reischauer (1939): surname,
// space, given name hyphenated, voicing applied inside the given name:
// 박헌영 → "Pak Hŏn-yŏng" (breves) or "Pak Hon-yong"; 김대중 → "Kim Tae-jung".
func MRName(hangul string, breves bool) string { return MRNameEdition(hangul, MR1939, breves) }

// MRNameEdition is MRName in the given edition: 조만식 → "Cho Man-sik" (1939),
// "Cho Man-shik" (1984).
func MRNameEdition(hangul string, ed MREdition, breves bool) string {
	sur, given, ok := splitName(hangul)
	var out string
	if !ok {
		out = HangulToMREdition(hangul, ed, true)
	} else {
		out = capitalize(mrSyllables(sur, false, ed)) + " " + capitalize(mrSyllables(given, true, ed))
	}
	if !breves {
		out = stripBreves(out)
	}
	return out
}

// mrSyllables writes syllables without liaison (names), optionally hyphenated,
// with voicing after voiced sounds.
func mrSyllables(ss []syllable, hyphen bool, ed MREdition) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 && hyphen {
			b.WriteByte('-')
		}
		b.WriteString(mrOnset(s.ini, s.med, i > 0 && voicedBefore(ss[i-1]), ed))
		b.WriteString(mrMedial[s.med])
		b.WriteString(finalSound[s.fin])
	}
	return b.String()
}

func mrWord(ss []syllable, ed MREdition) string {
	var b strings.Builder
	sp := pronounce(ss)
	for i, s := range sp {
		voiced := false
		if i > 0 {
			switch sp[i-1].coda {
			case "", "n", "m", "ng", "l":
				voiced = true
			}
		}
		if s.ini == iR && i > 0 && sp[i-1].coda == "l" {
			b.WriteString("l")
		} else {
			b.WriteString(mrOnset(s.ini, s.med, voiced, ed))
		}
		b.WriteString(mrMedial[s.med])
		coda := s.coda
		if coda == "n" && i+1 < len(sp) && sp[i+1].ini == iG {
			// MR separates n+g from ng with an apostrophe: Han'guk.
			coda = "n'"
		}
		b.WriteString(coda)
	}
	return capitalize(b.String())
}

// mrOnset is an initial: voiced after a voiced sound, and in the 1984
// edition ㅅ written sh before i and wi.
func mrOnset(ini, med int, voiced bool, ed MREdition) string {
	if ed == MR1984 && ini == iS && (med == mI || med == mWI) {
		return "sh"
	}
	if voiced {
		return mrInitialVoice[ini]
	}
	return mrInitial[ini]
}

// voicedBefore reports whether a syllable ends in a vowel or a voiced final.
func voicedBefore(s syllable) bool {
	switch finalSound[s.fin] {
	case "", "n", "m", "ng", "l":
		return true
	}
	return false
}

func stripBreves(s string) string {
	return strings.NewReplacer("ŏ", "o", "ŭ", "u", "Ŏ", "O", "Ŭ", "U").Replace(s)
}
