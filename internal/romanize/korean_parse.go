package romanize

import (
	"sort"
	"strings"
	"unicode"
)

// MaxCandidates bounds KoreanToHangul's answer.
const MaxCandidates = 64

// Limits that keep parsing linear in practice: names are short, and
// anything longer is not a name this package should try to read.
const (
	maxKoreanInput  = 120
	maxKoreanPieces = 10
	maxPieceLen     = 24
	beamWidth       = 160
)

// Readings of one spelling. The same letters mean different jamo in RR and MR
// (RR k = ㅋ, MR k = ㄱ), so each reading is tagged with the system it belongs
// to and costed by the hints the whole name gives.
const (
	both = iota
	rrOnly
	mrOnly
	conventional
)

type reading struct {
	pat  string
	idx  int
	cost float64
	sys  int
}

// Patterns use 'O' for ŏ, 'U' for ŭ and '\” for the aspiration apostrophe.
var initialReadings = []reading{
	{"", iNull, 0, both},
	{"g", iG, 0, both}, {"k", iG, 0, mrOnly}, {"k", iK, 0.5, rrOnly}, {"k'", iK, 0, both}, {"kh", iK, 1, conventional},
	{"kk", iKK, 0, both}, {"gg", iKK, 1, conventional},
	{"n", iN, 0, both}, {"n", iR, 1.2, both},
	{"d", iD, 0, both}, {"t", iD, 0, mrOnly}, {"t", iT, 0.5, rrOnly}, {"t'", iT, 0, both}, {"th", iT, 1, conventional},
	{"tt", iTT, 0, both}, {"dd", iTT, 1, conventional},
	{"r", iR, 0, both}, {"l", iR, 0.2, both},
	{"m", iM, 0, both},
	{"b", iB, 0, both}, {"p", iB, 0, mrOnly}, {"p", iP, 0.5, rrOnly}, {"p'", iP, 0, both}, {"ph", iP, 1, conventional},
	{"pp", iPP, 0, both}, {"bb", iPP, 1, conventional},
	{"s", iS, 0, both}, {"sh", iS, 0.2, both},
	{"ss", iSS, 0, both},
	{"j", iJ, 0, both}, {"ch", iJ, 0, mrOnly}, {"ch", iCh, 0.5, rrOnly}, {"ch'", iCh, 0, both},
	{"jj", iJJ, 0, both}, {"tch", iJJ, 0, both},
	{"h", iH, 0, both},
}

var medialReadings = []reading{
	{"a", mA, 0, both}, {"ae", mAE, 0, both}, {"ya", mYA, 0, both}, {"yae", mYAE, 0.3, both},
	{"eo", mEO, 0, rrOnly}, {"O", mEO, 0, both}, {"o", mO, 0, both}, {"o", mEO, 0.4, mrOnly},
	{"e", mE, 0, both}, {"yeo", mYEO, 0, rrOnly}, {"yO", mYEO, 0, both}, {"ye", mYE, 0.2, both},
	{"wa", mWA, 0, both}, {"wae", mWAE, 0.3, both}, {"oe", mOE, 0, both},
	{"yo", mYO, 0.2, both}, {"yo", mYEO, 0, mrOnly},
	{"u", mU, 0, both}, {"u", mEU, 0.4, mrOnly}, {"u", mEO, 1.2, conventional},
	{"wo", mWO, 0, both}, {"wO", mWO, 0, both}, {"we", mWE, 0.3, both}, {"wi", mWI, 0, both},
	{"yu", mYU, 0, both}, {"yu", mYEO, 1.2, conventional},
	{"eu", mEU, 0, rrOnly}, {"U", mEU, 0, both},
	{"ui", mUI, 0, both}, {"Ui", mUI, 0, both}, {"eui", mUI, 0.5, conventional},
	{"i", mI, 0, both},
	// English spelling habits in personal names: Yoon, Hee, Young, Choi, Woo, Syngman.
	{"oo", mU, 0.5, conventional}, {"ee", mUI, 0.6, conventional}, {"ee", mI, 0.8, conventional},
	{"ou", mEO, 0.8, conventional}, {"oi", mOE, 0.8, conventional}, {"ai", mAE, 1, conventional},
	{"woo", mU, 0.5, conventional}, {"y", mEU, 1, conventional},
}

var finalReadings = []reading{
	{"", fNone, 0, both},
	{"k", fG, 0, both}, {"k", fKK, 1.5, both}, {"k", fK, 1.5, both}, {"k", fGS, 2, both}, {"k", fLG, 2, both},
	{"g", fG, 0.8, both},
	{"n", fN, 0, both}, {"n", fNJ, 2, both}, {"n", fNH, 2, both},
	{"t", fS, 0.3, both}, {"t", fD, 0.5, both}, {"t", fSS, 1.5, both}, {"t", fJ, 1.5, both},
	{"t", fCh, 1.5, both}, {"t", fT, 1.5, both}, {"t", fH, 2, both},
	{"d", fD, 0.8, both},
	{"l", fL, 0, both}, {"l", fLB, 2, both}, {"l", fLS, 2, both}, {"l", fLT, 2, both}, {"l", fLH, 2, both},
	{"r", fL, 0.8, both},
	{"m", fM, 0, both}, {"m", fLM, 2, both},
	{"p", fB, 0, both}, {"p", fP, 1.5, both}, {"p", fBS, 2, both}, {"p", fLP, 2, both},
	{"b", fB, 0.8, both},
	{"ng", fNG, 0, both},
	// Word-level spellings nasalize finals before n and m (Baengnam, Jongno).
	{"ng", fG, 1.2, both}, {"n", fD, 1.5, both}, {"n", fS, 1.5, both}, {"m", fB, 1.2, both},
}

// koreanHints says which system a name is in, from spellings only one system
// uses: RR's eo/eu and word-initial g/d/b/j; MR's breves and apostrophes.
type koreanHints struct{ rr, mr bool }

func (h koreanHints) cost(r reading) float64 {
	c := r.cost
	switch {
	case r.sys == rrOnly && h.mr && !h.rr, r.sys == mrOnly && h.rr && !h.mr:
		c += 0.6
	case r.sys == rrOnly && !h.rr:
		c += 0.3
	}
	return c
}

// koreanPieces normalizes a romanized name into words of pieces: words are
// split on spaces, pieces on hyphens and on apostrophes that do not mark
// aspiration. It returns nil if anything in it cannot be Korean.
func koreanPieces(roman string) ([][]string, koreanHints, bool) {
	var h koreanHints
	if len(roman) > maxKoreanInput {
		return nil, h, false
	}
	var words [][]string
	var cur []string
	var piece []byte
	endPiece := func() {
		if len(piece) > 0 {
			cur = append(cur, string(piece))
			piece = piece[:0]
		}
	}
	endWord := func() {
		endPiece()
		if len(cur) > 0 {
			words = append(words, cur)
			cur = nil
		}
	}
	for _, r := range roman {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z':
			piece = append(piece, byte(r))
		case r == 'ŏ' || r == 'ǒ':
			piece = append(piece, 'O')
			h.mr = true
		case r == 'ŭ' || r == 'ǔ':
			piece = append(piece, 'U')
			h.mr = true
		case r == '\u0306' || r == '\u030c': // combining breve or caron
			if n := len(piece); n > 0 && (piece[n-1] == 'o' || piece[n-1] == 'u') {
				piece[n-1] -= 'a' - 'A'
				h.mr = true
			}
		case isApostrophe(r):
			n := len(piece)
			if n > 0 && (piece[n-1] == 'k' || piece[n-1] == 't' || piece[n-1] == 'p' || n > 1 && piece[n-1] == 'h' && piece[n-2] == 'c') {
				piece = append(piece, '\'')
				h.mr = true
			} else {
				endPiece()
			}
		case r == '-' || r == '‐' || r == '–' || r == '.' || r == '·':
			endPiece()
		case unicode.IsSpace(r) || r == ',':
			endWord()
		default:
			// Other diacritics (ü, é) belong to other languages' spellings.
			return nil, h, false
		}
		if len(piece) > maxPieceLen {
			return nil, h, false
		}
	}
	endWord()
	n := 0
	for _, w := range words {
		n += len(w)
		for _, p := range w {
			if strings.ContainsAny(p, "fqvxz") {
				return nil, h, false
			}
			if strings.Contains(p, "eo") || strings.Contains(p, "eu") {
				h.rr = true
			}
		}
		if c := w[0][0]; c == 'g' || c == 'd' || c == 'b' || c == 'j' {
			h.rr = true
		}
	}
	if n == 0 || n > maxKoreanPieces {
		return nil, h, false
	}
	return words, h, true
}

type parse struct {
	syls []syllable
	cost float64
}

// KoreanToHangul reads a romanized Korean name or place name in either RR or
// McCune–Reischauer (with or without breves and apostrophes; hyphenated,
// spaced or joined) and returns the Hangul spellings it can stand for, most
// likely first, at most MaxCandidates. Words are joined without spaces, as
// Korean names are written. Given-name-first names ("Syngman Rhee") are
// turned around. A string that cannot be Korean (letters f, q, v, x, z;
// clusters no Korean syllable has) gives nil.
func KoreanToHangul(roman string) []string {
	acc := parseKorean(roman, beamWidth)
	seen := map[string]bool{}
	var out []string
	for _, p := range acc {
		var b strings.Builder
		for _, s := range p.syls {
			b.WriteRune(s.rune())
		}
		h := b.String()
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
			if len(out) == MaxCandidates {
				break
			}
		}
	}
	return out
}

// parseKorean parses a romanized name keeping beam readings at each step.
func parseKorean(roman string, beam int) []parse {
	words, hints, ok := koreanPieces(roman)
	if !ok {
		return nil
	}
	words = orderPieces(words)
	acc := []parse{{}}
	for wi, w := range words {
		var wordParses []parse
		if wi == 0 {
			wordParses = surnameParses(strings.Join(w, ""))
		}
		wordParses = append(wordParses, parseWord(w, hints, beam)...)
		if len(wordParses) == 0 {
			return nil
		}
		acc = combine(acc, wordParses, beam)
	}
	return acc
}

// koreanParsable reports whether KoreanToHangul would find any reading.
// Whether the end of a piece is reachable does not depend on which readings
// were kept on the way, so one per position is enough.
func koreanParsable(roman string) bool { return len(parseKorean(roman, 1)) > 0 }

// orderPieces applies koreanOrder to piece lists.
func orderPieces(words [][]string) [][]string {
	toks := make([]string, len(words))
	index := map[string]int{}
	for i, w := range words {
		toks[i] = strings.Join(w, "-")
		index[toks[i]] = i
	}
	ordered := koreanOrder(toks)
	if ordered[0] == toks[0] {
		return words
	}
	out := [][]string{words[len(words)-1]}
	return append(out, words[:len(words)-1]...)
}

func surnameParses(spelling string) []parse {
	var out []parse
	for i, h := range koreanSurnames[strings.ReplaceAll(strings.ToLower(spelling), "'", "")] {
		var p parse
		for _, r := range h {
			s, _ := decompose(r)
			p.syls = append(p.syls, s)
		}
		p.cost = 0.5 * float64(i)
		out = append(out, p)
	}
	return out
}

// parseWord parses each piece and combines them; a hyphen inside a word is a
// syllable boundary, so pieces never share a syllable.
func parseWord(pieces []string, h koreanHints, beam int) []parse {
	acc := []parse{{}}
	for _, p := range pieces {
		ps := parsePiece(p, h, len(acc[0].syls) > 0 && voicedBefore(acc[0].syls[len(acc[0].syls)-1]), beam)
		if len(ps) == 0 {
			return nil
		}
		acc = combine(acc, ps, beam)
	}
	return acc
}

// parsePiece segments one run of letters into syllables by dynamic
// programming over positions, keeping the cheapest readings at each position.
// voicedStart says the piece continues a word after a voiced sound, where MR
// would have written a plain stop voiced.
func parsePiece(p string, h koreanHints, voicedStart bool, beam int) []parse {
	type state struct {
		parse
		voiced bool // the last syllable ends in a voiced sound
	}
	states := make([][]state, len(p)+1)
	states[0] = []state{{voiced: voicedStart}}
	for pos := 0; pos < len(p); pos++ {
		cur := states[pos]
		if len(cur) == 0 {
			continue
		}
		sort.SliceStable(cur, func(i, j int) bool { return cur[i].cost < cur[j].cost })
		if len(cur) > beam {
			cur = cur[:beam]
		}
		for _, st := range cur {
			afterVoiced := st.voiced && (pos > 0 || voicedStart)
			for _, ini := range initialReadings {
				if !strings.HasPrefix(p[pos:], ini.pat) {
					continue
				}
				ic := h.cost(ini)
				// In MR a plain stop after a voiced sound is written voiced,
				// so an unvoiced letter there is the aspirate with its
				// apostrophe dropped ("Chun-taek" is 준택).
				if afterVoiced && ini.sys == mrOnly && !h.rr {
					ic += 0.8
				}
				if ini.idx == iNull && pos > 0 {
					ic += 0.3
				}
				p1 := pos + len(ini.pat)
				for _, med := range medialReadings {
					if !strings.HasPrefix(p[p1:], med.pat) {
						continue
					}
					if med.pat == "woo" && ini.idx != iNull {
						continue
					}
					mc := h.cost(med)
					p2 := p1 + len(med.pat)
					for _, fin := range finalReadings {
						if !strings.HasPrefix(p[p2:], fin.pat) {
							continue
						}
						s := syllable{ini.idx, med.idx, fin.idx}
						c := st.cost + 1 + ic + mc + h.cost(fin)
						if commonSyllables[s.rune()] {
							c -= 0.4
						}
						p3 := p2 + len(fin.pat)
						syls := make([]syllable, len(st.syls), len(st.syls)+1)
						copy(syls, st.syls)
						states[p3] = append(states[p3], state{parse{append(syls, s), c}, voicedBefore(s)})
					}
				}
			}
		}
		states[pos] = nil
	}
	end := states[len(p)]
	out := make([]parse, len(end))
	for i, st := range end {
		out[i] = st.parse
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].cost < out[j].cost })
	if len(out) > beam {
		out = out[:beam]
	}
	return out
}

// combine forms the cross product of two candidate lists, cheapest first,
// keeping at most limit.
func combine(a, b []parse, limit int) []parse {
	out := make([]parse, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			syls := make([]syllable, 0, len(x.syls)+len(y.syls))
			syls = append(append(syls, x.syls...), y.syls...)
			out = append(out, parse{syls, x.cost + y.cost})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].cost < out[j].cost })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
