package romanize

// Hangul syllables are composed arithmetically from U+AC00:
// (initial*21 + medial)*28 + final, so no per-syllable table is needed.
const (
	hangulBase = 0xAC00
	hangulLast = 0xD7A3
	nMedial    = 21
	nFinal     = 28
)

// Initial consonant indexes, in Unicode order.
const (
	iG = iota // ㄱ
	iKK
	iN
	iD
	iTT
	iR
	iM
	iB
	iPP
	iS
	iSS
	iNull // ㅇ
	iJ
	iJJ
	iCh
	iK
	iT
	iP
	iH
)

// Medial vowel indexes, in Unicode order.
const (
	mA = iota
	mAE
	mYA
	mYAE
	mEO
	mE
	mYEO
	mYE
	mO
	mWA
	mWAE
	mOE
	mYO
	mU
	mWO
	mWE
	mWI
	mYU
	mEU
	mUI
	mI
)

// Final consonant indexes (0 = none), in Unicode order.
const (
	fNone = iota
	fG
	fKK
	fGS
	fN
	fNJ
	fNH
	fD
	fL
	fLG
	fLM
	fLB
	fLS
	fLT
	fLP
	fLH
	fM
	fB
	fBS
	fS
	fSS
	fNG
	fJ
	fCh
	fK
	fT
	fP
	fH
)

// finalSound is the sound a final is written with at the end of a syllable
// in both RR and MR: Korean neutralizes finals to seven.
var finalSound = [nFinal]string{
	"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
	"m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
}

type syllable struct{ ini, med, fin int }

// decompose splits a precomposed Hangul syllable into jamo indexes.
func decompose(r rune) (syllable, bool) {
	if r < hangulBase || r > hangulLast {
		return syllable{}, false
	}
	n := int(r - hangulBase)
	return syllable{n / (nMedial * nFinal), (n / nFinal) % nMedial, n % nFinal}, true
}

func (s syllable) rune() rune {
	return rune(hangulBase + (s.ini*nMedial+s.med)*nFinal + s.fin)
}

func isHangulSyllable(r rune) bool { return r >= hangulBase && r <= hangulLast }

func hasHangul(s string) bool {
	for _, r := range s {
		if isHangulSyllable(r) {
			return true
		}
	}
	return false
}

// twoSyllableSurnames are the compound surnames; without them a four-syllable
// name would be split as one-syllable surname plus three-syllable given name.
var twoSyllableSurnames = map[string]bool{
	"남궁": true, "황보": true, "제갈": true, "선우": true, "독고": true,
	"사공": true, "서문": true, "동방": true, "망절": true, "어금": true,
}

// commonSyllables are syllables frequent in Korean personal and place names.
// They only break ties between segmentations of joined romanizations
// ("Hanguk" is 한국, not 항욱), so the list is short and hand-picked.
var commonSyllables = func() map[rune]bool {
	const list = "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국은편용예경봉사부" +
		"일헌영준택희대중철수호혁종동식상재훈규광태두환승만순숙자미화덕학근춘익창건균범병찬형휘욱운웅의평열련룡" +
		"울산개흥해포충북도판점록청"
	m := map[rune]bool{}
	for _, r := range list {
		m[r] = true
	}
	return m
}()
