package main

import (
	"math/rand/v2"
	"sort"
	"strings"

	"fond/internal/search"
)

// Query classes, in report order.
var classes = []string{"term", "and", "phrase", "prefix", "facet_date"}

// Query is one engine-neutral query; each engine renders it in its own syntax.
type Query struct {
	Class  string   `json:"class"`
	Words  []string `json:"words,omitempty"`
	Prefix string   `json:"prefix,omitempty"`
	From   int      `json:"from,omitempty"` // years, inclusive, for facet_date
	To     int      `json:"to,omitempty"`
}

// functionWords are never queried: besides fond's own stopwords, the English stop
// lists of other engines drop these, and a term one engine ignores is no
// comparison.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`also very such only other some more most each both over under after before
		between through during until while because being having same once again further against above below
		itself them then than very just nor off out down doing does ours yours hers himself herself ourselves
		themselves yourself myself ought upon shall said being into onto toward towards among`) {
		m[w] = true
	}
	return m
}()

// queryable says whether a word can be a query term: plain lowercase ASCII of
// four letters or more (every tokenizer agrees on it) and not a function word.
func queryable(w string) bool {
	if len(w) < 4 || search.IsStopword(w) || functionWords[w] {
		return false
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

type weighted struct {
	text  string
	count uint32
}

// bands splits candidates sorted by count into common (top 5%), middling (next
// 25%) and rare (the rest), so each class mixes cheap and expensive queries.
func bands(c []weighted) [3][]weighted {
	sort.Slice(c, func(i, j int) bool {
		if c[i].count != c[j].count {
			return c[i].count > c[j].count
		}
		return c[i].text < c[j].text
	})
	a := max(1, len(c)*5/100)
	b := max(a+1, len(c)*30/100)
	b = min(b, len(c))
	return [3][]weighted{c[:a], c[a:b], c[b:]}
}

func pickBand(rng *rand.Rand, bs [3][]weighted, i int) string {
	for k := range 3 {
		if b := bs[(i+k)%3]; len(b) > 0 {
			return b[rng.IntN(len(b))].text
		}
	}
	return ""
}

// makeQueries builds n queries of every class from the model's vocabulary. The
// list depends only on the model and the seed, so every engine gets the same one.
func makeQueries(m *Model, seed uint64, n int) []Query {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b9))
	counts := map[string]uint32{}
	for id, w := range m.Words {
		lw := strings.ToLower(w)
		if queryable(lw) {
			counts[lw] += m.Count[id]
		}
	}
	var words, long []weighted
	for w, c := range counts {
		if c >= 3 {
			words = append(words, weighted{w, c})
			if len(w) >= 7 {
				long = append(long, weighted{w, c})
			}
		}
	}
	var pairs []weighted
	for from := range m.Words {
		a := strings.ToLower(m.Words[from])
		if !queryable(a) {
			continue
		}
		prev := uint32(0)
		for i := m.Start[from]; i < m.Start[from+1]; i++ {
			c := m.Cum[i] - prev
			prev = m.Cum[i]
			b := strings.ToLower(m.Words[m.Next[i]])
			if c >= 2 && queryable(b) {
				pairs = append(pairs, weighted{a + " " + b, c})
			}
		}
	}
	wb, lb, pb := bands(words), bands(long), bands(pairs)
	// Date filters want terms that occur often enough to leave something to facet.
	common := [3][]weighted{wb[0], wb[1], wb[0]}

	var qs []Query
	for i := range n {
		qs = append(qs, Query{Class: "term", Words: []string{pickBand(rng, wb, i)}})
	}
	for i := range n {
		qs = append(qs, Query{Class: "and", Words: []string{pickBand(rng, wb, i), pickBand(rng, wb, i+1)}})
	}
	for i := range n {
		qs = append(qs, Query{Class: "phrase", Words: strings.Fields(pickBand(rng, pb, i))})
	}
	for i := range n {
		w := pickBand(rng, lb, i)
		qs = append(qs, Query{Class: "prefix", Prefix: w[:4+rng.IntN(2)]})
	}
	for i := range n {
		y := 1945 + rng.IntN(25)
		qs = append(qs, Query{Class: "facet_date", Words: []string{pickBand(rng, common, i)}, From: y, To: y + 1})
	}
	return qs
}
