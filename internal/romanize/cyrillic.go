package romanize

import (
	"strings"
	"unicode"
)

// Scheme is a transliteration of Russian Cyrillic into Latin letters.
type Scheme int

const (
	// ALALC is the Library of Congress table as catalogues print it without
	// diacritics and tie-bars: й → i, ю → iu, я → ia, ь → ', ъ → ".
	ALALC Scheme = iota
	// BGN is BGN/PCGN (1947): е → ye and ё → yë at the start of a word and
	// after vowels, й, ъ and ь (else e, ë), й → y, and the middle dot the
	// system uses to keep sequences apart from digraphs (t·s, sh·ch, y·a,
	// ·y, ·e).
	BGN
	// Scholarly is the linguists' system, close to ISO 9: š ž č šč, x for х,
	// j for й, ja ju, ʹ for ь.
	Scholarly
	// Popular is the English-press style: -ий and -ый → -y (Vyshinsky),
	// ь dropped (or y before a vowel), ё → yo (e after ж ч ш щ: Khrushchev).
	Popular
)

func (s Scheme) String() string {
	switch s {
	case ALALC:
		return "ALA-LC"
	case BGN:
		return "BGN/PCGN"
	case Scholarly:
		return "Scholarly"
	case Popular:
		return "Popular"
	}
	return "Scheme(?)"
}

// Letters that are the same in every scheme.
var cyrillicCommon = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'з': "z", 'и': "i", 'к': "k",
	'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'ы': "y",
	// Ukrainian and Belarusian letters met in Soviet documents.
	'і': "i", 'ґ': "g", 'ў': "u",
}

// Letters that differ, per scheme: е ё ж й х ц ч ш щ ъ ь э ю я ї є.
var cyrillicScheme = map[Scheme]map[rune]string{
	ALALC: {'е': "e", 'ё': "e", 'ж': "zh", 'й': "i", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
		'щ': "shch", 'ъ': "\"", 'ь': "'", 'э': "e", 'ю': "iu", 'я': "ia", 'ї': "i", 'є': "ie"},
	BGN: {'е': "e", 'ё': "ë", 'ж': "zh", 'й': "y", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
		'щ': "shch", 'ъ': "\"", 'ь': "'", 'э': "e", 'ю': "yu", 'я': "ya", 'ї': "yi", 'є': "ye"},
	Scholarly: {'е': "e", 'ё': "ë", 'ж': "ž", 'й': "j", 'х': "x", 'ц': "c", 'ч': "č", 'ш': "š",
		'щ': "šč", 'ъ': "ʺ", 'ь': "ʹ", 'э': "è", 'ю': "ju", 'я': "ja", 'ї': "ji", 'є': "je"},
	Popular: {'е': "e", 'ё': "yo", 'ж': "zh", 'й': "y", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
		'щ': "shch", 'ъ': "", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'ї': "yi", 'є': "ye"},
}

func isCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }

func hasCyrillic(s string) bool {
	for _, r := range s {
		if isCyrillic(r) {
			return true
		}
	}
	return false
}

// CyrillicToLatin transliterates Russian Cyrillic in the given scheme;
// other characters pass through. "Вышинский" → "Vyshinskii" (ALALC),
// "Vyshinskiy" (BGN), "Vyšinskij" (Scholarly), "Vyshinsky" (Popular).
func CyrillicToLatin(s string, scheme Scheme) string {
	table := cyrillicScheme[scheme]
	if table == nil {
		table = cyrillicScheme[ALALC]
	}
	rs := []rune(s)
	lower := make([]rune, len(rs))
	for i, r := range rs {
		lower[i] = unicode.ToLower(r)
	}
	at := func(i int) rune {
		if i < 0 || i >= len(lower) {
			return 0
		}
		return lower[i]
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r, l := rs[i], lower[i]
		t, ok := cyrillicCommon[l]
		if !ok {
			t, ok = table[l]
		}
		if !ok {
			b.WriteRune(r)
			continue
		}
		prev, next := at(i-1), at(i+1)
		wordStart := prev == 0 || !isCyrillic(prev)
		afterVowel := strings.ContainsRune("аеёиоуыэюяіїєъь", prev)
		switch scheme {
		case BGN:
			t = bgnLetter(l, prev, next, t)
		case Popular:
			wordEnd := next == 0 || !isCyrillic(next)
			switch {
			case (l == 'и' || l == 'ы') && next == 'й' && (i+2 >= len(lower) || !isCyrillic(at(i+2))):
				t = "y" // -ий, -ый: Vyshinsky, Vasilevsky
				i++
			case l == 'и' && next == 'я' && (i+2 >= len(lower) || !isCyrillic(at(i+2))):
				t = "ia" // -ия: Beria, Maria
				i++
			case l == 'е' && (wordStart || afterVowel):
				t = "ye"
			case l == 'ё' && strings.ContainsRune("жчшщ", prev) && prev != 0:
				t = "e"
			case l == 'ё' && !wordStart && !afterVowel:
				t = "yo"
			case l == 'ь' && strings.ContainsRune("ио", next) && next != 0:
				t = "y"
			case l == 'й' && wordEnd && prev == 'о':
				t = "y"
			}
		}
		if t != "" && unicode.IsUpper(r) {
			// A capital is part of an all-capitals word when the next
			// letter is one too, or, for the last letter, the one before.
			allCaps := i+1 < len(rs) && unicode.IsUpper(rs[i+1]) ||
				i > 0 && unicode.IsUpper(rs[i-1]) && (i+1 == len(rs) || !unicode.IsLetter(rs[i+1]))
			t = upperFirst(t, allCaps)
		}
		b.WriteString(t)
	}
	return b.String()
}

// upperFirst capitalizes a transliteration: the first letter only, unless
// the source continues in capitals ("ШТЫКОВ" → "SHTYKOV"). A BGN middle dot
// before the letter is not the letter.
func upperFirst(t string, allCaps bool) string {
	if allCaps {
		return strings.ToUpper(t)
	}
	rs := []rune(t)
	for i, r := range rs {
		if unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
			break
		}
	}
	return string(rs)
}

// bgnLetter applies the notes of the BGN/PCGN table to letter l between prev
// and next (0 at either end of the text); t is the letter's plain
// romanization.
func bgnLetter(l, prev, next rune, t string) string {
	vowel := func(r rune) bool { return r != 0 && strings.ContainsRune("аеёиоуыэюя", r) }
	// Note 1 and 2: е and ё are ye and yë where a vowel, й, ъ or ь
	// precedes, or nothing does (Мейеровка → Meyyerovka, Воробьёво →
	// Vorob'yëvo).
	yotated := prev == 0 || !isCyrillic(prev) || vowel(prev) || strings.ContainsRune("йъь", prev)
	// The dots keep apart what would otherwise read as a digraph: ya yu ye yy
	// for я ю е/э ый, ts for ц, shch for щ, and e after a consonant
	// where ye is е's usual spelling after vowels.
	beforeDotted := next != 0 && strings.ContainsRune("ауыэ", next)
	switch l {
	case 'е':
		if yotated {
			return "ye"
		}
	case 'ё':
		if yotated {
			return "yë"
		}
	case 'ы':
		// After ы the previous ы already put its dot: ыы is y·y.
		if vowel(prev) && prev != 'ы' {
			t = "·" + t
		}
		if beforeDotted {
			t += "·"
		}
	case 'й':
		if beforeDotted {
			return "y·"
		}
	case 'э':
		if prev != 0 && isCyrillic(prev) && !vowel(prev) && !strings.ContainsRune("йъь", prev) {
			return "·e"
		}
	case 'т':
		if next == 'с' {
			return "t·"
		}
	case 'ш':
		if next == 'ч' {
			return "sh·"
		}
	}
	return t
}
