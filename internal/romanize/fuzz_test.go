package romanize

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"Pak Heon-yeong", "Pak Hon Yong", "박헌영", "Chong Chun-t'aek", "Ch'ŏngjin", "Syngman Rhee",
	"Вышинский", "Vyšinskij", "Chruschtschow", "Tse-tung", "Chou En-lai", "Xi'an", "Lü Zhengcao",
	"毛泽东", "Harry S. Truman", "", "-", "'", "k'", "ch''", "a-a-a-a-a-a-a-a-a-a-a-a", "ŏ\u0306",
	"ngngngngngngngngngngng", "Park Chung-hee Park", "y", "Ь", "ё", "щщщ",
}

func FuzzKey(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if len(k) > 4*len(s)+8 {
			t.Fatalf("Key(%q) grew to %d bytes", s, len(k))
		}
		if !utf8.ValidString(k) && utf8.ValidString(s) {
			t.Fatalf("Key(%q) = %q is not UTF-8", s, k)
		}
		if k2 := Key(s); k2 != k {
			t.Fatalf("Key(%q) not deterministic: %q then %q", s, k, k2)
		}
		if vs := Variants(s); len(vs) > MaxVariants {
			t.Fatalf("Variants(%q): %d", s, len(vs))
		}
		_ = ChineseKey(s)
		_ = RussianKey(s)
		_ = PinyinToWadeGiles(s)
		_ = WadeGilesToPinyin(s)
		for _, sc := range []Scheme{ALALC, BGN, Scholarly, Popular} {
			_ = CyrillicToLatin(s, sc)
		}
	})
}

func FuzzKoreanToHangul(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs := KoreanToHangul(s)
		if len(cs) > MaxCandidates {
			t.Fatalf("KoreanToHangul(%q): %d candidates", s, len(cs))
		}
		seen := map[string]bool{}
		for _, c := range cs {
			if c == "" || seen[c] {
				t.Fatalf("KoreanToHangul(%q): empty or repeated candidate %q", s, c)
			}
			seen[c] = true
			for _, r := range c {
				if !isHangulSyllable(r) {
					t.Fatalf("KoreanToHangul(%q): %q is not Hangul", s, c)
				}
			}
		}
		_ = KoreanKey(s)
		_ = HangulToRR(s)
		_ = HangulToMR(s)
		_ = RRName(s)
		_ = MRName(s, true)
	})
}
