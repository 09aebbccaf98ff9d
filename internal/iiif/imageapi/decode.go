package imageapi

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // sources: scans arrive as JPEG,
	_ "image/png"  // PNG
	"io"

	_ "golang.org/x/image/tiff" // and TIFF (its first page)
)

// ErrTooLarge is a source image over Limits.MaxSourcePixels: the server's
// limit, not the client's mistake (the web layer answers it as a server
// error, not 400).
var ErrTooLarge = errors.New("iiif: source image over the pixel limit")

// Header is what an image's header tells without decoding it.
type Header struct {
	Width, Height int
	Gray          bool // no colour: gray or black-and-white pixels only
}

// ReadHeader reads an image's dimensions and colour model.
func ReadHeader(r io.Reader) (Header, error) {
	cfg, _, err := image.DecodeConfig(bufio.NewReader(r))
	if err != nil {
		return Header{}, fmt.Errorf("iiif: reading the image's header: %w", err)
	}
	gray := cfg.ColorModel == color.GrayModel || cfg.ColorModel == color.Gray16Model
	return Header{Width: cfg.Width, Height: cfg.Height, Gray: gray}, nil
}

// Decode decodes a PNG, JPEG or TIFF, first checking its dimensions
// against maxPixels (0: no limit): the cost of decoding grows with the
// pixels, not the file, and a 30000×30000 PNG of one colour is a few
// kilobytes.
func Decode(r io.ReadSeeker, maxPixels int64) (image.Image, error) {
	hd, err := ReadHeader(r)
	if err != nil {
		return nil, err
	}
	w, h := hd.Width, hd.Height
	if px := int64(w) * int64(h); w <= 0 || h <= 0 || (maxPixels > 0 && px > maxPixels) {
		return nil, fmt.Errorf("%w: %d×%d is %d pixels, over %d", ErrTooLarge, w, h, px, maxPixels)
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("iiif: rewinding the image: %w", err)
	}
	img, _, err := image.Decode(bufio.NewReaderSize(r, 64<<10))
	if err != nil {
		return nil, fmt.Errorf("iiif: decoding the image: %w", err)
	}
	return img, nil
}
