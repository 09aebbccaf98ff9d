package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestPhraseCount(t *testing.T) {
	cases := []struct {
		pos  [][]uint32
		offs []uint32 // nil: 0, 1, 2…
		want int
	}{
		{[][]uint32{{1, 5, 9}, {2, 6, 11}}, nil, 2},
		{[][]uint32{{1, 2, 3}, {2, 3, 4}}, nil, 3},
		{[][]uint32{{4}, {3}}, nil, 0},
		{[][]uint32{{1, 5}, {2, 6}, {3, 8}}, nil, 1},
		{[][]uint32{{0, 1, 2}, {1, 2, 3}, {2, 3, 4}}, nil, 3},
		{[][]uint32{{7}, {}}, nil, 0},
		// Parts standing for two words: a pair at 0 and a word at 2, two
		// pairs overlapping (0 and 1), a word at 0 and a pair at 1.
		{[][]uint32{{1, 5, 9}, {2, 3, 7, 11}}, []uint32{0, 2}, 3},
		{[][]uint32{{1, 5, 9}, {2, 3, 7, 11}}, []uint32{0, 1}, 1},
		{[][]uint32{{4, 8}, {5, 6, 9}, {7, 10}}, []uint32{0, 1, 3}, 1},
		{[][]uint32{{3}, {5}}, []uint32{0, 2}, 1},
		{[][]uint32{{3}, {4}}, []uint32{0, 2}, 0},
	}
	for _, c := range cases {
		offs := c.offs
		if offs == nil {
			for i := range c.pos {
				offs = append(offs, uint32(i))
			}
		}
		if got := phraseCount(c.pos, offs); got != c.want {
			t.Errorf("phraseCount(%v, %v) = %d, want %d", c.pos, offs, got, c.want)
		}
	}
}

// seek with skip points lands where a plain walk does.
func TestSeekSkips(t *testing.T) {
	var p plist
	var docs []uint32
	for d := uint32(3); d < 5000; d += 1 + d%7 {
		docs = append(docs, d)
		p.add(d, []fieldPositions{{field: fBody, pos: []uint32{d % 5, d%5 + 3}}})
	}
	if len(p.skips) == 0 {
		t.Fatal("no skip points")
	}
	for _, target := range []uint32{0, 3, 4, 64, 500, 501, 2222, 4990, 4999, 6000} {
		it := newIter(&p)
		ok := it.seek(target)
		want := -1
		for _, d := range docs {
			if d >= target {
				want = int(d)
				break
			}
		}
		if want < 0 {
			if ok {
				t.Errorf("seek(%d) found %d past the end", target, it.doc)
			}
			continue
		}
		if !ok || it.doc != uint32(want) {
			t.Errorf("seek(%d) = %d %v, want %d", target, it.doc, ok, want)
			continue
		}
		if pos := it.appendPositions(fBody, nil); len(pos) != 2 || pos[0] != uint32(want)%5 {
			t.Errorf("seek(%d): positions %v", target, pos)
		}
		// And on from there, in order.
		if it.next() && it.doc <= uint32(want) {
			t.Errorf("after seek(%d), next went back to %d", target, it.doc)
		}
	}
}

// A phrase over a long list is matched in two halves at once; the halves must
// add up to what one pass finds.
func TestLongPhraseInHalves(t *testing.T) {
	var docs []Doc
	want := 0
	for i := 0; i < parallelPhrase+5000; i++ {
		body := "beta alpha gamma"
		if i%3 == 0 {
			body = "alpha beta gamma"
			want++
		}
		docs = append(docs, Doc{Ref: int64(i + 1), ID: fmt.Sprintf("d%05d", i), Text: [7]string{"", "", body}})
	}
	ix := build(docs)
	res := run(ix, Request{Node: parse(`"alpha beta"`), Limit: 10})
	if res.Total != want {
		t.Errorf(`"alpha beta": %d, want %d`, res.Total, want)
	}
	res = run(ix, Request{Node: parse(`"alpha beta" id:d00003`), Limit: 10})
	if res.Total != 1 {
		t.Errorf("phrase within candidates: %d, want 1", res.Total)
	}
}

// Positions are found where the running sum of the lengths before a posting
// says, through skip points and from the segment's part into the heap's: by
// the iterator as it walks and seeks, and from the offset a search notes for
// snippets (positionsAt).
func TestPositionsThroughParts(t *testing.T) {
	// Document i has "alpha" in its body at i%200 and i%200+2 (one byte or
	// two a position), and in its title when i%3 == 0, so that the body's
	// positions follow another field's.
	var docs []Doc
	for i := range 500 {
		d := Doc{Ref: int64(i + 1), ID: fmt.Sprintf("d%03d", i)}
		d.Text[fBody] = strings.Repeat("gamma ", i%200) + "alpha delta alpha" + strings.Repeat(" gamma", i%11)
		if i%3 == 0 {
			d.Text[fTitle] = "alpha"
		}
		docs = append(docs, d)
	}
	want := func(d uint32) string { return fmt.Sprint([]uint32{d % 200, d%200 + 2}) }
	ix, _ := roundTrip(t, build(docs[:300]))
	ix.Apply(nil, analyzeAll(docs[300:]))
	p := ix.term("alpha")
	if p == nil || len(p.baseSkips) == 0 || len(p.skips) == 0 || p.count() != 500 {
		t.Fatalf("want a list of 500 postings with skip points in both parts, got %+v", p)
	}
	it := newIter(p)
	for it.next() {
		if got := fmt.Sprint(it.appendPositions(fBody, nil)); got != want(it.doc) {
			t.Errorf("document %d walked: positions %s, want %s", it.doc, got, want(it.doc))
		}
		if got := fmt.Sprint(positionsAt(p, it.at(), fBody, nil)); got != want(it.doc) {
			t.Errorf("document %d at %d: positions %s, want %s", it.doc, it.at(), got, want(it.doc))
		}
	}
	for _, target := range []uint32{0, 63, 64, 65, 199, 200, 299, 300, 301, 364, 365, 499} {
		it := newIter(p)
		if !it.seek(target) || it.doc != target {
			t.Fatalf("seek(%d) landed on %d", target, it.doc)
		}
		if got := fmt.Sprint(it.appendPositions(fBody, nil)); got != want(target) {
			t.Errorf("seek(%d): positions %s, want %s", target, got, want(target))
		}
		if got := fmt.Sprint(it.appendPositions(fTitle, nil)); (got == "[0]") != (target%3 == 0) {
			t.Errorf("seek(%d): title positions %s", target, got)
		}
	}
}

// Phrases of three and more words with a word in them far commoner than the
// rest (a stopword), whose positions are decoded only where the other words
// stand in a row, find the documents a plain reading of the text finds.
func TestPhraseThroughCommonWord(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	words := []string{"alpha", "beta", "gamma", "delta"}
	var docs []Doc
	var bodies [][]string
	for i := range 3000 {
		var body []string
		for range 10 + r.IntN(60) {
			w := "of"
			if r.IntN(3) == 0 {
				w = words[r.IntN(len(words))]
			}
			body = append(body, w)
		}
		bodies = append(bodies, body)
		docs = append(docs, Doc{Ref: int64(i + 1), ID: fmt.Sprintf("d%05d", i), Text: [7]string{"", "", strings.Join(body, " ")}})
	}
	ix := build(docs)
	holds := func(body, phrase []string) bool {
		for i := 0; i+len(phrase) <= len(body); i++ {
			if slices.Equal(body[i:i+len(phrase)], phrase) {
				return true
			}
		}
		return false
	}
	for _, q := range []string{"alpha of beta", "of alpha of", "alpha of of beta", "gamma delta of", "of of alpha", "beta of gamma of delta", "alpha beta of"} {
		phrase := strings.Fields(q)
		want := 0
		for _, b := range bodies {
			if holds(b, phrase) {
				want++
			}
		}
		if want == 0 {
			t.Fatalf("%q: no document holds it; the test proves nothing", q)
		}
		if got := run(ix, Request{Node: parse(`"` + q + `"`), Limit: 10}).Total; got != want {
			t.Errorf("%q: %d documents, want %d", q, got, want)
		}
	}
}
