// A count over the corpus, not a test of concurrency: the race detector's run
// of this package (.ci/run) leaves it out, where it took half a minute.

//go:build !race

package index

import "testing"

// TestWordIDsHoldMostWordsInSlots checks the premise of the word table's
// slots (docs/decisions.md, "The analyzer's words held in their slots"):
// nearly every word the analyzer reads in real documents is of shortWord
// bytes or fewer, so nearly every lookup reads one slot and no map. It counts
// the words as the analyzer splits them, over the FRUS corpus's documents.
func TestWordIDsHoldMostWordsInSlots(t *testing.T) {
	var all, short int
	err := eachFRUSDoc(t, func(d Doc) {
		for _, text := range d.Text {
			eachWord(text, false, nil, func(tk token) {
				all++
				if tk.end-tk.start <= shortWord {
					short++
				}
			})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if all < 1_000_000 {
		t.Fatalf("only %d words read in the FRUS corpus", all)
	}
	share := float64(short) / float64(all)
	t.Logf("%d of %d words (%.1f%%) are of %d bytes or fewer", short, all, 100*share, shortWord)
	if share < 0.97 {
		t.Errorf("%.1f%% of words fit a slot: the table's slots no longer hold most words", 100*share)
	}
}
