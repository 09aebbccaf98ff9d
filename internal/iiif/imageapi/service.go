package imageapi

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"io"
	"sync"
)

// Source is one image the service can answer for.
type Source struct {
	// Key identifies the image's content (its checksum; for a page of a
	// PDF, the PDF's checksum and the page number): it keys both caches,
	// so a changed original never gets an old tile.
	Key string
	// Open reads the encoded image (PNG, JPEG or TIFF) from its start.
	Open func() (io.ReadSeekCloser, error)
}

// Service answers image requests. The zero value works, without caches and
// with no limits; NewService gives the defaults.
type Service struct {
	Limits  Limits
	Tiles   *TileCache   // nil: every request renders
	Sources *SourceCache // nil: every render decodes
	// Renders bounds the requests rendered at once (decoding, scaling,
	// encoding), so that a viewer asking for fifty tiles does not take
	// every core; the others wait, or give up with their context. Zero
	// means no bound.
	Renders int

	once   sync.Once
	sem    chan struct{}
	dimsMu sync.Mutex
	dims   map[string]Header // headers are read once a Key
	// reading holds the header reads in flight, by Key.
	reading map[string]*headerRead
}

// maxDims bounds the sizes remembered; past it they are forgotten all at
// once, which costs a header read each.
const maxDims = 1 << 16

// NewService is a service with DefaultLimits, a source cache of 256 MiB
// and two renders at a time; tiles, when non-nil, is its disk cache.
func NewService(tiles *TileCache) *Service {
	return &Service{Limits: DefaultLimits, Tiles: tiles, Sources: NewSourceCache(256 << 20), Renders: 2}
}

// Result is an answered image request.
type Result struct {
	Data        []byte
	ContentType string
	// Canonical is the request's canonical form, for a Link header
	// (<{id}/{Canonical}>;rel="canonical").
	Canonical string
	Cached    bool
}

// Header reads the image's header (once per Key): requests for one image that
// arrive together (a viewer's first tiles) wait for the one read in flight.
func (s *Service) Header(src Source) (Header, error) {
	s.dimsMu.Lock()
	if hd, ok := s.dims[src.Key]; ok {
		s.dimsMu.Unlock()
		return hd, nil
	}
	if c, ok := s.reading[src.Key]; ok {
		s.dimsMu.Unlock()
		<-c.done
		return c.hd, c.err
	}
	c := &headerRead{done: make(chan struct{})}
	if s.reading == nil {
		s.reading = map[string]*headerRead{}
	}
	s.reading[src.Key] = c
	s.dimsMu.Unlock()

	c.hd, c.err = readHeader(src)
	s.dimsMu.Lock()
	delete(s.reading, src.Key)
	if c.err == nil {
		if s.dims == nil || len(s.dims) >= maxDims {
			s.dims = map[string]Header{}
		}
		s.dims[src.Key] = c.hd
	}
	s.dimsMu.Unlock()
	close(c.done)
	return c.hd, c.err
}

// headerRead is a header being read, for the requests waiting on it.
type headerRead struct {
	done chan struct{}
	hd   Header
	err  error
}

func readHeader(src Source) (Header, error) {
	rc, err := src.Open()
	if err != nil {
		return Header{}, fmt.Errorf("iiif: opening %s: %w", src.Key, err)
	}
	defer rc.Close()
	return ReadHeader(rc)
}

// Info is the image information document for src served at id.
func (s *Service) Info(src Source, id string) (Info, error) {
	hd, err := s.Header(src)
	if err != nil {
		return Info{}, err
	}
	return NewInfo(id, hd.Width, hd.Height, hd.Gray, s.Limits), nil
}

// Image answers "{region}/{size}/{rotation}/{quality}.{format}" for src.
// Errors: *ParamError for the client's request (400); ErrTooLarge (wrapped)
// for a source over the pixel limit; ctx's error when it ends first; others
// for the source's reading or decoding.
func (s *Service) Image(ctx context.Context, src Source, params string) (*Result, error) {
	req, err := Parse(params)
	if err != nil {
		return nil, err
	}
	hd, err := s.Header(src)
	if err != nil {
		return nil, err
	}
	plan, err := req.Resolve(hd.Width, hd.Height, s.Limits)
	if err != nil {
		return nil, err
	}
	canon := plan.Canonical()
	key := src.Key + "/" + canon
	res := &Result{ContentType: req.Format.ContentType(), Canonical: canon}
	if s.Tiles != nil {
		if data, ok := s.Tiles.Get(key); ok {
			res.Data, res.Cached = data, true
			return res, nil
		}
	}
	if err := s.acquire(ctx); err != nil {
		return nil, err
	}
	defer s.release()
	img, err := s.decoded(src)
	if err != nil {
		return nil, err
	}
	out, err := Render(ctx, img, plan)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := Encode(&buf, out, req.Format); err != nil {
		return nil, err
	}
	res.Data = buf.Bytes()
	if s.Tiles != nil {
		// A cache that cannot write only makes the next request slower.
		_ = s.Tiles.Put(key, res.Data)
	}
	return res, nil
}

func (s *Service) decoded(src Source) (image.Image, error) {
	decode := func() (image.Image, error) {
		rc, err := src.Open()
		if err != nil {
			return nil, fmt.Errorf("iiif: opening %s: %w", src.Key, err)
		}
		defer rc.Close()
		return Decode(rc, s.Limits.MaxSourcePixels)
	}
	if s.Sources == nil {
		img, err := decode()
		if err != nil {
			return nil, err
		}
		return compact(img), nil
	}
	return s.Sources.Get(src.Key, decode)
}

func (s *Service) acquire(ctx context.Context) error {
	s.once.Do(func() {
		if s.Renders > 0 {
			s.sem = make(chan struct{}, s.Renders)
		}
	})
	if s.sem == nil {
		return ctx.Err()
	}
	select {
	case s.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Service) release() {
	if s.sem != nil {
		<-s.sem
	}
}
