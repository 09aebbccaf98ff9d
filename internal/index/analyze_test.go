package index

import (
	"slices"
	"strings"
	"testing"
)

// TestAnalyzeLaysOutPositions checks the analyzer's terms against the text
// read again word by word: each word's term at its position in its field, a
// pair word followed by another's pair one position before the second, the
// CJK bigrams in their field, and nothing else; each term once, its fields in
// order, its positions rising. One Analyzer reads every document in turn, as
// an ingest worker does, so that what one document leaves in it is tested
// against the next.
func TestAnalyzeLaysOutPositions(t *testing.T) {
	docs := []Doc{
		{Text: [numFields - 1]string{"The Secretary of State", "", "the secretary of state met the minister of foreign affairs; the state of the union"}},
		{Text: [numFields - 1]string{"", "of of of the the", "", "notes of the state", "Pak Hon-yong\nKim Il Sung", "Pyongyang", "AVP RF, Fond 059a"}},
		{Text: [numFields - 1]string{"朝鲜战争 Korea", "", "Telegram 金日成 to Stalin, 1950", "", "毛泽东"}},
		{Text: [numFields - 1]string{}},
		{Text: [numFields - 1]string{"Tümen river", "", strings.Repeat("of the united states ", 500)}},
	}
	z := &Analyzer{cache: &wordIDs{}}
	for round := range 2 { // the second with every word in the cache
		for i, d := range docs {
			checkAnalyzed(t, d, z.Analyze(d), round, i)
		}
	}
	if testing.Short() {
		return
	}
	n := 0
	if err := eachFRUSDoc(t, func(d Doc) {
		if n++; n%25 == 0 {
			checkAnalyzed(t, d, z.Analyze(d), 0, n)
		}
	}); err != nil {
		t.Fatal(err)
	}
}

type placedTerm struct {
	id    uint32
	field uint8
	pos   uint32
}

func checkAnalyzed(t *testing.T, d Doc, a *Analyzed, round, doc int) {
	t.Helper()
	var want []placedTerm
	for f := uint8(0); f < fCJK; f++ {
		var prev uint32
		n := uint32(0)
		eachWord(d.Text[f], true, nil, func(tk token) {
			id := termID(tk.term)
			want = append(want, placedTerm{id, f, n})
			if n > 0 && isPairID(prev) && isPairID(id) {
				want = append(want, placedTerm{pairID(prev, id), f, n - 1})
			}
			prev = id
			n++
		})
	}
	pos := uint32(0)
	for f := fTitle; f <= fPeople; f++ {
		for _, run := range cjkRuns(d.Text[f]) {
			for _, bg := range bigrams(run) {
				want = append(want, placedTerm{termID(bg), fCJK, pos})
				pos++
			}
			pos++
		}
	}
	var got []placedTerm
	seen := map[uint32]bool{}
	for _, tp := range a.terms {
		if seen[tp.id] {
			t.Fatalf("round %d doc %d: term %q listed twice", round, doc, termText(tp.id))
		}
		seen[tp.id] = true
		if len(tp.fields) == 0 {
			t.Fatalf("round %d doc %d: term %q has no field", round, doc, termText(tp.id))
		}
		for k, fp := range tp.fields {
			if k > 0 && fp.field <= tp.fields[k-1].field {
				t.Fatalf("round %d doc %d: term %q: fields out of order", round, doc, termText(tp.id))
			}
			if len(fp.pos) == 0 || !slices.IsSorted(fp.pos) || cap(fp.pos) != len(fp.pos) {
				t.Fatalf("round %d doc %d: term %q field %d: positions %v (cap %d)", round, doc, termText(tp.id), fp.field, fp.pos, cap(fp.pos))
			}
			for _, p := range fp.pos {
				got = append(got, placedTerm{tp.id, fp.field, p})
			}
		}
	}
	order := func(a, b placedTerm) int {
		if a.field != b.field {
			return int(a.field) - int(b.field)
		}
		if a.pos != b.pos {
			return int(a.pos) - int(b.pos)
		}
		return int(a.id) - int(b.id)
	}
	slices.SortFunc(want, order)
	slices.SortFunc(got, order)
	if !slices.Equal(got, want) {
		t.Fatalf("round %d doc %d: %d placed terms, want %d; first %v, want %v", round, doc, len(got), len(want), firstPlaced(got), firstPlaced(want))
	}
}

func firstPlaced(p []placedTerm) []placedTerm { return p[:min(len(p), 8)] }
