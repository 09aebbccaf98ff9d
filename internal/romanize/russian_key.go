package romanize

import (
	"strings"
	"unicode"
)

// RussianKey is a comparison key for Russian names in Cyrillic or in any of
// the common transliterations: Вышинский, Vyshinsky, Vyshinskii, Vyshinskiy,
// Vyšinskij, Vishinsky and German Wyschinski share a key, as do Shtykov/
// Shtikov/Штыков, Khrushchev/Khrushchov/Chruschtschow, Beria/Beriya/Berija.
//
// Merged: ы written y or i; the endings -ий/-ый written -y, -ii, -iy, -ij;
// е/ё written e, ye, yo, ë (and o after ж ч ш щ); the soft sign written ',
// ʹ, y or nothing; iotated vowels written y-, i- or j-; doubled letters
// (Molotoff); German w, sch, tsch, ch; scholarly š ž č x c.
// Kept apart: every other letter, so Molotov and Malenkov differ.
func RussianKey(s string) string {
	if hasCyrillic(s) {
		s = CyrillicToLatin(s, ALALC)
	}
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "šžčŝ") || strings.ContainsRune(s, 'ʹ') {
		// Scholarly: ch and x are х, c is ц.
		s = strings.NewReplacer("ch", "kh", "x", "kh", "c", "ts").Replace(s)
	}
	s = strings.NewReplacer("šč", "shch", "š", "sh", "ž", "zh", "č", "ch", "ŝ", "shch").Replace(s)
	s = strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, s)
	s = foldASCII(s)
	if strings.Contains(s, "sch") {
		// German: tsch is ч, sch is ш, ch is х.
		s = strings.NewReplacer("tsch", "C", "sch", "S").Replace(s)
		s = strings.ReplaceAll(s, "ch", "kh")
		s = strings.NewReplacer("C", "ch", "S", "sh").Replace(s)
	}
	s = strings.NewReplacer("w", "v", "j", "y", "x", "ks").Replace(s)
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = russianWord(w)
	}
	return strings.Join(words, " ")
}

// Symbols for Cyrillic letters that transliterate as digraphs, so the
// rules below see one letter each; mapped back at the end so a plain name
// keys to its own spelling.
var russianDigraphs = strings.NewReplacer("shch", "W", "zh", "Z", "kh", "X", "ch", "C", "sh", "S", "ts", "Q")
var russianUndigraph = strings.NewReplacer("W", "shch", "Z", "zh", "X", "kh", "C", "ch", "S", "sh", "Q", "ts")

func russianWord(w string) string {
	// -ий/-ый/-ой endings: every spelling ends in i.
	for _, end := range []string{"iy", "ii", "yy", "yi"} {
		if strings.HasSuffix(w, end) && len(w) > len(end) {
			w = w[:len(w)-len(end)] + "i"
			break
		}
	}
	if strings.HasSuffix(w, "y") && len(w) > 1 {
		w = w[:len(w)-1] + "i"
	}
	if strings.HasSuffix(w, "ff") {
		w = w[:len(w)-2] + "v"
	}
	w = russianDigraphs.Replace(yyVowel(w))
	b := []byte(w)
	var out []byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		next := byte(0)
		if i+1 < len(b) {
			next = b[i+1]
		}
		iotating := (c == 'i' || c == 'y') && isVowel(next) && next != 'i'
		switch {
		case iotating && next == 'e', iotating && next == 'o':
			// е and ё are written e, ye, ie, yo, io, ë alike.
			out = append(out, 'e')
			i++
		case iotating:
			if len(out) > 0 && out[len(out)-1] == 'i' {
				out = out[:len(out)-1] // Beriya, Beriia: the i is the vowel before я
			}
			out = append(out, 'y', next)
			i++
		case c == 'o' && len(out) > 0 && strings.IndexByte("ZCSW", out[len(out)-1]) >= 0:
			out = append(out, 'e') // ё after ж ч ш щ is printed o or e
		case c == 'y':
			out = append(out, 'i') // ы
		default:
			out = append(out, c)
		}
	}
	// Doubled letters are spelling habits (Molotoff, Shtykkov) or ии.
	return russianUndigraph.Replace(dedupRunes(string(out)))
}

// russianLike reports spellings that only Russian transliteration produces
// among the languages this package handles.
func russianLike(s string) bool {
	if hasCyrillic(s) || strings.ContainsAny(strings.ToLower(s), "šžč") {
		return true
	}
	f := foldASCII(s)
	for _, m := range []string{"v", "kh", "shch", "sch", "zh", "ff"} {
		if strings.Contains(f, m) {
			return !pinyinOnlyZh(f, m)
		}
	}
	for _, w := range strings.Fields(f) {
		for _, end := range []string{"ov", "ev", "ova", "eva", "sky", "skii", "skiy", "skij", "ski", "skaya", "enko", "ich", "vich", "ow", "ria", "riya", "iya", "ija", "aya", "yev", "yan", "oian", "aian", "eian", "uian"} {
			if strings.HasSuffix(w, end) && len(w) > len(end)+1 {
				return true
			}
		}
		for i := 1; i+1 < len(w); i++ {
			// y between consonants is ы; RR, MR and Pinyin use y only as a
			// glide before a vowel.
			if w[i] == 'y' && !isVowel(w[i-1]) && !isVowel(w[i+1]) && w[i+1] != 'y' && w[i-1] != 'y' {
				return true
			}
		}
	}
	return false
}

// pinyinOnlyZh reports that a zh is Pinyin's (Zhou, Zhu De) rather than
// Russian ж: the whole name parses as Pinyin.
func pinyinOnlyZh(f, marker string) bool {
	if marker != "zh" {
		return false
	}
	_, ok := pinyinWords(f)
	return ok
}

// latinToCyrillic guesses the Cyrillic behind a Latin transliteration, for
// Variants. It reads the popular and ALA-LC conventions; the result is a
// plausible spelling, not a certainty (ia may be я or ия).
func latinToCyrillic(s string) string {
	s = strings.NewReplacer("š", "sh", "ž", "zh", "č", "ch", "Š", "Sh", "Ž", "Zh", "Č", "Ch").Replace(s)
	var out []string
	for _, w := range strings.Fields(s) {
		out = append(out, latinWordToCyrillic(w))
	}
	return strings.Join(out, " ")
}

var latinCyrillicPatterns = []struct{ from, to string }{
	{"shch", "щ"}, {"skiy", "ский"}, {"skii", "ский"}, {"skij", "ский"}, {"sky", "ский"},
	{"zh", "ж"}, {"kh", "х"}, {"ch", "ч"}, {"sh", "ш"}, {"ts", "ц"},
	{"yu", "ю"}, {"iu", "ю"}, {"ju", "ю"}, {"ya", "я"}, {"ja", "я"}, {"yo", "ё"}, {"jo", "ё"},
	{"ye", "е"}, {"je", "е"}, {"'", "ь"}, {"ʹ", "ь"},
	{"a", "а"}, {"b", "б"}, {"v", "в"}, {"w", "в"}, {"g", "г"}, {"d", "д"}, {"e", "е"}, {"z", "з"},
	{"i", "и"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"}, {"r", "р"},
	{"s", "с"}, {"t", "т"}, {"u", "у"}, {"f", "ф"}, {"x", "кс"}, {"c", "к"}, {"h", "х"}, {"q", "к"}, {"j", "й"},
}

func latinWordToCyrillic(w string) string {
	lw := strings.ToLower(foldKeepApostrophe(w))
	var b strings.Builder
	for i := 0; i < len(lw); {
		rest := lw[i:]
		switch {
		case strings.HasPrefix(rest, "ia") && i+2 == len(lw) && i > 0:
			b.WriteString("ия")
			i += 2
			continue
		case rest == "y" || rest == "i" && i > 0 && isVowel(lw[i-1]):
			if i > 0 && isVowel(lw[i-1]) {
				b.WriteString("й")
			} else {
				b.WriteString("ый")
			}
			i++
			continue
		case rest[0] == 'y':
			if i > 0 && !isVowel(lw[i-1]) {
				b.WriteString("ы")
			} else {
				b.WriteString("й")
			}
			i++
			continue
		case rest[0] == 'e' && i == 0:
			b.WriteString("э")
			i++
			continue
		}
		matched := false
		for _, p := range latinCyrillicPatterns {
			if strings.HasPrefix(rest, p.from) {
				b.WriteString(p.to)
				i += len(p.from)
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte(lw[i])
			i++
		}
	}
	out := []rune(b.String())
	if len(out) > 0 && unicode.IsUpper([]rune(w)[0]) {
		out[0] = unicode.ToUpper(out[0])
	}
	return string(out)
}

func foldKeepApostrophe(w string) string {
	var b strings.Builder
	for _, r := range w {
		switch {
		case isApostrophe(r):
			b.WriteByte('\'')
		case r < 0x80:
			b.WriteRune(r)
		case latinFold[unicode.ToLower(r)] != "":
			b.WriteString(latinFold[unicode.ToLower(r)])
		}
	}
	return b.String()
}

// yyVowel writes BGN's й or ы before ye/yë/ya/yu (Meyyerovka, vyyezd) with
// one y, as ALA-LC's i+e and the popular spellings have one letter there.
func yyVowel(w string) string {
	for i := 0; i+2 < len(w); i++ {
		if w[i] == 'y' && w[i+1] == 'y' && isVowel(w[i+2]) {
			w = w[:i] + w[i+1:]
		}
	}
	return w
}
