package index

import "testing"

func TestPhraseCount(t *testing.T) {
	cases := []struct {
		pos  [][]uint32
		want int
	}{
		{[][]uint32{{1, 5, 9}, {2, 6, 11}}, 2},
		{[][]uint32{{1, 2, 3}, {2, 3, 4}}, 3},
		{[][]uint32{{4}, {3}}, 0},
		{[][]uint32{{1, 5}, {2, 6}, {3, 8}}, 1},
		{[][]uint32{{0, 1, 2}, {1, 2, 3}, {2, 3, 4}}, 3},
		{[][]uint32{{7}, {}}, 0},
	}
	for _, c := range cases {
		if got := phraseCount(c.pos); got != c.want {
			t.Errorf("phraseCount(%v) = %d, want %d", c.pos, got, c.want)
		}
	}
}
