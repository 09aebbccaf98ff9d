package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"fond/internal/iiif/imageapi"
	"fond/internal/iiif/presentation"
	"fond/internal/ingest/scan"
	"fond/internal/record"
)

// The pages of a scanned original are served through the IIIF Image API (deep
// zoom, any region and size) and described by a IIIF manifest, so any IIIF
// viewer can show them; the document page shows them as plain linked pictures.
// Records are gated as everywhere (visibleRecord): a draft's scan is a 404.

// iiifState is made on first use: a server that never shows a scan makes no
// cache folder.
type iiifState struct {
	once  sync.Once
	svc   *imageapi.Service
	err   error
	mu    sync.Mutex
	pages map[string]pages  // what each original's page images are, by checksum
	pngs  map[string][]byte // rendered PDF pages by checksum/page
	size  int64             // bytes in pngs
}

// maxRenderedPages bounds the rendered PDF pages kept in memory (each is read
// again on every tile the decoded-page cache has let go).
const maxRenderedPages = 128 << 20

func (s *Server) imageService() (*imageapi.Service, error) {
	st := &s.iiif
	st.once.Do(func() {
		dir := s.Limits.IIIFCacheDir
		if dir == "" {
			base, err := os.UserCacheDir()
			if err != nil {
				base = os.TempDir()
			}
			dir = filepath.Join(base, "fond", "iiif")
		}
		tiles, err := imageapi.OpenTileCache(dir, s.Limits.IIIFCacheBytes)
		if err != nil {
			st.err = fmt.Errorf("IIIF tile cache %s: %w", dir, err)
			return
		}
		st.svc = imageapi.NewService(tiles)
	})
	return st.svc, st.err
}

// pages is what the page images need to know of an original, kept by
// checksum so that a tile, a manifest or a document page does not read the
// whole original from the store to learn it again.
type pages struct {
	n   int  // page images: a PDF's pages, 1 for an image, 0 for anything else
	pdf bool // pages are rendered from a PDF, not the original itself
}

// pageCount says how many page images a record's original has.
func (s *Server) pageCount(ctx context.Context, rec record.Record) (pages, error) {
	st := &s.iiif
	st.mu.Lock()
	p, ok := st.pages[rec.Checksum]
	st.mu.Unlock()
	if ok {
		return p, nil
	}
	o, err := s.store.Original(ctx, rec.Checksum)
	if err != nil {
		return pages{}, err
	}
	switch scan.Kind(o.Data) {
	case "image":
		p = pages{n: 1}
	case "pdf":
		n, err := s.Scan.PageCount(ctx, o.Data)
		if err != nil {
			return pages{}, err
		}
		p = pages{n: n, pdf: true}
	}
	st.mu.Lock()
	if st.pages == nil || len(st.pages) > 4096 {
		st.pages = map[string]pages{} // past this, counting again is cheaper than keeping
	}
	st.pages[rec.Checksum] = p
	st.mu.Unlock()
	return p, nil
}

// pageSource is page n of the record's original as an image source. The
// original is read only when the image service must decode or render it: a
// tile on disk, or a header already known, needs none of it.
func (s *Server) pageSource(ctx context.Context, rec record.Record, n int) (imageapi.Source, error) {
	p, err := s.pageCount(ctx, rec)
	if err != nil {
		return imageapi.Source{}, err
	}
	if n < 1 || n > p.n {
		return imageapi.Source{}, errNoPage
	}
	key := rec.Checksum + "/" + strconv.Itoa(n)
	original := func() ([]byte, error) {
		o, err := s.store.Original(ctx, rec.Checksum)
		return o.Data, err
	}
	if !p.pdf {
		return imageapi.Source{Key: key, Open: func() (io.ReadSeekCloser, error) {
			data, err := original()
			return nopCloser{bytes.NewReader(data)}, err
		}}, nil
	}
	st := &s.iiif
	open := func() (io.ReadSeekCloser, error) {
		st.mu.Lock()
		png, ok := st.pngs[key]
		st.mu.Unlock()
		if !ok {
			data, err := original()
			if err != nil {
				return nil, err
			}
			// The request's context: a reader who leaves stops the rendering.
			if png, err = s.Scan.RenderPage(ctx, data, n); err != nil {
				return nil, err
			}
			st.mu.Lock()
			if st.pngs == nil || st.size+int64(len(png)) > maxRenderedPages {
				st.pngs, st.size = map[string][]byte{}, 0
			}
			st.pngs[key] = png
			st.size += int64(len(png))
			st.mu.Unlock()
		}
		return nopCloser{bytes.NewReader(png)}, nil
	}
	return imageapi.Source{Key: key, Open: open}, nil
}

var errNoPage = errors.New("no such page")

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// iiifPage resolves the record and page of an image request, answering the
// request itself when it cannot.
func (s *Server) iiifPage(w http.ResponseWriter, r *http.Request) (*imageapi.Service, imageapi.Source, string, bool) {
	rec, ok := s.visibleRecord(w, r, r.PathValue("id"))
	if !ok {
		return nil, imageapi.Source{}, "", false
	}
	svc, err := s.imageService()
	if err != nil {
		s.serverError(w, err)
		return nil, imageapi.Source{}, "", false
	}
	n, err := strconv.Atoi(r.PathValue("page"))
	if err != nil {
		n = 0
	}
	src, err := s.pageSource(r.Context(), rec, n)
	if errors.Is(err, errNoPage) {
		s.notFound(w, "notfound.page.of", r.PathValue("page"), rec.ID)
		return nil, imageapi.Source{}, "", false
	}
	if err != nil {
		s.serverError(w, err)
		return nil, imageapi.Source{}, "", false
	}
	id := s.baseURL(r) + "/iiif/image/" + url.PathEscape(rec.ID) + "/" + strconv.Itoa(n)
	w.Header().Set("Access-Control-Allow-Origin", "*") // IIIF level 2: any viewer may load it
	return svc, src, id, true
}

func (s *Server) handleIIIFBase(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Path+"/info.json", http.StatusSeeOther)
}

func (s *Server) handleIIIFInfo(w http.ResponseWriter, r *http.Request) {
	svc, src, id, ok := s.iiifPage(w, r)
	if !ok {
		return
	}
	info, err := svc.Info(src, id)
	if err != nil {
		s.serverError(w, err)
		return
	}
	w.Header().Set("Content-Type", `application/ld+json;profile="http://iiif.io/api/image/3/context.json"`)
	json.NewEncoder(w).Encode(info)
}

func (s *Server) handleIIIFImage(w http.ResponseWriter, r *http.Request) {
	svc, src, id, ok := s.iiifPage(w, r)
	if !ok {
		return
	}
	params := r.PathValue("region") + "/" + r.PathValue("size") + "/" + r.PathValue("rotation") + "/" + r.PathValue("file")
	res, err := svc.Image(r.Context(), src, params)
	var perr *imageapi.ParamError
	switch {
	case errors.As(err, &perr):
		http.Error(w, perr.Error(), http.StatusBadRequest)
		return
	case errors.Is(err, imageapi.ErrTooLarge):
		s.rejected("image")
		http.Error(w, "this page image is larger than the archive serves", http.StatusRequestEntityTooLarge)
		return
	case err != nil:
		s.serverError(w, err)
		return
	}
	w.Header().Set("Content-Type", res.ContentType)
	w.Header().Set("Link", "<"+id+"/"+res.Canonical+`>;rel="canonical"`)
	w.Write(res.Data)
}

// handleIIIFManifest describes a record's page images as a IIIF Presentation
// 3.0 manifest, with its date, archival reference and translator, and links
// to its page, TEI and citation.
func (s *Server) handleIIIFManifest(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.visibleRecord(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	svc, err := s.imageService()
	if err != nil {
		s.serverError(w, err)
		return
	}
	p, err := s.pageCount(r.Context(), rec)
	if err != nil {
		s.serverError(w, err)
		return
	}
	n := p.n
	if n == 0 {
		s.notFound(w, "notfound.images", rec.ID)
		return
	}
	base := s.baseURL(r)
	doc := base + "/documents/" + url.PathEscape(rec.ID)
	spec := presentation.ManifestSpec{Description: presentation.Description{
		ID: base + "/iiif/" + url.PathEscape(rec.ID) + "/manifest", Label: rec.Title, Summary: rec.Summary, Language: "en",
		Homepage: &presentation.Link{ID: doc, Type: "Text", Label: rec.Title, Format: "text/html"},
	}, SeeAlso: []presentation.Link{{ID: doc + "/tei", Type: "Dataset", Label: "TEI P5", Format: "application/tei+xml"},
		{ID: doc + "/cite/ris", Type: "Dataset", Label: "RIS citation", Format: "application/x-research-info-systems"}}}
	if d := dateText(rec.Date); rec.Date.EDTF != "" {
		spec.Metadata = append(spec.Metadata, presentation.Pair{Label: "Date", Value: d})
	}
	for _, src := range rec.Sources {
		if src.Reference != "" {
			spec.Metadata = append(spec.Metadata, presentation.Pair{Label: "Archival reference", Value: src.Reference})
		}
	}
	for _, t := range rec.Translators {
		spec.Metadata = append(spec.Metadata, presentation.Pair{Label: "Translator", Value: t})
	}
	if rec.Rights != "" {
		spec.RequiredStatement = &presentation.Pair{Label: "Rights", Value: rec.Rights}
	}
	for i := 1; i <= n; i++ {
		src, err := s.pageSource(r.Context(), rec, i)
		if err != nil {
			s.serverError(w, err)
			return
		}
		hd, err := svc.Header(src)
		if err != nil {
			s.serverError(w, err)
			return
		}
		spec.Canvases = append(spec.Canvases, presentation.CanvasSpec{
			ID: canvasID(base, rec.ID, i), Label: strconv.Itoa(i),
			Width: hd.Width, Height: hd.Height, ImageService: base + "/iiif/image/" + url.PathEscape(rec.ID) + "/" + strconv.Itoa(i),
			Lines: canvasLines(rec, i, hd.Width, hd.Height),
		})
	}
	if len(rec.Pages) > 0 {
		spec.SearchService = base + "/iiif/" + url.PathEscape(rec.ID) + "/search"
		spec.TextLanguage = rec.Languages.Text
	}
	m, err := presentation.NewManifest(spec)
	if err != nil {
		s.serverError(w, err)
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Content-Type", `application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"`)
	json.NewEncoder(w).Encode(m)
}

func canvasID(base, id string, page int) string {
	return base + "/iiif/" + url.PathEscape(id) + "/canvas/" + strconv.Itoa(page)
}

// canvasLines are page n's lines of text with their boxes scaled to the
// canvas: boxes are measured on the image OCR read, which is the served
// image today, but a canvas is whatever size the image service says.
func canvasLines(rec record.Record, n, width, height int) []presentation.Line {
	for _, p := range rec.Pages {
		if p.N != n || p.Width <= 0 || p.Height <= 0 {
			continue
		}
		sx, sy := float64(width)/float64(p.Width), float64(height)/float64(p.Height)
		out := make([]presentation.Line, len(p.Lines))
		for i, l := range p.Lines {
			b := l.XYWH
			out[i] = presentation.Line{Text: l.Text, X: int(float64(b[0]) * sx), Y: int(float64(b[1]) * sy),
				W: int(math.Ceil(float64(b[2]) * sx)), H: int(math.Ceil(float64(b[3]) * sy))}
		}
		return out
	}
	return nil
}
