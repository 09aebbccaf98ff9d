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
	whole, _ := bracketed(s, 0)
	return tokenize(s, 0, whole)
}

// tokenize reads s from bracket depth d. In a sentence wholly in brackets
// (the editor's own), the outer brackets hold its words and only brackets
// within them are apparatus.
func tokenize(s string, d int, whole bool) []Token {
	base := 0
	if whole {
		base = 1
	}
	var out []Token
	for _, f := range strings.Fields(s) {
		var app bool
		before := d
		app, d = apparatusWord(f, d, base)
		// A marker is digits, so a word without any needs no regular expression.
		if m := footnoteMatch(f); m != nil && before <= base && !strings.ContainsAny(f, "[]") {
			out = append(out, word(m[1]+m[2]))
			out = append(out, Token{Text: m[3] + m[4], Key: m[3], Apparatus: true})
			continue
		}
		if c := strings.IndexAny(f, superscripts); c >= 0 && !app {
			// A raised call ("Vyshinsky²,"): the word, then the call.
			call := strings.TrimRight(f[c:], ",.;:")
			if t := word(f[:c] + f[c+len(call):]); t.Key != "" {
				out = append(out, t)
			}
			out = append(out, Token{Text: call, Key: call, Apparatus: true})
			continue
		}
		t := word(f)
		t.Apparatus = app
		if t.Key == "" && !t.Apparatus {
			continue // lone punctuation ("--")
		}
		out = append(out, t)
	}
	return out
}

// superscripts are the raised digits a footnote call is written with
// (record.NoteCall).
const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹"

func word(f string) Token {
	// "[T]he": the editor's capital, the word's own letters.
	f2 := strings.NewReplacer("[", "", "]", "").Replace(f)
	key := strings.ToLower(strings.TrimFunc(f2, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }))
	// "travelled"/"traveled", "assitance" typos are changes; only case and edge
	// punctuation are ignored.
	return Token{Text: f, Key: key}
}
