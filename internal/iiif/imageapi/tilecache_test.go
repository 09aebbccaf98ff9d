package imageapi

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func tile(n, size int) []byte { return bytes.Repeat([]byte{byte(n)}, size) }

func TestTileCacheBound(t *testing.T) {
	dir := t.TempDir()
	c, err := OpenTileCache(dir, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		if err := c.Put(fmt.Sprint("k", i), tile(i, 1000)); err != nil {
			t.Fatal(err)
		}
	}
	if c.Size() != 8000 {
		t.Fatalf("size %d, want 8000", c.Size())
	}
	// k0 used again: k1 is now the least recently used.
	if data, ok := c.Get("k0"); !ok || !bytes.Equal(data, tile(0, 1000)) {
		t.Fatal("k0 not kept")
	}
	for i := 8; i < 12; i++ {
		if err := c.Put(fmt.Sprint("k", i), tile(i, 1000)); err != nil {
			t.Fatal(err)
		}
	}
	if c.Size() > 10_000 {
		t.Fatalf("size %d over the bound", c.Size())
	}
	if got := diskSize(t, dir); got != c.Size() {
		t.Errorf("files on disk hold %d bytes, the cache counts %d", got, c.Size())
	}
	for _, k := range []string{"k1", "k2"} {
		if _, ok := c.Get(k); ok {
			t.Errorf("%s kept; it was the least recently used", k)
		}
	}
	for _, k := range []string{"k0", "k3", "k11"} {
		if _, ok := c.Get(k); !ok {
			t.Errorf("%s evicted", k)
		}
	}
	// Too large a value is not kept, and pushes nothing out.
	if err := c.Put("huge", tile(1, 2000)); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("huge"); ok {
		t.Error("a value over an eighth of the bound was kept")
	}
	if _, err := OpenTileCache(t.TempDir(), 0); err == nil {
		t.Error("a cache of zero bytes opened")
	}
}

// The directory is the cache: reopened, it has the same tiles and evicts
// by the recency the files' times keep.
func TestTileCacheRestart(t *testing.T) {
	dir := t.TempDir()
	c, err := OpenTileCache(dir, 4000)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for i := range 4 {
		if err := c.Put(fmt.Sprint("k", i), tile(i, 500)); err != nil {
			t.Fatal(err)
		}
		// Distinct, increasing times, whatever the file system's resolution.
		os.Chtimes(filepath.Join(dir, fileName(fmt.Sprint("k", i))), old, old.Add(time.Duration(i)*time.Minute))
	}
	c.Get("k0") // most recent now
	// A write a crash interrupted is cleared away.
	if err := os.WriteFile(filepath.Join(dir, filepath.Dir(fileName("k0")), "x.tmp"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}

	c2, err := OpenTileCache(dir, 4000)
	if err != nil {
		t.Fatal(err)
	}
	if c2.Size() != 2000 {
		t.Fatalf("reopened size %d, want 2000", c2.Size())
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.Dir(fileName("k0")), "x.tmp")); err == nil {
		t.Error("temporary file left")
	}
	for i := 4; i < 9; i++ {
		c2.Put(fmt.Sprint("k", i), tile(i, 500))
	}
	if _, ok := c2.Get("k1"); ok {
		t.Error("k1, the oldest, survived the restart's eviction")
	}
	if _, ok := c2.Get("k0"); !ok {
		t.Error("k0, used last before the restart, was evicted")
	}
	// A smaller bound on reopening evicts at once.
	c3, err := OpenTileCache(dir, 1200)
	if err != nil {
		t.Fatal(err)
	}
	if c3.Size() > 1200 || diskSize(t, dir) > 1200 {
		t.Errorf("reopened with a smaller bound: %d bytes counted, %d on disk", c3.Size(), diskSize(t, dir))
	}
}

func TestTileCacheConcurrent(t *testing.T) {
	dir := t.TempDir()
	c, err := OpenTileCache(dir, 20_000)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := fmt.Sprint("k", (g*7+i)%40)
				want := tile((g*7+i)%40, 500+(g*7+i)%40)
				if data, ok := c.Get(k); ok && !bytes.Equal(data, want) {
					t.Errorf("%s: wrong bytes", k)
					return
				}
				if err := c.Put(k, want); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if c.Size() > 20_000 {
		t.Errorf("size %d over the bound", c.Size())
	}
	if got := diskSize(t, dir); got != c.Size() {
		t.Errorf("disk %d bytes, counted %d", got, c.Size())
	}
}

func diskSize(t *testing.T, dir string) int64 {
	t.Helper()
	var n int64
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && !strings.HasSuffix(path, ".tmp") {
			n += info.Size()
		}
		return nil
	})
	return n
}
