package search

import (
	"errors"
	"fmt"
	"time"
	"unicode"
)

// Limits bound what one query may cost, so that no query typed into a public
// search box can take the server's cores or memory: a query beyond them is
// refused with a *LimitError saying what to change, never cut short silently.
// A zero field takes its default from DefaultLimits; there is no "unlimited",
// because the search box is open to anyone.
type Limits struct {
	// MaxQueryBytes bounds the query text, checked before it is read at all.
	MaxQueryBytes int
	// MaxTerms bounds the words the index will look up: every word, each word of
	// a phrase, each pair of CJK characters (CJK text is indexed as bigrams) and
	// each date range. Operators and stopwords count nothing.
	MaxTerms int
	// MaxDepth bounds the nesting of parentheses (the parser recurses on them).
	MaxDepth int
	// MaxPrefixExpansion is how many indexed terms one prefix (rail*) may reach;
	// past it the most frequent are searched and the result says so (Capped).
	MaxPrefixExpansion int
	// MaxOffset bounds Offset+Limit: a page that deep makes the index keep and
	// order that many hits.
	MaxOffset int
	// MaxDuration bounds the search's work: the index's matching, ranking and
	// facets (timed from when it holds the index, so that waiting behind an
	// update is not counted as the query's cost), and, again, reading and
	// highlighting the page's bodies. Not bringing the index up to date, which a
	// deadline would only make start over. It is the backstop for what the
	// counts above cannot foresee: their costliest queries on an archive far
	// larger than the one they were measured on, or a machine under load.
	MaxDuration time.Duration
}

// DefaultLimits are far above what a historian types (the longest queries in
// the tests and the README have seven words and one level of parentheses; the
// web form adds a term per facet filter and one level), and low enough that
// the costliest query they admit answers well within a second on the FRUS
// corpus (BenchmarkAttackQueries in internal/index).
var DefaultLimits = Limits{
	// 4 KiB is a long paragraph pasted in: more than any query plus filters.
	MaxQueryBytes: 4096,
	// 64 terms: thirty two-word names OR'd together still fit.
	MaxTerms: 64,
	// 16 levels: people nest two or three.
	MaxDepth: 16,
	// 500 terms: in the FRUS corpus (29,144 terms) no prefix of three letters
	// reaches as many ("con*", the widest, 447; "tele*" 9), so only one- and
	// two-letter prefixes are cut (21 and 6 of them); and the 500 most frequent
	// terms of "a*" (of 1,898) still find 5,810 of its 5,811 records
	// (BenchmarkAttackQueries/a*-capped and a*-uncapped report both).
	MaxPrefixExpansion: 500,
	// 10,000: page 500 of twenty hits; deeper paging is what harvesting
	// (OAI-PMH) and export are for.
	MaxOffset: 10000,
	// One second: the promise is an answer or a reason within a second; at a
	// million records every query class's p99 is under 100 ms
	// (docs/benchmarks.md), so only a pathological query meets it.
	MaxDuration: time.Second,
}

// WithDefaults returns l with every unset (zero or negative) field taken from
// DefaultLimits.
func (l Limits) WithDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxQueryBytes, DefaultLimits.MaxQueryBytes)
	def(&l.MaxTerms, DefaultLimits.MaxTerms)
	def(&l.MaxDepth, DefaultLimits.MaxDepth)
	def(&l.MaxPrefixExpansion, DefaultLimits.MaxPrefixExpansion)
	def(&l.MaxOffset, DefaultLimits.MaxOffset)
	if l.MaxDuration <= 0 {
		l.MaxDuration = DefaultLimits.MaxDuration
	}
	return l
}

// ErrQueryTooComplex is what every *LimitError wraps: errors.Is(err,
// ErrQueryTooComplex) tells a refusal of the query (the user's to fix, an HTTP
// 400) from a failure of the archive.
var ErrQueryTooComplex = errors.New("query too complex")

// LimitError says which limit a query exceeded, by how much, and in Msg what to
// change, in words a user can act on.
type LimitError struct {
	Param string // the Limits field: "MaxQueryBytes", "MaxTerms", "MaxDepth", "MaxOffset" or "MaxDuration"
	Limit int    // its value (for MaxDuration, in milliseconds)
	Got   int    // what the query had, more than Limit (for MaxDepth, the first depth past it)
	Msg   string
}

func (e *LimitError) Error() string { return e.Msg }

// Unwrap lets errors.Is find ErrQueryTooComplex.
func (e *LimitError) Unwrap() error { return ErrQueryTooComplex }

func limitError(param string, limit, got int, format string, args ...any) *LimitError {
	return &LimitError{Param: param, Limit: limit, Got: got, Msg: fmt.Sprintf(format, args...)}
}

// TimeoutError is the refusal of a search stopped by MaxDuration after elapsed.
func (l Limits) TimeoutError(elapsed time.Duration) *LimitError {
	l = l.WithDefaults()
	return limitError("MaxDuration", int(l.MaxDuration.Milliseconds()), int(elapsed.Milliseconds()),
		"the search was stopped after %v, the most one may take: narrow it (longer prefixes, fewer words, a date range or a filter)",
		l.MaxDuration)
}

// CheckPage refuses an Offset+Limit deeper than MaxOffset; it is not clamped,
// because a page silently other than the one asked for is a wrong answer.
func (q Query) CheckPage() error {
	lim := q.Limits.WithDefaults()
	if end := q.Offset + q.Limit; end > lim.MaxOffset || end < 0 {
		return limitError("MaxOffset", lim.MaxOffset, end,
			"results %d to %d were asked for; only the first %d results can be paged through: narrow the query (a date range, a filter) instead",
			q.Offset+1, q.Offset+q.Limit, lim.MaxOffset)
	}
	return nil
}

// checker refuses, token by token before any node is built, a query with
// more terms or deeper parentheses than lim allows: the parser recurses once
// per level, so the depth must be known before it starts.
type checker struct {
	lim          Limits
	terms, depth int
	tokens       int
	err          *LimitError // a refusal that needs no more reading (depth)
}

// add counts t and reports whether the query is still within the limits. Past
// MaxTerms it keeps counting (the caller reads on without keeping tokens) so
// that the message gives the query's real number of terms.
func (c *checker) add(t token) bool {
	c.tokens++
	switch t.kind {
	case tLParen:
		c.depth++
		if c.depth > c.lim.MaxDepth {
			c.err = limitError("MaxDepth", c.lim.MaxDepth, c.depth,
				"the query nests parentheses more than %d deep (at token %d); remove some parentheses", c.lim.MaxDepth, c.tokens)
			return false
		}
	case tRParen:
		// The parser skips a stray ")", so depth never goes below zero.
		c.depth = max(c.depth-1, 0)
	default:
		if t.kind == tWord && t.field == "" && !t.neg && (t.text == "AND" || t.text == "OR" || t.text == "NOT") {
			break
		}
		c.terms += termCount(t)
	}
	return c.terms <= c.lim.MaxTerms
}

func (c *checker) result() error {
	if c.err != nil {
		return c.err
	}
	if c.terms > c.lim.MaxTerms {
		return limitError("MaxTerms", c.lim.MaxTerms, c.terms,
			"the query has %d terms; at most %d are allowed (each word, each word of a phrase and each pair of CJK characters counts): search with fewer words", c.terms, c.lim.MaxTerms)
	}
	return nil
}

// termCount is how many index lookups a word or phrase token costs: one per
// word in it, one per CJK bigram, one for a date range.
func termCount(t token) int {
	if t.field == "date" || (t.kind == tWord && containsDots(t.text)) {
		return 1
	}
	n, cjk, inWord := 0, 0, false
	flushCJK := func() {
		if cjk > 0 {
			n += max(cjk-1, 1)
			cjk = 0
		}
	}
	for _, r := range t.text {
		switch {
		case isCJK(r):
			if inWord {
				inWord = false
			}
			cjk++
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			flushCJK()
			if !inWord {
				n++
				inWord = true
			}
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			// A combining mark stays inside its word.
		default:
			flushCJK()
			inWord = false
		}
	}
	flushCJK()
	return n
}

func containsDots(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

// isCJK matches the index's notion of CJK text (indexed as bigrams).
func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// Capped reports a prefix that reached more indexed terms than
// Limits.MaxPrefixExpansion: only the Used most frequent of its Matched terms
// were searched, so the result may miss records that have only rarer ones.
type Capped struct {
	Prefix  string `json:"prefix"` // as the index folded it, without the "*"
	Used    int    `json:"used"`
	Matched int    `json:"matched"`
}

// String is the notice a user interface can show as it is.
func (c Capped) String() string {
	return fmt.Sprintf("%s* matches %d words; only the %d most frequent were searched (type more letters to reach the others)", c.Prefix, c.Matched, c.Used)
}
