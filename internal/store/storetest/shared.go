package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

// SharedOpener returns two stores on one fresh, empty database, standing for two
// processes (two servers, or a server and an ingest).
type SharedOpener func(t *testing.T) (a, b store.Store)

// RunShared runs the tests of stores that share a database: each one's search
// follows what the other writes, and they can write at the same time.
func RunShared(t *testing.T, open SharedOpener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, a, b store.Store)
	}{
		{"IndexFollowsOtherWriters", testFollowsOtherWriters},
		{"AuthoritiesFollowOtherWriters", testAuthoritiesFollow},
		{"ConcurrentWriters", testConcurrentWriters},
		{"SessionsAndPublication", testSharedSessionsAndPublication},
		{"EditRace", testEditRace},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := open(t)
			t.Cleanup(func() { a.Close(); b.Close() })
			tc.fn(t, a, b)
		})
	}
}

func total(t *testing.T, s store.Store, q string) int {
	t.Helper()
	res, err := s.Search(context.Background(), search.Query{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func testFollowsOtherWriters(t *testing.T, a, b store.Store) {
	mustPut(t, a, file("/in/1.txt", "sha256:1", rec("r1", "Uranium", "About uranium ore.")))
	if n := total(t, b, "uranium"); n != 1 {
		t.Fatalf("other store sees %d, want 1", n)
	}
	// b's index is loaded now; a writes again, replacing and deleting.
	mustPut(t, a, file("/in/1.txt", "sha256:2", rec("r2", "Thorium", "About thorium.")))
	if n := total(t, b, "uranium"); n != 0 {
		t.Errorf("replaced record still found by the other store: %d", n)
	}
	if n := total(t, b, "thorium"); n != 1 {
		t.Errorf("new record not found by the other store: %d", n)
	}
	if err := a.Delete(context.Background(), "r2"); err != nil {
		t.Fatal(err)
	}
	if n := total(t, b, "thorium"); n != 0 {
		t.Errorf("deleted record still found by the other store: %d", n)
	}
}

func testAuthoritiesFollow(t *testing.T, a, b store.Store) {
	ctx := context.Background()
	r := rec("n1", "Telegram to the Boss", "Text.")
	r.Recipients = []string{"Stalin"}
	mustPut(t, a, file("/in/n.txt", "sha256:n", r))
	if n := total(t, b, `person:"Uncle Joe"`); n != 0 {
		t.Fatalf("unknown nickname matched %d", n)
	}
	f, err := a.Authorities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	g, err := f.Add("stalin", "Uncle Joe")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetAuthorities(ctx, g); err != nil {
		t.Fatal(err)
	}
	if n := total(t, b, `person:"Uncle Joe"`); n != 1 {
		t.Errorf("the other store's search does not use the edited authority file: %d hits", n)
	}
	back, err := b.Authorities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := back.Resolve("Uncle Joe"); !ok || m.Authority.ID != "stalin" {
		t.Errorf("the other store's authority file lacks the variant")
	}
}

// testConcurrentWriters has both stores ingest at once, some files holding the
// same record (the same document reached by two paths, each taking it over)
// in different places, which is where writers that lock rows in different
// orders would deadlock.
func testConcurrentWriters(t *testing.T, a, b store.Store) {
	const files = 12
	var wg sync.WaitGroup
	errs := make(chan error, 2*files)
	for w, s := range []store.Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range files {
				shared := rec("shared", "Common telegram", "Cobalt is in every file.")
				own := rec(fmt.Sprintf("w%d-%d", w, i), fmt.Sprintf("Telegram %d of writer %d", i, w), "Cobalt and tungsten.")
				recs := []record.Record{own, shared}
				if w == 1 {
					recs = []record.Record{shared, own} // the other order of row locks
				}
				f := file(fmt.Sprintf("/in/w%d/%d.txt", w, i), fmt.Sprintf("sha256:w%d-%d", w, i), recs...)
				f.Replace = true
				if _, err := s.PutFile(context.Background(), f); err != nil {
					errs <- fmt.Errorf("writer %d file %d: %w", w, i, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	want := 2*files + 1
	for name, s := range map[string]store.Store{"a": a, "b": b} {
		if n := total(t, s, "cobalt"); n != want {
			t.Errorf("store %s finds %d records, want %d", name, n, want)
		}
		_, n, err := s.List(context.Background(), store.ListQuery{Limit: 1})
		if err != nil || n != want {
			t.Errorf("store %s lists %d records (%v), want %d", name, n, err, want)
		}
	}
}
