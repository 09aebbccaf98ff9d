package imageapi

import (
	"container/list"
	"image"
	"sync"
)

// SourceCache keeps the last decoded images in memory, bounded by their
// pixel bytes: a viewer opening a page asks for a dozen tiles at once, and
// decoding a 300-dpi A4 PNG costs more than rendering all of them. Loads of
// one key in flight at the same time are done once.
type SourceCache struct {
	max int64

	mu       sync.Mutex
	size     int64
	lru      *list.List // of *sourceEntry, most recent first
	byKey    map[string]*list.Element
	inflight map[string]*load
}

type sourceEntry struct {
	key  string
	img  image.Image
	size int64
}

type load struct {
	done chan struct{}
	img  image.Image
	err  error
}

// NewSourceCache keeps up to maxBytes of decoded pixels (an A4 page at 300
// dpi is 8.7 MB in gray, 13 MB as a colour JPEG decodes).
func NewSourceCache(maxBytes int64) *SourceCache {
	return &SourceCache{max: maxBytes, lru: list.New(), byKey: map[string]*list.Element{}, inflight: map[string]*load{}}
}

// Get returns the image for key, calling decode when it is not kept (once,
// however many callers wait for it). Errors are not kept.
func (c *SourceCache) Get(key string, decode func() (image.Image, error)) (image.Image, error) {
	c.mu.Lock()
	if el, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(el)
		c.mu.Unlock()
		return el.Value.(*sourceEntry).img, nil
	}
	if l, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-l.done
		return l.img, l.err
	}
	l := &load{done: make(chan struct{})}
	c.inflight[key] = l
	c.mu.Unlock()

	l.img, l.err = decode()
	if l.err == nil {
		l.img = compact(l.img)
	}

	c.mu.Lock()
	delete(c.inflight, key)
	if l.err == nil {
		c.add(key, l.img)
	}
	c.mu.Unlock()
	close(l.done)
	return l.img, l.err
}

func (c *SourceCache) add(key string, img image.Image) {
	e := &sourceEntry{key: key, img: img, size: pixelBytes(img)}
	if e.size > c.max {
		return
	}
	c.byKey[key] = c.lru.PushFront(e)
	c.size += e.size
	for c.size > c.max {
		last := c.lru.Back()
		old := last.Value.(*sourceEntry)
		c.lru.Remove(last)
		delete(c.byKey, old.key)
		c.size -= old.size
	}
}

func pixelBytes(img image.Image) int64 {
	b := img.Bounds()
	px := int64(b.Dx()) * int64(b.Dy())
	switch s := img.(type) {
	case *image.Gray:
		return px
	case *image.YCbCr:
		return int64(len(s.Y) + len(s.Cb) + len(s.Cr))
	case *image.Gray16:
		return 2 * px
	case *image.RGBA64, *image.NRGBA64:
		return 8 * px
	}
	return 4 * px
}

// compact turns the kinds of image that are slow to read pixel by pixel
// (16-bit gray from TIFF scans, palettes) into Gray or RGBA.
func compact(img image.Image) image.Image {
	b := img.Bounds()
	switch s := img.(type) {
	case *image.Gray, *image.YCbCr, *image.RGBA, *image.NRGBA:
		return img
	case *image.Gray16:
		g := image.NewGray(b)
		for i := range len(g.Pix) {
			y, x := i/b.Dx(), i%b.Dx()
			g.Pix[i] = s.Pix[s.PixOffset(b.Min.X+x, b.Min.Y+y)]
		}
		return g
	}
	gray := true
	if p, ok := img.(*image.Paletted); ok {
		for _, c := range p.Palette {
			r, g, bl, _ := c.RGBA()
			if r != g || g != bl {
				gray = false
				break
			}
		}
	} else {
		gray = false
	}
	if gray {
		g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
		read := rows(img, true)
		for y := range b.Dy() {
			read(g.Pix[y*g.Stride:], b.Min.X, b.Min.Y+y, b.Dx())
		}
		return g
	}
	c := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	read := rows(img, false)
	for y := range b.Dy() {
		read(c.Pix[y*c.Stride:], b.Min.X, b.Min.Y+y, b.Dx())
	}
	return c
}
