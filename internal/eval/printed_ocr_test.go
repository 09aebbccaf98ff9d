package eval

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fond/internal/ingest/scan"
)

// A rendered page is aged the same way for the same seed, another way for
// another, and keeps its size.
func TestAgePage(t *testing.T) {
	page := image.NewGray(image.Rect(0, 0, 300, 400))
	for i := range page.Pix {
		page.Pix[i] = 255
	}
	for x := 50; x < 250; x++ {
		page.SetGray(x, 100, color.Gray{Y: 0}) // a line of ink to turn
	}
	var b bytes.Buffer
	if err := png.Encode(&b, page); err != nil {
		t.Fatal(err)
	}
	a1, err := agePage(b.Bytes(), PrintedScanStyle, 7)
	if err != nil {
		t.Fatal(err)
	}
	a2, _ := agePage(b.Bytes(), PrintedScanStyle, 7)
	other, _ := agePage(b.Bytes(), PrintedScanStyle, 8)
	if !bytes.Equal(a1, a2) || bytes.Equal(a1, other) || bytes.Equal(a1, b.Bytes()) {
		t.Errorf("same seed same page: %v; other seed other page: %v; aged at all: %v",
			bytes.Equal(a1, a2), !bytes.Equal(a1, other), !bytes.Equal(a1, b.Bytes()))
	}
	img, err := png.Decode(bytes.NewReader(a1))
	if err != nil || img.Bounds() != page.Bounds() {
		t.Errorf("aged page %v, %v", img.Bounds(), err)
	}
}

// The cache answers for an image read before with the same languages, without
// running Tesseract (here a script that counts its runs).
func TestCachedOCR(t *testing.T) {
	dir := t.TempDir()
	runs := filepath.Join(dir, "runs")
	script := "#!/bin/sh\necho run >> " + runs + "\ncat >/dev/null\n" +
		"printf '1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t100\\t100\\t-1\\t\\n5\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t40\\t12\\t95\\tMemorandum\\n'\n"
	fake := filepath.Join(dir, "tesseract")
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	tools := scan.Tools{Tesseract: fake, Languages: "eng", Timeout: time.Minute}
	img := image.NewGray(image.Rect(0, 0, 100, 100))
	for i := range img.Pix {
		img.Pix[i] = 255 // paper: a black box would be read as a blackout
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(dir, "cache")
	for range 2 {
		text, err := cachedOCR(context.Background(), tools, b.Bytes(), cache)
		if err != nil || text != "Memorandum" {
			t.Fatalf("text %q, %v", text, err)
		}
	}
	got, _ := os.ReadFile(runs)
	if n := strings.Count(string(got), "run"); n != 1 {
		t.Errorf("Tesseract ran %d times for one image", n)
	}
	tools.Languages = "eng+rus"
	if _, err := cachedOCR(context.Background(), tools, b.Bytes(), cache); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(runs); strings.Count(string(got), "run") != 2 {
		t.Errorf("other languages read from the cache: %s", got)
	}
}
