package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/store"
	"fond/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestFTSPhrase(t *testing.T) {
	cases := []struct {
		in     string
		prefix bool
		want   string
	}{
		{"stalin", false, `"stalin"`},
		{"Shtyk", true, `"Shtyk"*`},
		{"Pak Hon-yong", false, `"Pak Hon yong"`},
		{`O'Brien"; DROP`, false, `"O Brien DROP"`},
		{"()*", false, ``},
	}
	for _, c := range cases {
		if got := ftsPhrase(c.in, c.prefix); got != c.want {
			t.Errorf("ftsPhrase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestGoSnippet(t *testing.T) {
	words := []snippetWord{{text: "telegram"}, {text: "shtyk", prefix: true}}
	got := goSnippet("The first line. Two telegrams from Shtykov about <the> loan & credit arrived.", words)
	want := "The first line. Two <mark>telegrams</mark> from <mark>Shtykov</mark> about &lt;the&gt; loan &amp; credit arrived."
	if got != want {
		t.Errorf("goSnippet = %q\nwant %q", got, want)
	}
	long := strings.Repeat("filler ", 100) + "the loan was asked " + strings.Repeat("more ", 100)
	if got := goSnippet(long, []snippetWord{{text: "asks"}}); !strings.HasPrefix(got, "…") || !strings.Contains(got, "<mark>asked</mark>") || !strings.HasSuffix(got, "…") {
		t.Errorf("window snippet = %q", got)
	}
	if goSnippet("nothing here", words) != "" {
		t.Errorf("snippet without a match")
	}
}

func TestAuthorityFilePersists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fond.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := s.Authorities(ctx)
	g, err := f.Add("stalin", "Uncle Joe")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAuthorities(ctx, g); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	back, _ := s.Authorities(ctx)
	if m, ok := back.Resolve("Uncle Joe"); !ok || m.Authority.ID != "stalin" {
		t.Errorf("authority file not kept across reopen")
	}
}
