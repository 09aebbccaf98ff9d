package index

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A token is one word of a text: its index term (folded and stemmed) and where it
// stands in the text, so snippets can mark it.
type token struct {
	term       string
	start, end int // byte offsets in the text
	id         uint32
}

// isWordRune says what a word is made of: letters, digits and the combining marks
// inside them. Everything else separates words.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// asciiWord is isWordRune && !isCJK for the ASCII bytes, read from a table:
// the two calls a byte were a tenth of the analyzer's time on English text
// (docs/decisions.md, "The analyzer's ASCII bytes classed by a table").
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c)) && !isCJK(rune(c))
	}
	return t
}()

func isCJK(r rune) bool {
	if r < 0x2E80 { // below the CJK blocks: decided without table lookups
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// HasCJK reports whether s holds Chinese, Japanese or Korean characters.
func HasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if isCJK(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// words splits text into its words (CJK runs excluded: they are indexed as
// bigrams, see cjkTokens) and gives each its term.
func words(text string, out []token) []token { return scan(text, out, true) }

// spans splits text into words like words, without terms.
func spans(text string, out []token) []token { return scan(text, out, false) }

// scan splits text into words; with terms, each gets its term.
func scan(text string, out []token, terms bool) []token {
	eachWord(text, terms, nil, func(t token) { out = append(out, t) })
	return out
}

// eachWord is scan one word at a time: a document's tokens held at once cost
// some forty bytes a word, six times a long text, where indexing it needs
// them only in turn. With a cache (an Analyzer's), a word gets its term's
// number instead of its term.
func eachWord(text string, terms bool, cache *wordIDs, yield func(token)) {
	start := -1
	ascii, upper := true, false
	for i := 0; i < len(text); {
		c, size := text[i], 1
		var in bool
		if c < utf8.RuneSelf {
			in = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			in = isWordRune(r) && !isCJK(r)
		}
		if in {
			if start < 0 {
				start, ascii, upper = i, true, false
			}
			if c >= utf8.RuneSelf {
				ascii = false
			} else if 'A' <= c && c <= 'Z' {
				upper = true
			}
		} else if start >= 0 {
			t := token{start: start, end: i}
			if terms {
				t.term, t.id = termIn(cache, text[start:i], ascii, upper)
			}
			yield(t)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		t := token{start: start, end: len(text)}
		if terms {
			t.term, t.id = termIn(cache, text[start:], ascii, upper)
		}
		yield(t)
	}
}

// Fold lower-cases a word and strips its diacritics ("Tümen" → "tumen").
func Fold(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return foldSlow(w)
		}
	}
	return strings.ToLower(w)
}

func foldSlow(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

// Term is the index term of one word: folded, then Porter-stemmed when it is
// English-looking (ASCII letters), so "telegrams" and "telegram" are one term.
func Term(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	return termOf(w, ascii, true)
}

// termIn is a word's term, or with a cache only its term's number: the
// Analyzer, the one caller with a cache, needs no more.
func termIn(cache *wordIDs, w string, ascii, upper bool) (string, uint32) {
	if cache == nil {
		return termOf(w, ascii, upper), 0
	}
	return "", cache.id(w, ascii, upper)
}

func termOf(w string, ascii, upper bool) string {
	if !ascii {
		return stemCached(foldSlow(w))
	}
	if upper {
		w = strings.ToLower(w)
	}
	return stemCached(w)
}

// The stemmer is the costliest step of indexing, and a collection's vocabulary is
// small next to its word count, so stems are remembered (up to a bound, so that a
// stream of unique tokens cannot grow memory without limit).
var (
	stems     sync.Map
	stemCount atomic.Int64
)

const maxStems = 1 << 20

func stemCached(w string) string {
	if len(w) < 3 || !stemmable(w) {
		return w
	}
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	s := porterStem(w)
	if stemCount.Load() < maxStems {
		// The key is cloned so the cache never pins the whole text it came from.
		k := strings.Clone(w)
		if s == w {
			s = k
		} else {
			s = strings.Clone(s)
		}
		if _, loaded := stems.LoadOrStore(k, s); !loaded {
			stemCount.Add(1)
		}
	}
	return s
}

// stemmable: Porter's rules are for English words, so digits and other scripts
// pass through unchanged.
func stemmable(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// cjkRuns returns the maximal runs of CJK characters in s.
func cjkRuns(s string) [][]rune {
	var runs [][]rune
	var cur []rune
	for _, r := range s {
		if isCJK(r) {
			cur = append(cur, r)
			continue
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// bigrams are how Korean and Chinese are indexed: every run of CJK characters as
// overlapping pairs, so a word is found inside a longer run ("북한군" in "북한군이",
// where a particle is attached) without a dictionary.
func bigrams(run []rune) []string {
	if len(run) == 1 {
		return []string{string(run)}
	}
	out := make([]string, 0, len(run)-1)
	for i := 0; i+1 < len(run); i++ {
		out = append(out, string(run[i:i+2]))
	}
	return out
}
