package search

import (
	"errors"
	"strings"
	"testing"
)

func mustParse(t *testing.T, q string) Node {
	t.Helper()
	n, err := Parse(q, Limits{})
	if err != nil {
		t.Fatalf("Parse(%q): %v", q, err)
	}
	return n
}

// limitErr asserts that err is a *LimitError on param, found through the
// wrapping a store adds, and that its message says what was wrong.
func limitErr(t *testing.T, err error, param string, wantInMsg ...string) *LimitError {
	t.Helper()
	wrapped := errors.Join(errors.New("search"), err)
	var le *LimitError
	if !errors.As(wrapped, &le) {
		t.Fatalf("want a *LimitError on %s, got %v", param, err)
	}
	if !errors.Is(wrapped, ErrQueryTooComplex) {
		t.Errorf("%v does not wrap ErrQueryTooComplex", err)
	}
	if le.Param != param {
		t.Errorf("limit %s refused the query, want %s: %v", le.Param, param, le)
	}
	for _, w := range wantInMsg {
		if !strings.Contains(le.Error(), w) {
			t.Errorf("message %q does not say %q", le.Error(), w)
		}
	}
	return le
}

func words(n int) string {
	var sb strings.Builder
	for i := range n {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString("w")
		sb.WriteString(strings.Repeat("x", i%7))
	}
	return sb.String()
}

// The attack: 60,000 terms. Under the defaults it is refused for its length
// before it is tokenized; with the length limit raised, for its terms, with the
// real count in the message.
func TestLimitSixtyThousandTerms(t *testing.T) {
	q := words(60000)
	_, err := Parse(q, Limits{})
	limitErr(t, err, "MaxQueryBytes", "at most 4096")
	_, err = Parse(q, Limits{MaxQueryBytes: 1 << 20})
	le := limitErr(t, err, "MaxTerms", "the query has 60000 terms; at most 64 are allowed")
	if le.Got != 60000 || le.Limit != 64 {
		t.Errorf("got %d limit %d", le.Got, le.Limit)
	}
}

func TestLimitTermsExactly(t *testing.T) {
	n := DefaultLimits.MaxTerms
	if _, err := Parse(words(n), Limits{}); err != nil {
		t.Errorf("%d terms (the limit) refused: %v", n, err)
	}
	limitErr(t, func() error { _, err := Parse(words(n+1), Limits{}); return err }(), "MaxTerms")
	// Each word of a phrase counts, and each CJK bigram; operators do not.
	if _, err := Parse(`"`+words(n)+`" x`, Limits{}); err == nil {
		t.Error("a phrase of the limit's words plus one more accepted")
	}
	if _, err := Parse(strings.Repeat("x AND ", n-1)+"x", Limits{}); err != nil {
		t.Errorf("AND counted as a term: %v", err)
	}
	if _, err := Parse(strings.Repeat("북", n+2), Limits{}); err == nil {
		t.Errorf("a CJK run of %d bigrams accepted", n+1)
	}
	if _, err := Parse(strings.Repeat("북", n+1), Limits{}); err != nil {
		t.Errorf("a CJK run of %d bigrams refused: %v", n, err)
	}
}

// 100,000 "(" neither overflows the recursive parser's stack nor takes long:
// refused for its length, and with the length limit raised, for its depth,
// before the parser recurses.
func TestLimitDeepParens(t *testing.T) {
	q := strings.Repeat("(", 100000) + "x"
	_, err := Parse(q, Limits{})
	limitErr(t, err, "MaxQueryBytes", "100001 bytes")
	_, err = Parse(q, Limits{MaxQueryBytes: 1 << 20})
	limitErr(t, err, "MaxDepth", "more than 16 deep")
	// At the limit: accepted, and unbalanced as it is, repaired.
	d := DefaultLimits.MaxDepth
	if n, err := Parse(strings.Repeat("(", d)+"x"+strings.Repeat(")", d+5)+" y", Limits{}); err != nil || n.String() != "(x AND y)" {
		t.Errorf("depth %d: %v, %v", d, n, err)
	}
	_, err = Parse(strings.Repeat("(", d+1)+"x", Limits{})
	limitErr(t, err, "MaxDepth")
	// Closed parentheses free their depth; stray ")" do not lend any.
	if _, err := Parse(strings.Repeat("(x) ", 40)+strings.Repeat(")", 50)+strings.Repeat("(", d)+"y", Limits{}); err != nil {
		t.Errorf("sequential parentheses counted as nesting: %v", err)
	}
}

func TestLimitQueryBytesExactly(t *testing.T) {
	q := strings.Repeat("x", DefaultLimits.MaxQueryBytes)
	if _, err := Parse(q, Limits{}); err != nil {
		t.Errorf("a query of exactly MaxQueryBytes refused: %v", err)
	}
	_, err := Parse(q+"x", Limits{})
	limitErr(t, err, "MaxQueryBytes", "4097 bytes")
}

func TestLimitOffset(t *testing.T) {
	q := Query{Text: "loan", Limit: 20, Offset: DefaultLimits.MaxOffset - 20}
	q.Normalize()
	if err := q.CheckPage(); err != nil {
		t.Errorf("the last page within MaxOffset refused: %v", err)
	}
	q.Offset++
	limitErr(t, q.CheckPage(), "MaxOffset", "only the first 10000 results")
	q.Limits.MaxOffset = 20000
	if err := q.CheckPage(); err != nil {
		t.Errorf("a raised MaxOffset not used: %v", err)
	}
	// An offset so large that Offset+Limit overflows is refused, not wrapped.
	q = Query{Limit: 20, Offset: int(^uint(0) >> 1)}
	limitErr(t, q.CheckPage(), "MaxOffset")
}

func TestLimitsWithDefaults(t *testing.T) {
	if got := (Limits{}).WithDefaults(); got != DefaultLimits {
		t.Errorf("zero limits: %+v", got)
	}
	if got := (Limits{MaxTerms: 3, MaxDepth: -1}).WithDefaults(); got.MaxTerms != 3 || got.MaxDepth != DefaultLimits.MaxDepth {
		t.Errorf("partial limits: %+v", got)
	}
}

func depth(n Node) int {
	switch n := n.(type) {
	case And:
		return 1 + maxDepth(n.Nodes)
	case Or:
		return 1 + maxDepth(n.Nodes)
	case Not:
		return 1 + depth(n.Node)
	}
	return 0
}

func maxDepth(ns []Node) int {
	d := 0
	for _, k := range ns {
		d = max(d, depth(k))
	}
	return d
}

func countLeaves(n Node) int {
	switch n := n.(type) {
	case And:
		c := 0
		for _, k := range n.Nodes {
			c += countLeaves(k)
		}
		return c
	case Or:
		c := 0
		for _, k := range n.Nodes {
			c += countLeaves(k)
		}
		return c
	case Not:
		return countLeaves(n.Node)
	case nil:
		return 0
	}
	return 1
}
