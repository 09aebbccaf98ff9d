package search

import (
	"sort"
	"strings"
)

// stopwords are dropped from a conjunction of plain words when other words remain,
// so that "who asked Stalin for credit in 1949" requires the words that carry
// meaning, not "who" and "in". Alone, or in a phrase, they are searched as typed.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or of to in on at by for with from as is are was were be been it its this that these those
		who whom whose what which when where why how did does do has have had not no he she they we i you his her their our my your
		about into than then there here can could would should will shall may might must`) {
		m[w] = true
	}
	return m
}()

// IsStopword reports whether a plain word is one the query drops in conjunctions.
func IsStopword(w string) bool { return stopwords[strings.ToLower(w)] }

// dropStopwords removes stopword terms from a conjunction that has other terms.
func dropStopwords(n Node) Node {
	a, ok := n.(And)
	if !ok {
		return n
	}
	var kept []Node
	for _, k := range a.Nodes {
		if t, ok := k.(Term); ok && t.Field == "" && !t.Phrase && !t.Prefix && IsStopword(t.Text) {
			continue
		}
		kept = append(kept, k)
	}
	switch len(kept) {
	case 0:
		return n
	case 1:
		return kept[0]
	}
	return And{kept}
}

// TypedWords counts the plain words of a query as typed, small words
// included: a wording remembered ("the letter of instruction") has them
// where keywords do not. Operators, fielded terms, quoted phrases and
// negations are not plain words.
func TypedWords(text string) int {
	n := 0
	quoted := false
	for _, w := range strings.Fields(text) {
		q := strings.Count(w, `"`)
		inside := quoted || q > 0
		if q%2 == 1 {
			quoted = !quoted
		}
		if inside || w == "AND" || w == "OR" || w == "NOT" || strings.HasPrefix(w, "-") || strings.ContainsAny(w, ":*()") {
			continue
		}
		n++
	}
	return n
}

// Stopwords lists the words IsStopword reports, sorted.
func Stopwords() []string {
	out := make([]string, 0, len(stopwords))
	for w := range stopwords {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}
