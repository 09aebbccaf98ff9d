package romanize

import "strings"

// cyrillicPopular is the English-press transliteration (Vyshinsky, Khrushchev):
// the form most translated documents use.
var cyrillicPopular = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y",
	'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
}

// CyrillicToLatin transliterates Cyrillic in the popular English scheme, with
// "-ий" written "-y" as the press does (Вышинский → Vyshinsky).
func CyrillicToLatin(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		lower := []rune(strings.ToLower(string(r)))[0]
		if lower == 'и' && i+1 < len(rs) && strings.ToLower(string(rs[i+1])) == "й" && (i+2 == len(rs) || !isLetter(rs[i+2])) {
			b.WriteString(caseLike(r, "y"))
			i++
			continue
		}
		t, ok := cyrillicPopular[lower]
		if !ok {
			b.WriteRune(r)
			continue
		}
		b.WriteString(caseLike(r, t))
	}
	return b.String()
}

func isLetter(r rune) bool {
	return strings.ToLower(string(r)) != strings.ToUpper(string(r))
}

func caseLike(r rune, t string) string {
	if t == "" || strings.ToLower(string(r)) == string(r) {
		return t
	}
	return strings.ToUpper(t[:1]) + t[1:]
}
