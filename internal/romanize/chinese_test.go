package romanize

import (
	"strings"
	"testing"
)

func TestPinyinToWadeGiles(t *testing.T) {
	cases := map[string]string{
		"Mao Zedong":    "Mao Tse-tung",
		"Zhou Enlai":    "Chou En-lai",
		"Beijing":       "Pei-ching",
		"Deng Xiaoping": "Teng Hsiao-p'ing",
		"Liu Shaoqi":    "Liu Shao-ch'i",
		"Peng Dehuai":   "P'eng Te-huai",
		"Zhu De":        "Chu Te",
		"Nie Rongzhen":  "Nieh Jung-chen",
		"Xu Xiangqian":  "Hsü Hsiang-ch'ien",
		"Guo Moruo":     "Kuo Mo-jo",
		"Sun Zi":        "Sun Tzu",
		"Jiang Jieshi":  "Chiang Chieh-shih",
		"Lü Zhengcao":   "Lü Cheng-ts'ao",
		"Xi'an":         "Hsi-an",
		"Máo Zédōng":    "Mao Tse-tung",
		"Gui":           "Kuei",
		"Yuan":          "Yüan",
		"Peking":        "Peking", // postal, not Pinyin: unchanged
		"dia":           "tia",
		"tei":           "t'ei",
		"cei":           "ts'ei",
		"Nun":           "Nun",
		"Luo":           "Lo",
	}
	for in, want := range cases {
		if got := PinyinToWadeGiles(in); got != want {
			t.Errorf("PinyinToWadeGiles(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWadeGilesToPinyin(t *testing.T) {
	cases := map[string]string{
		"Mao Tse-tung":      "Mao Zedong",
		"Chou En-lai":       "Zhou Enlai",
		"Pei-ching":         "Beijing",
		"Teng Hsiao-p'ing":  "Deng Xiaoping",
		"Teng Hsiao-ping":   "Deng Xiaobing", // the apostrophe is the only difference
		"Ch'en Yi":          "Chen Yi",
		"Hsu":               "Xu",
		"Hsü Hsiang-ch'ien": "Xu Xiangqian",
		"Nieh Jung-chen":    "Nie Rongzhen",
		"Kuo Mo-jo":         "Guo Moruo",
		"P'eng Teh-huai":    "Peng Dehuai",
		"Chiang Chieh-shih": "Jiang Jieshi",
		"Tzu":               "Zi",
		"Ssu-ma":            "Sima",
		"Kao Kang":          "Gao Gang",
		"Ho Lung":           "He Long",
		"tia":               "dia",
		"t'ei":              "tei",
		"Lo":                "Luo",
	}
	for in, want := range cases {
		if got := WadeGilesToPinyin(in); got != want {
			t.Errorf("WadeGilesToPinyin(%q) = %q, want %q", in, got, want)
		}
	}
}

var chineseSame = [][]string{
	{"Mao Zedong", "Mao Tse-tung", "Mao Tsetung", "Máo Zédōng"},
	{"Zhou Enlai", "Chou En-lai", "Chou Enlai"},
	{"Beijing", "Pei-ching"},
	{"Deng Xiaoping", "Teng Hsiao-p'ing", "Teng Hsiao-ping"},
	{"Liu Shaoqi", "Liu Shao-ch'i", "Liu Shao-chi"},
	{"Peng Dehuai", "P'eng Te-huai", "Peng Teh-huai"},
	{"Zhu De", "Chu Te"},
	{"Gao Gang", "Kao Kang"},
	{"Lin Biao", "Lin Piao"},
	{"Nie Rongzhen", "Nieh Jung-chen"},
	{"Xie Fang", "Hsieh Fang"},
	{"Chen Yi", "Ch'en I"},
	{"Xu Xiangqian", "Hsu Hsiang-ch'ien", "Hsü Hsiang-chien"},
	{"Qiao Guanhua", "Ch'iao Kuan-hua"},
	{"Hong Xuezhi", "Hung Hsueh-chih"},
	{"Li Kenong", "Li K'o-nung"},
	{"He Long", "Ho Lung"},
	{"Jiang Jieshi", "Chiang Chieh-shih"},
	{"Wu Xiuquan", "Wu Hsiu-ch'üan", "Wu Hsiu-chuan"},
	{"Du Ping", "Tu P'ing"},
	{"Ren Bishi", "Jen Pi-shih"},
}

func TestChineseKeySame(t *testing.T) {
	for _, g := range chineseSame {
		want := ChineseKey(g[0])
		for _, other := range g[1:] {
			if got := ChineseKey(other); got != want {
				t.Errorf("ChineseKey(%q) = %q, ChineseKey(%q) = %q", g[0], want, other, got)
			}
		}
	}
}

var chineseApart = [][2]string{
	{"Mao Zedong", "Zhou Enlai"},
	{"Zhou Enlai", "Zhu De"},
	{"Lin Biao", "Liu Bocheng"},
	{"Gao Gang", "Kang Sheng"},
	{"Peng Dehuai", "Peng Zhen"},
	{"Chen Yi", "Chen Yun"},
	{"Xu", "Su"},
	{"Zhang", "Jiang"},
	{"Chou En-lai", "Chu Te"},
}

func TestChineseKeyApart(t *testing.T) {
	for _, p := range chineseApart {
		if a, b := ChineseKey(p[0]), ChineseKey(p[1]); a == b {
			t.Errorf("ChineseKey(%q) == ChineseKey(%q) == %q", p[0], p[1], a)
		}
	}
	if a, b := ChineseKey("Zhou"), ChineseKey("Zhu"); a == b {
		t.Errorf("ChineseKey keeps Zhou and Zhu apart, got %q", a)
	}
}

// Every Pinyin syllable survives the trip through Wade–Giles, and no two
// syllables share a Wade–Giles spelling.
func TestPinyinSyllableRoundTrip(t *testing.T) {
	if len(pinyinSyllables) < 400 {
		t.Fatalf("inventory has %d syllables", len(pinyinSyllables))
	}
	seen := map[string]string{}
	for s := range pinyinSyllables {
		if other, ok := seen[pinyinToWG(s)]; ok {
			t.Errorf("%s and %s are both %s", s, other, pinyinToWG(s))
		}
		seen[pinyinToWG(s)] = s
		if got := WadeGilesToPinyin(PinyinToWadeGiles(s)); got != strings.ReplaceAll(s, "v", "ü") {
			t.Errorf("%s -> %s -> %s", s, PinyinToWadeGiles(s), got)
		}
		wg := pinyinToWG(s)
		if py, ok := wgSyllable(wg); !ok || py != s {
			t.Errorf("%s -> %s -> %s", s, wg, py)
		}
	}
}

func TestChineseSpellings(t *testing.T) {
	for in, want := range map[string][2]string{
		"Mao Tsetung":   {"Mao Zedong", "Mao Tse-tung"},
		"Máo Zédōng":    {"Mao Zedong", "Mao Tse-tung"},
		"Chou En-lai":   {"Zhou Enlai", "Chou En-lai"},
		"Xi'an":         {"Xi'an", "Hsi-an"},
		"dia":           {"dia", "tia"},
		"Liu Shao-ch'i": {"Liu Shaoqi", "Liu Shao-ch'i"},
	} {
		py, wg, ok := ChineseSpellings(in)
		if !ok || py != want[0] || wg != want[1] {
			t.Errorf("ChineseSpellings(%q) = %q, %q, %v; want %q, %q", in, py, wg, ok, want[0], want[1])
		}
	}
	for _, in := range []string{"Truman", "Вышинский", "", "Harry S. Truman"} {
		if py, wg, ok := ChineseSpellings(in); ok {
			t.Errorf("ChineseSpellings(%q) = %q, %q, want not Chinese", in, py, wg)
		}
	}
}
