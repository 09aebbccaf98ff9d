package sqlite

import (
	"html"
	"strings"
	"unicode"

	"fond/internal/search"
)

// snippetWords are the words a query looks for, for highlighting: positive
// terms only, lower-cased, with whether each is a prefix.
type snippetWord struct {
	text   string
	prefix bool
}

func queryWords(n search.Node, negated bool, out *[]snippetWord) {
	switch n := n.(type) {
	case search.And:
		for _, k := range n.Nodes {
			queryWords(k, negated, out)
		}
	case search.Or:
		for _, k := range n.Nodes {
			queryWords(k, negated, out)
		}
	case search.Not:
		queryWords(n.Node, !negated, out)
	case search.Term:
		if negated {
			return
		}
		words := strings.FieldsFunc(strings.ToLower(n.Text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		for i, w := range words {
			*out = append(*out, snippetWord{text: w, prefix: n.Prefix && i == len(words)-1})
		}
	}
}

// stem strips the English endings the index's Porter stemmer folds, enough to
// highlight "telegrams" for "telegram" and "asked" for "asks".
func stem(w string) string {
	for _, suf := range []string{"ings", "ing", "edly", "ed", "es", "s", "ly"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

type token struct{ start, end int }

// goSnippet picks the window of about 24 words with the most query words and
// marks them, as FTS5's snippet() does, without a query per hit. It returns ""
// when the text holds none of the words.
func goSnippet(text string, words []snippetWord) string {
	if len(words) == 0 || text == "" {
		return ""
	}
	var toks []token
	start := -1
	for i, r := range text {
		isWord := unicode.IsLetter(r) || unicode.IsNumber(r)
		if isWord && start < 0 {
			start = i
		} else if !isWord && start >= 0 {
			toks = append(toks, token{start, i})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, token{start, len(text)})
	}
	hit := make([]bool, len(toks))
	any := false
	for i, t := range toks {
		w := strings.ToLower(text[t.start:t.end])
		for _, q := range words {
			if w == q.text || q.prefix && strings.HasPrefix(w, q.text) || stem(w) == stem(q.text) {
				hit[i] = true
				any = true
				break
			}
		}
	}
	if !any {
		return ""
	}
	const window = 24
	best, bestCount, count := 0, -1, 0
	for i := range toks {
		if hit[i] {
			count++
		}
		if i >= window && hit[i-window] {
			count--
		}
		if count > bestCount {
			bestCount = count
			best = max(0, i-window+1)
		}
	}
	// Start a little before the first hit in the window, so it reads in context.
	for i := best; i < min(len(toks), best+window); i++ {
		if hit[i] {
			best = max(0, i-4)
			break
		}
	}
	last := min(len(toks), best+window) - 1
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	pos := toks[best].start
	for i := best; i <= last; i++ {
		b.WriteString(html.EscapeString(text[pos:toks[i].start]))
		w := html.EscapeString(text[toks[i].start:toks[i].end])
		if hit[i] {
			w = "<mark>" + w + "</mark>"
		}
		b.WriteString(w)
		pos = toks[i].end
	}
	if last < len(toks)-1 {
		b.WriteString("…")
	} else {
		b.WriteString(html.EscapeString(text[pos:]))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
