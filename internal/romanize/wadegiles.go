package romanize

import (
	"strings"
	"unicode"
)

// wgExact maps each Wade–Giles syllable (apostrophes and ü written) to
// Pinyin; wgLoose maps the forms English texts actually print, without
// apostrophes or umlauts, preferring the reading that needs no dropped mark
// (so "chou" is zhou, "chu" is zhu, "hsu" can only be xu).
var wgExact, wgLoose = func() (map[string]string, map[string]string) {
	exact := map[string]string{}
	for _, py := range strings.Fields(pinyinInventory) {
		wg := pinyinToWG(py)
		if old, ok := exact[wg]; ok && len(old) >= len(py) {
			continue // "lo" is luo rather than the interjection lo
		}
		exact[wg] = py
	}
	// Variant spellings within the system.
	for wg, py := range map[string]string{"szu": "si", "huei": "hui", "k'ui": "kui", "kui": "gui", "ê": "e", "o": "e", "eh": "e"} {
		if _, ok := exact[wg]; !ok {
			exact[wg] = py
		}
	}
	// English texts often write final e as eh after a consonant: Teh-huai.
	for wg, py := range exact {
		if strings.HasSuffix(wg, "e") && !strings.HasSuffix(wg, "ie") && !strings.HasSuffix(wg, "üe") && len(wg) > 1 {
			if _, ok := exact[wg+"h"]; !ok {
				exact[wg+"h"] = py
			}
		}
	}
	loose := map[string]string{}
	for wg, py := range exact {
		if loose[looseWG(wg)] == "" || looseWG(wg) == wg {
			loose[looseWG(wg)] = py
		}
	}
	return exact, loose
}()

func looseWG(s string) string {
	return strings.NewReplacer("'", "", "ü", "u").Replace(s)
}

// wgLetters normalizes a Wade–Giles piece: lower case, apostrophe variants to
// ', ü kept, breve and circumflex and tone numbers dropped.
func wgLetters(p string) (string, bool) {
	var b strings.Builder
	for _, r := range p {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == 'ü' || r == 'ǖ' || r == 'ǘ' || r == 'ǚ' || r == 'ǜ':
			b.WriteString("ü")
		case isApostrophe(r):
			b.WriteByte('\'')
		case r >= '1' && r <= '5':
		case latinFold[r] != "":
			b.WriteString(latinFold[r])
		default:
			return "", false
		}
	}
	return b.String(), true
}

// wgSyllable reads one Wade–Giles syllable.
func wgSyllable(s string) (string, bool) {
	if py, ok := wgExact[s]; ok {
		return py, true
	}
	py, ok := wgLoose[looseWG(s)]
	return py, ok
}

// wgWords parses a name in Wade–Giles into words of Pinyin syllables. Each
// hyphen-separated piece should be a syllable; a piece that is not is split
// at the fewest syllables, for texts that run them together ("Tsetung").
func wgWords(name string) ([][]string, bool) {
	var words [][]string
	for _, tok := range strings.Fields(name) {
		var word []string
		for _, piece := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '‐' || r == '–' }) {
			letters, ok := wgLetters(piece)
			letters = strings.Trim(letters, "'")
			if !ok || letters == "" {
				return nil, false
			}
			if py, ok := wgSyllable(letters); ok {
				word = append(word, py)
				continue
			}
			syls := segmentWG(letters)
			if syls == nil {
				return nil, false
			}
			word = append(word, syls...)
		}
		if len(word) > 0 {
			words = append(words, word)
		}
	}
	return words, len(words) > 0
}

func segmentWG(w string) []string {
	if len(w) > 40 {
		return nil
	}
	const inf = 1 << 30
	n := len(w)
	best := make([]int, n+1)
	prev := make([]int, n+1)
	val := make([]string, n+1)
	for i := 1; i <= n; i++ {
		best[i] = inf
	}
	for i := 0; i < n; i++ {
		if best[i] == inf {
			continue
		}
		for l := 1; l <= 8 && i+l <= n; l++ {
			py, ok := wgSyllable(w[i : i+l])
			if !ok {
				continue
			}
			if c := best[i] + 1; c < best[i+l] {
				best[i+l], prev[i+l], val[i+l] = c, i, py
			}
		}
	}
	if best[n] == inf {
		return nil
	}
	var out []string
	for i := n; i > 0; i = prev[i] {
		out = append([]string{val[i]}, out...)
	}
	return out
}

// WadeGilesToPinyin rewrites a Wade–Giles name in Pinyin, joining the
// syllables of a word: "Chou En-lai" → "Zhou Enlai", "Mao Tse-tung" →
// "Mao Zedong", "Ch'en" → "Chen", "Hsu" → "Xu". Missing apostrophes are read
// as the unaspirated syllable ("Shao-chi" → "Shaoji"), which is what the
// letters say; ChineseKey merges the two. Words that are not Wade–Giles pass
// through unchanged.
func WadeGilesToPinyin(wg string) string {
	toks := strings.Fields(wg)
	for i, tok := range toks {
		words, ok := wgWords(tok)
		if !ok {
			continue
		}
		toks[i] = matchCase(tok, joinPinyin(words[0]))
	}
	return strings.Join(toks, " ")
}

// joinPinyin writes syllables as one Pinyin word, with ü as ü and the
// apostrophe Pinyin puts before a, o, e inside a word.
func joinPinyin(syls []string) string {
	var b strings.Builder
	for i, s := range syls {
		if i > 0 && strings.IndexByte("aoe", s[0]) >= 0 {
			b.WriteByte('\'')
		}
		b.WriteString(strings.ReplaceAll(s, "v", "ü"))
	}
	return b.String()
}

// wgEvident reports spellings only Wade–Giles uses, or hyphenated words made
// entirely of Wade–Giles syllables (Pinyin joins the syllables of a word).
func wgEvident(name string) bool {
	f := strings.ToLower(name)
	for _, marker := range []string{"hs", "ts", "tz", "ih", "ieh", "ien", "erh", "uei", "ssu", "szu", "yen", "yeh", "ê", "ŭ"} {
		if strings.Contains(f, marker) {
			return true
		}
	}
	for _, tok := range strings.Fields(f) {
		pieces := strings.Split(tok, "-")
		hasMark := len(pieces) > 1 || strings.ContainsFunc(tok, isApostrophe)
		if !hasMark {
			continue
		}
		all := true
		for _, p := range pieces {
			l, ok := wgLetters(p)
			if _, isSyl := wgSyllable(strings.Trim(l, "'")); !ok || !isSyl {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// chineseSyllables reads a name as Pinyin or Wade–Giles: Wade–Giles when it
// shows Wade–Giles features, else Pinyin, else Wade–Giles as the fallback.
func chineseSyllables(name string) ([][]string, bool) {
	if wgEvident(name) {
		if w, ok := wgWords(name); ok {
			return w, true
		}
	}
	if w, ok := pinyinWords(name); ok {
		return w, true
	}
	return wgWords(name)
}

// aspirationMerge maps each aspirated Pinyin initial to its unaspirated
// partner: Wade–Giles writes the difference only with an apostrophe, which
// typists and OCR drop. j and q join zh because Wade–Giles writes all four
// ch and tells j from zh only by the umlaut on ü, which is dropped as often.
var aspirationMerge = map[string]string{"p": "b", "t": "d", "k": "g", "q": "zh", "j": "zh", "ch": "zh", "c": "z"}

// ChineseKey is a comparison key under which every Pinyin and Wade–Giles
// spelling of the same syllables meets: "Mao Zedong"/"Mao Tse-tung",
// "Zhou Enlai"/"Chou En-lai"/"Chou Enlai", "Liu Shaoqi"/"Liu Shao-ch'i"/
// "Liu Shao-chi". It merges aspirated with unaspirated initials, j q zh ch
// (all Wade–Giles ch), and ü with u; it keeps every other syllable difference. Names that are neither get
// their folded letters.
func ChineseKey(name string) string {
	words, ok := chineseSyllables(name)
	if !ok {
		return lettersOnly(foldASCII(name))
	}
	var b strings.Builder
	for _, w := range words {
		for _, s := range w {
			ini, fin := splitPinyin(s)
			if m, ok := aspirationMerge[ini]; ok {
				ini = m
			}
			b.WriteString(ini)
			b.WriteString(strings.ReplaceAll(fin, "v", "u"))
		}
	}
	return b.String()
}

// ChineseSpellings reads a Latin name as Pinyin or Wade–Giles (as Key does:
// Wade–Giles when it shows Wade–Giles features, else Pinyin) and writes it in
// both: "Mao Tsetung" → "Mao Zedong", "Mao Tse-tung". ok is false when the
// name is neither. Each word keeps the case of its first letter.
func ChineseSpellings(name string) (pinyin, wadeGiles string, ok bool) {
	words, ok := chineseSyllables(name)
	toks := strings.Fields(name)
	if !ok || len(words) != len(toks) {
		return "", "", false
	}
	py := make([]string, len(words))
	wg := make([]string, len(words))
	for i, w := range words {
		parts := make([]string, len(w))
		for j, syl := range w {
			parts[j] = pinyinToWG(syl)
		}
		py[i], wg[i] = joinPinyin(w), strings.Join(parts, "-")
		if r := []rune(toks[i]); unicode.IsUpper(r[0]) {
			py[i], wg[i] = capitalize(py[i]), capitalize(wg[i])
		}
	}
	return strings.Join(py, " "), strings.Join(wg, " "), true
}
