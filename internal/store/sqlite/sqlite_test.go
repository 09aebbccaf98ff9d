package sqlite

import (
	"context"
	"path/filepath"
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
