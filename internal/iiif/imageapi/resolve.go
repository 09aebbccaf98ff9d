package imageapi

import (
	"fmt"
	"image"
	"math"
)

// Limits bound what one request may cost. MaxWidth, MaxHeight and MaxArea
// bound the output and are published in info.json, as the specification
// asks; MaxSourcePixels bounds the image decoded to answer it. Zero means
// no bound.
type Limits struct {
	MaxWidth, MaxHeight int
	MaxArea             int64
	MaxSourcePixels     int64
}

// DefaultLimits fit a 300-dpi A3 scan (3508×4961) at full size, and keep one
// output under 64 MB as RGBA; sources as large as the ingest's pixel limit
// (40 million, an A3 page at 400 dpi with room to spare) are served.
var DefaultLimits = Limits{MaxWidth: 6000, MaxHeight: 6000, MaxArea: 16_000_000, MaxSourcePixels: 40_000_000}

// Plan is a request resolved against an image: the pixels to take, the
// size to scale them to, and the canonical form of the request.
type Plan struct {
	Request
	Source image.Rectangle // in the full image
	Width  int             // after scaling, before rotation
	Height int
	full   image.Point
	lim    Limits
}

// Resolve checks the request against an image of width×height and the
// limits, and works out the region and size in pixels.
func (r Request) Resolve(width, height int, lim Limits) (Plan, error) {
	if width <= 0 || height <= 0 {
		return Plan{}, fmt.Errorf("iiif: image of %d×%d pixels", width, height)
	}
	p := Plan{Request: r, full: image.Pt(width, height), lim: lim}
	var err error
	if p.Source, err = r.Region.pixels(width, height); err != nil {
		return Plan{}, err
	}
	if p.Width, p.Height, err = r.Size.pixels(p.Source.Dx(), p.Source.Dy(), lim); err != nil {
		return Plan{}, err
	}
	return p, nil
}

func (g Region) pixels(width, height int) (image.Rectangle, error) {
	full := image.Rect(0, 0, width, height)
	var r image.Rectangle
	switch g.Kind {
	case RegionFull:
		return full, nil
	case RegionSquare:
		s := min(width, height)
		x, y := (width-s)/2, (height-s)/2
		return image.Rect(x, y, x+s, y+s), nil
	case RegionPixels:
		r = image.Rect(int(g.X), int(g.Y), int(g.X+g.W), int(g.Y+g.H))
	case RegionPercent:
		fx := func(v float64) int { return int(math.Round(v * float64(width) / 100)) }
		fy := func(v float64) int { return int(math.Round(v * float64(height) / 100)) }
		r = image.Rect(fx(g.X), fy(g.Y), fx(g.X+g.W), fy(g.Y+g.H))
	}
	r = r.Intersect(full)
	if r.Empty() {
		return image.Rectangle{}, paramErr("region", g.String(), "outside the image (%d×%d) or less than a pixel", width, height)
	}
	return r, nil
}

// pixels works out the output size for a region of rw×rh.
func (z Size) pixels(rw, rh int, lim Limits) (int, int, error) {
	scale := func(v int, f float64) int { return max(1, int(math.Round(float64(v)*f))) }
	var w, h int
	switch z.Kind {
	case SizeMax:
		if z.Upscale {
			w, h = upscaleMax(rw, rh, lim)
		} else {
			w, h = confine(rw, rh, lim)
		}
		return w, h, nil
	case SizeFit:
		f := math.Min(float64(z.W)/float64(rw), float64(z.H)/float64(rh))
		if !z.Upscale {
			f = math.Min(f, 1)
		}
		w, h = min(z.W, scale(rw, f)), min(z.H, scale(rh, f))
		// "As large as possible but not larger than … server-imposed
		// limits": a fit shrinks to the limits rather than failing.
		w, h = confine(w, h, lim)
		return w, h, nil
	case SizeWidth:
		w, h = z.W, scale(rh, float64(z.W)/float64(rw))
	case SizeHeight:
		w, h = scale(rw, float64(z.H)/float64(rh)), z.H
	case SizePercent:
		w, h = scale(rw, z.Percent/100), scale(rh, z.Percent/100)
	case SizeExact:
		w, h = z.W, z.H
	}
	if !z.Upscale && (w > rw || h > rh) {
		return 0, 0, paramErr("size", z.String(), "%d×%d is larger than the region (%d×%d): write ^%s to upscale", w, h, rw, rh, z.String())
	}
	if over(w, h, lim) {
		return 0, 0, paramErr("size", z.String(), "%d×%d is over the server's limits (%s)", w, h, lim.describe())
	}
	return w, h, nil
}

func over(w, h int, lim Limits) bool {
	return (lim.MaxWidth > 0 && w > lim.MaxWidth) || (lim.maxHeight() > 0 && h > lim.maxHeight()) ||
		(lim.MaxArea > 0 && int64(w)*int64(h) > lim.MaxArea)
}

// maxHeight is MaxHeight, or MaxWidth when only that is set: clients are
// told to infer it so.
func (lim Limits) maxHeight() int {
	if lim.MaxHeight == 0 {
		return lim.MaxWidth
	}
	return lim.MaxHeight
}

func (lim Limits) describe() string {
	return fmt.Sprintf("maxWidth %d, maxHeight %d, maxArea %d", lim.MaxWidth, lim.maxHeight(), lim.MaxArea)
}

// confine shrinks w×h, keeping its aspect ratio, until it is within the
// limits.
func confine(w, h int, lim Limits) (int, int) {
	if !over(w, h, lim) {
		return w, h
	}
	f := 1.0
	if lim.MaxWidth > 0 {
		f = math.Min(f, float64(lim.MaxWidth)/float64(w))
	}
	if mh := lim.maxHeight(); mh > 0 {
		f = math.Min(f, float64(mh)/float64(h))
	}
	if lim.MaxArea > 0 {
		f = math.Min(f, math.Sqrt(float64(lim.MaxArea)/(float64(w)*float64(h))))
	}
	cw, ch := max(1, int(float64(w)*f)), max(1, int(float64(h)*f))
	for over(cw, ch, lim) && (cw > 1 || ch > 1) {
		cw, ch = max(1, cw-1), max(1, int(float64(ch)*float64(cw-1)/float64(cw)))
	}
	return cw, ch
}

// upscaleMax is ^max: the region scaled to the largest size the limits
// allow, or the region's own size when there are none.
func upscaleMax(rw, rh int, lim Limits) (int, int) {
	if lim.MaxWidth == 0 && lim.MaxArea == 0 {
		return rw, rh
	}
	// Scale far up, then confine back down to the limits.
	big := 1 << 20
	f := float64(big) / float64(max(rw, rh))
	return confine(max(1, int(float64(rw)*f)), max(1, int(float64(rh)*f)), lim)
}

func (g Region) String() string {
	switch g.Kind {
	case RegionFull:
		return "full"
	case RegionSquare:
		return "square"
	case RegionPercent:
		return "pct:" + decimal(g.X) + "," + decimal(g.Y) + "," + decimal(g.W) + "," + decimal(g.H)
	}
	return fmt.Sprintf("%d,%d,%d,%d", int(g.X), int(g.Y), int(g.W), int(g.H))
}

func (z Size) String() string {
	s := ""
	if z.Upscale {
		s = "^"
	}
	switch z.Kind {
	case SizeMax:
		return s + "max"
	case SizePercent:
		return s + "pct:" + decimal(z.Percent)
	case SizeWidth:
		return fmt.Sprintf("%s%d,", s, z.W)
	case SizeHeight:
		return fmt.Sprintf("%s,%d", s, z.H)
	case SizeFit:
		s += "!"
	}
	return fmt.Sprintf("%s%d,%d", s, z.W, z.H)
}
