package sqlite

import (
	"context"
	"os"
	"testing"

	"fond/internal/search"
)

func BenchmarkProfQueries(b *testing.B) {
	path := os.Getenv("FOND_PROF_DB")
	if path == "" {
		b.Skip("FOND_PROF_DB")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadIndex(ctx); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"government", "the"} {
		r, err := s.Search(ctx, search.Query{Text: q})
		b.Logf("%s: %d %v", q, r.Total, err)
	}
	qs := []search.Query{{Text: "government"}, {Text: "minister AND treaty"}, {Text: `"united states"`}, {Text: "comm*"}, {Text: "government date:1950..1951", Facets: true}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range qs {
			q.Limit = 20
			if _, err := s.Search(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	}
}
