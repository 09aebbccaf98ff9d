package imageapi

import (
	"image"
	"testing"
)

// FuzzParse: any path either fails with a *ParamError or resolves to a
// region inside the image and a size within the limits, whose canonical
// form resolves to the same plan.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"full/max/0/default.jpg", "square/^max/!90/gray.png", "125,15,120,140/90,/!345/gray.jpg",
		"pct:41.6,7.5,40,70/,150/180/bitonal.png", "0,0,1,1/^!5,9/270/color.jpg", "full/^pct:250.5/0/default.png",
		"pct:0.5,0.5,99,99/!1,1/360/default.jpg", "full/max/0/default.webp", "a/b/c/d.e",
	} {
		f.Add(s, uint16(300), uint16(200))
	}
	f.Fuzz(func(t *testing.T, path string, w, h uint16) {
		req, err := Parse(path)
		if err != nil {
			if _, ok := err.(*ParamError); !ok {
				t.Fatalf("%q: error %T", path, err)
			}
			return
		}
		if w == 0 || h == 0 {
			return
		}
		lim := Limits{MaxWidth: 4000, MaxHeight: 3000, MaxArea: 2_000_000}
		p, err := req.Resolve(int(w), int(h), lim)
		if err != nil {
			if _, ok := err.(*ParamError); !ok {
				t.Fatalf("%q: error %T", path, err)
			}
			return
		}
		if !p.Source.In(image.Rect(0, 0, int(w), int(h))) || p.Source.Empty() {
			t.Fatalf("%q on %d×%d: region %v", path, w, h, p.Source)
		}
		if p.Width < 1 || p.Height < 1 || over(p.Width, p.Height, lim) {
			t.Fatalf("%q on %d×%d: size %d×%d", path, w, h, p.Width, p.Height)
		}
		if !req.Size.Upscale && (p.Width > p.Source.Dx() || p.Height > p.Source.Dy()) {
			t.Fatalf("%q: upscaled to %d×%d without ^", path, p.Width, p.Height)
		}
		checkRoundTrip(t, path, int(w), int(h), lim)
	})
}
