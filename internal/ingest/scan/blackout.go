package scan

import (
	"bytes"
	"image"
	"image/draw"
)

// Blacked-out spans in a scan: a release that withheld words by inking them
// over has solid dark boxes where they stood. Tesseract reads such a box as
// stray characters ("м\" |") or as nothing, which no pattern in the text can
// tell from the document's words; the page image can. A word whose box is
// nearly all ink is a box, not letters (a letter inks a fifth to two fifths
// of its box), and is given the text blackoutText, which the redaction
// recognizer takes as an OCR'd blackout. A box Tesseract found no word in
// leaves no trace to mark.
const (
	// blackoutInk is the share of dark pixels over which a word's box is a
	// blackout.
	blackoutInk = 0.7
	// blackoutDark is the grey level under which a pixel is ink.
	blackoutDark = 100
	// blackoutText stands for a blacked-out word in the text.
	blackoutText = "████"
)

// inked is a page image in grey, to measure words' boxes on. nil (no
// measuring) when the image cannot be decoded here (TIFF: the standard
// library reads PNG and JPEG).
type inked struct{ img *image.Gray }

func newInked(data []byte) *inked {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	g, ok := img.(*image.Gray)
	if !ok {
		g = image.NewGray(img.Bounds())
		draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	}
	return &inked{img: g}
}

// blackedOut reports whether the box (in the image's pixels) is a blackout:
// wider than tall, as a word is (a stroke read as "|" or "I" is taller than
// wide and nearly all ink too), and nearly all ink.
func (k *inked) blackedOut(left, top, width, height float64) bool {
	if k == nil || width < 1.2*height || height < 4 {
		return false
	}
	r := image.Rect(int(left), int(top), int(left+width), int(top+height)).Intersect(k.img.Bounds())
	if r.Empty() {
		return false
	}
	dark := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := k.img.Pix[k.img.PixOffset(r.Min.X, y):k.img.PixOffset(r.Max.X, y)]
		for _, p := range row {
			if p < blackoutDark {
				dark++
			}
		}
	}
	return float64(dark) >= blackoutInk*float64(r.Dx()*r.Dy())
}
