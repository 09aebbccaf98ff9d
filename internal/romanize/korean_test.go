package romanize

import (
	"slices"
	"testing"
)

func TestHangulRomanization(t *testing.T) {
	cases := []struct{ hangul, rr, mr, mrBreve string }{
		{"강원", "Gangwon", "Kangwon", "Kangwŏn"},
		{"청진", "Cheongjin", "Ch'ongjin", "Ch'ŏngjin"},
		{"평양", "Pyeongyang", "P'yongyang", "P'yŏngyang"},
		{"신라", "Silla", "Silla", "Silla"},
		{"한국", "Hanguk", "Han'guk", "Han'guk"},
		{"종로", "Jongno", "Chongno", "Chongno"},
		{"함흥", "Hamheung", "Hamhung", "Hamhŭng"},
		{"개성", "Gaeseong", "Kaesong", "Kaesŏng"},
	}
	for _, c := range cases {
		if got := HangulToRR(c.hangul); got != c.rr {
			t.Errorf("HangulToRR(%s) = %q, want %q", c.hangul, got, c.rr)
		}
		if got := HangulToMR(c.hangul); got != c.mr {
			t.Errorf("HangulToMR(%s) = %q, want %q", c.hangul, got, c.mr)
		}
		if got := HangulToMRBreve(c.hangul); got != c.mrBreve {
			t.Errorf("HangulToMRBreve(%s) = %q, want %q", c.hangul, got, c.mrBreve)
		}
	}
}

func TestKoreanNames(t *testing.T) {
	cases := []struct{ hangul, rr, mr, mrBreve string }{
		{"박헌영", "Bak Heon-yeong", "Pak Hon-yong", "Pak Hŏn-yŏng"},
		{"정준택", "Jeong Jun-taek", "Chong Chun-t'aek", "Chŏng Chun-t'aek"},
		{"김일성", "Gim Il-seong", "Kim Il-song", "Kim Il-sŏng"},
		{"김대중", "Gim Dae-jung", "Kim Tae-jung", "Kim Tae-jung"},
		{"최용건", "Choe Yong-geon", "Ch'oe Yong-gon", "Ch'oe Yong-gŏn"},
		{"이승만", "I Seung-man", "I Sung-man", "I Sŭng-man"},
		{"남궁억", "Namgung Eok", "Namgung Ok", "Namgung Ŏk"},
	}
	for _, c := range cases {
		if got := RRName(c.hangul); got != c.rr {
			t.Errorf("RRName(%s) = %q, want %q", c.hangul, got, c.rr)
		}
		if got := MRName(c.hangul, false); got != c.mr {
			t.Errorf("MRName(%s) = %q, want %q", c.hangul, got, c.mr)
		}
		if got := MRName(c.hangul, true); got != c.mrBreve {
			t.Errorf("MRName(%s, breves) = %q, want %q", c.hangul, got, c.mrBreve)
		}
	}
}

func TestKoreanToHangul(t *testing.T) {
	cases := []struct {
		roman string
		want  string
		top   int // the answer must be among the first top candidates
	}{
		{"Pak Heon-yeong", "박헌영", 1},
		{"Pak Hon-yong", "박헌영", 3},
		{"Pak Hon Yong", "박헌영", 3},
		{"Jeong Jun-taek", "정준택", 1},
		{"Chong Chun-taek", "정준택", 3},
		{"Chŏng Chun-t'aek", "정준택", 1},
		{"Gangwon", "강원", 1},
		{"Kangwon", "강원", 1},
		{"Cheongjin", "청진", 1},
		{"Chongjin", "청진", 6},
		{"Ch'ŏngjin", "청진", 1},
		{"Hanguk", "한국", 1},
		{"Kim Il Sung", "김일성", 6},
		{"Kim Il-sŏng", "김일성", 1},
		{"Syngman Rhee", "이승만", 1},
		{"Park Chung-hee", "박정희", 10},
		{"Lee Seung-man", "이승만", 1},
		{"Choi Yong-kun", "최용건", 10},
		{"P'yŏngyang", "평양", 1},
		{"Han'guk", "한국", 1},
	}
	for _, c := range cases {
		got := KoreanToHangul(c.roman)
		if i := slices.Index(got, c.want); i < 0 || i >= c.top {
			t.Errorf("KoreanToHangul(%q): %s at %d in %v, want within first %d", c.roman, c.want, i, got[:min(len(got), 10)], c.top)
		}
		if len(got) > MaxCandidates {
			t.Errorf("KoreanToHangul(%q): %d candidates", c.roman, len(got))
		}
	}
	for _, notKorean := range []string{"Vyshinsky", "Mao Zedong", "Xi", "", "  ", "Truman", "Molotov"} {
		if got := KoreanToHangul(notKorean); got != nil {
			t.Errorf("KoreanToHangul(%q) = %v, want nil", notKorean, got[:min(len(got), 5)])
		}
	}
}

// A multi-syllable name comes back from its own RR and MR spellings.
func TestNameRoundTrip(t *testing.T) {
	for _, h := range []string{"박헌영", "정준택", "김일성", "김두봉", "최용건", "허가이", "무정", "홍명희", "백남운", "김책", "남일", "이승엽", "박정애", "김원봉", "여운형", "조만식"} {
		for _, roman := range []string{RRName(h), MRName(h, false), MRName(h, true), HangulToRR(h), HangulToMR(h)} {
			if got := KoreanToHangul(roman); !slices.Contains(got, h) {
				t.Errorf("%s -> %q -> %v", h, roman, got[:min(len(got), 8)])
			}
		}
	}
}

func TestKoreanKeySame(t *testing.T) {
	groups := [][]string{
		{"Pak Heon-yeong", "Pak Hon-yong", "Pak Hon Yong", "Pak Hŏn-yŏng", "Bak Heonyeong", "Park Hon-yong", "박헌영"},
		{"Jeong Jun-taek", "Chong Chun-taek", "Chŏng Chun-t'aek", "Jeong Juntaek", "정준택"},
		{"Gangwon", "Kangwon", "Kang-wŏn", "강원"},
		{"Cheongjin", "Chongjin", "Ch'ŏngjin", "청진"},
		{"Kim Il Sung", "Kim Il-sŏng", "Kim Il-seong", "Gim Il-seong", "Kim Il-song", "Kim Ilsung", "김일성"},
		{"Syngman Rhee", "Rhee Syngman", "Yi Sŭng-man", "Lee Seung-man", "I Seungman", "이승만"},
		{"Park Chung-hee", "Pak Chŏng-hŭi", "Bak Jeong-hui", "Chung-hee Park", "박정희"},
		{"Kim Dae-jung", "Kim Tae-jung", "Gim Dae-jung", "김대중"},
		{"Choe Yong-gon", "Choi Yong-kun", "Ch'oe Yong-gŏn", "Choe Yong-geon", "최용건"},
		{"Kim Tu-bong", "Kim Du-bong", "김두봉"},
		{"Hong Myeong-hui", "Hong Myong-hui", "Hong Myŏng-hŭi", "홍명희"},
		{"Baek Nam-eun", "Paek Nam Un", "Paik Nam-un", "백남운"},
		{"Pyongyang", "P'yŏngyang", "Pyeongyang", "평양"},
		{"Chun Doo-hwan", "Jeon Du-hwan", "Chŏn Tu-hwan", "전두환"},
		{"Roh Tae-woo", "No Tae-u", "Noh T'ae-u", "노태우"},
		{"Ri Ki-yong", "Yi Ki-yong", "Lee Ki-young", "이기영", "리기영"},
		{"Rodong Sinmun", "Nodong Sinmun", "Nodong Shinmun"},
		{"Kaesong", "Gaeseong", "Kaesŏng", "개성"},
		{"Hamhung", "Hamheung", "Hamhŭng", "함흥"},
		{"Silla", "Shilla", "신라"},
		{"Ahn Jae-hong", "An Chae-hong", "An Jae-hong", "안재홍"},
		{"Kim Jong-il", "Kim Chŏng-il", "Kim Jeong-il", "Kim Jong Il", "김정일"},
		{"Ho Ka-i", "Heo Ga-i", "Hŏ Ka-i", "허가이"},
		{"Mu Chong", "Mu Jeong", "Mu Chŏng", "무정"},
		{"Yo Un-hyong", "Yeo Un-hyeong", "Lyuh Woon-hyung"[:0] + "Yŏ Un-hyŏng", "여운형"},
	}
	for _, g := range groups {
		want := KoreanKey(g[0])
		for _, other := range g[1:] {
			if got := KoreanKey(other); got != want {
				t.Errorf("KoreanKey(%q) = %q, KoreanKey(%q) = %q", g[0], want, other, got)
			}
		}
	}
}

func TestKoreanKeyApart(t *testing.T) {
	pairs := [][2]string{
		{"Pak Heon-yeong", "Pak Heon Hyeong"},
		{"Pak Heon-yeong", "Kim Il Sung"},
		{"Kim Il Sung", "Kim Jong Il"},
		{"Gangwon", "Wonsan"},
		{"Kangwon", "Kanggye"},
		{"Pyongyang", "Pyonggang"},
		{"Kim Tae-jung", "Kim Tae-chun"},
		{"Pak Hon-yong", "Pak Hon-yang"},
		{"Kim Chaek", "Kim Chang"},
		{"Nam Il", "Nam Ik"},
		{"Ho Ka-i", "Ho Ka-e"},
		{"Lee", "Kim"},
		{"Cheongjin", "Chongju"},
		{"Hamhung", "Hamgyong"},
		{"박헌영", "박현영"},
	}
	for _, p := range pairs {
		if a, b := KoreanKey(p[0]), KoreanKey(p[1]); a == b {
			t.Errorf("KoreanKey(%q) == KoreanKey(%q) == %q", p[0], p[1], a)
		}
	}
}
