package redact

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fond/internal/ingest/tei"
	"fond/internal/testutil"
)

// BenchmarkFindFRUS runs the recognizer (spans and stamps, as ingest does) over
// the bodies of the 5,825 FRUS documents: what it adds to an ingest.
func BenchmarkFindFRUS(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(testutil.Shared(b, "corpus/frus"), "*.xml"))
	var bodies []string
	size := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		_, docs, err := tei.Read(context.Background(), fh, f)
		fh.Close()
		if err != nil {
			b.Fatal(err)
		}
		for i := range docs {
			body := docs[i].Record().Body
			bodies = append(bodies, body)
			size += len(body)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, body := range bodies {
			if len(Find(body)) > 0 || len(Stamps(body)) > 0 {
				b.Fatal("a marker in FRUS, which withholds nothing")
			}
		}
	}
}
