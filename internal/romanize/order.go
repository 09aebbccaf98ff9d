package romanize

import "strings"

// chineseSurnames are the commonest Chinese family names in Pinyin, Wade–Giles
// and the postal and Cantonese spellings that English texts print. The list
// only decides name order: a first word found here, followed by words that
// read as Chinese syllables, is a family name written first.
var chineseSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`
		wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao
		lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong
		pan yuan cai jiang yu du ye cheng wei su lv ding ren lu yao shen zhong cui tan
		fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan
		duan lei long tao gu mao hao gong shao wan qian dai mo kong xiang kang bo rao
		chou chang chao teng kao huang hsu hsieh hsiao chiang chu tseng tsao tsai
		soong kung sung yeh tung tai wong chan cheung lam kuo ku liao ho`) {
		m[s] = true
	}
	return m
}()

// FamilyFirst reports whether a romanized name is a Korean or Chinese name in
// its own order, family name first: "Kim Il Sung", "Pak Hon-yong", "Kim
// Il-sung", "Mao Zedong", "Zhou Enlai", "Chou En-lai". It needs the first
// word to be a known surname spelling and every other word to read as Korean
// or Chinese syllables, so "Kim Philby" and "Lee Harvey Oswald" stay Western,
// and "Syngman Rhee", written given name first, is not claimed.
func FamilyFirst(name string) bool {
	toks := strings.Fields(name)
	if len(toks) < 2 || len(toks) > 3 {
		return false
	}
	first := surnameSpelling(toks[0])
	rest := strings.Join(toks[1:], " ")
	if first == "" || strings.ContainsAny(rest, ".,") {
		return false
	}
	// A Korean given name is written as two syllables apart or hyphenated;
	// one unbroken word after a surname ("Kim Philby") is a Western name.
	korean := len(toks) == 3 || strings.Contains(rest, "-") || koreanVowels(rest)
	if _, ok := koreanSurnames[first]; ok && korean && koreanParsable(rest) {
		return true
	}
	if chineseSurnames[first] {
		if _, ok := chineseSyllables(rest); ok {
			return true
		}
	}
	return false
}
