package sqlite

import (
	"context"
	"database/sql"
	"math/rand"
	"os"
	"strings"
	"testing"
)

// BenchmarkPageBodies reads the bodies a half result page needs (ten random
// records by rid) from an existing archive, in the ways a search could: the
// whole body as the store does, a passage of it, from a prepared statement, with
// memory-mapped reads, and the rids alone (the lookup's own cost).
//
//	FOND_BENCH_DB=/tmp/pages100k.db go test -run=^$ -bench=PageBodies -benchtime=3000x ./internal/store/sqlite/
func BenchmarkPageBodies(b *testing.B) {
	path := os.Getenv("FOND_BENCH_DB")
	if path == "" {
		b.Skip("set FOND_BENCH_DB to an archive (the web page benchmark builds one)")
	}
	in := "(" + strings.TrimSuffix(strings.Repeat("?,", 10), ",") + ")"
	for _, v := range []struct{ name, pragma, query string }{
		{"whole", "", "SELECT rid, body FROM records WHERE rid IN " + in},
		{"passage", "", "SELECT rid, substr(body, 1, 800) FROM records WHERE rid IN " + in},
		{"mmap", "&_pragma=mmap_size(2000000000)", "SELECT rid, body FROM records WHERE rid IN " + in},
		{"rids-only", "", "SELECT rid, '' FROM records WHERE rid IN " + in},
	} {
		for _, prepared := range []bool{false, true} {
			name := v.name
			if prepared {
				name += "-prepared"
			}
			b.Run(name, func(b *testing.B) {
				db, err := sql.Open("sqlite", "file:"+path+"?_pragma=query_only(1)"+v.pragma)
				if err != nil {
					b.Fatal(err)
				}
				defer db.Close()
				var n int
				if err := db.QueryRow(`SELECT max(rid) FROM records`).Scan(&n); err != nil || n == 0 {
					b.Fatalf("no records in %s: %v", path, err)
				}
				query := func(args ...any) (*sql.Rows, error) { return db.QueryContext(context.Background(), v.query, args...) }
				if prepared {
					st, err := db.Prepare(v.query)
					if err != nil {
						b.Fatal(err)
					}
					defer st.Close()
					query = func(args ...any) (*sql.Rows, error) { return st.QueryContext(context.Background(), args...) }
				}
				rng := rand.New(rand.NewSource(1))
				args := make([]any, 10)
				// Warm the system's page cache first, so that the variant run first
				// is not the one that pays for the disk.
				for range 2000 {
					for i := range args {
						args[i] = int64(1 + rng.Intn(n))
					}
					if rows, err := query(args...); err == nil {
						for rows.Next() {
						}
						rows.Close()
					}
				}
				for b.Loop() {
					for i := range args {
						args[i] = int64(1 + rng.Intn(n))
					}
					rows, err := query(args...)
					if err != nil {
						b.Fatal(err)
					}
					for rows.Next() {
						var rid int64
						var body string
						if err := rows.Scan(&rid, &body); err != nil {
							b.Fatal(err)
						}
					}
					rows.Close()
				}
			})
		}
	}
}
