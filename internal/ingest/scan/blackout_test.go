package scan

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"testing"
)

// TestBlackout: on a page image, a word's box that is a solid ink box is a
// blackout and is read as one; letters' boxes, a tall stroke ("|"), a box off
// the page and an image that cannot be decoded are not.
func TestBlackout(t *testing.T) {
	page := image.NewGray(image.Rect(0, 0, 400, 100))
	draw.Draw(page, page.Bounds(), &image.Uniform{color.White}, image.Point{}, draw.Src)
	black := &image.Uniform{color.Black}
	draw.Draw(page, image.Rect(10, 10, 110, 40), black, image.Point{}, draw.Src)  // the blackout
	draw.Draw(page, image.Rect(130, 10, 136, 40), black, image.Point{}, draw.Src) // a stroke
	for x := 150; x < 250; x += 10 {                                              // letters: a third inked
		draw.Draw(page, image.Rect(x, 10, x+3, 40), black, image.Point{}, draw.Src)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, page); err != nil {
		t.Fatal(err)
	}
	ink := newInked(buf.Bytes())
	for _, tc := range []struct {
		name         string
		l, top, w, h float64
		want         bool
	}{
		{"box", 10, 10, 100, 30, true},
		{"box found a little wider", 8, 9, 106, 32, true},
		{"stroke", 130, 10, 6, 30, false},
		{"letters", 150, 10, 100, 30, false},
		{"white", 300, 10, 60, 30, false},
		{"off the page", 500, 10, 60, 30, false},
	} {
		if got := ink.blackedOut(tc.l, tc.top, tc.w, tc.h); got != tc.want {
			t.Errorf("%s: blackedOut = %v, want %v", tc.name, got, tc.want)
		}
	}
	if newInked([]byte("II*\x00not a tiff")) != nil {
		t.Error("an undecodable image measured")
	}
	var none *inked
	if none.blackedOut(10, 10, 100, 30) {
		t.Error("no image, yet a blackout")
	}
	const head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
	tsv := head + "5\t1\t1\t1\t1\t1\t10\t10\t100\t30\t12\tм\"\n" + "5\t1\t1\t1\t1\t2\t150\t10\t100\t30\t90\tsaid\n"
	if got := fromTSVInked(tsv, ink).text; got != blackoutText+" said" {
		t.Errorf("read as %q", got)
	}
}
