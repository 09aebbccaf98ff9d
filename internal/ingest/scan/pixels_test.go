package scan

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"
)

// pngHeader is a PNG that declares w×h pixels and holds none: enough to be
// refused, as an attacker's file would be, on its header alone.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 0, 17)
	ihdr = append(ihdr, "IHDR"...)
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // 8-bit greyscale
	binary.Write(&b, binary.BigEndian, uint32(13))
	b.Write(ihdr)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(ihdr))
	return b.Bytes()
}

func TestHugeImageIsRefusedBeforeOCR(t *testing.T) {
	// A Tesseract that cannot be found: reaching it would fail with ErrNoTool,
	// so the pixel check must come first for the test to pass.
	tools := Tools{Tesseract: "/nonexistent/tesseract", PDFToPPM: "/nonexistent/pdftoppm"}
	_, err := tools.Image(context.Background(), pngHeader(30000, 30000))
	if !errors.Is(err, ErrTooManyPixels) || !strings.Contains(err.Error(), "30000×30000") {
		t.Fatalf("30000×30000 PNG: %v, want it refused for its pixels, naming them", err)
	}
	if errors.Is(err, ErrNoTool) {
		t.Fatal("Tesseract was looked for")
	}
	// A page of ordinary size goes on to OCR (here: to the missing program).
	_, err = tools.Image(context.Background(), pngHeader(2480, 3508))
	if !errors.Is(err, ErrNoTool) {
		t.Errorf("A4 at 300 dpi: %v, want it passed to Tesseract", err)
	}
	// The limit is configurable.
	tools.MaxPixels = 1000
	if _, err = tools.Image(context.Background(), pngHeader(100, 100)); !errors.Is(err, ErrTooManyPixels) {
		t.Errorf("100×100 under a 1000-pixel limit: %v", err)
	}
}

// tiffHeader is a little-endian TIFF whose pages declare the sizes given,
// width and length as LONGs, and hold no pixels.
func tiffHeader(sizes ...image.Point) []byte {
	b := []byte("II*\x00")
	b = binary.LittleEndian.AppendUint32(b, 8)
	for i, s := range sizes {
		b = binary.LittleEndian.AppendUint16(b, 2)
		for tag, v := range map[uint16]int{256: s.X, 257: s.Y} {
			b = binary.LittleEndian.AppendUint16(b, tag)
			b = binary.LittleEndian.AppendUint16(b, 4)
			b = binary.LittleEndian.AppendUint32(b, 1)
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		}
		next := uint32(0)
		if i < len(sizes)-1 {
			next = uint32(len(b) + 4)
		}
		b = binary.LittleEndian.AppendUint32(b, next)
	}
	return b
}

func TestImageSizesFromHeaders(t *testing.T) {
	var small bytes.Buffer
	png.Encode(&small, image.NewGray(image.Rect(0, 0, 3, 2)))
	tests := []struct {
		name string
		data []byte
		want []image.Point
		bad  bool
	}{
		{"png", small.Bytes(), []image.Point{{3, 2}}, false},
		{"tiff, two pages", tiffHeader(image.Pt(10, 20), image.Pt(40000, 40000)), []image.Point{{10, 20}, {40000, 40000}}, false},
		{"tiff cut short", tiffHeader(image.Pt(10, 20))[:12], nil, true},
		{"tiff looping", append(tiffHeader(image.Pt(1, 1))[:len(tiffHeader(image.Pt(1, 1)))-4], 8, 0, 0, 0), nil, true},
		{"png damaged", pngHeader(1, 1)[:20], nil, true},
	}
	for _, tc := range tests {
		got, err := imageSizes(tc.data)
		if (err != nil) != tc.bad || !tc.bad && !equalPoints(got, tc.want) {
			t.Errorf("%s: %v, %v; want %v (error: %v)", tc.name, got, err, tc.want, tc.bad)
		}
	}
	// A huge page anywhere in a TIFF refuses the file, naming the page.
	err := Tools{}.checkPixels(tiffHeader(image.Pt(10, 20), image.Pt(40000, 40000)))
	if !errors.Is(err, ErrTooManyPixels) || !strings.Contains(err.Error(), "40000×40000 (page 2)") {
		t.Errorf("TIFF with a huge second page: %v", err)
	}
}

func equalPoints(a, b []image.Point) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzImageSizes(f *testing.F) {
	f.Add(pngHeader(10, 10))
	f.Add(tiffHeader(image.Pt(10, 20), image.Pt(3, 4)))
	f.Add([]byte("MM\x00*\x00\x00\x00\x08\x00\x01\x01\x00\x00\x03\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 4 {
			return
		}
		sizes, err := imageSizes(data)
		if err == nil && len(sizes) == 0 {
			t.Fatal("no sizes and no error")
		}
	})
}
