package datefind

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold lowercases text without changing any byte offset: a rune whose lower case
// is longer or shorter in UTF-8 (rare: İ, ẞ) is left as it is, and so are invalid
// bytes. Matching on the folded text spares the regexps case-insensitive matching,
// which made them many times slower, while offsets still index the original.
func fold(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteByte(text[i])
			i++
			continue
		}
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == n {
			b.WriteRune(l)
		} else {
			b.WriteString(text[i : i+n])
		}
		i += n
	}
	return b.String()
}
