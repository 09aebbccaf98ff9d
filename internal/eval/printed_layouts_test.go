package eval

import (
	"context"
	"strings"
	"testing"

	"fond/internal/testutil"
)

// The short form of the layouts' evaluation: every 20th document of every
// volume as a telegram, a CIA release and a Wilson Center PDF's text.
func TestPrintedLayoutsShort(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	rep, err := PrintedLayouts(context.Background(), dir, LayoutOptions{Layouts: Layouts, Every: 20, Samples: 5})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log(b.String())
	if len(rep.Runs) != 2*len(Layouts) {
		t.Fatalf("%d runs, want dev and held-out of each layout", len(rep.Runs))
	}
}
