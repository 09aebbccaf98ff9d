package index

import (
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"fond/internal/search"
)

// Highlighter marks what a query looks for in a text: its positive words, as
// index terms, so "telegrams" is marked for "telegram" exactly as it matched.
type Highlighter struct {
	terms    map[string]bool
	prefixes []string // folded
	cjk      []string
	// heads are the first letters of every term and prefix: a word that starts
	// otherwise cannot match, so it is never stemmed (most words of a text).
	heads map[string]bool
}

const headLen = 2

func head(s string) string {
	if len(s) > headLen {
		return s[:headLen]
	}
	return s
}

// NewHighlighter collects the positive words of a query.
func NewHighlighter(n search.Node) *Highlighter {
	h := &Highlighter{terms: map[string]bool{}, heads: map[string]bool{}}
	h.collect(n, false)
	for t := range h.terms {
		h.heads[head(t)] = true
	}
	for _, p := range h.prefixes {
		h.heads[head(p)] = true
	}
	return h
}

func (h *Highlighter) collect(n search.Node, negated bool) {
	switch n := n.(type) {
	case search.And:
		for _, k := range n.Nodes {
			h.collect(k, negated)
		}
	case search.Or:
		for _, k := range n.Nodes {
			h.collect(k, negated)
		}
	case search.Not:
		h.collect(n.Node, !negated)
	case search.Term:
		if _, text := fieldMask[n.Field]; negated || !text {
			return
		}
		for _, run := range cjkRuns(n.Text) {
			h.cjk = append(h.cjk, string(run))
		}
		toks := words(n.Text, nil)
		for i, t := range toks {
			if n.Prefix && i == len(toks)-1 {
				h.prefixes = append(h.prefixes, Fold(n.Text[t.start:t.end]))
			}
			h.terms[t.term] = true
		}
	}
}

func (h *Highlighter) empty() bool {
	return len(h.terms) == 0 && len(h.prefixes) == 0 && len(h.cjk) == 0
}

// window is how many words a snippet shows.
const window = 24

// Snippet returns a window of about 24 words of text around the query words,
// the one with the most of them among the first windows that have any,
// HTML-escaped with the words in <mark>; "" when the text has none of them.
func (h *Highlighter) Snippet(text string) string {
	if h.empty() || text == "" {
		return ""
	}
	var toks []token
	var hit []bool
	complete := true
	if len(h.cjk) > 0 {
		toks = mergeCJK(spans(text, nil), text, h.cjk)
		hit = make([]bool, len(toks))
		for i, t := range toks {
			hit[i] = h.match(t, text)
		}
	} else {
		toks, hit, complete = h.scanHits(text)
	}
	best, bestCount, count, found := 0, -1, 0, false
	for i := range toks {
		if hit[i] {
			count++
			found = true
		}
		if i >= window && hit[i-window] {
			count--
		}
		if count > bestCount {
			bestCount, best = count, max(0, i-window+1)
		}
	}
	if !found {
		return ""
	}
	// Start a little before the first hit in the window, so it reads in context.
	for i := best; i < min(len(toks), best+window); i++ {
		if hit[i] {
			best = max(0, i-4)
			break
		}
	}
	last := min(len(toks), best+window)
	return render(text, toks[best:last], hit[best:last], best > 0, last < len(toks) || !complete)
}

// render writes the words toks of text, marking the hits, with an ellipsis
// where text goes on before or after them.
func render(text string, toks []token, hit []bool, before, after bool) string {
	var sb strings.Builder
	if before {
		sb.WriteString("…")
	}
	pos := toks[0].start
	for i, t := range toks {
		sb.WriteString(html.EscapeString(text[pos:t.start]))
		w := html.EscapeString(text[t.start:t.end])
		if hit[i] {
			w = "<mark>" + w + "</mark>"
		}
		sb.WriteString(w)
		pos = t.end
	}
	if after {
		sb.WriteString("…")
	} else {
		sb.WriteString(html.EscapeString(text[pos:]))
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// scanHits splits text into words and marks those the query looks for. It stops
// reading a long text a few windows after the first hit (complete is then
// false): a snippet needs a good passage, not the best of a whole book.
func (h *Highlighter) scanHits(text string) (toks []token, hit []bool, complete bool) {
	const readOn = 4 * window
	firstHit := -1
	for i := 0; ; {
		var t token
		if t, i = nextSpan(text, i); t.end == 0 {
			return toks, hit, true
		}
		m := h.match(t, text)
		if m && firstHit < 0 {
			firstHit = len(toks)
		}
		toks, hit = append(toks, t), append(hit, m)
		if firstHit >= 0 && len(toks)-firstHit > readOn {
			return toks, hit, false
		}
	}
}

// wordByte says which ASCII bytes are word characters.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func (h *Highlighter) match(t token, text string) bool {
	switch t.term {
	case "\x01": // a CJK occurrence
		return true
	case "\x00": // a CJK character around one
		return false
	}
	w := text[t.start:t.end]
	var lead [headLen]byte
	n := 0
	for n < headLen && n < len(w) && w[n] < utf8.RuneSelf {
		c := w[n]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lead[n] = c
		n++
	}
	if n == min(headLen, len(w)) && !h.heads[string(lead[:n])] {
		return false // ASCII word whose first letters no query word has
	}
	folded := Fold(w)
	if h.terms[Term(folded)] {
		return true
	}
	for _, p := range h.prefixes {
		if strings.HasPrefix(folded, p) {
			return true
		}
	}
	return false
}

// mergeCJK adds each occurrence of a CJK query word as a token of its own, with
// an empty term, in text order.
func mergeCJK(toks []token, text string, cjk []string) []token {
	var occ []token
	for _, w := range cjk {
		for off := 0; ; {
			i := strings.Index(text[off:], w)
			if i < 0 {
				break
			}
			occ = append(occ, token{term: "\x01", start: off + i, end: off + i + len(w)})
			off += i + len(w)
		}
	}
	if len(occ) == 0 {
		return toks
	}
	// Surrounding CJK characters become single-character tokens, so the window
	// counts them as words.
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isCJK(r) {
			inside := false
			for _, o := range occ {
				if i >= o.start && i < o.end {
					inside = true
					break
				}
			}
			if !inside {
				occ = append(occ, token{term: "\x00", start: i, end: i + size})
			}
		}
		i += size
	}
	all := append(toks, occ...)
	sortTokens(all)
	return all
}

func sortTokens(t []token) {
	slices.SortStableFunc(t, func(a, b token) int { return a.start - b.start })
}

// SnippetAt is Snippet for a body whose query words the index has located: it
// reads only the words around the densest cluster of positions. Without
// positions it reads the text as Snippet does.
func (h *Highlighter) SnippetAt(text string, w Where) string {
	if !w.Known {
		return h.Snippet(text)
	}
	if len(w.Positions) == 0 {
		return "" // the words matched elsewhere: the body has none
	}
	p := w.Positions
	best, bestCount := 0, 0
	for i, j := 0, 0; i < len(p); i++ {
		for j < len(p) && p[j] < p[i]+window {
			j++
		}
		if j-i > bestCount {
			best, bestCount = i, j-i
		}
	}
	first := p[best] - min(p[best], 4)
	// Start reading at the last mark before the window.
	k := int(first / markEvery)
	if k > len(w.marks) {
		k = len(w.marks)
	}
	off, word := 0, uint32(0)
	if k > 0 {
		off, word = int(w.marks[k-1]), uint32(k*markEvery)
	}
	if off > len(text) {
		return h.Snippet(text) // the stored text is not what was indexed
	}
	hits := map[uint32]bool{}
	for _, x := range p {
		hits[x] = true
	}
	var toks []token
	var hit []bool
	more := false
	for i := off; ; {
		var t token
		if t, i = nextSpan(text, i); t.end == 0 {
			break
		}
		if word >= first {
			if len(toks) == window {
				more = true
				break
			}
			toks = append(toks, t)
			hit = append(hit, hits[word])
		}
		word++
	}
	if len(toks) == 0 || !slices.Contains(hit, true) {
		return h.Snippet(text)
	}
	return render(text, toks, hit, first > 0, more)
}

// nextSpan finds the word at or after byte i, and where to look for the next;
// a zero token at the end of text.
func nextSpan(text string, i int) (token, int) {
	start := -1
	for i < len(text) {
		c, size, word := text[i], 1, false
		if c < utf8.RuneSelf {
			word = wordByte[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = isWordRune(r) && !isCJK(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return token{start: start, end: i}, i
		}
		i += size
	}
	if start >= 0 {
		return token{start: start, end: len(text)}, len(text)
	}
	return token{}, len(text)
}
