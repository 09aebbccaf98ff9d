package compare

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// words counts the words of both texts, the measure the work bounds are given in.
func words(a, b string) int64 {
	return int64(len(strings.Fields(a)) + len(strings.Fields(b)))
}

// aligned counts the sentences of A in want that the result pairs, one to one,
// with the sentence want expects.
func alignedAsWanted(res Result, want map[string]string) int {
	n := 0
	for _, p := range res.Pairs {
		if len(p.ASentences) == 1 && len(p.BSentences) == 1 && !p.Unaligned {
			if w, ok := want[p.ASentences[0]]; ok && w == p.BSentences[0] {
				n++
			}
		}
	}
	return n
}

// TestCompareWorkIsLinear compares two 200 KB texts. The old alignment visited
// every cell of their 1393 by 1325 sentence grid at some 300 units a cell, over
// 11,000 units a word; now the work must stay a small multiple of the words
// (about 540 a word here, most of it in the gaps where the texts differ), and
// the shared and reworded passages must still be paired.
func TestCompareWorkIsLinear(t *testing.T) {
	const perWord = 1000
	a, b, want := newSynth(1).pair(200_000)
	res, err := Compare(context.Background(), a, b, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkComplete(t, res, a, b)
	n := words(a, b)
	t.Logf("%d+%d sentences, %d words, work %d (%.0f a word), %d of %d wanted pairs", len(Sentences(a)), len(Sentences(b)), n, res.Work, float64(res.Work)/float64(n), alignedAsWanted(res, want), len(want))
	if res.Truncated {
		t.Errorf("truncated with the default budget: %d units", res.Work)
	}
	if res.Work > perWord*n {
		t.Errorf("work %d is over %d a word (%d words): not linear", res.Work, perWord, n)
	}
	if got := alignedAsWanted(res, want); got < len(want)*99/100 {
		t.Errorf("%d of %d shared or reworded sentences paired with their counterpart", got, len(want))
	}
}

// TestCompareLongSentence diffs two "sentences" of 20,000 words (a table run
// together without full stops), which an exact word diff would do in 400
// million cells.
func TestCompareLongSentence(t *testing.T) {
	s := newSynth(2)
	var wa, wb []string
	for range 1000 {
		ws := s.sentence()
		wa = append(wa, ws...)
		wb = append(wb, s.reword(ws)...)
	}
	a, b := text(wa), text(wb)
	res, err := Compare(context.Background(), a, b, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkComplete(t, res, a, b)
	n := words(a, b)
	t.Logf("%d words, work %d, stats %v", n, res.Work, res.Stats)
	if res.Truncated || res.Work > 100*n {
		t.Errorf("truncated=%v, work %d for %d words", res.Truncated, res.Work, n)
	}
	// Four words in five are unchanged; most of them must be found.
	if res.Stats[Same] < len(wa)*7/10 {
		t.Errorf("only %d of %d words the same", res.Stats[Same], len(wa))
	}
}

// TestCompareCancelled: a cancelled context is an error, before any work and
// during it.
func TestCompareCancelled(t *testing.T) {
	a, b, _ := newSynth(3).pair(50_000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compare(ctx, a, b, nil, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("pre-cancelled: err = %v, want context.Canceled", err)
	}
	// Cancelled at the meter's third look, deep in the work: it must notice.
	during := &cancelAfter{Context: context.Background(), looks: 3}
	if _, err := Compare(during, a, b, nil, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled during the work: err = %v after %d looks, want context.Canceled", err, 3-during.looks)
	}
}

// cancelAfter is a context that is cancelled once Err has been asked enough
// times: a cancellation in the middle of the work, with no clock involved.
type cancelAfter struct {
	context.Context
	looks int
}

func (c *cancelAfter) Err() error {
	if c.looks--; c.looks < 0 {
		return context.Canceled
	}
	return nil
}

// TestCompareBudgetTruncates runs out of budget at every stage (anchoring, the
// alignment, the word diffs): the result must say it is truncated and hold every
// sentence of both texts, the rest in its last pair; and it must stop there.
func TestCompareBudgetTruncates(t *testing.T) {
	a, b, _ := newSynth(4).pair(100_000)
	full, err := Compare(context.Background(), a, b, nil, Options{})
	if err != nil || full.Truncated {
		t.Fatalf("with the default budget: truncated=%v err=%v", full.Truncated, err)
	}
	for _, budget := range []int64{1, 50_000, full.Work / 4, full.Work / 2, full.Work * 9 / 10} {
		res, err := Compare(context.Background(), a, b, nil, Options{Budget: budget})
		if err != nil {
			t.Fatal(err)
		}
		checkComplete(t, res, a, b)
		if !res.Truncated || res.Unaligned == 0 {
			t.Errorf("budget %d of the %d needed: truncated=%v unaligned=%d", budget, full.Work, res.Truncated, res.Unaligned)
		}
		// One step past the limit at most: a cell, or an exact diff of one pair.
		if res.Work > budget+2*lcsCells {
			t.Errorf("budget %d: spent %d", budget, res.Work)
		}
	}
}
