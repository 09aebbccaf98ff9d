package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"fond/internal/record"
	"fond/internal/redact"
	"fond/internal/testutil"
)

// permutations lists every order of xs.
func permutations(xs []string) [][]string {
	if len(xs) <= 1 {
		return [][]string{append([]string(nil), xs...)}
	}
	var out [][]string
	for i := range xs {
		rest := append(append([]string(nil), xs[:i]...), xs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]string{xs[i]}, p...))
		}
	}
	return out
}

// TestReleasesInAnyOrder ingests the three releases of one telegram
// (testdata/releases: 1995 with three paragraphs withheld, 2008 with one,
// 2019 in full), as text and as TEI, in every order, and checks that each
// order yields one document: the three records are editions of one another
// and their history reads the same.
func TestReleasesInAnyOrder(t *testing.T) {
	root := filepath.Join(testutil.RepoRoot(t), "testdata", "releases")
	want := "1995: 3 paragraphs withheld; 2008: 1 paragraph withheld; 2019: full"
	for _, form := range []struct{ dir, ext string }{{"text", ".txt"}, {"tei", ".xml"}} {
		var files []string
		for _, y := range []string{"1995", "2008", "2019"} {
			files = append(files, filepath.Join(root, form.dir, "telegram-"+y+form.ext))
		}
		for _, order := range permutations(files) {
			st := openStore(t)
			in := &Ingester{Store: st}
			var ids []string
			for _, f := range order {
				outs, err := in.File(context.Background(), f)
				if err != nil {
					t.Fatal(err)
				}
				if len(outs) != 1 {
					t.Fatalf("%s: %d records, want 1", f, len(outs))
				}
				ids = append(ids, outs[0].ID)
			}
			for _, id := range ids {
				r, err := st.Get(context.Background(), id)
				if err != nil {
					t.Fatal(err)
				}
				if len(r.Editions) != 2 {
					t.Fatalf("%s order %v: record %s has editions %v, want the other two releases", form.dir, base(order), id, r.Editions)
				}
				group := []record.Record{r}
				for _, e := range r.Editions {
					o, err := st.Get(context.Background(), e)
					if err != nil {
						t.Fatal(err)
					}
					group = append(group, o)
				}
				if got := redact.Summary(redact.History(group)); got != want {
					t.Errorf("%s order %v: history from %s = %q, want %q", form.dir, base(order), id, got, want)
				}
			}
		}
	}
}

func base(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}
