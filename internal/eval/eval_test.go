package eval

import (
	"context"
	"testing"

	"fond/internal/testutil"
)

// The aims of the extraction issue, kept as a regression guard: a change that
// makes extraction worse on the corpus fails here, not silently in docs.
func TestFRUSEvaluationMeetsAims(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	rep, err := FRUS(context.Background(), dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	aims := map[string]float64{"date": 0.97, "title": 0.90, "place": 0.90, "authors": 0.85, "recipients": 0.85, "reference": 0.95}
	for _, s := range rep.Scores {
		if s.Rate < aims[s.Field] {
			t.Errorf("%s: %.1f%% (%d/%d), aim %.0f%%", s.Field, 100*s.Rate, s.Correct, s.Checked, 100*aims[s.Field])
		}
	}
	if rep.Documents != 5825 {
		t.Errorf("%d documents evaluated, want 5825", rep.Documents)
	}
}

func TestFRUSNameLinking(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	rep, err := FRUSNames(context.Background(), dir, 5)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Mentions < 4000 || rep.Precision < 0.98 || rep.Recall < 0.80 {
		t.Errorf("mention linking: %d mentions, precision %.3f, recall %.3f; wrong: %q", rep.Mentions, rep.Precision, rep.Recall, rep.Wrong)
	}
}

func TestAuthorityForms(t *testing.T) {
	a := authorityFor("p1", "House , Colonel Edward M.")
	want := map[string]bool{"Edward M. House": true}
	if !want[a.Preferred] {
		t.Errorf("preferred %q", a.Preferred)
	}
	forms := map[string]bool{}
	for _, v := range a.Variants {
		forms[v] = true
	}
	for _, f := range []string{"House", "E. M. House", "Edward House", "Colonel House"} {
		if !forms[f] {
			t.Errorf("missing form %q in %q", f, a.Variants)
		}
	}
}
