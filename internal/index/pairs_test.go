package index

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"fond/internal/search"
)

var update = flag.Bool("update", false, "rewrite pairwords.txt from the FRUS corpus")

// TestPairWords: pairwords.txt is what the FRUS corpus gives for pairShare.
// With -update it is rewritten; changing it changes what the index holds, so
// segmentMagic must change with it (an older index would lack pairs that
// phrases then read as absent).
func TestPairWords(t *testing.T) {
	stop := map[string]bool{}
	for _, w := range search.Stopwords() {
		stop[Term(w)] = true
	}
	df := map[string]int{}
	var fields [][]string // every document's fields, as terms, for pairCost
	err := eachFRUSDoc(t, func(doc Doc) {
		seen := map[string]bool{}
		for fld := uint8(0); fld < fCJK; fld++ {
			var terms []string
			for _, tok := range words(doc.Text[fld], nil) {
				seen[tok.term] = true
				terms = append(terms, tok.term)
			}
			fields = append(fields, terms)
		}
		fields = append(fields, nil) // the end of a document
		for w := range seen {
			df[w]++
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	n := len(fields) / int(fCJK+1)
	listOf := func(share float64, stopwords bool) map[string]bool {
		l := map[string]bool{}
		for w, c := range df {
			if float64(c) >= share*float64(n) && stemmable(w) && (stopwords || !stop[w]) {
				l[w] = true
			}
		}
		return l
	}
	list := slices.Sorted(maps.Keys(listOf(pairShare, false)))
	got := strings.Join(list, "\n") + "\n"
	if *update {
		if err := os.WriteFile("pairwords.txt", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d pair words from %d documents", len(list), n)
		return
	}
	if got != pairWordsText {
		t.Errorf("pairwords.txt is not what %d FRUS documents give (%d words, the file has %d): go test ./internal/index -run TestPairWords -update, and change segmentMagic",
			n, len(list), len(strings.Fields(pairWordsText)))
	}

	// What pair lists cost, as docs/decisions.md gives it (go test -v -run
	// TestPairWords): the postings and positions they add to the words', for
	// the shares tried, without stopwords and with them. A lower share and
	// stopwords must each add more.
	prev := [2]float64{}
	for _, share := range []float64{0.10, 0.05, 0.03} {
		without, with := pairCost(fields, listOf(share, false)), pairCost(fields, listOf(share, true))
		t.Logf("share %.0f%%: %d pair words, postings +%.1f%%, positions +%.1f%%; with stopwords %d words, postings +%.1f%%, positions +%.1f%%",
			100*share, len(listOf(share, false)), without[0], without[1], len(listOf(share, true)), with[0], with[1])
		if without[0] <= prev[0] || without[1] <= prev[1] || with[0] <= without[0] || with[1] <= without[1] {
			t.Errorf("share %.2f: pairs add %v, with stopwords %v, after %v at the higher share", share, without, with, prev)
		}
		prev = without
	}
}

// pairCost is what indexing the adjacent pairs of list's words adds to the
// words' postings and positions, in percent. fields are documents' fields
// as terms, a nil field ending each document.
func pairCost(fields [][]string, list map[string]bool) [2]float64 {
	var words, wordPos, pairs, pairPos int
	docWords, docPairs := map[string]bool{}, map[string]bool{}
	for _, f := range fields {
		if f == nil {
			words, pairs = words+len(docWords), pairs+len(docPairs)
			clear(docWords)
			clear(docPairs)
			continue
		}
		for i, w := range f {
			docWords[w] = true
			wordPos++
			if i > 0 && list[f[i-1]] && list[w] {
				docPairs[f[i-1]+" "+w] = true
				pairPos++
			}
		}
	}
	return [2]float64{100 * float64(pairs) / float64(words), 100 * float64(pairPos) / float64(wordPos)}
}

// TestPairsAgree: phrases read with pair lists answer exactly as phrases
// walked word by word: totals, hits, scores and facets, for readers and
// staff, over a segment with documents added, replaced and deleted after it,
// and over an index wholly in the heap; phrases of two words and longer,
// alone, beside other words and within dates.
func TestPairsAgree(t *testing.T) {
	defer func(u bool) { usePairs = u }(usePairs)
	// Pair words (pairwords.txt) and others, mixed.
	vocab := []string{"telegram", "consul", "treaty", "loan", "ambassador", "railway", "minister", "harbor", "conference", "cotton"}
	var phrases []string
	for _, a := range vocab {
		for _, b := range vocab {
			phrases = append(phrases, a+" "+b)
			for _, c := range vocab[:6] {
				phrases = append(phrases, a+" "+b+" "+c)
			}
		}
	}
	phrases = append(phrases, "loan telegram steamer consul", "railway loan telegram harbor")
	withHits, before := 0, pairPhrases.Load()
	// Documents without the words make them rare enough for their document
	// frequency to weigh in the score (in genDocs alone every word is common).
	sparse := genDocs(200, 4)
	for i := range 3000 {
		sparse = append(sparse, Doc{Ref: int64(1000 + i), ID: fmt.Sprintf("f%04d", i), Lang: "en", Status: "published"})
		sparse[len(sparse)-1].Text[fBody] = "an unrelated page"
	}
	for _, ix := range []*Index{changedIndex(t, 600, 3), build(sparse)} {
		for _, ph := range phrases {
			for _, q := range []string{`"` + ph + `"`, `"` + ph + `" mission`, `"` + ph + `" date:1947..1950`} {
				for _, unpub := range []bool{false, true} {
					req := Request{Node: parse(q), Limit: 20, Facets: true, Match: search.MatchMost, Unpublished: unpub}
					usePairs = true
					got := run(ix, req)
					usePairs = false
					want := run(ix, req)
					if g, w := describe(got), describe(want); g != w {
						t.Fatalf("%s (staff %v):\nwith pairs    %s\nword by word  %s", q, unpub, g, w)
					}
					if got.Total > 0 && usesPairs(ph) {
						withHits++
					}
				}
			}
		}
	}
	if withHits < 100 || pairPhrases.Load()-before < int64(withHits) {
		t.Errorf("%d answers with hits of phrases with pairs, %d phrases read from pair lists: the test no longer reaches them", withHits, pairPhrases.Load()-before)
	}
}

// usesPairs says whether a phrase has two pair words side by side.
func usesPairs(ph string) bool {
	w := strings.Fields(ph)
	for i := 0; i+1 < len(w); i++ {
		if pairTerms[Term(w[i])] && pairTerms[Term(w[i+1])] {
			return true
		}
	}
	return false
}

func describe(r Response) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %v %v;", r.Total, r.Exact, r.Facets)
	for _, h := range r.Hits {
		fmt.Fprintf(&b, " %s %.9g", h.ID, h.Score)
	}
	return b.String()
}

// TestPairsAreNotWords: the pair terms stay out of every scan of words, so
// no prefix reaches them and no correction offers one.
func TestPairsAreNotWords(t *testing.T) {
	for _, ix := range []*Index{changedIndex(t, 300, 5), build(genDocs(100, 6))} {
		if p := ix.term(pairKey(Term("minister"), Term("treaty"))); p == nil || p.count() == 0 {
			t.Fatal("no pair list for minister treaty: the index holds no pairs")
		}
		words := 0
		ix.eachTerm("", func(r termRef) bool {
			if strings.HasPrefix(r.t, pairMark) {
				t.Fatalf("eachTerm gives the pair %q", r.t)
			}
			words++
			return true
		})
		if words == 0 {
			t.Fatal("eachTerm gives no words")
		}
		res := run(ix, Request{Node: parse("lona"), Limit: 5, Match: search.MatchMost})
		for _, c := range res.Corrected {
			if strings.Contains(fmt.Sprint(c), pairMark) {
				t.Errorf("a correction offers a pair: %v", res.Corrected)
			}
		}
	}
}

// TestPairsAgreeFRUS: on the FRUS corpus, phrases a historian would type
// answer the same with pair lists as walked word by word (totals, top hits
// and scores, facets), the corpus written as a segment and read back.
func TestPairsAgreeFRUS(t *testing.T) {
	defer func(u bool) { usePairs = u }(usePairs)
	var as []*Analyzed
	if err := eachFRUSDoc(t, func(d Doc) { as = append(as, Analyze(d)) }); err != nil {
		t.Fatal(err)
	}
	heap := New()
	heap.Apply(nil, as)
	ix, _ := roundTrip(t, heap)
	before := pairPhrases.Load()
	for _, q := range []string{
		`"united states"`, `"foreign affairs"`, `"secretary of state"`, `"minister for foreign affairs"`,
		`"the united states government"`, `"government of the united states"`, `"have the honor to"`,
		`"great britain"`, `"your telegram"`, `"peace conference"`, `"public opinion"`, `"same time"`,
		`"american minister" 1920`, `"british government" -china`, `"foreign office" OR "state department"`,
	} {
		req := Request{Node: parse(q), Limit: 20, Facets: true, Match: search.MatchMost}
		usePairs = true
		got := run(ix, req)
		usePairs = false
		want := run(ix, req)
		if g, w := describe(got), describe(want); g != w {
			t.Errorf("%s:\nwith pairs    %.300s\nword by word  %.300s", q, g, w)
		}
		if want.Total == 0 {
			t.Errorf("%s: no hits in FRUS; the test should ask what the corpus holds", q)
		}
	}
	if n := pairPhrases.Load() - before; n < 10 {
		t.Errorf("only %d phrases read from pair lists", n)
	}
}
