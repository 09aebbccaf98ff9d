package romanize

import (
	"slices"
	"testing"
)

// The examples of the Revised Romanization of Korean (2000) as its text
// gives them, clause by clause. Capitals follow the standard: it writes
// common words in lower case, and HangulToRR capitalizes every word, so
// the comparison ignores the case of the first letter.
func TestRRStandardExamples(t *testing.T) {
	cases := []struct{ clause, hangul, want string }{
		// Chapter 2, article 1, note 1: ㅢ is ui even when said ㅣ.
		{"2.1 n1", "광희문", "Gwanghuimun"},
		// Chapter 2, article 2, note 1: ㄱ ㄷ ㅂ are g d b before a vowel,
		// k t p before a consonant or at the end.
		{"2.2 n1", "구미", "Gumi"},
		{"2.2 n1", "영동", "Yeongdong"},
		{"2.2 n1", "백암", "Baegam"},
		{"2.2 n1", "옥천", "Okcheon"},
		{"2.2 n1", "합덕", "Hapdeok"},
		{"2.2 n1", "호법", "Hobeop"},
		{"2.2 n1", "월곶", "Wolgot"},
		{"2.2 n1", "벚꽃", "beotkkot"},
		{"2.2 n1", "한밭", "Hanbat"},
		// Note 2: ㄹ is r before a vowel, l before a consonant or at the end;
		// ㄹㄹ is ll.
		{"2.2 n2", "구리", "Guri"},
		{"2.2 n2", "설악", "Seorak"},
		{"2.2 n2", "칠곡", "Chilgok"},
		{"2.2 n2", "임실", "Imsil"},
		{"2.2 n2", "울릉", "Ulleung"},
		{"2.2 n2", "대관령", "Daegwallyeong"},
		// Chapter 3, article 1.1: assimilation.
		{"3.1.1", "백마", "Baengma"},
		{"3.1.1", "신문로", "Sinmunno"},
		{"3.1.1", "종로", "Jongno"},
		{"3.1.1", "왕십리", "Wangsimni"},
		{"3.1.1", "별내", "Byeollae"},
		{"3.1.1", "신라", "Silla"},
		// 1.2: ㄴ and ㄹ inserted.
		{"3.1.2", "학여울", "Hangnyeoul"},
		{"3.1.2", "알약", "allyak"},
		// 1.3: palatalization.
		{"3.1.3", "해돋이", "haedoji"},
		{"3.1.3", "같이", "gachi"},
		{"3.1.3", "굳히다", "guchida"},
		// 1.4: ㄱ ㄷ ㅂ ㅈ with ㅎ aspirate…
		{"3.1.4", "좋고", "joko"},
		{"3.1.4", "놓다", "nota"},
		{"3.1.4", "잡혀", "japyeo"},
		{"3.1.4", "낳지", "nachi"},
		// …but in nouns the ㅎ after ㄱ ㄷ ㅂ is written.
		{"3.1.4 but", "묵호", "Mukho"},
		{"3.1.4 but", "집현전", "Jiphyeonjeon"},
		// Note: tensification is not written.
		{"3.1 note", "압구정", "Apgujeong"},
		{"3.1 note", "낙동강", "Nakdonggang"},
		{"3.1 note", "죽변", "Jukbyeon"},
		{"3.1 note", "낙성대", "Nakseongdae"},
		{"3.1 note", "합정", "Hapjeong"},
		{"3.1 note", "팔당", "Paldang"},
		{"3.1 note", "샛별", "saetbyeol"},
		{"3.1 note", "울산", "Ulsan"},
		// Article 3: proper names begin with a capital.
		{"3.3", "부산", "Busan"},
		{"3.3", "세종", "Sejong"},
		// Article 6: natural features, cultural properties and structures
		// are written as one word, with the sound changes.
		{"3.6", "남산", "Namsan"},
		{"3.6", "속리산", "Songnisan"},
		{"3.6", "금강", "Geumgang"},
		{"3.6", "독도", "Dokdo"},
		{"3.6", "경복궁", "Gyeongbokgung"},
		{"3.6", "무량수전", "Muryangsujeon"},
		{"3.6", "연화교", "Yeonhwagyo"},
		{"3.6", "극락전", "Geungnakjeon"},
		{"3.6", "안압지", "Anapji"},
		{"3.6", "남한산성", "Namhansanseong"},
		{"3.6", "화랑대", "Hwarangdae"},
		{"3.6", "불국사", "Bulguksa"},
		{"3.6", "현충사", "Hyeonchungsa"},
		{"3.6", "독립문", "Dongnimmun"},
		{"3.6", "오죽헌", "Ojukheon"},
		{"3.6", "촉석루", "Chokseongnu"},
		{"3.6", "종묘", "Jongmyo"},
		{"3.6", "다보탑", "Dabotap"},
		// Article 5, note: 시 군 읍 may be left out, leaving the name as a word.
		{"3.5 note", "청주", "Cheongju"},
		{"3.5 note", "함평", "Hampyeong"},
		{"3.5 note", "순창", "Sunchang"},
	}
	for _, c := range cases {
		if got := HangulToRR(c.hangul); got != capitalize(c.want) {
			t.Errorf("%s: HangulToRR(%s) = %q, want %q", c.clause, c.hangul, got, capitalize(c.want))
		}
	}
}

// Article 4: personal names, the given name joined (or hyphenated) and
// without the sound changes between its syllables.
func TestRRNameStandard(t *testing.T) {
	cases := []struct{ hangul, joined, hyphen string }{
		{"민용하", "Min Yongha", "Min Yong-ha"},
		{"송나리", "Song Nari", "Song Na-ri"},
		{"한복남", "Han Boknam", "Han Bok-nam"},
		{"홍빛나", "Hong Bitna", "Hong Bit-na"},
	}
	for _, c := range cases {
		if got := RRNameJoined(c.hangul); got != c.joined {
			t.Errorf("RRNameJoined(%s) = %q, want %q", c.hangul, got, c.joined)
		}
		if got := RRName(c.hangul); got != c.hyphen {
			t.Errorf("RRName(%s) = %q, want %q", c.hangul, got, c.hyphen)
		}
	}
}

// The other writers: the hyphen article 2 allows between syllables that
// could be misread; administrative units after a hyphen with no sound change
// across it (article 5); and sound changes beyond the standard's examples,
// each a case the rules decide.
func TestRRWriters(t *testing.T) {
	writers := []struct {
		name  string
		write func(string) string
		cases map[string]string
	}{
		{"HangulToRRHyphen", HangulToRRHyphen, map[string]string{
			"중앙": "Jung-ang", "반구대": "Ban-gudae", "세운": "Se-un", "해운대": "Hae-undae",
		}},
		{"RRAdministrative", RRAdministrative, map[string]string{
			"충청북도": "Chungcheongbuk-do", "제주도": "Jeju-do", "의정부시": "Uijeongbu-si",
			"양주군": "Yangju-gun", "도봉구": "Dobong-gu", "신창읍": "Sinchang-eup",
			"삼죽면": "Samjuk-myeon", "인왕리": "Inwang-ri", "당산동": "Dangsan-dong",
			"봉천1동": "Bongcheon 1(il)-dong", "종로 2가": "Jongno 2(i)-ga", "퇴계로 3가": "Toegyero 3(sam)-ga",
			"독": "Dok", "을지로 305가": "Euljiro 305(sambaego)-ga",
		}},
		{"HangulToRR", HangulToRR, map[string]string{
			"한국": "Hanguk", "평양": "Pyeongyang", "신의주": "Sinuiju", "많다": "Manta",
			"않는": "Anneun", "끓는": "Kkeulleun", "좋아": "Joa", "싫어": "Sireo", "읽어": "Ilgeo",
			"값이": "Gapsi", "맞히다": "Machida", "먹히다": "Meokida", "백리": "Baengni",
			"솔잎": "Sollip", "꽃잎": "Kkonnip", "금요일": "Geumyoil", "입학": "Iphak",
			"북한": "Bukhan", "못하다": "Motada", "놓는": "Nonneun", "밖에": "Bakke", "관료": "Gwallyo",
		}},
	}
	for _, w := range writers {
		for h, want := range w.cases {
			if got := w.write(h); got != want {
				t.Errorf("%s(%s) = %q, want %q", w.name, h, got, want)
			}
		}
	}
}

func TestMREditions(t *testing.T) {
	cases := []struct{ hangul, mr1939, mr1984 string }{
		{"신의주", "Sinŭiju", "Shinŭiju"},
		{"신라", "Silla", "Shilla"},
		{"시", "Si", "Shi"},
		{"쉬", "Swi", "Shwi"},
		{"독립문", "Tongnimmun", "Tongnimmun"},
		{"한국", "Han'guk", "Han'guk"},
	}
	for _, c := range cases {
		if got := HangulToMREdition(c.hangul, MR1939, true); got != c.mr1939 {
			t.Errorf("MR 1939 %s = %q, want %q", c.hangul, got, c.mr1939)
		}
		if got := HangulToMREdition(c.hangul, MR1984, true); got != c.mr1984 {
			t.Errorf("MR 1984 %s = %q, want %q", c.hangul, got, c.mr1984)
		}
	}
	for h, want := range map[string][2]string{
		"조만식": {"Cho Man-sik", "Cho Man-shik"},
		"김일성": {"Kim Il-sŏng", "Kim Il-sŏng"},
		"신익희": {"Sin Ik-hŭi", "Shin Ik-hŭi"},
	} {
		if got := MRName(h, true); got != want[0] {
			t.Errorf("MRName(%s) = %q, want %q", h, got, want[0])
		}
		if got := MRNameEdition(h, MR1984, true); got != want[1] {
			t.Errorf("MRNameEdition(%s, 1984) = %q, want %q", h, got, want[1])
		}
	}
	// Keys must not care which edition wrote a name.
	for _, pair := range [][2]string{{"Sinuiju", "Shinuiju"}, {"Cho Man-sik", "Cho Man-shik"}, {"Silla", "Shilla"}} {
		if a, b := KoreanKey(pair[0]), KoreanKey(pair[1]); a != b {
			t.Errorf("KoreanKey(%q) = %q, KoreanKey(%q) = %q", pair[0], a, pair[1], b)
		}
		if a, b := Key(pair[0]), Key(pair[1]); a != b {
			t.Errorf("Key(%q) = %q, Key(%q) = %q", pair[0], a, pair[1], b)
		}
	}
}

// An authority file seeded from Hangul offers both editions of MR.
func TestVariantsBothMREditions(t *testing.T) {
	for h, want := range map[string][]string{
		"조만식": {"Cho Man-sik", "Cho Man-shik", "Jo Man-sik"},
		"신의주": {"Sinuiju", "Sinŭiju", "Shinuiju"},
	} {
		vs := Variants(h)
		for _, w := range want {
			if !slices.Contains(vs, w) {
				t.Errorf("Variants(%s) = %v, lacks %q", h, vs, w)
			}
		}
	}
}
