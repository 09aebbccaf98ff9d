package compare

import (
	"regexp"
	"strings"
	"unicode"
)

// Token is one word of a sentence, with how it compares to the other edition.
type Token struct {
	Text string `json:"text"`
	// Key is what comparison uses: lower-case, punctuation trimmed.
	Key       string `json:"-"`
	Apparatus bool   `json:"apparatus,omitempty"` // footnote marker or bracketed editorial insertion
	// Name is the name key of a capitalised word, "" for other words.
	Name string `json:"-"`
}

// footnoteRe splits "Vyshinsky,15" and "Dalny23" into the word and its marker.
var footnoteRe = regexp.MustCompile(`^(\p{L}[\p{L}'’-]*\p{L})([,.;:]?)(\d{1,3})([,.;:]?)$`)

func footnoteMatch(f string) []string {
	if !strings.ContainsAny(f, "0123456789") {
		return nil
	}
	return footnoteRe.FindStringSubmatch(f)
}

// Tokenize splits a sentence into words, separating footnote markers and marking
// square-bracketed insertions as apparatus.
func Tokenize(s string) []Token {
	var out []Token
	depth := 0
	for _, f := range strings.Fields(s) {
		opens := strings.Count(f, "[")
		closes := strings.Count(f, "]")
		inBracket := depth > 0 || opens > 0
		depth += opens - closes
		if depth < 0 {
			depth = 0
		}
		// A marker is digits, so a word without any needs no regular expression.
		if m := footnoteMatch(f); m != nil && !inBracket {
			out = append(out, word(m[1]+m[2]))
			out = append(out, Token{Text: m[3] + m[4], Key: m[3], Apparatus: true})
			continue
		}
		t := word(f)
		// Editorial brackets that add words ("[at]", "[Cheongjin]") are apparatus;
		// brackets that are the whole sentence ("[Notes of …]") are text.
		t.Apparatus = inBracket && !strings.HasPrefix(s, "[")
		if t.Key == "" && !t.Apparatus {
			continue // lone punctuation ("--")
		}
		out = append(out, t)
	}
	return out
}

func word(f string) Token {
	key := strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }))
	// "travelled"/"traveled", "assitance" typos are changes; only case and edge
	// punctuation are ignored.
	return Token{Text: f, Key: key}
}
