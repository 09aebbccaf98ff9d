package sqlite

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fond/internal/record"
)

// TestCheckpointsBesideTheWriter: what the writer commits reaches the
// database file within moments though the writer's own checkpoint is far
// off (the log holds a few hundred pages of walFallbackPages), and the
// checkpoints' goroutine ends with the store.
func TestCheckpointsBesideTheWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fond.db")
	before := runtime.NumGoroutine()
	s := open(t, path)
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	start := size()
	body := strings.Repeat("The ambassador's telegram reached Moscow. ", 2000) // 84 KB
	for i := range 10 {
		put(t, s, fmt.Sprintf("/in/%d.txt", i), fmt.Sprintf("sha256:%d", i), record.Record{ID: fmt.Sprint("r", i), Title: "Telegram", Category: record.Primary, Body: body})
	}
	deadline := time.Now().Add(10 * time.Second)
	for size() < start+500_000 {
		if time.Now().After(deadline) {
			t.Fatalf("the database file holds %d bytes, %d before 840 KB were committed: no checkpoint copied them", size(), start)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > before; {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines after the store closed, %d before it opened", runtime.NumGoroutine(), before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestCheckpointsSleepWhileNobodyWrites: a commit is checkpointed beside the
// writer, and then, nothing more being written, no checkpoint runs (they ran
// every 100 ms on a server nobody wrote to).
func TestCheckpointsSleepWhileNobodyWrites(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "fond.db"))
	defer s.Close()
	before := checkpoints.Load()
	put(t, s, "/in/a.txt", "sha256:a", record.Record{ID: "r1", Title: "Telegram", Category: record.Primary, Body: "The ambassador's telegram."})
	deadline := time.Now().Add(10 * time.Second)
	for checkpoints.Load() == before {
		if time.Now().After(deadline) {
			t.Fatal("no checkpoint ran after a commit")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// What the put set going (the index's own writes) settles first.
	for n := checkpoints.Load(); ; {
		time.Sleep(3 * checkpointEvery)
		if m := checkpoints.Load(); m == n {
			break
		} else {
			n = m
		}
		if time.Now().After(deadline) {
			t.Fatalf("checkpoints still running 10 s after the last write (%d since it)", checkpoints.Load()-before)
		}
	}
	quiet := checkpoints.Load()
	time.Sleep(10 * checkpointEvery)
	if n := checkpoints.Load() - quiet; n != 0 {
		t.Fatalf("%d checkpoints ran in %v while nothing was written", n, 10*checkpointEvery)
	}
}
