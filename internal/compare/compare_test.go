package compare

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	got := Sentences(`Present were A.Ia. Vyshinsky, T.F. Shtykov. The meeting began at 8:00 p.m. Stalin asks "why?" Kim answers.` + "\n\nNew paragraph, e.g. this one")
	want := []string{"Present were A.Ia. Vyshinsky, T.F. Shtykov.", "The meeting began at 8:00 p.m. Stalin asks \"why?\"", "Kim answers.", "New paragraph, e.g. this one"}
	// "p.m." followed by a capital is ambiguous; fond keeps it inside the sentence.
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Sentences:\n got %q\nwant %q", got, want)
	}
}

func TestTokenizeApparatus(t *testing.T) {
	var marks []string
	for _, tok := range Tokenize("Present were A.Ia. Vyshinsky,15 T.F. Shtykov,16 and the city of Dalny23 [Dairen] today.") {
		if tok.Apparatus {
			marks = append(marks, tok.Text)
		}
	}
	if fmt.Sprint(marks) != "[15 16 23 [Dairen]]" {
		t.Errorf("apparatus = %q", marks)
	}
}

// skeleton is a stand-in for the authority layer: Korean romanizations that differ
// only in the letters the two systems write differently.
func skeleton(a string) string {
	r := strings.NewReplacer("eo", "o", "eu", "u", "g", "k", "d", "t", "b", "p", "j", "ch", "-", "")
	return r.Replace(strings.ToLower(a))
}

func TestCompareTranslations(t *testing.T) {
	a := "Stalin asks how they traveled.\n\nKim reported a clash in Gangwon province. Jeong Jun-taek asks about specialists.\n\nThey trade with the city of Dalny [Dairen]. Stalin agrees to give 40 million."
	b := "Stalin asks how they travelled. Kim reported a clash in Kangwon province. Chong Chun-taek asks about specialists. They trade with the city of Dalny23 and with China. Stalin agrees to give 50 million."
	res, err := Compare(context.Background(), a, b, skeleton, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pairs) != 5 {
		t.Fatalf("%d pairs, want 5 one-to-one", len(res.Pairs))
	}
	kinds := func(p Pair) string {
		var s []string
		for _, op := range p.Ops {
			if op.Kind != Same {
				s = append(s, op.Kind+":"+strings.Join(op.A, " ")+"|"+strings.Join(op.B, " "))
			}
		}
		return strings.Join(s, ", ")
	}
	want := []string{
		"changed:traveled.|travelled.",
		"variant:Gangwon|Kangwon",
		"variant:Jeong Jun-taek|Chong Chun-taek",
		"apparatus:[Dairen].|23, inserted:|and with China.",
		"changed:40|50",
	}
	for i, p := range res.Pairs {
		if got := kinds(p); got != want[i] {
			t.Errorf("pair %d: %s, want %s", i, got, want[i])
		}
	}
	if res.Stats[Variant] != 3 || res.Stats[Changed] != 2 {
		t.Errorf("stats %v", res.Stats)
	}
}

func TestCompareWithoutEquivalenceReportsChanges(t *testing.T) {
	res, err := Compare(context.Background(), "Kim went to Gangwon.", "Kim went to Kangwon.", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pairs) != 1 || res.Pairs[0].Ops[1].Kind != Changed {
		t.Errorf("without an authority layer a respelling is a change: %+v", res.Pairs)
	}
}

func FuzzCompare(f *testing.F) {
	f.Add("A. B. c", "[x] y,1 z")
	f.Add("", "one. two. three")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 2000 || len(b) > 2000 {
			return
		}
		// A small budget as well as the default, so that fuzzing also walks the
		// truncated paths: every sentence must still be in the result.
		for _, budget := range []int64{0, 2000} {
			res, err := Compare(context.Background(), a, b, skeleton, Options{Budget: budget})
			if err != nil {
				t.Fatal(err)
			}
			checkComplete(t, res, a, b)
		}
	})
}

// checkComplete fails unless every sentence of a and b is in res exactly once,
// in order, and a truncated result says so and holds the rest in its last pair.
func checkComplete(t *testing.T, res Result, a, b string) {
	t.Helper()
	sa, sb := Sentences(a), Sentences(b)
	var ia, ib []int
	na, nb := 0, 0
	for k, p := range res.Pairs {
		ia, ib = append(ia, p.AIdx...), append(ib, p.BIdx...)
		na += len(p.ASentences)
		nb += len(p.BSentences)
		if p.Unaligned && (k != len(res.Pairs)-1 || !res.Truncated) {
			t.Fatalf("pair %d of %d is unaligned in a result truncated=%v", k, len(res.Pairs), res.Truncated)
		}
	}
	for k, i := range ia {
		if i != k {
			t.Fatalf("A sentences out of order or missing: %v", ia)
		}
	}
	for k, i := range ib {
		if i != k {
			t.Fatalf("B sentences out of order or missing: %v", ib)
		}
	}
	if na != len(sa) || nb != len(sb) || len(ia) != na || len(ib) != nb {
		t.Fatalf("alignment lost sentences: %d/%d %d/%d", na, len(sa), nb, len(sb))
	}
	if res.Truncated != (len(res.Pairs) > 0 && res.Pairs[len(res.Pairs)-1].Unaligned) {
		t.Fatalf("truncated=%v but the last pair is not the unaligned rest", res.Truncated)
	}
}
