package compare

import (
	"context"
	"errors"
	"fmt"
)

// NameKey maps a name to a comparison key under which its spellings meet
// (supplied by the authority layer: romanization keys). Two capitalised words
// with the same key are one name spelled two ways.
type NameKey func(name string) string

// Op kinds in a diff.
const (
	Same      = "same"
	Variant   = "variant"   // another spelling of the same name or place
	Apparatus = "apparatus" // footnote markers, editorial insertions
	Changed   = "changed"
	Inserted  = "inserted"
	Deleted   = "deleted"
)

// Op is a run of tokens in one diff category.
type Op struct {
	Kind string   `json:"kind"`
	A    []string `json:"a,omitempty"`
	B    []string `json:"b,omitempty"`
}

// Pair is one aligned unit: sentences of A and of B that say the same thing.
type Pair struct {
	A, B       []string `json:"-"`
	AIdx, BIdx []int    `json:"-"`
	ASentences []string `json:"a"`
	BSentences []string `json:"b"`
	Similarity float64  `json:"similarity"`
	Ops        []Op     `json:"ops"`
	// Unaligned marks the last unit of a truncated Result: the sentences the
	// budget left no work for, shown as they are, without Ops.
	Unaligned bool `json:"unaligned,omitempty"`
}

// Result is a whole comparison.
type Result struct {
	Pairs []Pair         `json:"pairs"`
	Stats map[string]int `json:"stats"` // words by op kind
	// Truncated says the budget ran out: the last Pair holds the rest of both
	// texts, not aligned.
	Truncated bool `json:"truncated,omitempty"`
	// Unaligned counts the sentences (of A and B together) in that last Pair.
	Unaligned int `json:"unaligned,omitempty"`
	// Work is the units spent, the measure Options.Budget bounds.
	Work int64 `json:"work"`
}

// Options bound a comparison.
type Options struct {
	// Budget is the most work units Compare spends before showing the rest
	// unaligned; 0 means DefaultBudget.
	Budget int64
}

// Compare aligns a and b (document texts) sentence by sentence and diffs each
// pair. Its cost is bounded by opt.Budget, whatever the texts; an error is only
// ever ctx's, when it is cancelled or expires.
func Compare(ctx context.Context, a, b string, key NameKey, opt Options) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("compare: %w", err)
	}
	budget := opt.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	// Alignment may spend three quarters of the budget, so that the pairs it
	// does align can still be diffed rather than shown unaligned after all.
	m := newMeter(ctx, budget-budget/4)
	sa, sb := Sentences(a), Sentences(b)
	ta, tb := tokenizeAll(sa, key), tokenizeAll(sb, key)
	units, err := alignSentences(ta, tb, m)
	if err != nil && !errors.Is(err, errBudget) {
		return Result{}, fmt.Errorf("compare: %w", err)
	}
	m.limit = budget
	res := Result{Stats: map[string]int{}}
	doneA, doneB := 0, 0 // sentences of each text in res.Pairs so far
	for _, p := range units {
		pair := Pair{AIdx: p.a, BIdx: p.b, Similarity: p.sim}
		var wa, wb []Token
		for _, i := range p.a {
			pair.ASentences = append(pair.ASentences, sa[i])
			wa = append(wa, ta[i]...)
		}
		for _, i := range p.b {
			pair.BSentences = append(pair.BSentences, sb[i])
			wb = append(wb, tb[i]...)
		}
		ops, err := diffTokens(wa, wb, key, m)
		if errors.Is(err, errBudget) {
			break
		}
		if err != nil {
			return Result{}, fmt.Errorf("compare: %w", err)
		}
		pair.Ops = ops
		for _, op := range pair.Ops {
			res.Stats[op.Kind] += max(len(op.A), len(op.B))
		}
		res.Pairs = append(res.Pairs, pair)
		doneA, doneB = doneA+len(p.a), doneB+len(p.b)
	}
	if doneA < len(sa) || doneB < len(sb) {
		rest := Pair{Unaligned: true}
		for i := doneA; i < len(sa); i++ {
			rest.AIdx = append(rest.AIdx, i)
			rest.ASentences = append(rest.ASentences, sa[i])
		}
		for i := doneB; i < len(sb); i++ {
			rest.BIdx = append(rest.BIdx, i)
			rest.BSentences = append(rest.BSentences, sb[i])
		}
		res.Pairs = append(res.Pairs, rest)
		res.Truncated = true
		res.Unaligned = len(rest.AIdx) + len(rest.BIdx)
	}
	res.Work = m.used
	return res, nil
}

func tokenizeAll(ss []string, key NameKey) [][]Token {
	// The authority layer's keys are dear (a romanization each) and a long
	// document names the same few people thousands of times.
	known := map[string]string{}
	out := make([][]Token, len(ss))
	for i, s := range ss {
		out[i] = Tokenize(s)
		if key == nil {
			continue
		}
		for j := range out[i] {
			t := &out[i][j]
			if t.Apparatus || !capitalised([]Token{*t}) {
				continue
			}
			name, ok := known[t.Key]
			if !ok {
				name = key(t.Key)
				known[t.Key] = name
			}
			t.Name = name
		}
	}
	return out
}
