package web

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"fond/internal/record"
)

// A scanned document's page shows each page image beside the lines read
// from it. Without JavaScript the image is a picture linking to the full
// page, and each line links to its region of the page (an Image API
// request by percentages, so the page's served size need not be known);
// static/viewer.js turns the picture into a deep-zoom viewer and a click on
// a line into a highlight of its region.

// maxViewPages bounds the page images a document page lists.
const maxViewPages = 50

// pageThumb is the Image API request for a page's picture on the document
// and side-by-side pages: one size, so the browser fetches it once.
const pageThumb = "/full/!600,600/0/default.jpg"

// pageImage is one page of a scan as the document page shows it.
type pageImage struct {
	N                 int
	Thumb, Full, Info string
	Lines             []pageLine
	Hits              int // lines holding a word searched for (?hl=)
}

// pageLine is a line of a page's text with its region: Box in fractions of
// the page ("x,y,w,h", for the viewer), Region as an Image API request.
type pageLine struct {
	Pieces []piece
	Text   string
	Box    string
	Region string
	Hit    bool
}

// pageImages lists a scanned record's page images for its page, or nil;
// lines holding one of the words (folded, as ?hl= gives them) are hits.
func (s *Server) pageImages(ctx context.Context, rec record.Record, words []string) []pageImage {
	if rec.TextFrom == "" {
		return nil
	}
	p, err := s.pageCount(ctx, rec)
	if err != nil || p.n == 0 {
		return nil
	}
	lines := map[int]record.Page{}
	for _, pg := range rec.Pages {
		lines[pg.N] = pg
	}
	var out []pageImage
	for i := 1; i <= min(p.n, maxViewPages); i++ {
		base := "/iiif/image/" + url.PathEscape(rec.ID) + "/" + strconv.Itoa(i)
		img := pageImage{N: i, Thumb: base + pageThumb, Full: base + "/full/max/0/default.jpg", Info: base + "/info.json"}
		pg := lines[i]
		for _, l := range pg.Lines {
			fx, fy, fw, fh, ok := fractions(l.XYWH, pg.Width, pg.Height)
			if !ok {
				continue
			}
			never := false // a line's mark is never the page's first match: that is in the text
			pl := pageLine{Text: l.Text, Pieces: markText(l.Text, words, &never),
				Box:    fmt.Sprintf("%.5f,%.5f,%.5f,%.5f", fx, fy, fw, fh),
				Region: fmt.Sprintf("%s/pct:%.3f,%.3f,%.3f,%.3f/max/0/default.jpg", base, 100*fx, 100*fy, 100*fw, 100*fh)}
			for _, pc := range pl.Pieces {
				pl.Hit = pl.Hit || pc.Mark
			}
			if pl.Hit {
				img.Hits++
			}
			img.Lines = append(img.Lines, pl)
		}
		out = append(out, img)
	}
	return out
}

// fractions is a box as fractions of its page, kept inside it; ok is false
// for a box with no area left.
func fractions(b [4]int, width, height int) (x, y, w, h float64, ok bool) {
	if width <= 0 || height <= 0 {
		return 0, 0, 0, 0, false
	}
	x0, y0 := max(b[0], 0), max(b[1], 0)
	x1, y1 := min(b[0]+b[2], width), min(b[1]+b[3], height)
	if x1 <= x0 || y1 <= y0 {
		return 0, 0, 0, 0, false
	}
	W, H := float64(width), float64(height)
	return float64(x0) / W, float64(y0) / H, float64(x1-x0) / W, float64(y1-y0) / H, true
}

// textRegion is where a passage stands on a page of the original: an Image
// API request for that part of the page, scaled down to be shown inline.
type textRegion struct {
	Page int
	URL  string
	// PageImage is the page's picture (as the document page shows it) and Box
	// the region on it in percent of the page, for marking it in place.
	PageImage  string
	X, Y, W, H float64
}

// passageRegions finds each passage (in order, as an alignment gives a
// text's sentences) in the record's page lines and returns, for each, the
// regions of the lines it spans, one per page. A passage not found as it
// stands in the lines (the reader moved or cut it: a title, a note) has none.
func passageRegions(rec record.Record, passages []string) [][]textRegion {
	if len(rec.Pages) == 0 {
		return nil
	}
	type span struct {
		start, end int
		page       record.Page
		line       int
	}
	var flat strings.Builder
	var spans []span
	for _, pg := range rec.Pages {
		for i, l := range pg.Lines {
			start := flat.Len()
			flat.WriteString(strings.Join(strings.Fields(l.Text), " "))
			spans = append(spans, span{start, flat.Len(), pg, i})
			flat.WriteByte(' ')
		}
	}
	text := flat.String()
	out := make([][]textRegion, len(passages))
	cursor := 0
	for k, p := range passages {
		p = strings.Join(strings.Fields(p), " ")
		i := strings.Index(text[cursor:], p)
		if p == "" || i < 0 {
			continue
		}
		start, end := cursor+i, cursor+i+len(p)
		cursor = end
		var boxes []record.Page // one per page: the union of the lines' boxes
		for _, sp := range spans {
			if sp.end <= start || sp.start >= end {
				continue
			}
			b := sp.page.Lines[sp.line].XYWH
			if n := len(boxes); n > 0 && boxes[n-1].N == sp.page.N {
				u := &boxes[n-1].Lines[0].XYWH
				x0, y0 := min(u[0], b[0]), min(u[1], b[1])
				x1, y1 := max(u[0]+u[2], b[0]+b[2]), max(u[1]+u[3], b[1]+b[3])
				*u = [4]int{x0, y0, x1 - x0, y1 - y0}
				continue
			}
			boxes = append(boxes, record.Page{N: sp.page.N, Width: sp.page.Width, Height: sp.page.Height, Lines: []record.Line{{XYWH: b}}})
		}
		for _, bx := range boxes {
			fx, fy, fw, fh, ok := fractions(bx.Lines[0].XYWH, bx.Width, bx.Height)
			if !ok {
				continue
			}
			base := "/iiif/image/" + url.PathEscape(rec.ID) + "/" + strconv.Itoa(bx.N)
			out[k] = append(out[k], textRegion{Page: bx.N, URL: fmt.Sprintf("%s/pct:%.3f,%.3f,%.3f,%.3f/!800,300/0/default.jpg",
				base, 100*fx, 100*fy, 100*fw, 100*fh), PageImage: base + pageThumb, X: 100 * fx, Y: 100 * fy, W: 100 * fw, H: 100 * fh})
		}
	}
	return out
}
