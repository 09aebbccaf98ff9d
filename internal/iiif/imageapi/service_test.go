package imageapi

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"io"
	"sync"
	"sync/atomic"
	"testing"
)

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// memSource serves encoded bytes and counts how often they are opened.
func memSource(key string, data []byte, opens *atomic.Int32) Source {
	return Source{Key: key, Open: func() (io.ReadSeekCloser, error) {
		if opens != nil {
			opens.Add(1)
		}
		return nopCloser{bytes.NewReader(data)}, nil
	}}
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestServiceImage(t *testing.T) {
	tiles, err := OpenTileCache(t.TempDir(), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	s := NewService(tiles)
	var opens atomic.Int32
	src := memSource("sha256:q", encodePNG(t, quadrants()), &opens)
	ctx := context.Background()

	first, err := s.Image(ctx, src, "full/max/90/default.png")
	if err != nil {
		t.Fatal(err)
	}
	if first.Cached || first.ContentType != "image/png" || first.Canonical != "full/max/90/default.png" {
		t.Errorf("first answer: cached %v, %s, %s", first.Cached, first.ContentType, first.Canonical)
	}
	img, err := png.Decode(bytes.NewReader(first.Data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 100 || b.Dy() != 200 {
		t.Errorf("rotated %v", b)
	}
	// Another spelling of the same request is the same tile, from the cache.
	again, err := s.Image(ctx, src, "0,0,200,100/200,/90/default.png")
	if err != nil {
		t.Fatal(err)
	}
	if !again.Cached || !bytes.Equal(again.Data, first.Data) {
		t.Errorf("equivalent request: cached %v, same bytes %v", again.Cached, bytes.Equal(again.Data, first.Data))
	}
	// Header once, decoding once.
	if n := opens.Load(); n != 2 {
		t.Errorf("source opened %d times, want 2 (header, decoding)", n)
	}
	// A changed original has another key and never gets the old tile.
	changed := memSource("sha256:q2", encodePNG(t, image.NewGray(image.Rect(0, 0, 200, 100))), nil)
	if res, err := s.Image(ctx, changed, "full/max/90/default.png"); err != nil || res.Cached {
		t.Errorf("another source: cached %v, %v", res != nil && res.Cached, err)
	}

	var pe *ParamError
	if _, err := s.Image(ctx, src, "full/400,/0/default.png"); !errors.As(err, &pe) || pe.Param != "size" {
		t.Errorf("upscaling without ^: %v", err)
	}
	info, err := s.Info(src, "https://x.example/iiif/q")
	if err != nil || info.Width != 200 || info.Height != 100 || info.ExtraQualities[0] != "color" {
		t.Errorf("info %+v, %v", info, err)
	}
	if info, _ := s.Info(changed, "https://x.example/iiif/q2"); info.ExtraQualities[0] != "gray" {
		t.Errorf("a gray PNG's qualities: %v", info.ExtraQualities)
	}
}

func TestServiceLimits(t *testing.T) {
	s := NewService(nil)
	s.Limits.MaxSourcePixels = 10_000
	src := memSource("big", encodePNG(t, image.NewGray(image.Rect(0, 0, 200, 100))), nil)
	if _, err := s.Image(context.Background(), src, "full/max/0/default.jpg"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("source over the pixel limit: %v", err)
	}
	bad := memSource("bad", []byte("not an image"), nil)
	if _, err := s.Image(context.Background(), bad, "full/max/0/default.jpg"); err == nil {
		t.Error("garbage decoded")
	}
}

// A viewer asks for many tiles of a page at once: the page is decoded once,
// and renders wait their turn or their context.
func TestServiceConcurrent(t *testing.T) {
	s := NewService(nil)
	s.Renders = 1
	var opens atomic.Int32
	src := memSource("page", encodePNG(t, quadrants()), &opens)
	var wg sync.WaitGroup
	for _, p := range []string{"0,0,100,50/max/0/default.jpg", "100,0,100,50/max/0/default.jpg", "0,50,100,50/max/0/default.jpg",
		"100,50,100,50/max/0/default.jpg", "full/50,/0/default.jpg", "full/max/0/gray.png"} {
		wg.Go(func() {
			if _, err := s.Image(context.Background(), src, p); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := opens.Load(); n > 2 {
		t.Errorf("opened %d times for six tiles", n)
	}
	s.sem <- struct{}{} // every render slot taken
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Image(ctx, src, "full/40,/0/default.jpg"); !errors.Is(err, context.Canceled) {
		t.Errorf("waiting for a render slot with a cancelled context: %v", err)
	}
	<-s.sem
}

func TestSourceCacheBound(t *testing.T) {
	c := NewSourceCache(25_000)
	for i := range 4 {
		c.Get(string(rune('a'+i)), func() (image.Image, error) { return image.NewGray(image.Rect(0, 0, 100, 100)), nil })
	}
	if c.size > 25_000 || len(c.byKey) != 2 {
		t.Errorf("%d bytes in %d images, want 2 images within 25000", c.size, len(c.byKey))
	}
	if _, ok := c.byKey["a"]; ok {
		t.Error("the oldest image kept")
	}
	_, err := c.Get("e", func() (image.Image, error) { return nil, errors.New("broken") })
	if err == nil || len(c.byKey) != 2 {
		t.Errorf("a failed load: %v, %d kept", err, len(c.byKey))
	}
}
