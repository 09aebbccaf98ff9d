package cite

import (
	"strings"
	"unicode"

	"fond/internal/record"
)

// Key is a stable ASCII citation key, lowercased: a surname-ish word, the year
// and the first significant title word, "stalin1949meeting". The name is the
// first author's, else the first participant's (an unsigned record of a
// conversation is known by who spoke), else the archive's abbreviation or
// first word. When neither a name nor a title word survives folding to ASCII
// (a Cyrillic or Korean record with no archive), the key is the record id, so
// it never changes while the record does not.
func Key(r *record.Record) string {
	who := ""
	for _, n := range append(append([]string{}, r.Authors...), r.Participants...) {
		if who = asciiWord(keyName(n)); who != "" {
			break
		}
	}
	for _, s := range r.Sources {
		if who != "" {
			break
		}
		if who = asciiWord(s.Abbreviation); who == "" {
			f := strings.Fields(s.Repository)
			if len(f) > 0 {
				who = asciiWord(f[0])
			}
		}
	}
	word := ""
	for _, w := range strings.Fields(r.Title) {
		if a := asciiWord(w); a != "" && !titleStopWords[a] {
			word = a
			break
		}
	}
	if who == "" && word == "" {
		if id := asciiWord(r.ID); id != "" {
			return id
		}
		return "record"
	}
	return who + year(r.Date) + word
}

// keyName is the name a key is made from: the family name splitName finds
// ("Kim Il Sung" keys on kim, "Terentii Shtykov" on shtykov), or a body's
// first word.
func keyName(name string) string {
	n := splitName(name)
	if n.Literal != "" {
		f := strings.Fields(n.Literal)
		if len(f) == 0 {
			return ""
		}
		return f[0]
	}
	return n.Family
}

var titleStopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "on": true, "in": true, "to": true,
	"and": true, "for": true, "with": true, "from": true, "between": true, "about": true,
	"by": true, "at": true, "re": true,
}

// asciiWord lowercases s, folds common accented Latin letters and drops
// everything that is not an ASCII letter or digit.
func asciiWord(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if f, ok := latinFold[c]; ok {
			b.WriteString(f)
		} else if c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

var latinFold = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i"}
	for base, accented := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ",
		"i": "ìíîïĩīĭį", "n": "ñńņňŋ", "o": "òóôõöōŏő", "r": "ŕŗř", "s": "śŝşšș",
		"t": "ţťț", "u": "ùúûüũūŭůűų", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, c := range accented {
			m[c] = base
		}
	}
	return m
}()
