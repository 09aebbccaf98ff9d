package imageapi

import (
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/draw"
)

// Render applies a resolved request to the decoded full image: region, then
// size, then mirroring and rotation, then quality, the specification's
// order. It stops, returning ctx's error, when ctx is done.
func Render(ctx context.Context, src image.Image, p Plan) (image.Image, error) {
	if b := src.Bounds(); b.Dx() != p.full.X || b.Dy() != p.full.Y {
		return nil, fmt.Errorf("iiif: the image is %d×%d, the request was resolved for %d×%d", b.Dx(), b.Dy(), p.full.X, p.full.Y)
	}
	gray := isGray(src) || p.Quality == QualityGray || p.Quality == QualityBitonal
	r := p.Source.Add(src.Bounds().Min)
	// A large reduction is first a box average by whole factors, which reads
	// every source pixel once and is cheap, then a Catmull-Rom resampling of
	// less than a factor of two, whose cost grows with the square of the
	// reduction if given it whole.
	kx, ky := max(1, r.Dx()/p.Width), max(1, r.Dy()/p.Height)
	img, err := box(ctx, src, r, kx, ky, gray)
	if err != nil {
		return nil, err
	}
	if b := img.Bounds(); b.Dx() != p.Width || b.Dy() != p.Height {
		dst := newLike(img, p.Width, p.Height)
		var scaler draw.Scaler = draw.CatmullRom
		if int64(p.Width)*int64(p.Height) > 4_000_000 {
			// Large outputs (full pages upscaled) would take seconds with
			// Catmull-Rom; bilinear is an order of magnitude faster.
			scaler = draw.ApproxBiLinear
		}
		scaler.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		img = dst
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if img, err = orient(ctx, img, p.Mirror, p.Rotation); err != nil {
		return nil, err
	}
	if p.Quality == QualityBitonal {
		threshold(img.(*image.Gray))
	}
	return img, nil
}

func newLike(img image.Image, w, h int) draw.Image {
	if _, ok := img.(*image.Gray); ok {
		return image.NewGray(image.Rect(0, 0, w, h))
	}
	return image.NewRGBA(image.Rect(0, 0, w, h))
}

// box copies region r of src into a new Gray or RGBA image at the origin,
// averaging each kx×ky block into one pixel (the last blocks of a row or
// column may be partial).
func box(ctx context.Context, src image.Image, r image.Rectangle, kx, ky int, gray bool) (image.Image, error) {
	ow, oh := (r.Dx()+kx-1)/kx, (r.Dy()+ky-1)/ky
	bpp := 4
	var out draw.Image
	var pix []uint8
	var stride int
	if gray {
		g := image.NewGray(image.Rect(0, 0, ow, oh))
		out, pix, stride, bpp = g, g.Pix, g.Stride, 1
	} else {
		c := image.NewRGBA(image.Rect(0, 0, ow, oh))
		out, pix, stride = c, c.Pix, c.Stride
	}
	read := rows(src, gray)
	row := make([]uint8, r.Dx()*bpp)
	if kx == 1 && ky == 1 {
		for y := range oh {
			if y%64 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			read(pix[y*stride:y*stride+ow*bpp], r.Min.X, r.Min.Y+y, r.Dx())
		}
		return out, nil
	}
	sums := make([]uint32, ow*bpp)
	for oy := range oh {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		clear(sums)
		y0, y1 := r.Min.Y+oy*ky, min(r.Min.Y+(oy+1)*ky, r.Max.Y)
		for y := y0; y < y1; y++ {
			read(row, r.Min.X, y, r.Dx())
			for ox := range ow {
				block := row[ox*kx*bpp : min((ox+1)*kx, r.Dx())*bpp]
				if bpp == 1 {
					var s uint32
					for _, v := range block {
						s += uint32(v)
					}
					sums[ox] += s
					continue
				}
				o := sums[ox*4 : ox*4+4]
				for i := 0; i+3 < len(block); i += 4 {
					o[0] += uint32(block[i])
					o[1] += uint32(block[i+1])
					o[2] += uint32(block[i+2])
					o[3] += uint32(block[i+3])
				}
			}
		}
		line := pix[oy*stride:]
		rowsIn := uint32(y1 - y0)
		for ox := range ow {
			n := uint32(min(kx, r.Dx()-ox*kx)) * rowsIn
			for c := range bpp {
				line[ox*bpp+c] = uint8((sums[ox*bpp+c] + n/2) / n)
			}
		}
	}
	return out, nil
}

// orient mirrors (on the vertical axis) and then rotates clockwise by a
// multiple of 90 degrees.
func orient(ctx context.Context, img image.Image, mirror bool, degrees int) (image.Image, error) {
	if !mirror && degrees == 0 {
		return img, nil
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if degrees == 90 || degrees == 270 {
		ow, oh = h, w
	}
	var src, dst []uint8
	var sstride, dstride, bpp int
	var out image.Image
	switch s := img.(type) {
	case *image.Gray:
		d := image.NewGray(image.Rect(0, 0, ow, oh))
		src, sstride, dst, dstride, bpp, out = s.Pix, s.Stride, d.Pix, d.Stride, 1, d
	case *image.RGBA:
		d := image.NewRGBA(image.Rect(0, 0, ow, oh))
		src, sstride, dst, dstride, bpp, out = s.Pix, s.Stride, d.Pix, d.Stride, 4, d
	default:
		return nil, fmt.Errorf("iiif: cannot rotate a %T", img)
	}
	for y := range h {
		if y%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for x := range w {
			mx := x
			if mirror {
				mx = w - 1 - x
			}
			// (mx, y) of the mirrored image goes to (dx, dy) after rotation.
			var dx, dy int
			switch degrees {
			case 0:
				dx, dy = mx, y
			case 90:
				dx, dy = h-1-y, mx
			case 180:
				dx, dy = w-1-mx, h-1-y
			case 270:
				dx, dy = y, w-1-mx
			}
			copy(dst[dy*dstride+dx*bpp:dy*dstride+dx*bpp+bpp], src[y*sstride+x*bpp:y*sstride+x*bpp+bpp])
		}
	}
	return out, nil
}

func threshold(g *image.Gray) {
	for i, v := range g.Pix {
		if v < 128 {
			g.Pix[i] = 0
		} else {
			g.Pix[i] = 0xff
		}
	}
}

// Encode writes img as JPEG or PNG.
func Encode(w io.Writer, img image.Image, f Format) error {
	var err error
	switch f {
	case JPEG:
		err = jpeg.Encode(w, img, &jpeg.Options{Quality: 85})
	case PNG:
		// Rendered images go to the disk cache; the fastest compression
		// keeps a cold tile quick and costs a little disk.
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		err = enc.Encode(w, img)
	default:
		err = fmt.Errorf("format %q", f)
	}
	if err != nil {
		return fmt.Errorf("iiif: encoding %s: %w", f, err)
	}
	return nil
}
