package sqlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// BenchmarkCheckOriginals is the background fixity check's work without its
// pauses: a whole pass over 64 originals of 1 MiB, read from SQLite and
// hashed, in batches of 1 MiB (what --fixity-rate's default allows in a
// quarter second). Its MB/s against the rate is the share of a core the
// check takes (docs/decisions.md, "Operations").
//
//	go test -run=^$ -bench=CheckOriginals ./internal/store/sqlite/
func BenchmarkCheckOriginals(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "fond.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	const n, size = 64, 1 << 20
	for i := range n {
		data := make([]byte, size)
		for j := range data {
			data[j] = 'a' + byte(rng.IntN(26))
		}
		sum := sha256.Sum256(data)
		r := record.Record{ID: fmt.Sprintf("%016x", i+1), Title: "Register", Type: "Register", Category: record.Primary, Body: "A register."}
		if _, err := st.PutFile(ctx, store.File{Path: fmt.Sprintf("/in/%02d.txt", i), Format: "text", Records: []record.Record{r},
			Original: store.Original{Checksum: "sha256:" + hex.EncodeToString(sum[:]), Name: "r.txt", Data: data}}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(n * size)
	b.ResetTimer()
	for b.Loop() {
		after, read := "", 0
		for {
			batch, err := st.CheckOriginals(ctx, after, size)
			if err != nil || len(batch.Problems) != 0 {
				b.Fatal(err, batch.Problems)
			}
			read += batch.Originals
			if batch.Last == "" {
				break
			}
			after = batch.Last
		}
		if read != n {
			b.Fatalf("a pass read %d originals of %d", read, n)
		}
	}
}
