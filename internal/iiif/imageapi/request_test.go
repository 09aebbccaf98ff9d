package imageapi

import (
	"errors"
	"image"
	"strings"
	"testing"
)

// The image of the specification's examples is 300×200; the limits are
// small enough to be met.
var testLimits = Limits{MaxWidth: 1000, MaxHeight: 800, MaxArea: 400_000}

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		path      string
		region    image.Rectangle
		w, h      int
		canonical string
	}{
		// region
		{"full/max/0/default.jpg", image.Rect(0, 0, 300, 200), 300, 200, "full/max/0/default.jpg"},
		{"square/max/0/default.jpg", image.Rect(50, 0, 250, 200), 200, 200, "50,0,200,200/max/0/default.jpg"},
		{"125,15,120,140/max/0/default.jpg", image.Rect(125, 15, 245, 155), 120, 140, "125,15,120,140/max/0/default.jpg"},
		// Beyond the edge: cropped, as the specification's example 5 (175×185).
		{"125,15,200,200/max/0/default.jpg", image.Rect(125, 15, 300, 200), 175, 185, "125,15,175,185/max/0/default.jpg"},
		{"0,0,300,200/max/0/default.png", image.Rect(0, 0, 300, 200), 300, 200, "full/max/0/default.png"},
		{"pct:41.6,7.5,40,70/max/0/default.jpg", image.Rect(125, 15, 245, 155), 120, 140, "125,15,120,140/max/0/default.jpg"},
		{"pct:41.6,7.5,66.6,100/max/0/default.jpg", image.Rect(125, 15, 300, 200), 175, 185, "125,15,175,185/max/0/default.jpg"},
		{"pct:0,0,100,100/max/0/default.jpg", image.Rect(0, 0, 300, 200), 300, 200, "full/max/0/default.jpg"},
		// size
		{"full/150,/0/default.jpg", image.Rect(0, 0, 300, 200), 150, 100, "full/150,100/0/default.jpg"},
		{"full/,150/0/default.jpg", image.Rect(0, 0, 300, 200), 225, 150, "full/225,150/0/default.jpg"},
		{"full/pct:50/0/default.jpg", image.Rect(0, 0, 300, 200), 150, 100, "full/150,100/0/default.jpg"},
		{"full/225,100/0/default.jpg", image.Rect(0, 0, 300, 200), 225, 100, "full/225,100/0/default.jpg"},
		{"full/!225,100/0/default.jpg", image.Rect(0, 0, 300, 200), 150, 100, "full/150,100/0/default.jpg"},
		{"full/!1000,1000/0/default.jpg", image.Rect(0, 0, 300, 200), 300, 200, "full/max/0/default.jpg"},
		{"full/300,200/0/default.jpg", image.Rect(0, 0, 300, 200), 300, 200, "full/max/0/default.jpg"},
		{"full/^max/0/default.jpg", image.Rect(0, 0, 300, 200), 774, 516, "full/^max/0/default.jpg"},
		{"full/^360,/0/default.jpg", image.Rect(0, 0, 300, 200), 360, 240, "full/^360,240/0/default.jpg"},
		{"full/^,240/0/default.jpg", image.Rect(0, 0, 300, 200), 360, 240, "full/^360,240/0/default.jpg"},
		{"full/^pct:120/0/default.jpg", image.Rect(0, 0, 300, 200), 360, 240, "full/^360,240/0/default.jpg"},
		{"full/^360,360/0/default.jpg", image.Rect(0, 0, 300, 200), 360, 360, "full/^360,360/0/default.jpg"},
		{"full/^!360,360/0/default.jpg", image.Rect(0, 0, 300, 200), 360, 240, "full/^360,240/0/default.jpg"},
		{"full/^150,/0/default.jpg", image.Rect(0, 0, 300, 200), 150, 100, "full/150,100/0/default.jpg"},
		{"full/^max/0/default.jpg", image.Rect(0, 0, 300, 200), 774, 516, "full/^max/0/default.jpg"},
		// A derived side never falls below a pixel.
		{"0,0,300,1/3,/0/default.jpg", image.Rect(0, 0, 300, 1), 3, 1, "0,0,300,1/3,1/0/default.jpg"},
		// rotation, quality, format
		{"full/max/90/gray.png", image.Rect(0, 0, 300, 200), 300, 200, "full/max/90/gray.png"},
		{"full/max/!0/bitonal.jpg", image.Rect(0, 0, 300, 200), 300, 200, "full/max/!0/bitonal.jpg"},
		{"full/max/!270/color.jpg", image.Rect(0, 0, 300, 200), 300, 200, "full/max/!270/color.jpg"},
		{"full/max/360/default.jpg", image.Rect(0, 0, 300, 200), 300, 200, "full/max/0/default.jpg"},
		{"full/max/180.0/default.jpg", image.Rect(0, 0, 300, 200), 300, 200, "full/max/180/default.jpg"},
	} {
		req, err := Parse(tc.path)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.path, err)
			continue
		}
		p, err := req.Resolve(300, 200, testLimits)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tc.path, err)
			continue
		}
		if p.Source != tc.region || p.Width != tc.w || p.Height != tc.h {
			t.Errorf("%q: region %v size %d×%d, want %v %d×%d", tc.path, p.Source, p.Width, p.Height, tc.region, tc.w, tc.h)
		}
		if got := p.Canonical(); got != tc.canonical {
			t.Errorf("%q: canonical %q, want %q", tc.path, got, tc.canonical)
		}
	}
}

// Max within the limits: a large image's max is confined to them, and so
// is a fit; explicit sizes over them are refused.
func TestLimits(t *testing.T) {
	lim := Limits{MaxWidth: 2000, MaxHeight: 2000, MaxArea: 1_000_000}
	for _, tc := range []struct {
		path string
		w, h int
	}{
		{"full/max/0/default.jpg", 840, 1189},
		{"full/!5000,5000/0/default.jpg", 840, 1189},
		{"full/pct:10/0/default.jpg", 248, 351},
		{"full/^max/0/default.jpg", 840, 1189},
	} {
		req, err := Parse(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := req.Resolve(2480, 3508, lim)
		if err != nil {
			t.Errorf("%q: %v", tc.path, err)
			continue
		}
		if p.Width != tc.w || p.Height != tc.h {
			t.Errorf("%q: %d×%d, want %d×%d", tc.path, p.Width, p.Height, tc.w, tc.h)
		}
		if area := int64(p.Width) * int64(p.Height); area > lim.MaxArea {
			t.Errorf("%q: area %d over the limit", tc.path, area)
		}
	}
	req, _ := Parse("full/max/0/default.jpg")
	p, _ := req.Resolve(2480, 3508, lim)
	if got := p.Canonical(); got != "full/max/0/default.jpg" {
		t.Errorf("confined max: canonical %q", got)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		path, param, reason string
	}{
		{"full/max/0", "path", "four segments"},
		{"full/max/0/default.jpg/x", "path", "four segments"},
		{"half/max/0/default.jpg", "region", "want full"},
		{"1,2,3/max/0/default.jpg", "region", "4 numbers"},
		{"-1,0,10,10/max/0/default.jpg", "region", "whole number"},
		{"0,0,0,10/max/0/default.jpg", "region", "more than zero"},
		{"0,0,10,0/max/0/default.jpg", "region", "more than zero"},
		{"300,0,10,10/max/0/default.jpg", "region", "outside the image"},
		{"0,200,10,10/max/0/default.jpg", "region", "outside the image"},
		{"pct:0,0,0,10/max/0/default.jpg", "region", "more than zero"},
		{"pct:100,0,10,10/max/0/default.jpg", "region", "outside the image"},
		{"pct:+1,0,10,10/max/0/default.jpg", "region", "decimal"},
		{"pct:1e2,0,10,10/max/0/default.jpg", "region", "decimal"},
		{"pct:1.,0,10,10/max/0/default.jpg", "region", "decimal"},
		{"1.5,0,10,10/max/0/default.jpg", "region", "whole number"},
		{"9999999999,0,1,1/max/0/default.jpg", "region", "whole number"},
		{"full/full/0/default.jpg", "size", "want max"},
		{"full/301,/0/default.jpg", "size", "write ^301,"},
		{"full/,201/0/default.jpg", "size", "larger than the region"},
		{"full/301,200/0/default.jpg", "size", "larger than the region"},
		{"full/pct:101/0/default.jpg", "size", "upscale"},
		{"full/pct:0/0/default.jpg", "size", "more than zero"},
		{"full/0,/0/default.jpg", "size", "more than zero"},
		{"full/,/0/default.jpg", "size", "a width, a height"},
		{"full/!100,/0/default.jpg", "size", "both"},
		{"full/1,2,3/0/default.jpg", "size", "want max"},
		{"full/^1001,/0/default.jpg", "size", "over the server's limits"},
		{"full/^1000,801/0/default.jpg", "size", "over the server's limits"},
		{"full/^900,700/0/default.jpg", "size", "over the server's limits"},
		{"full/max/45/default.jpg", "rotation", "multiples of 90"},
		{"full/max/22.5/default.jpg", "rotation", "multiples of 90"},
		{"full/max/361/default.jpg", "rotation", "0 to 360"},
		{"full/max/-90/default.jpg", "rotation", "decimal"},
		{"full/max/!/default.jpg", "rotation", "decimal"},
		{"full/max/!!90/default.jpg", "rotation", "decimal"},
		{"full/max/0/best.jpg", "quality", "want default"},
		{"full/max/0/default", "quality", "{quality}.{format}"},
		{"full/max/0/default.webp", "format", "not offered"},
		{"full/max/0/default.bmp", "format", "want jpg or png"},
		{"full/max/0/default.jpg.png", "format", "want jpg or png"},
	} {
		req, err := Parse(tc.path)
		if err == nil {
			_, err = req.Resolve(300, 200, testLimits)
		}
		var pe *ParamError
		if !errors.As(err, &pe) {
			t.Errorf("%q: error %v, want a *ParamError", tc.path, err)
			continue
		}
		if pe.Param != tc.param || !strings.Contains(pe.Reason, tc.reason) {
			t.Errorf("%q: %s: %q, want %s: …%s…", tc.path, pe.Param, pe.Reason, tc.param, tc.reason)
		}
	}
}

// The canonical form of a request is a request for the same image: parsed
// and resolved again, it gives the same pixels and is its own canonical
// form.
func TestCanonicalRoundTrip(t *testing.T) {
	for _, path := range []string{
		"square/pct:50/!90/gray.png", "pct:10.5,20,30,40/^!500,500/180/default.jpg",
		"10,10,50,50/^max/270/bitonal.png", "full/^pct:150/0/color.jpg", "full/!50,50/!0/default.jpg",
	} {
		checkRoundTrip(t, path, 300, 200, testLimits)
	}
}

func checkRoundTrip(t *testing.T, path string, w, h int, lim Limits) {
	t.Helper()
	req, err := Parse(path)
	if err != nil {
		return
	}
	p, err := req.Resolve(w, h, lim)
	if err != nil {
		return
	}
	canon := p.Canonical()
	req2, err := Parse(canon)
	if err != nil {
		t.Fatalf("%q: canonical %q does not parse: %v", path, canon, err)
	}
	p2, err := req2.Resolve(w, h, lim)
	if err != nil {
		t.Fatalf("%q: canonical %q does not resolve: %v", path, canon, err)
	}
	if p2.Source != p.Source || p2.Width != p.Width || p2.Height != p.Height || p2.Mirror != p.Mirror ||
		p2.Rotation != p.Rotation || p2.Quality != p.Quality || p2.Format != p.Format {
		t.Fatalf("%q: canonical %q resolves to %+v, not %+v", path, canon, p2, p)
	}
	if c2 := p2.Canonical(); c2 != canon {
		t.Fatalf("%q: canonical %q has canonical %q", path, canon, c2)
	}
}
