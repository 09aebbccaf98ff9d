package romanize

import "strings"

// koreanSurnames maps conventional and systematic spellings of Korean
// surnames to their Hangul, most likely first. Only spellings that people
// actually use are listed; regular RR/MR spellings of other surnames are
// parsed like any other syllable. The table exists because surname spellings
// follow family habit rather than any system: Park, Lee, Rhee, Choi, Oh, Ahn.
var koreanSurnames = func() map[string][]string {
	m := map[string][]string{}
	add := func(hangul string, spellings string) {
		hs := strings.Split(hangul, ",")
		for _, sp := range strings.Fields(spellings) {
			m[sp] = append(m[sp], hs...)
		}
	}
	add("김", "kim gim ghim")
	add("이,리", "lee yi i rhee ri li rhie yee ree rhi")
	add("박", "park pak bak bahk pack parck")
	add("최", "choi choe choy")
	add("정", "jung chung jeong chong cheong joung")
	add("전,천", "jeon chun chon jun")
	add("천", "cheon")
	add("조", "cho jo joe")
	add("강", "kang gang")
	add("윤", "yoon yun")
	add("장", "jang chang")
	add("한", "han")
	add("신", "shin sin")
	add("권", "kwon gwon")
	add("황", "hwang whang")
	add("송", "song")
	add("홍", "hong")
	add("문", "moon mun")
	add("양,량", "yang ryang")
	add("남", "nam")
	add("배", "bae pae")
	add("하", "ha")
	add("곽", "kwak gwak")
	add("성", "sung seong")
	add("차", "cha")
	add("주,추", "ju joo chu choo")
	add("구", "koo ku gu")
	add("민", "min")
	add("진", "jin chin")
	add("지", "ji chi")
	add("엄", "um eom")
	add("채", "chae")
	add("원", "won")
	add("방", "bang pang")
	add("공", "kong gong")
	add("현", "hyun hyeon hyon")
	add("함", "ham")
	add("변", "byun byeon pyon")
	add("염", "yeom yum yom")
	add("여", "yeo yo yoh")
	add("도", "do to doh")
	add("석", "seok suk sok")
	add("선", "seon sun")
	add("설", "seol sul")
	add("마", "ma")
	add("길", "kil gil")
	add("연", "yeon yon")
	add("위", "wi wee")
	add("표", "pyo")
	add("명", "myung myeong myong")
	add("기", "ki gi")
	add("반", "ban pan")
	add("왕", "wang")
	add("금", "keum kum geum")
	add("옥", "ok")
	add("육", "yook yuk")
	add("인", "in")
	add("맹", "maeng")
	add("제", "je che")
	add("모", "mo")
	add("탁", "tak tahk")
	add("국", "kook guk kuk")
	add("은", "eun un")
	add("편", "pyeon")
	add("용", "yong")
	add("예", "ye")
	add("경", "kyung gyeong kyong")
	add("봉", "bong pong")
	add("사", "sa")
	add("부", "bu pu boo")
	add("나,라", "na ra")
	add("오", "oh o")
	add("안", "ahn an")
	add("서,소", "suh seo so")
	add("고", "koh ko go")
	add("노,로", "roh noh no ro")
	add("손", "sohn son")
	add("백", "baek paek paik baik")
	add("허", "heo huh hur ho")
	add("임,림", "lim rim im yim")
	add("류,유", "ryu rhyu yu yoo you ryoo lyu")
	add("우", "woo u")
	add("남궁", "namgung namkung")
	add("황보", "hwangbo")
	add("제갈", "jegal chegal")
	add("선우", "sunwoo seonu sonu")
	add("독고", "dokgo tokko")
	add("사공", "sagong sakong")
	return m
}()

// westernOrderSurnames are spellings that, found last in a name, mark it as
// written given-name-first ("Syngman Rhee"). Only spellings that are not
// also Chinese syllables or systematic RR/MR spellings are listed, so neither
// "Zhang Han" nor "Mu Jeong" is reordered.
var westernOrderSurnames = map[string]bool{
	"lee": true, "rhee": true, "park": true, "kim": true, "choi": true, "jung": true,
	"yoon": true, "ahn": true, "oh": true, "suh": true, "roh": true, "paik": true,
	"yoo": true, "lim": true, "moon": true,
}

// koreanOrder puts the surname first when a romanized Korean name is written
// given-name-first. Tokens are whitespace-separated words.
func koreanOrder(tokens []string) []string {
	if len(tokens) < 2 {
		return tokens
	}
	first := surnameSpelling(tokens[0])
	last := tokens[len(tokens)-1]
	if _, ok := koreanSurnames[first]; ok || strings.ContainsAny(last, "-") {
		return tokens
	}
	if !westernOrderSurnames[surnameSpelling(last)] {
		return tokens
	}
	out := append([]string{last}, tokens[:len(tokens)-1]...)
	return out
}

// surnameSpelling is the table form of a token: folded letters only.
func surnameSpelling(tok string) string {
	return lettersOnly(foldASCII(tok))
}

// initialSoundRule applies the South Korean rule (두음법칙) that drops or
// changes a word-initial ㄹ (and ㄴ before i/y): 리 → 이, 류 → 유, 로 → 노.
// North Korea keeps the ㄹ ("Ri", "Ryu"), so surnames meet only after it.
func initialSoundRule(s syllable) syllable {
	iy := false
	switch s.med {
	case mI, mYA, mYAE, mYEO, mYE, mYO, mYU:
		iy = true
	}
	switch {
	case s.ini == iR && iy:
		s.ini = iNull
	case s.ini == iR:
		s.ini = iN
	case s.ini == iN && iy:
		s.ini = iNull
	}
	return s
}
