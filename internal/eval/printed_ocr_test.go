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
	"fond/internal/testutil"
)

// A rendered page is aged the same way for the same seed, another way for
// another, and keeps its size.
func TestAgePage(t *testing.T) {
	page := paperPNG(t, 300, 400, func(g *image.Gray) {
		for x := 50; x < 250; x++ {
			g.SetGray(x, 100, color.Gray{Y: 0}) // a line of ink to turn
		}
	})
	a1, err := agePage(page, PrintedScanStyle, 7)
	if err != nil {
		t.Fatal(err)
	}
	a2, _ := agePage(page, PrintedScanStyle, 7)
	other, _ := agePage(page, PrintedScanStyle, 8)
	if !bytes.Equal(a1, a2) || bytes.Equal(a1, other) || bytes.Equal(a1, page) {
		t.Errorf("same seed same page: %v; other seed other page: %v; aged at all: %v",
			bytes.Equal(a1, a2), !bytes.Equal(a1, other), !bytes.Equal(a1, page))
	}
	img, err := png.Decode(bytes.NewReader(a1))
	if err != nil || img.Bounds() != image.Rect(0, 0, 300, 400) {
		t.Errorf("aged page %v, %v", img.Bounds(), err)
	}
}

// The cache answers for an image read before with the same languages, without
// running Tesseract (here a script that counts its runs).
func TestCachedOCR(t *testing.T) {
	fake, runs := testutil.FakeTesseract(t, "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t95\tMemorandum\n")
	tools := scan.Tools{Tesseract: fake, Languages: "eng", Timeout: time.Minute}
	img := paperPNG(t, 100, 100, nil) // a black box would be read as a blackout
	cache := filepath.Join(t.TempDir(), "cache")
	for range 2 {
		text, err := cachedOCR(context.Background(), tools, img, cache)
		if err != nil || text != "Memorandum" {
			t.Fatalf("text %q, %v", text, err)
		}
	}
	got, _ := os.ReadFile(runs)
	if n := strings.Count(string(got), "\n"); n != 1 {
		t.Errorf("Tesseract ran %d times for one image", n)
	}
	tools.Languages = "eng+rus"
	if _, err := cachedOCR(context.Background(), tools, img, cache); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(runs); strings.Count(string(got), "\n") != 2 {
		t.Errorf("other languages read from the cache: %s", got)
	}
}

// paperPNG is a white page with what ink draws on it, as a PNG.
func paperPNG(t *testing.T, w, h int, ink func(*image.Gray)) []byte {
	t.Helper()
	page := image.NewGray(image.Rect(0, 0, w, h))
	for i := range page.Pix {
		page.Pix[i] = 255
	}
	if ink != nil {
		ink(page)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, page); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
