package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/testutil"
)

// TestRedactions scores the recognizer on the wordings in each format; the
// FRUS volumes' false alarms are counted when ../shared is present. The floors
// are below the figures in docs/evaluation.md by a margin, so that a change
// that loses a wording fails here.
func TestRedactions(t *testing.T) {
	dir := ""
	if _, err := os.Stat(filepath.Join(testutil.RepoRoot(t), "..", "shared", "corpus", "frus")); err == nil {
		dir = testutil.Shared(t, "corpus/frus")
	} else {
		t.Log("../shared/corpus/frus absent: false alarms on FRUS not counted")
	}
	rep, err := Redactions(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log("\n" + b.String())
	for _, s := range rep.Formats {
		if s.Checked == 0 || s.Recall < 0.95 || s.SizeAcc < 0.9 {
			t.Errorf("%s: %d checked, recall %.2f, size accuracy %.2f", s.Format, s.Checked, s.Recall, s.SizeAcc)
		}
	}
	if dir != "" && (rep.Documents < 5000 || rep.FalseAlarms > 0) {
		t.Errorf("FRUS: %d documents, %d false alarms: %v", rep.Documents, rep.FalseAlarms, rep.Alarms)
	}
}
