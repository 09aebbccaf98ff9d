package index

import (
	"fmt"
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	hl := NewHighlighter(parse("telegram Shtyk* -loan"))
	got := hl.Snippet("The first line. Two telegrams from Shtykov about <the> loan & credit arrived.")
	want := "The first line. Two <mark>telegrams</mark> from <mark>Shtykov</mark> about &lt;the&gt; loan &amp; credit arrived."
	if got != want {
		t.Errorf("Snippet = %q\nwant %q", got, want)
	}
	long := strings.Repeat("filler ", 100) + "the loan was asked " + strings.Repeat("more ", 100)
	if got := NewHighlighter(parse("asks")).Snippet(long); !strings.HasPrefix(got, "…") || !strings.Contains(got, "<mark>asked</mark>") || !strings.HasSuffix(got, "…") {
		t.Errorf("window snippet = %q", got)
	}
	if hl.Snippet("nothing here") != "" {
		t.Errorf("snippet without a match")
	}
	if got := NewHighlighter(parse("Tumen")).Snippet("across the Tümen river"); got != "across the <mark>Tümen</mark> river" {
		t.Errorf("folded snippet = %q", got)
	}
	if got := NewHighlighter(parse("북한군")).Snippet("그때 북한군이 남으로"); !strings.Contains(got, "<mark>북한군</mark>이") {
		t.Errorf("Korean snippet = %q", got)
	}
}

// SnippetAt, which starts reading at the index's marks, shows what Snippet shows
// when it reads the whole text.
func TestSnippetAtMatchesSnippet(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 400; i++ {
		switch i {
		case 10, 70, 75:
			b.WriteString("uranium, ")
		case 300:
			b.WriteString("Ürümqi; ")
		default:
			fmt.Fprintf(&b, "word%d ", i)
		}
	}
	body := b.String()
	ix := build([]Doc{{Ref: 1, ID: "u", Text: [7]string{"Title", "", body}}})
	for _, q := range []string{"uranium", "urumqi", "word300", "word5 OR word399"} {
		res := run(ix, Request{Node: parse(q), Limit: 5})
		if len(res.Hits) != 1 && q != "word300" {
			t.Fatalf("%q: %d hits", q, len(res.Hits))
		}
		if len(res.Hits) == 0 {
			continue
		}
		w := res.Hits[0].Where
		if !w.Known || len(w.Positions) == 0 {
			t.Errorf("%q: positions not known: %+v", q, w)
		}
		hl := NewHighlighter(parse(q))
		if at, full := hl.SnippetAt(body, w), hl.Snippet(body); at != full || !strings.Contains(at, "<mark>") {
			t.Errorf("%q:\nSnippetAt %q\nSnippet   %q", q, at, full)
		}
	}
	// Words found only in the title leave the body without a snippet, unread.
	res := run(ix, Request{Node: parse("title"), Limit: 5})
	if w := res.Hits[0].Where; !w.Known || len(w.Positions) != 0 || NewHighlighter(parse("title")).SnippetAt(body, w) != "" {
		t.Errorf("title-only match: %+v", w)
	}
}
