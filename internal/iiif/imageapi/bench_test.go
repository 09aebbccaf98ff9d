package imageapi

import (
	"context"
	"fmt"
	"image"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// a4Scan is a 300-dpi A4 page (2480×3508) of typewriter-like text: lines of
// word-shaped clusters of dark specks on white, with a little paper noise,
// so that it compresses like a scan rather than like a blank page.
func a4Scan() *image.Gray {
	const w, h = 2480, 3508
	img := image.NewGray(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(20, 1204))
	for i := range img.Pix {
		img.Pix[i] = 255 - uint8(rng.IntN(12))
	}
	for y := 300; y < h-300; y += 50 { // 50 px: double-spaced typewriting
		for x := 250; x < w-250; {
			word := 40 + rng.IntN(160)
			for yy := y; yy < y+30; yy++ {
				for xx := x; xx < min(x+word, w-250); xx++ {
					if rng.IntN(3) == 0 {
						img.Pix[yy*img.Stride+xx] = uint8(rng.IntN(90))
					}
				}
			}
			x += word + 25
		}
	}
	return img
}

// pyramid lists the tile requests a viewer makes to show every level of an
// image, as info.json's tiles describe them.
func pyramid(w, h int) []string {
	var out []string
	for _, sf := range NewInfo("x", w, h, true, DefaultLimits).Tiles[0].ScaleFactors {
		span := TileSize * sf
		for y := 0; y < h; y += span {
			for x := 0; x < w; x += span {
				rw, rh := min(span, w-x), min(span, h-y)
				out = append(out, fmt.Sprintf("%d,%d,%d,%d/%d,/0/default.jpg", x, y, rw, rh, (rw+sf-1)/sf))
			}
		}
	}
	return out
}

// BenchmarkTile answers 256-pixel JPEG tiles of a 300-dpi A4 scan, every
// tile of every level in turn: cold (the page decoded in memory, each tile
// rendered and encoded) and cached (each read from the disk cache). Besides
// ns/op it reports the 50th and 99th percentiles of single requests. A
// page's first view (PNG decoding, then one tile) costs a hundred times a
// tile: run it apart, with few iterations:
//
//	go test -run '^$' -bench 'Tile/(cold|cached)' -benchtime 2000x ./internal/iiif/imageapi
//	go test -run '^$' -bench 'Tile/first-view' -benchtime 10x ./internal/iiif/imageapi
func BenchmarkTile(b *testing.B) {
	page := encodePNG(b, a4Scan())
	tiles := pyramid(2480, 3508)
	ctx := context.Background()

	run := func(b *testing.B, s *Service, src Source, wantCached bool) {
		lat := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			start := time.Now()
			res, err := s.Image(ctx, src, tiles[i%len(tiles)])
			lat = append(lat, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			if res.Cached != wantCached {
				b.Fatalf("%s: cached %v", tiles[i%len(tiles)], res.Cached)
			}
		}
		b.StopTimer()
		slices.Sort(lat)
		pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
		b.ReportMetric(pct(0.50), "p50-ms")
		b.ReportMetric(pct(0.99), "p99-ms")
	}

	b.Run("cold", func(b *testing.B) {
		s := NewService(nil)
		src := memSource("a4", page, nil)
		if _, err := s.Image(ctx, src, "full/64,/0/default.jpg"); err != nil { // decode the page once
			b.Fatal(err)
		}
		run(b, s, src, false)
	})
	b.Run("cached", func(b *testing.B) {
		cache, err := OpenTileCache(b.TempDir(), 256<<20)
		if err != nil {
			b.Fatal(err)
		}
		s := NewService(cache)
		src := memSource("a4", page, nil)
		for _, t := range tiles {
			if _, err := s.Image(ctx, src, t); err != nil {
				b.Fatal(err)
			}
		}
		run(b, s, src, true)
	})
	b.Run("first-view", func(b *testing.B) {
		// A page no one has opened: header, PNG decoding, one tile.
		for i := 0; b.Loop(); i++ {
			s := NewService(nil)
			if _, err := s.Image(ctx, memSource(fmt.Sprint(i), page, nil), tiles[0]); err != nil {
				b.Fatal(err)
			}
		}
	})
}
