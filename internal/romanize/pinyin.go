package romanize

import (
	"strings"
	"unicode"
)

// pinyinInventory is every syllable of standard Mandarin in Hanyu Pinyin,
// grouped by initial; "v" stands for ü. The interjection lo (咯) is left
// out: Wade–Giles writes it "lo" like luo (罗), so with it the inventory
// could not map one-to-one onto Wade–Giles, and a sentence particle is never
// part of a name. The rare dia, tei, nun, fiao and cei are in, so that
// Wade–Giles "tia" and "t'ei" read back. Segmenting a joined Pinyin word
// ("Zedong", "Xiaoping") needs the inventory, not just the initials and finals,
// because most initial+final pairs are not syllables.
const pinyinInventory = `
a ai an ang ao e ei en eng er o ou
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fiao fo fou fu
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cei cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
wa wai wan wang wei wen weng wo wu
`

var pinyinSyllables = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(pinyinInventory) {
		m[s] = true
	}
	return m
}()

const maxSyllableLen = 6

// splitPinyin returns a syllable's initial and final.
func splitPinyin(s string) (string, string) {
	for _, two := range []string{"zh", "ch", "sh"} {
		if strings.HasPrefix(s, two) {
			return two, s[2:]
		}
	}
	if s != "" && strings.IndexByte("bpmfdtnlgkhjqxrzcsyw", s[0]) >= 0 {
		return s[:1], s[1:]
	}
	return "", s
}

var wgInitial = map[string]string{
	"b": "p", "p": "p'", "m": "m", "f": "f", "d": "t", "t": "t'", "n": "n", "l": "l",
	"g": "k", "k": "k'", "h": "h", "j": "ch", "q": "ch'", "x": "hs",
	"zh": "ch", "ch": "ch'", "sh": "sh", "r": "j", "z": "ts", "c": "ts'", "s": "s",
}

// wgYW are the Pinyin syllables whose y- or w- Wade–Giles spells otherwise.
var wgYW = map[string]string{
	"yi": "i", "ye": "yeh", "you": "yu", "yan": "yen", "yong": "yung", "yu": "yü",
	"yue": "yüeh", "yuan": "yüan", "yun": "yün",
}

// pinyinToWG converts one Pinyin syllable (ü as v) to Wade–Giles with
// apostrophes and ü, without the breve on ŭ and circumflex on ê that English
// texts leave out.
func pinyinToWG(py string) string {
	if w, ok := wgYW[py]; ok {
		return w
	}
	ini, fin := splitPinyin(py)
	if ini == "y" || ini == "w" {
		return py
	}
	if ini == "" {
		if fin == "er" {
			return "erh"
		}
		return fin
	}
	wi := wgInitial[ini]
	palatal := ini == "j" || ini == "q" || ini == "x"
	switch {
	case fin == "i" && (ini == "zh" || ini == "ch" || ini == "sh" || ini == "r"):
		return wi + "ih"
	case fin == "i" && ini == "z":
		return "tzu"
	case fin == "i" && ini == "c":
		return "tz'u"
	case fin == "i" && ini == "s":
		return "ssu"
	}
	var wf string
	switch fin {
	case "e":
		if ini == "g" || ini == "k" || ini == "h" {
			wf = "o"
		} else {
			wf = "e"
		}
	case "ong":
		wf = "ung"
	case "ie":
		wf = "ieh"
	case "ian":
		wf = "ien"
	case "iong":
		wf = "iung"
	case "uo":
		if ini == "g" || ini == "k" || ini == "h" || ini == "sh" {
			wf = "uo"
		} else {
			wf = "o"
		}
	case "ui":
		if ini == "g" || ini == "k" {
			wf = "uei"
		} else {
			wf = "ui"
		}
	case "v":
		wf = "ü"
	case "ve", "ue":
		wf = "üeh"
	case "u", "uan", "un":
		if palatal {
			wf = "ü" + fin[1:]
		} else {
			wf = fin
		}
	default:
		wf = fin
	}
	return wi + wf
}

// pinyinLetters normalizes a Pinyin word: lower case, tone marks and tone
// numbers removed, ü kept as v.
func pinyinLetters(w string) (string, bool) {
	var b strings.Builder
	for _, r := range w {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == 'ü' || r == 'ǖ' || r == 'ǘ' || r == 'ǚ' || r == 'ǜ':
			b.WriteByte('v')
		case r >= '1' && r <= '5', r == ':' && b.Len() > 0:
			// Tone numbers and the u: spelling of ü.
			if r == ':' {
				s := b.String()
				if strings.HasSuffix(s, "u") {
					b.Reset()
					b.WriteString(s[:len(s)-1] + "v")
				}
			}
		case latinFold[r] != "":
			b.WriteString(latinFold[r])
		default:
			return "", false
		}
	}
	return b.String(), true
}

// segmentPinyin splits a joined Pinyin word into syllables. Pinyin requires
// an apostrophe before a syllable starting with a, o or e inside a word, so a
// split that puts one there is tried only when nothing else works ("Xian"
// is one syllable; "Xi'an" arrives already split). Among valid splits the
// one with fewest syllables wins.
func segmentPinyin(w string) []string {
	if w == "" || len(w) > 40 {
		return nil
	}
	const inf = 1 << 30
	n := len(w)
	best := make([]int, n+1)
	prev := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = inf
	}
	for i := 0; i < n; i++ {
		if best[i] == inf {
			continue
		}
		for l := 1; l <= maxSyllableLen && i+l <= n; l++ {
			s := w[i : i+l]
			if !pinyinSyllables[s] {
				continue
			}
			c := best[i] + 1
			if i > 0 && strings.IndexByte("aoe", s[0]) >= 0 {
				c += 100
			}
			// Prefer longer earlier syllables on ties (jiang+an over jian+gan
			// only when both are legal; Pinyin itself reads greedily).
			if c < best[i+l] || c == best[i+l] && i > prev[i+l] {
				best[i+l] = c
				prev[i+l] = i
			}
		}
	}
	if best[n] == inf {
		return nil
	}
	var out []string
	for i := n; i > 0; i = prev[i] {
		out = append([]string{w[prev[i]:i]}, out...)
	}
	return out
}

// pinyinWords parses a name written in Pinyin into words of syllables.
func pinyinWords(name string) ([][]string, bool) {
	var words [][]string
	for _, tok := range strings.Fields(name) {
		var word []string
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || isApostrophe(r) }) {
			letters, ok := pinyinLetters(part)
			if !ok {
				return nil, false
			}
			syls := segmentPinyin(letters)
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

// PinyinToWadeGiles rewrites a Pinyin name in Wade–Giles, with the syllables
// of a word joined by hyphens as English texts print them:
// "Mao Zedong" → "Mao Tse-tung", "Zhou Enlai" → "Chou En-lai",
// "Beijing" → "Pei-ching". Words that are not Pinyin pass through unchanged.
// Conventional postal and Cantonese spellings (Peking, Chiang Kai-shek) are
// not rules and are not produced.
func PinyinToWadeGiles(pinyin string) string {
	toks := strings.Fields(pinyin)
	for i, tok := range toks {
		words, ok := pinyinWords(tok)
		if !ok {
			continue
		}
		parts := make([]string, len(words[0]))
		for j, s := range words[0] {
			parts[j] = pinyinToWG(s)
		}
		toks[i] = matchCase(tok, strings.Join(parts, "-"))
	}
	return strings.Join(toks, " ")
}

// matchCase capitalizes out the way the source word was: all caps or initial
// capital.
func matchCase(src, out string) string {
	rs := []rune(src)
	if len(rs) == 0 {
		return out
	}
	if strings.ToUpper(src) == src && len(rs) > 1 && strings.ToLower(src) != src {
		return strings.ToUpper(out)
	}
	if unicode.IsUpper(rs[0]) {
		o := []rune(out)
		o[0] = unicode.ToUpper(o[0])
		return string(o)
	}
	return out
}
