package imageapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"testing"
)

var (
	red    = color.RGBA{0xff, 0, 0, 0xff}
	green  = color.RGBA{0, 0xff, 0, 0xff}
	blue   = color.RGBA{0, 0, 0xff, 0xff}
	yellow = color.RGBA{0xff, 0xff, 0, 0xff}
)

// quadrants is a 200×100 image: red top left, green top right, blue bottom
// left, yellow bottom right.
func quadrants() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for _, q := range []struct {
		r image.Rectangle
		c color.RGBA
	}{
		{image.Rect(0, 0, 100, 50), red}, {image.Rect(100, 0, 200, 50), green},
		{image.Rect(0, 50, 100, 100), blue}, {image.Rect(100, 50, 200, 100), yellow},
	} {
		draw.Draw(img, q.r, image.NewUniform(q.c), image.Point{}, draw.Src)
	}
	return img
}

func render(t *testing.T, src image.Image, path string) image.Image {
	t.Helper()
	req, err := Parse(path)
	if err != nil {
		t.Fatal(err)
	}
	b := src.Bounds()
	p, err := req.Resolve(b.Dx(), b.Dy(), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(context.Background(), src, p)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// corners are the colours two pixels in from each corner: top left, top
// right, bottom left, bottom right.
func corners(img image.Image) [4]color.RGBA {
	b := img.Bounds()
	at := func(x, y int) color.RGBA { return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA) }
	return [4]color.RGBA{at(b.Min.X+2, b.Min.Y+2), at(b.Max.X-3, b.Min.Y+2), at(b.Min.X+2, b.Max.Y-3), at(b.Max.X-3, b.Max.Y-3)}
}

func TestRenderGeometry(t *testing.T) {
	src := quadrants()
	for _, tc := range []struct {
		path string
		w, h int
		want [4]color.RGBA // top left, top right, bottom left, bottom right
	}{
		{"full/max/0/default.png", 200, 100, [4]color.RGBA{red, green, blue, yellow}},
		{"full/max/90/default.png", 100, 200, [4]color.RGBA{blue, red, yellow, green}},
		{"full/max/180/default.png", 200, 100, [4]color.RGBA{yellow, blue, green, red}},
		{"full/max/270/default.png", 100, 200, [4]color.RGBA{green, yellow, red, blue}},
		{"full/max/!0/default.png", 200, 100, [4]color.RGBA{green, red, yellow, blue}},
		{"full/max/!90/default.png", 100, 200, [4]color.RGBA{yellow, green, blue, red}},
		{"full/max/!180/default.png", 200, 100, [4]color.RGBA{blue, yellow, red, green}},
		{"100,0,100,50/max/0/default.png", 100, 50, [4]color.RGBA{green, green, green, green}},
		{"pct:0,50,50,50/max/0/default.png", 100, 50, [4]color.RGBA{blue, blue, blue, blue}},
		{"square/max/0/default.png", 100, 100, [4]color.RGBA{red, green, blue, yellow}},
		{"150,75,100,100/max/0/default.png", 50, 25, [4]color.RGBA{yellow, yellow, yellow, yellow}},
		// scaled down by the box average and by Catmull-Rom, and up
		{"full/50,25/0/default.png", 50, 25, [4]color.RGBA{red, green, blue, yellow}},
		{"full/pct:30/90/default.png", 30, 60, [4]color.RGBA{blue, red, yellow, green}},
		{"full/^400,/0/default.png", 400, 200, [4]color.RGBA{red, green, blue, yellow}},
		{"0,0,100,50/^!300,300/0/default.png", 300, 150, [4]color.RGBA{red, red, red, red}},
	} {
		out := render(t, src, tc.path)
		if b := out.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("%s: %d×%d, want %d×%d", tc.path, b.Dx(), b.Dy(), tc.w, tc.h)
			continue
		}
		if got := corners(out); got != tc.want {
			t.Errorf("%s: corners %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestRenderQuality(t *testing.T) {
	src := quadrants()
	gray := render(t, src, "full/max/0/gray.png")
	g, ok := gray.(*image.Gray)
	if !ok {
		t.Fatalf("gray gives a %T", gray)
	}
	// Luma of pure red, green, blue and yellow (ITU-R BT.601).
	if got, want := [4]uint8{g.GrayAt(2, 2).Y, g.GrayAt(197, 2).Y, g.GrayAt(2, 97).Y, g.GrayAt(197, 97).Y}, [4]uint8{76, 150, 29, 226}; got != want {
		t.Errorf("gray corners %v, want %v", got, want)
	}
	bit := render(t, src, "full/50,25/0/bitonal.png").(*image.Gray)
	for _, v := range bit.Pix {
		if v != 0 && v != 0xff {
			t.Fatalf("bitonal pixel %d", v)
		}
	}
	if got := [4]uint8{bit.GrayAt(1, 1).Y, bit.GrayAt(48, 1).Y, bit.GrayAt(1, 23).Y, bit.GrayAt(48, 23).Y}; got != [4]uint8{0, 0xff, 0, 0xff} {
		t.Errorf("bitonal corners %v", got)
	}
	// A gray source stays gray whatever the quality asked.
	gsrc := image.NewGray(image.Rect(0, 0, 40, 40))
	if out := render(t, gsrc, "full/max/0/color.jpg"); out.ColorModel() != color.GrayModel {
		t.Errorf("color of a gray source gives %T", out)
	}
}

// Every kind of decoded image is read the same: a PNG (RGBA, NRGBA,
// paletted, 16-bit gray), a JPEG (YCbCr), and anything else through At.
func TestRenderSources(t *testing.T) {
	rgba := quadrants()
	nrgba := image.NewNRGBA(rgba.Bounds())
	draw.Draw(nrgba, nrgba.Bounds(), rgba, image.Point{}, draw.Src)
	pal := image.NewPaletted(rgba.Bounds(), color.Palette{red, green, blue, yellow})
	draw.Draw(pal, pal.Bounds(), rgba, image.Point{}, draw.Src)
	generic := image.NewRGBA64(rgba.Bounds())
	draw.Draw(generic, generic.Bounds(), rgba, image.Point{}, draw.Src)
	// An offset image: bounds that do not start at the origin.
	offset := rgba.SubImage(image.Rect(0, 0, 200, 100)).(*image.RGBA)
	for _, path := range []string{"full/max/0/default.png", "7,3,150,80/37,/90/default.png", "full/50,/!0/gray.png"} {
		want := render(t, rgba, path)
		for name, src := range map[string]image.Image{"nrgba": nrgba, "paletted": compact(pal), "rgba64": generic, "offset": offset} {
			if got := render(t, src, path); !sameImage(got, want) {
				t.Errorf("%s from %s differs from RGBA", path, name)
			}
		}
	}
	// JPEG decodes to YCbCr; its colours are near, not equal.
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, rgba, &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	ycc, err := jpeg.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ycc.(*image.YCbCr); !ok {
		t.Fatalf("jpeg decodes to %T", ycc)
	}
	for _, path := range []string{"full/max/90/default.png", "full/60,/0/gray.png"} {
		got, want := corners(render(t, ycc, path)), corners(render(t, rgba, path))
		for i := range got {
			if !near(got[i], want[i], 6) {
				t.Errorf("%s from YCbCr: corner %d %v, want about %v", path, i, got[i], want[i])
			}
		}
	}
	g16 := image.NewGray16(image.Rect(0, 0, 20, 20))
	g16.SetGray16(3, 4, color.Gray16{Y: 0xabcd})
	if g := compact(g16).(*image.Gray); g.GrayAt(3, 4).Y != 0xab {
		t.Errorf("16-bit gray compacts to %d, want 0xab", g.GrayAt(3, 4).Y)
	}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds().Size() != b.Bounds().Size() {
		return false
	}
	ab, bb := a.Bounds(), b.Bounds()
	for y := range ab.Dy() {
		for x := range ab.Dx() {
			if color.RGBAModel.Convert(a.At(ab.Min.X+x, ab.Min.Y+y)) != color.RGBAModel.Convert(b.At(bb.Min.X+x, bb.Min.Y+y)) {
				return false
			}
		}
	}
	return true
}

func near(a, b color.RGBA, d int) bool {
	diff := func(x, y uint8) bool { return int(x)-int(y) <= d && int(y)-int(x) <= d }
	return diff(a.R, b.R) && diff(a.G, b.G) && diff(a.B, b.B)
}

func TestEncode(t *testing.T) {
	img := render(t, quadrants(), "full/max/90/default.png")
	for _, f := range []Format{PNG, JPEG} {
		var buf bytes.Buffer
		if err := Encode(&buf, img, f); err != nil {
			t.Fatal(err)
		}
		var dec image.Image
		var err error
		if f == PNG {
			dec, err = png.Decode(&buf)
		} else {
			dec, err = jpeg.Decode(&buf)
		}
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got, want := corners(dec), [4]color.RGBA{blue, red, yellow, green}
		for i := range got {
			if !near(got[i], want[i], 8) {
				t.Errorf("%s: corner %d is %v, want %v", f, i, got[i], want[i])
			}
		}
	}
}

func TestRenderCancelled(t *testing.T) {
	src := image.NewGray(image.Rect(0, 0, 2000, 2000))
	req, _ := Parse("full/100,/90/default.jpg")
	p, err := req.Resolve(2000, 2000, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Render(ctx, src, p); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled render: %v", err)
	}
	other, _ := req.Resolve(1000, 1000, Limits{})
	if _, err := Render(context.Background(), src, other); err == nil {
		t.Fatal("a plan for another image's size was rendered")
	}
}

// The tiles info.json offers cover the image: at scale factor 1 they put
// every source pixel back in its place, and at every factor their sizes add
// up to the scaled image's.
func TestTilesCoverImage(t *testing.T) {
	const w, h = 600, 300
	src := image.NewGray(image.Rect(0, 0, w, h))
	for i := range src.Pix {
		src.Pix[i] = uint8(i * 7)
	}
	info := NewInfo("x", w, h, true, testLimits)
	for _, sf := range info.Tiles[0].ScaleFactors {
		span := TileSize * sf
		stitched := image.NewGray(image.Rect(0, 0, (w+sf-1)/sf, (h+sf-1)/sf))
		covered := 0
		for y := 0; y < h; y += span {
			for x := 0; x < w; x += span {
				rw, rh := min(span, w-x), min(span, h-y)
				tile := render(t, src, fmt.Sprintf("%d,%d,%d,%d/%d,/0/default.png", x, y, rw, rh, (rw+sf-1)/sf)).(*image.Gray)
				draw.Draw(stitched, tile.Bounds().Add(image.Pt(x/sf, y/sf)), tile, image.Point{}, draw.Src)
				covered += tile.Bounds().Dx() * tile.Bounds().Dy()
			}
		}
		if want := stitched.Bounds().Dx() * stitched.Bounds().Dy(); covered < want-(w/span+h/span+2)*span/sf {
			t.Errorf("scale %d: tiles cover %d of %d pixels", sf, covered, want)
		}
		if sf == 1 && !bytes.Equal(stitched.Pix, src.Pix) {
			t.Error("tiles at scale 1 do not rebuild the image")
		}
	}
}
