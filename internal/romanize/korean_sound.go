package romanize

// The sound changes of the Revised Romanization (2000), chapter 3, article 1:
// RR writes a word as it is pronounced, except tensification and, in nouns,
// the aspiration of ㄱ ㄷ ㅂ before ㅎ. McCune–Reischauer is phonetic too, so
// both word writers share this pass; names skip it (article 4).
//
// Which of these apply depends partly on morphology (a noun or a verb stem,
// a compound or a stem with a suffix) that spelling does not show. Where it
// matters the pass guesses from the few suffixes that decide it and from a
// short lexicon, and says so next to the guess.

// spoken is a syllable as said inside a word: its onset after the sound
// changes (a jamo index, so each system writes it with its own letters) and
// its coda in the letters RR and MR share (k n t l m p ng or nothing).
type spoken struct {
	ini, med int
	coda     string
}

func pronounce(ss []syllable) []spoken {
	out := make([]spoken, len(ss))
	for i, s := range ss {
		out[i] = spoken{s.ini, s.med, finalSound[s.fin]}
	}
	for i := 0; i+1 < len(ss); i++ {
		out[i].coda, out[i+1].ini = junction(ss, i)
	}
	return out
}

// liaison is where a final goes before a vowel: a single consonant moves to
// the next onset (ㅎ falls silent, ㅇ stays), a cluster keeps its first
// member as coda and moves the second.
var liaison = [nFinal]struct {
	coda  string
	onset int
}{
	fNone: {"", iNull}, fG: {"", iG}, fKK: {"", iKK}, fGS: {"k", iS}, fN: {"", iN},
	fNJ: {"n", iJ}, fNH: {"", iN}, fD: {"", iD}, fL: {"", iR}, fLG: {"l", iG},
	fLM: {"l", iM}, fLB: {"l", iB}, fLS: {"l", iS}, fLT: {"l", iT}, fLP: {"l", iP},
	fLH: {"", iR}, fM: {"", iM}, fB: {"", iB}, fBS: {"p", iS}, fS: {"", iS},
	fSS: {"", iSS}, fNG: {"ng", iNull}, fJ: {"", iJ}, fCh: {"", iCh}, fK: {"", iK},
	fT: {"", iT}, fP: {"", iP}, fH: {"", iNull},
}

// aspirate is the aspirated onset a final makes with a following ㅎ, and the
// coda left behind (the first member of a cluster).
func aspirate(f int, nextMed int) (string, int, bool) {
	coda := ""
	switch f {
	case fLG, fLB, fLP, fLT:
		coda = "l"
	case fNJ:
		coda = "n"
	}
	switch finalSound[f] {
	case "k":
		return coda, iK, true
	case "p":
		return coda, iP, true
	case "t":
		// ㄷ+히 is said 치 (palatalization, 굳히다 → guchida), and ㅈ ㅊ
		// keep their place: 맞히다 → machida.
		if nextMed == mI || nextMed == mYEO || f == fJ || f == fCh {
			return coda, iCh, true
		}
		return coda, iT, true
	}
	if f == fNJ {
		return coda, iCh, true
	}
	return "", 0, false
}

// verbalH reports a ㅎ-syllable that is the passive or causative suffix -히-
// (잡혀, 굳히다, 먹힌) or the verb 하- before an ending (못하다): there the
// stop before it aspirates. Anywhere else ㄱ ㄷ ㅂ + ㅎ is taken to be inside
// a noun, whose ㅎ RR writes (묵호 → Mukho, 집현전 → Jiphyeonjeon); the
// archive's words are overwhelmingly names and places.
func verbalH(ss []syllable, j int) bool {
	s := ss[j]
	if s.ini != iH {
		return false
	}
	switch {
	case s.med == mI && (s.fin == fNone || s.fin == fN || s.fin == fL || s.fin == fM):
		return true
	case s.med == mYEO && (s.fin == fNone || s.fin == fSS):
		return true
	case s.med == mA && s.fin == fNone && j+1 < len(ss):
		switch ss[j+1].rune() {
		case '다', '고', '지', '게', '여', '였', '면':
			return true
		}
	}
	return false
}

// nInsertion lists compounds whose second element, beginning with 이 or a
// y-vowel, gets an inserted ㄴ (학여울 → Hangnyeoul, 알약 → allyak). The
// insertion happens only across the seam of a compound (금요일 is said
// 그묘일), which spelling does not show, so it is a lexicon, not a rule.
var nInsertion = map[string]int{
	"학여울": 1, "알약": 1, "물약": 1, "솔잎": 1, "꽃잎": 1, "한여름": 1, "색연필": 1,
	"솜이불": 1, "맨입": 1, "콩엿": 1, "식용유": 2, "내복약": 2, "막일": 1, "늑막염": 2,
}

func insertsN(ss []syllable, j int) bool {
	for w, at := range nInsertion {
		rs := []rune(w)
		start := j - at
		if start < 0 || start+len(rs) > len(ss) {
			continue
		}
		match := true
		for k, r := range rs {
			if ss[start+k].rune() != r {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// nnSuffix reports ㄹ at the start of a bound Sino-Korean element after a word
// of two or more syllables: ㄴ+ㄹ is then said ㄴㄴ (신문로 → Sinmunno,
// 생산량), not ㄹㄹ as in 신라 → Silla. 령 is left out: the passes
// (대관령 → Daegwallyeong) are said with ㄹㄹ.
func nnSuffix(ss []syllable, j int) bool {
	if j < 2 {
		return false
	}
	switch ss[j].rune() {
	case '로', '란', '량', '력', '론', '료', '류', '례':
		return true
	}
	return false
}

// junction is the coda of syllable i and the onset of syllable i+1 as said.
func junction(ss []syllable, i int) (string, int) {
	f, b := ss[i].fin, ss[i+1]
	next := b.ini
	if f == fNone {
		return "", next
	}
	if next == iNull && insertsN(ss, i+1) {
		next = iN
	}
	sound := finalSound[f]
	switch next {
	case iNull:
		// Palatalization: ㄷ ㅌ before 이 are said ㅈ ㅊ (해돋이 → haedoji,
		// 같이 → gachi).
		if b.med == mI {
			switch f {
			case fD:
				return "", iJ
			case fT:
				return "", iCh
			case fLT:
				return "l", iCh
			}
		}
		l := liaison[f]
		return l.coda, l.onset
	case iH:
		if f == fJ || f == fCh || f == fNJ || verbalH(ss, i+1) {
			if coda, on, ok := aspirate(f, b.med); ok {
				return coda, on
			}
		}
		return sound, iH
	case iG, iD, iJ:
		// A final ㅎ aspirates the next stop: 좋고 → joko, 놓다 → nota,
		// 낳지 → nachi, 많다 → manta.
		asp := iK
		switch next {
		case iD:
			asp = iT
		case iJ:
			asp = iCh
		}
		switch f {
		case fH:
			return "", asp
		case fNH:
			return "n", asp
		case fLH:
			return "l", asp
		case fLG:
			if next == iG {
				return "l", next // 맑게: ㄺ keeps ㄹ before ㄱ
			}
		}
		return sound, next
	case iS:
		switch f {
		case fH:
			return "", iS // 좋소: the tensing it causes is not written
		case fNH:
			return "n", iS
		case fLH:
			return "l", iS
		}
		return sound, next
	case iN, iM:
		switch f {
		case fH, fNH:
			return "n", next // 놓는 → nonneun
		case fLH:
			sound = "l"
		}
		switch sound {
		case "k":
			return "ng", next
		case "t":
			return "n", next
		case "p":
			return "m", next
		case "l":
			if next == iN {
				return "l", iR // 별내 → Byeollae
			}
		}
		return sound, next
	case iR:
		switch sound {
		case "n":
			if nnSuffix(ss, i+1) {
				return "n", iN
			}
			return "l", iR // 신라 → Silla
		case "l":
			return "l", iR
		case "k":
			return "ng", iN // 백리 → baengni
		case "t":
			return "n", iN
		case "p":
			return "m", iN // 왕십리 → Wangsimni
		}
		return sound, iN // 종로 → Jongno
	}
	return sound, next
}
