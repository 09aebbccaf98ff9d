// Package compare aligns two editions of one document (two translations, say)
// sentence by sentence and marks their word-level differences, telling spelling
// variants of the same name and editorial apparatus (footnote markers, bracketed
// insertions) apart from real changes of wording.
package compare

import (
	"strings"
	"unicode"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"cde": true, "mr": true, "mrs": true, "dr": true, "no": true, "nos": true, "e.g": true, "i.e": true,
	"p.m": true, "a.m": true, "gen": true, "col": true, "st": true, "vol": true, "cf": true, "etc": false,
	"ll": true, "f": true, "op": true, "d": true, "l": true, "p": true, "pp": true, "ca": true, "c": true, "viz": true,
}

// Sentences splits text into sentences. Paragraph breaks always end a sentence;
// periods after initials ("A.Ia."), abbreviations ("Cde.", "p.m.") and numbers do not.
func Sentences(text string) []string {
	var out []string
	for _, para := range Paragraphs(text) {
		out = append(out, para...)
	}
	return out
}

// Paragraphs is Sentences kept in the text's paragraphs (blank-line
// separated; a paragraph with no words is dropped), so that a Pair's
// sentence indices can be read back as paragraphs: the k-th sentence of
// Sentences is the k-th of Paragraphs taken in order.
func Paragraphs(text string) [][]string {
	var out [][]string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if ss := splitParagraph(strings.Join(strings.Fields(para), " ")); len(ss) > 0 {
			out = append(out, ss)
		}
	}
	return out
}

func splitParagraph(p string) []string {
	var out []string
	start := 0
	rs := []rune(p)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		// Closing quotes and brackets belong to the sentence they end, and so
		// does a raised footnote call ("ratified.²").
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`"'”’)]`+superscripts, rs[j]) {
			j++
		}
		if j < len(rs) && rs[j] != ' ' {
			continue
		}
		k := j
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		if k < len(rs) && !(unicode.IsUpper(rs[k]) || unicode.IsDigit(rs[k]) || strings.ContainsRune(`"“[(`, rs[k])) {
			continue
		}
		if c == '.' && notSentenceEnd(rs[start:i]) {
			continue
		}
		if s := strings.TrimSpace(string(rs[start:j])); s != "" {
			out = append(out, s)
		}
		start = j
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

// notSentenceEnd looks at the word before a period.
func notSentenceEnd(before []rune) bool {
	w := before
	for i := len(before) - 1; i >= 0; i-- {
		if before[i] == ' ' || before[i] == '(' || before[i] == '[' {
			w = before[i+1:]
			break
		}
	}
	word := strings.ToLower(string(w))
	if abbreviations[word] {
		return true
	}
	// Initials: "A", "Ia" after another initial, "I.M"
	letters := strings.ReplaceAll(string(w), ".", "")
	if len([]rune(letters)) <= 2 && len(letters) > 0 && unicode.IsUpper([]rune(letters)[0]) {
		return true
	}
	return false
}
