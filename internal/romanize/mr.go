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

// HangulToMR romanizes Hangul in McCune–Reischauer as English-language
// documents print it: without breves (ŏ → o, ŭ → u) but with the aspiration
// apostrophes. Word-level, like HangulToRR: 청진 → "Ch'ongjin".
func HangulToMR(s string) string { return stripBreves(HangulToMRBreve(s)) }

// HangulToMRBreve is HangulToMR with the breves of the full system:
// 청진 → "Ch'ŏngjin".
func HangulToMRBreve(s string) string { return romanizeRuns(s, mrWord) }

// MRName romanizes a personal name in McCune–Reischauer: surname, space, given
// name hyphenated, voicing applied inside the given name:
// 박헌영 → "Pak Hŏn-yŏng" (breves) or "Pak Hon-yong"; 김대중 → "Kim Tae-jung".
func MRName(hangul string, breves bool) string {
	sur, given, ok := splitName(hangul)
	var out string
	if !ok {
		out = HangulToMRBreve(hangul)
	} else {
		out = capitalize(mrSyllables(sur, false)) + " " + capitalize(mrSyllables(given, true))
	}
	if !breves {
		out = stripBreves(out)
	}
	return out
}

// mrSyllables writes syllables without liaison (names), optionally hyphenated,
// with voicing after voiced sounds.
func mrSyllables(ss []syllable, hyphen bool) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 && hyphen {
			b.WriteByte('-')
		}
		b.WriteString(mrOnset(ss, i, i > 0 && voicedBefore(ss[i-1])))
		b.WriteString(mrMedial[s.med])
		b.WriteString(finalSound[s.fin])
	}
	return b.String()
}

func mrWord(ss []syllable) string {
	var b strings.Builder
	for i, s := range ss {
		onset := mrOnset(ss, i, i > 0 && voicedBefore(ss[i-1]))
		b.WriteString(initialInWord(ss, i, onset))
		b.WriteString(mrMedial[s.med])
		fin := finalInWord(ss, i)
		if fin == "n" && i+1 < len(ss) && ss[i+1].ini == iG && voicedBefore(ss[i]) {
			// MR separates n+g from ng with an apostrophe: Han'guk.
			fin = "n'"
		}
		b.WriteString(fin)
	}
	return capitalize(b.String())
}

// mrOnset is the initial of syllable i: voiced after a voiced sound, and ㅅ
// written sh before i and wi.
func mrOnset(ss []syllable, i int, voiced bool) string {
	s := ss[i]
	if s.ini == iS && (s.med == mI || s.med == mWI) {
		return "sh"
	}
	if voiced {
		return mrInitialVoice[s.ini]
	}
	return mrInitial[s.ini]
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
