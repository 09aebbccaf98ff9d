package index

import (
	"strings"
	"testing"

	"fond/internal/search"
)

func TestSnippet(t *testing.T) {
	hl := NewHighlighter(search.Parse("telegram Shtyk* -loan"))
	got := hl.Snippet("The first line. Two telegrams from Shtykov about <the> loan & credit arrived.")
	want := "The first line. Two <mark>telegrams</mark> from <mark>Shtykov</mark> about &lt;the&gt; loan &amp; credit arrived."
	if got != want {
		t.Errorf("Snippet = %q\nwant %q", got, want)
	}
	long := strings.Repeat("filler ", 100) + "the loan was asked " + strings.Repeat("more ", 100)
	if got := NewHighlighter(search.Parse("asks")).Snippet(long); !strings.HasPrefix(got, "…") || !strings.Contains(got, "<mark>asked</mark>") || !strings.HasSuffix(got, "…") {
		t.Errorf("window snippet = %q", got)
	}
	if hl.Snippet("nothing here") != "" {
		t.Errorf("snippet without a match")
	}
	if got := NewHighlighter(search.Parse("Tumen")).Snippet("across the Tümen river"); got != "across the <mark>Tümen</mark> river" {
		t.Errorf("folded snippet = %q", got)
	}
	if got := NewHighlighter(search.Parse("북한군")).Snippet("그때 북한군이 남으로"); !strings.Contains(got, "<mark>북한군</mark>이") {
		t.Errorf("Korean snippet = %q", got)
	}
}
