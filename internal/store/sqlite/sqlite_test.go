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

func TestFTSExpr(t *testing.T) {
	cases := map[string]string{
		"stalin kim":          `"stalin" "kim"`,
		`"exact phrase" word`: `"exact phrase" "word"`,
		"Shtyk*":              `"Shtyk"*`,
		"a OR (b NOT c":       `"a" OR ( "b" NOT "c" )`,
		"x (y) z":             `"x" AND ( "y" ) AND "z"`,
		"AND x OR":            `"x"`,
		"()":                  ``,
		`O'Brien`:             `"O Brien"`,
	}
	for in, want := range cases {
		if got := ftsExpr(in); got != want {
			t.Errorf("ftsExpr(%q) = %q, want %q", in, got, want)
		}
	}
}
