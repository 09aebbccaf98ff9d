package romanize

import (
	"strings"
	"unicode"
)

// Revised Romanization of Korean (Ministry of Culture, 2000).
var (
	rrInitial = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	rrMedial  = [nMedial]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
)

// HangulToRR romanizes Hangul in the Revised Romanization as words are
// written: each run of Hangul is one capitalized word, spelt as it is said
// (chapter 3, article 1): liaison, assimilation (신라 → "Silla", 종로 →
// "Jongno", 백마 → "Baengma"), palatalization (같이 → "Gachi"), aspiration
// (좋고 → "Joko", but 묵호 → "Mukho" in nouns), the inserted ㄴ of a short
// list of compounds (학여울 → "Hangnyeoul"); tensification is not written
// (압구정 → "Apgujeong"). Other characters pass through.
// For personal names use RRName, which writes no sound changes.
func HangulToRR(s string) string {
	return romanizeRuns(s, func(ss []syllable) string { return rrWord(ss, false) })
}

// HangulToRRHyphen is HangulToRR with the hyphen article 2 allows between
// syllables that could be read another way: 중앙 → "Jung-ang", 반구대 →
// "Ban-gudae", 해운대 → "Hae-undae". The standard makes it optional and its
// own place names mostly go without (한국 is "Hanguk"), so it is not the
// default.
func HangulToRRHyphen(s string) string {
	return romanizeRuns(s, func(ss []syllable) string { return rrWord(ss, true) })
}

// RRName romanizes a Korean personal name the way RR prescribes for names
// (article 4): surname, space, given name with no sound changes between its
// syllables, here with the hyphen the standard allows: 박헌영 →
// "Bak Heon-yeong", 한복남 → "Han Bok-nam". Compound surnames (남궁, 황보, …)
// are kept together. Strings that are not one run of two to five syllables
// are romanized as words.
func RRName(hangul string) string { return rrName(hangul, true) }

// RRNameJoined is RRName in the form article 4 gives first, the given name
// written as one word: 한복남 → "Han Boknam", 홍빛나 → "Hong Bitna".
func RRNameJoined(hangul string) string { return rrName(hangul, false) }

func rrName(hangul string, hyphen bool) string {
	sur, given, ok := splitName(hangul)
	if !ok {
		return HangulToRR(hangul)
	}
	if hyphen {
		return capitalize(rrPlain(sur)) + " " + capitalize(rrPlainHyphen(given))
	}
	return capitalize(rrPlain(sur)) + " " + capitalize(rrPlain(given))
}

// adminUnits are the administrative units article 5 writes after a hyphen,
// with no sound change across it.
var adminUnits = map[rune]string{
	'도': "do", '시': "si", '군': "gun", '구': "gu", '읍': "eup", '면': "myeon",
	'리': "ri", '동': "dong", '가': "ga",
}

// RRAdministrative romanizes the name of an administrative division whose
// last syllable is its unit (도 시 군 구 읍 면 리 동 가), as article 5 writes
// it: 충청북도 → "Chungcheongbuk-do", 의정부시 → "Uijeongbu-si", and with a
// number before the unit, its reading in brackets: 봉천1동 →
// "Bongcheon 1(il)-dong", 종로 2가 → "Jongno 2(i)-ga". Whether the last
// syllable is a unit is the caller's knowledge (독도, an island, is "Dokdo");
// a name not ending in one is romanized as a word.
func RRAdministrative(hangul string) string {
	rs := []rune(strings.TrimSpace(hangul))
	if len(rs) < 2 {
		return HangulToRR(hangul)
	}
	unit, ok := adminUnits[rs[len(rs)-1]]
	if !ok {
		return HangulToRR(hangul)
	}
	rest := rs[:len(rs)-1]
	digits := len(rest)
	for digits > 0 && rest[digits-1] >= '0' && rest[digits-1] <= '9' {
		digits--
	}
	if digits == len(rest) {
		if !isHangulSyllable(rest[len(rest)-1]) {
			return HangulToRR(hangul)
		}
		return HangulToRR(string(rest)) + "-" + unit
	}
	name := strings.TrimSpace(string(rest[:digits]))
	num := string(rest[digits:])
	reading := sinoKorean(num)
	if name == "" || reading == "" {
		return HangulToRR(hangul)
	}
	return HangulToRR(name) + " " + num + "(" + strings.ToLower(HangulToRR(reading)) + ")-" + unit
}

// sinoKorean spells a number of up to four digits in Sino-Korean numerals,
// the way administrative numbers are read: 1 → 일, 12 → 십이, 305 → 삼백오.
func sinoKorean(num string) string {
	const digit = "영일이삼사오육칠팔구"
	const place = "천백십"
	d := []rune(digit)
	p := []rune(place)
	if len(num) > 4 || strings.TrimLeft(num, "0") == "" {
		return ""
	}
	num = strings.TrimLeft(num, "0")
	var b strings.Builder
	for i, c := range num {
		n := int(c - '0')
		pos := len(num) - 1 - i // 3 thousands … 0 units
		if n == 0 {
			continue
		}
		if n > 1 || pos == 0 {
			b.WriteRune(d[n])
		}
		if pos > 0 {
			b.WriteRune(p[3-pos])
		}
	}
	return b.String()
}

// rrSyllable is the syllable written alone (the form used for names).
func rrSyllable(s syllable) string {
	return rrInitial[s.ini] + rrMedial[s.med] + finalSound[s.fin]
}

func rrPlain(ss []syllable) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(rrSyllable(s))
	}
	return b.String()
}

func rrPlainHyphen(ss []syllable) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = rrSyllable(s)
	}
	return strings.Join(parts, "-")
}

func rrWord(ss []syllable, hyphens bool) string {
	var b strings.Builder
	sp := pronounce(ss)
	for i, s := range sp {
		if i > 0 && hyphens && ambiguousJoin(sp[i-1], s) {
			b.WriteByte('-')
		}
		if s.ini == iR && i > 0 && sp[i-1].coda == "l" {
			b.WriteString("l") // ㄹㄹ is ll (article 2 of chapter 2)
		} else {
			b.WriteString(rrInitial[s.ini])
		}
		b.WriteString(rrMedial[s.med])
		b.WriteString(s.coda)
	}
	return capitalize(b.String())
}

// ambiguousJoin reports a seam that reads another way when joined: two
// vowels (세운 "seun" as 스운), n before g (반구 "bangu" as 방우), ng before a
// vowel (중앙 "jungang" as 준강).
func ambiguousJoin(a, b spoken) bool {
	switch {
	case a.coda == "" && b.ini == iNull:
		return true
	case a.coda == "n" && b.ini == iG:
		return true
	case a.coda == "ng" && b.ini == iNull:
		return true
	}
	return false
}

// romanizeRuns romanizes each maximal run of Hangul syllables as a word.
func romanizeRuns(s string, word func([]syllable) string) string {
	var b strings.Builder
	var run []syllable
	flush := func() {
		if len(run) > 0 {
			b.WriteString(word(run))
			run = run[:0]
		}
	}
	for _, r := range s {
		if syl, ok := decompose(r); ok {
			run = append(run, syl)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// splitName separates surname from given name in a Hangul personal name.
func splitName(s string) (sur, given []syllable, ok bool) {
	s = strings.TrimSpace(s)
	var ss []syllable
	for _, r := range s {
		syl, isSyl := decompose(r)
		if !isSyl {
			return nil, nil, false
		}
		ss = append(ss, syl)
	}
	if len(ss) < 2 || len(ss) > 5 {
		return nil, nil, false
	}
	n := 1
	if len(ss) >= 3 && twoSyllableSurnames[string([]rune(s)[:2])] {
		n = 2
	}
	return ss[:n], ss[n:], true
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
