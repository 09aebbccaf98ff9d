package ingest

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fond/internal/ingest/scan"
	"fond/internal/store"
)

func TestFileOverSizeLimitIsRefusedByName(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	small := filepath.Join(dir, "small.txt")
	os.WriteFile(big, []byte("Memorandum\n\nWashington, October 27, 1962.\n\n"+strings.Repeat("The tanker may pass. ", 100)), 0o644)
	os.WriteFile(small, []byte("Memorandum\n\nWashington, October 27, 1962.\n\nThe tanker may pass.\n"), 0o644)
	st := openStore(t)
	in := &Ingester{Store: st, Limits: Limits{MaxFileSize: 1000}}
	errs := map[string]string{}
	failed, err := in.Paths(context.Background(), []string{dir}, func(o Outcome) {
		if o.Error != "" {
			errs[filepath.Base(o.File)] = o.Error
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if failed != 1 || !strings.Contains(errs["big.txt"], "big.txt") || !strings.Contains(errs["big.txt"], "over the 1000-byte limit") {
		t.Errorf("failed %d, errors %q: want big.txt refused by name over the 1000-byte limit", failed, errs)
	}
	if _, total, _ := st.List(context.Background(), store.ListQuery{}); total != 1 {
		t.Errorf("store holds %d records, want the small file's 1", total)
	}
	// The default applies when no limit is set, to Extract as to File.
	if _, err := Extract(context.Background(), "huge.txt", make([]byte, DefaultMaxFileSize+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Extract of a file over the default limit: %v", err)
	}
}

// A file whose size the system does not know in advance (or that grows while
// it is read) is read only up to the limit.
func TestReadStopsAtTheLimit(t *testing.T) {
	const proc = "/proc/self/maps" // a regular file that stats as 0 bytes
	if info, err := os.Stat(proc); err != nil || info.Size() != 0 {
		t.Skipf("%s: %v; need Linux's /proc", proc, err)
	}
	_, err := readFile(context.Background(), proc, 64)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), proc) {
		t.Errorf("reading %s under a 64-byte limit: %v, want it refused by name", proc, err)
	}
	if data, err := readFile(context.Background(), proc, 1<<20); err != nil || len(data) == 0 {
		t.Errorf("reading %s under 1 MiB: %d bytes, %v", proc, len(data), err)
	}
}

// Devices and pipes are refused by name, never read: /dev/zero never ends, and
// a FIFO blocks until someone writes.
func TestOnlyRegularFilesAreRead(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	cases := map[string]string{fifo: "named pipe", "/dev/zero": "character device"}
	for path, what := range cases {
		if _, err := os.Stat(path); err != nil {
			t.Logf("skipping %s: %v", path, err)
			continue
		}
		in := &Ingester{Store: openStore(t)}
		done := make(chan error, 1)
		var outs []Outcome
		go func() {
			_, err := in.Paths(context.Background(), []string{path}, func(o Outcome) { outs = append(outs, o) })
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(time.Minute):
			t.Fatalf("ingest of %s did not return: it is being read", path)
		}
		if len(outs) != 1 || !strings.Contains(outs[0].Error, path) || !strings.Contains(outs[0].Error, what) {
			t.Errorf("%s: outcomes %+v, want one error naming it as a %s", path, outs, what)
		}
	}
}

// The Ingester's pixel limit reaches the reading of images, and the refusal
// names the file and its dimensions.
func TestImageOverPixelLimitIsRefusedByName(t *testing.T) {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 20, 30)))
	path := filepath.Join(t.TempDir(), "page.png")
	os.WriteFile(path, b.Bytes(), 0o644)
	in := &Ingester{Store: openStore(t), Limits: Limits{MaxPixels: 500}}
	_, err := in.File(context.Background(), path)
	if !errors.Is(err, scan.ErrTooManyPixels) || !strings.Contains(err.Error(), "page.png") || !strings.Contains(err.Error(), "20×30") {
		t.Errorf("20×30 PNG under a 500-pixel limit: %v", err)
	}
}
