package imageapi

import (
	"fmt"
	"image"
	"strconv"
)

// Canonical is the request in the specification's canonical form
// ("{region}/{size}/{rotation}/{quality}.{format}"): the one spelling of
// every request that gives the same image, so it keys the tile cache and
// can go in a Link rel="canonical" header.
func (p Plan) Canonical() string {
	lim := p.lim
	region := "full"
	if p.Source != (image.Rectangle{Max: p.full}) {
		region = fmt.Sprintf("%d,%d,%d,%d", p.Source.Min.X, p.Source.Min.Y, p.Source.Dx(), p.Source.Dy())
	}
	rw, rh := p.Source.Dx(), p.Source.Dy()
	var size string
	mw, mh := confine(rw, rh, lim)
	uw, uh := upscaleMax(rw, rh, lim)
	switch {
	case p.Width == mw && p.Height == mh:
		size = "max"
	case p.Width == uw && p.Height == uh && (uw > rw || uh > rh):
		size = "^max"
	case p.Width > rw || p.Height > rh:
		size = fmt.Sprintf("^%d,%d", p.Width, p.Height)
	default:
		size = fmt.Sprintf("%d,%d", p.Width, p.Height)
	}
	rotation := strconv.Itoa(p.Rotation)
	if p.Mirror {
		rotation = "!" + rotation
	}
	return region + "/" + size + "/" + rotation + "/" + string(p.Quality) + "." + string(p.Format)
}

// decimal writes a float as the specification recommends: no trailing
// zeros, a leading zero below 1, no exponent.
func decimal(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
