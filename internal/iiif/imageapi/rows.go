package imageapi

import (
	"image"
	"image/color"
)

// rowReader fills dst with one row of the source, x from x0 to x0+n: one
// byte a pixel (luma) when gray, four (premultiplied RGBA) otherwise. One
// reader per source type keeps the per-pixel work of the common types
// (Gray for scans, YCbCr for JPEGs, RGBA/NRGBA for PNGs) out of the
// interface calls of image.Image.At.
type rowReader func(dst []uint8, x0, y, n int)

func luma(r, g, b uint32) uint8 {
	return uint8((19595*r + 38470*g + 7471*b + 1<<15) >> 16)
}

func rows(src image.Image, gray bool) rowReader {
	switch s := src.(type) {
	case *image.Gray:
		if gray {
			return func(dst []uint8, x0, y, n int) {
				i := s.PixOffset(x0, y)
				copy(dst, s.Pix[i:i+n])
			}
		}
		return func(dst []uint8, x0, y, n int) {
			i := s.PixOffset(x0, y)
			for k, v := range s.Pix[i : i+n] {
				dst[4*k], dst[4*k+1], dst[4*k+2], dst[4*k+3] = v, v, v, 0xff
			}
		}
	case *image.YCbCr:
		if gray {
			// The luma plane is the gray image.
			return func(dst []uint8, x0, y, n int) {
				i := s.YOffset(x0, y)
				copy(dst, s.Y[i:i+n])
			}
		}
		return func(dst []uint8, x0, y, n int) {
			for k := range n {
				yi, ci := s.YOffset(x0+k, y), s.COffset(x0+k, y)
				r, g, b := color.YCbCrToRGB(s.Y[yi], s.Cb[ci], s.Cr[ci])
				dst[4*k], dst[4*k+1], dst[4*k+2], dst[4*k+3] = r, g, b, 0xff
			}
		}
	case *image.RGBA:
		if gray {
			return func(dst []uint8, x0, y, n int) {
				p := s.Pix[s.PixOffset(x0, y):]
				for k := range n {
					dst[k] = luma(uint32(p[4*k]), uint32(p[4*k+1]), uint32(p[4*k+2]))
				}
			}
		}
		return func(dst []uint8, x0, y, n int) {
			i := s.PixOffset(x0, y)
			copy(dst, s.Pix[i:i+4*n])
		}
	case *image.NRGBA:
		return func(dst []uint8, x0, y, n int) {
			p := s.Pix[s.PixOffset(x0, y):]
			for k := range n {
				a := uint32(p[4*k+3])
				r, g, b := uint32(p[4*k])*a/0xff, uint32(p[4*k+1])*a/0xff, uint32(p[4*k+2])*a/0xff
				if gray {
					dst[k] = luma(r, g, b)
				} else {
					dst[4*k], dst[4*k+1], dst[4*k+2], dst[4*k+3] = uint8(r), uint8(g), uint8(b), uint8(a)
				}
			}
		}
	}
	return func(dst []uint8, x0, y, n int) {
		for k := range n {
			r, g, b, a := src.At(x0+k, y).RGBA()
			if gray {
				dst[k] = luma(r>>8, g>>8, b>>8)
			} else {
				dst[4*k], dst[4*k+1], dst[4*k+2], dst[4*k+3] = uint8(r>>8), uint8(g>>8), uint8(b>>8), uint8(a>>8)
			}
		}
	}
}

// isGray says the source has no colour to keep.
func isGray(src image.Image) bool {
	switch src.(type) {
	case *image.Gray, *image.Gray16:
		return true
	}
	return false
}
