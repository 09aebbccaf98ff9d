package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fond/internal/store"
)

// RunFixity checks CheckOriginals, the background check's step: batches
// bounded by bytes that together read every original once, in order, and
// name the one whose bytes were changed behind the store's back, while
// IndexState follows the writes.
func RunFixity(t *testing.T, open VerifyOpener) {
	ctx := context.Background()
	s, raw := open(t)
	t.Cleanup(func() { s.Close() })
	fc, ok := s.(store.FixityChecker)
	if !ok {
		t.Fatalf("%T does not implement store.FixityChecker", s)
	}
	const n = 150 // more than one query's rows
	var total int64
	for i := range n {
		data := fmt.Sprintf("original bytes of /in/f%03d.txt", i)
		total += int64(len(data))
		mustPut(t, s, file(fmt.Sprintf("/in/f%03d.txt", i), "sha256:"+sum(data), rec(fmt.Sprintf("r%03d", i), "Letter", "Text.")))
	}
	raw(t, `UPDATE originals SET data = ? WHERE name = ?`, []byte("original bytes of /in/f077.tx!"), "/in/f077.txt")

	pass := func(maxBytes int64) (originals, calls int, bytes int64, problems []store.Problem) {
		after := ""
		for {
			b, err := fc.CheckOriginals(ctx, after, maxBytes)
			if err != nil {
				t.Fatal(err)
			}
			calls++
			if b.Originals == 0 && b.Last != "" {
				t.Fatalf("a batch read nothing but did not end the pass: %+v", b)
			}
			if b.Last != "" && b.Last <= after {
				t.Fatalf("batch after %q ended at %q: not in checksum order", after, b.Last)
			}
			originals += b.Originals
			bytes += b.Bytes
			problems = append(problems, b.Problems...)
			if b.Last == "" {
				return
			}
			if calls > 2*n {
				t.Fatal("the pass does not end")
			}
			after = b.Last
		}
	}
	for _, maxBytes := range []int64{1, 100, 1 << 20} {
		originals, calls, bytes, problems := pass(maxBytes)
		if originals != n || bytes != total {
			t.Errorf("batches of %d bytes: %d originals, %d bytes read; want %d, %d", maxBytes, originals, bytes, n, total)
		}
		if maxBytes == 1 && calls < n {
			t.Errorf("batches of 1 byte: %d calls for %d originals; a batch reads past its budget", calls, n)
		}
		if len(problems) != 1 || problems[0].Name != "/in/f077.txt" || problems[0].Kind != store.ProblemOriginal || !strings.Contains(problems[0].Detail, "not to their recorded checksum") {
			t.Errorf("batches of %d bytes found %v; want the changed /in/f077.txt", maxBytes, problems)
		}
	}

	is, ok := s.(store.IndexStater)
	if !ok {
		t.Fatalf("%T does not implement store.IndexStater", s)
	}
	before, err := is.IndexState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.Records != n || before.Generation == 0 {
		t.Errorf("index state %+v: want %d records and a generation", before, n)
	}
	if err := s.(store.IndexLoader).LoadIndex(ctx); err != nil {
		t.Fatal(err)
	}
	loaded, err := is.IndexState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Indexed != loaded.Generation {
		t.Errorf("after loading, the index is at %d of %d", loaded.Indexed, loaded.Generation)
	}
	mustPut(t, s, file("/in/late.txt", "sha256:"+sum("late"), rec("late1", "Late letter", "Text.")))
	after, err := is.IndexState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Generation <= loaded.Generation || after.Records != n+1 {
		t.Errorf("after a write: %+v, before %+v", after, loaded)
	}
}
