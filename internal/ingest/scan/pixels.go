package scan

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig reads JPEG headers
	_ "image/png"  // and PNG headers
)

// DefaultMaxPixels is the largest image (or PDF page as rendered for OCR)
// recognized unless configured otherwise: an A3 page scanned at 400 dpi is
// 4677×6614, 31 million pixels, and this leaves room for an oversized sheet.
// Tesseract needs a few bytes a pixel, so this bounds one page near 200 MB.
const DefaultMaxPixels = 40_000_000

// ErrTooManyPixels is returned for an image over the pixel limit.
var ErrTooManyPixels = errors.New("image over the pixel limit")

func (t Tools) maxPixels() int64 {
	if t.MaxPixels > 0 {
		return t.MaxPixels
	}
	return DefaultMaxPixels
}

// checkPixels reads an image's dimensions from its header, without decoding
// it, and refuses one larger than the limit: the cost of decoding and
// recognizing a page grows with its pixels, not with its file's size (a
// 30000×30000 PNG of one colour compresses to kilobytes).
func (t Tools) checkPixels(data []byte) error {
	sizes, err := imageSizes(data)
	if err != nil {
		return err
	}
	limit := t.maxPixels()
	for i, s := range sizes {
		if px := int64(s.X) * int64(s.Y); px > limit || s.X <= 0 || s.Y <= 0 {
			page := ""
			if len(sizes) > 1 {
				page = fmt.Sprintf(" (page %d)", i+1)
			}
			return fmt.Errorf("%w: %d×%d%s is %d pixels, over the %d-pixel limit (raise it with --max-pixels)",
				ErrTooManyPixels, s.X, s.Y, page, px, limit)
		}
	}
	return nil
}

// imageSizes are the dimensions of each page of a PNG, JPEG or TIFF, from
// their headers.
func imageSizes(data []byte) ([]image.Point, error) {
	if bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")) {
		return tiffSizes(data)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading the image's header: %w", err)
	}
	return []image.Point{{cfg.Width, cfg.Height}}, nil
}

// maxTIFFPages bounds the directories followed in a TIFF (Tesseract reads
// every page of one).
const maxTIFFPages = 5000

var errTIFF = errors.New("damaged TIFF header")

// tiffSizes reads ImageWidth and ImageLength from every image file directory
// of a TIFF: Go's standard library has no TIFF decoder, and the header is all
// that is needed.
func tiffSizes(data []byte) ([]image.Point, error) {
	if len(data) < 8 {
		return nil, errTIFF
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if data[0] == 'M' {
		bo = binary.BigEndian
	}
	var sizes []image.Point
	seen := map[uint32]bool{}
	for off := bo.Uint32(data[4:]); off != 0; {
		if seen[off] || len(sizes) >= maxTIFFPages {
			return nil, fmt.Errorf("%w: more than %d pages, or a loop of directories", errTIFF, maxTIFFPages)
		}
		seen[off] = true
		if uint64(off)+2 > uint64(len(data)) {
			return nil, fmt.Errorf("%w: directory at %d past the end", errTIFF, off)
		}
		n := int(bo.Uint16(data[off:]))
		end := uint64(off) + 2 + 12*uint64(n)
		if end+4 > uint64(len(data)) {
			return nil, fmt.Errorf("%w: directory at %d past the end", errTIFF, off)
		}
		var p image.Point
		for i := range n {
			e := data[int(off)+2+12*i:]
			tag, typ, count := bo.Uint16(e), bo.Uint16(e[2:]), bo.Uint32(e[4:])
			if (tag != 256 && tag != 257) || count != 1 {
				continue
			}
			var v int
			switch typ {
			case 3: // SHORT
				v = int(bo.Uint16(e[8:]))
			case 4: // LONG
				v = int(min(bo.Uint32(e[8:]), 1<<31-1))
			default:
				continue
			}
			if tag == 256 {
				p.X = v
			} else {
				p.Y = v
			}
		}
		if p.X == 0 || p.Y == 0 {
			return nil, fmt.Errorf("%w: a page without width or height", errTIFF)
		}
		sizes = append(sizes, p)
		off = bo.Uint32(data[end:])
	}
	if len(sizes) == 0 {
		return nil, fmt.Errorf("%w: no pages", errTIFF)
	}
	return sizes, nil
}
