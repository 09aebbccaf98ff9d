package eval

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"fond/internal/ingest/scan"
)

// PrintedScanStyle is how the printed OCR mode ages a rendered page before
// Tesseract reads it: the skew, grain, specks and stains of the typed-page
// evaluation's scans (DefaultScanStyle), at the resolution the pages are
// rendered at. A clean render is what no archive's scanner gives.
var PrintedScanStyle = ScanStyle{DPI: 150, SkewDeg: DefaultScanStyle.SkewDeg, Noise: DefaultScanStyle.Noise,
	Specks: DefaultScanStyle.Specks, Stains: DefaultScanStyle.Stains, Seed: DefaultScanStyle.Seed}

// ocrPDF renders the PDF's pages as a scanner would (grey, at style.DPI), ages
// each page with style's noise (none when style is nil) and reads it through
// fond's image path, Tesseract. seed tells documents' pages apart, so each has
// its own skew and specks, the same in every run.
func ocrPDF(ctx context.Context, tools scan.Tools, pdf []byte, style *ScanStyle, seed uint64, cache string) (string, error) {
	dir, err := os.MkdirTemp("", "fond-ocr-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return "", err
	}
	dpi := PrintedScanStyle.DPI
	if style != nil && style.DPI > 0 {
		dpi = style.DPI
	}
	cmd := exec.CommandContext(ctx, "pdftoppm", "-r", fmt.Sprint(dpi), "-gray", "-png", in, filepath.Join(dir, "p"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("pdftoppm: %v: %s", err, out)
	}
	imgs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Strings(imgs)
	var pages []string
	for i, f := range imgs {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		if style != nil {
			if b, err = agePage(b, *style, seed+uint64(i)); err != nil {
				return "", err
			}
		}
		t, err := cachedOCR(ctx, tools, b, cache)
		if errors.Is(err, scan.ErrNoText) {
			// A page OCR found no words on is an empty page, as fond's
			// PDF path takes it, not a lost document.
			err = nil
		}
		if err != nil {
			return "", err
		}
		pages = append(pages, t)
	}
	return strings.Join(pages, "\n\n"), nil
}

// agePage gives a rendered page a scan's faults: stains, a turn of up to
// style.SkewDeg either way, grain and specks, drawn from the seed.
func agePage(data []byte, style ScanStyle, seed uint64) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("rendered page: %w", err)
	}
	page, ok := src.(*image.Gray)
	if !ok {
		page = image.NewGray(src.Bounds())
		draw.Draw(page, page.Bounds(), src, src.Bounds().Min, draw.Src)
	}
	rng := rand.New(rand.NewPCG(style.Seed, seed))
	stain(page, rng, style.Stains)
	page = rotate(page, (rng.Float64()*2-1)*style.SkewDeg*math.Pi/180)
	grain(page, rng, style.Noise, style.Specks)
	var b bytes.Buffer
	if err := png.Encode(&b, page); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// cachedOCR reads a page image, or takes what the same image read as with the
// same languages and thresholding when cache (a directory) holds it: a rerun
// of the evaluation after a change to the reader need not run Tesseract
// again. The text kept is what fond's scan package made of Tesseract's words:
// a change to that package wants an empty cache.
func cachedOCR(ctx context.Context, tools scan.Tools, img []byte, cache string) (string, error) {
	var file string
	if cache != "" {
		h := sha256.New()
		h.Write([]byte(tools.Tesseract + "\x00" + tools.Languages + "\x00" + tools.Thresholding + "\x00"))
		h.Write(img)
		file = filepath.Join(cache, hex.EncodeToString(h.Sum(nil))+".txt")
		if b, err := os.ReadFile(file); err == nil {
			return string(b), nil
		}
	}
	t, err := tools.Image(ctx, img)
	if err != nil {
		return "", err
	}
	text := t.String()
	if cache != "" {
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return "", fmt.Errorf("OCR cache: %w", err)
		}
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			return "", fmt.Errorf("OCR cache: %w", err)
		}
	}
	return text, nil
}
