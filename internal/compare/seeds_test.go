package compare_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"fond/internal/compare"
	"fond/internal/ingest"
	"fond/internal/names"
	"fond/internal/testutil"
)

// TestSeedTranslations aligns seed 000 with the second translation quoted in seed
// 002, which runs the whole conversation into one paragraph.
func TestSeedTranslations(t *testing.T) {
	body := func(prefix string, i int) string {
		path := testutil.Seed(t, prefix)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ingest.Extract(context.Background(), path, data)
		if err != nil {
			t.Fatal(err)
		}
		return res.Records[i].Body
	}
	a, b := body("000", 0), body("002", 2)
	res, err := compare.Compare(context.Background(), a, b, names.Key, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ones := 0
	for _, p := range res.Pairs {
		if len(p.ASentences) == 1 && len(p.BSentences) == 1 {
			ones++
		}
	}
	if ones < len(res.Pairs)*9/10 {
		t.Errorf("only %d of %d aligned units are one sentence to one sentence", ones, len(res.Pairs))
	}
	found := map[string]bool{}
	for _, p := range res.Pairs {
		for _, op := range p.Ops {
			found[op.Kind+":"+strings.Join(op.A, " ")+"|"+strings.Join(op.B, " ")] = true
		}
	}
	for _, want := range []string{"variant:Gangwon|Kangwon", "variant:Jeong Jun-taek|Chong Chun-taek", "apparatus:[Dairen]|23"} {
		if !found[want] {
			t.Errorf("missing %s", want)
		}
	}
	apparatus := false
	for k := range found {
		if strings.HasPrefix(k, "apparatus:") && strings.Contains(k, "15") {
			apparatus = true
		}
		if strings.HasPrefix(k, "variant:") && strings.Contains(k, "Heon Hyeong") {
			t.Errorf("the transcript's misspelling was taken for a variant: %s", k)
		}
	}
	if !apparatus {
		t.Errorf("footnote marker 15 (Vyshinsky,15) not marked as apparatus")
	}
	// The rows that differ only by the editors' apparatus (footnote calls in
	// the article, bracketed insertions in the archive's copy) are alike:
	// "Dalny [Dairen]" beside "Dalny23", "Vyshinsky," beside "Vyshinsky,15".
	// The bracketed headnote of 000 pairs with the same words printed plainly.
	differ := 0
	for _, p := range res.Pairs {
		a, b := strings.Join(p.ASentences, " "), strings.Join(p.BSentences, " ")
		if p.Differs() {
			differ++
		}
		if p.Editorial {
			t.Errorf("an editor's note alone: %q | %q", a, b)
		}
		if (strings.Contains(a, "Dalny [Dairen]") || strings.Contains(b, "Vyshinsky,15") || strings.HasPrefix(a, "[Notes of the conversation")) && p.Differs() {
			t.Errorf("a row differing by apparatus alone is counted a difference: %q | %q %v", a, b, p.Ops)
		}
	}
	if differ == 0 || differ > len(res.Pairs)/10 {
		t.Errorf("%d of %d rows differ", differ, len(res.Pairs))
	}
	if res.Stats[compare.Same] < 2000 {
		t.Errorf("only %d words the same: alignment failed", res.Stats[compare.Same])
	}
}
