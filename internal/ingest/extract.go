// Package ingest turns input files into records: it checks that a file is readable
// text, detects its format, runs that format's reader, gives the records ids, and
// stores each file's original and records in one transaction.
package ingest

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"sync"

	"fond/internal/extract"
	"fond/internal/ingest/article"
	"fond/internal/ingest/dacapture"
	"fond/internal/ingest/dahtml"
	"fond/internal/ingest/mail"
	"fond/internal/ingest/plaintext"
	"fond/internal/ingest/scan"
	"fond/internal/ingest/tei"
	"fond/internal/record"
	"fond/internal/redact"
)

// Formats fond recognises, in the order detection tries them.
const (
	FormatTEI           = "tei"
	FormatHTML          = "html"
	FormatMail          = "mail"
	FormatDigitalArchve = "digital-archive"
	FormatArticle       = "article"
	FormatText          = "text"
)

// Result is what one file yields.
type Result struct {
	Format   string
	Checksum string
	Records  []record.Record
	// Warnings are doubts about how the file was read (an encoding it
	// declares and is not), each naming the file.
	Warnings []string
}

// Extract reads one file's bytes into records with ids, without touching a store.
// name is used in records (source_file) and in error messages.
// The default Limits apply.
func Extract(ctx context.Context, name string, data []byte) (Result, error) {
	return Limits{}.Extract(ctx, name, data)
}

// Extract is the package's Extract under these limits.
func (l Limits) Extract(ctx context.Context, name string, data []byte) (Result, error) {
	res := Result{Checksum: Checksum(data)}
	if limit := l.maxFileSize(); int64(len(data)) > limit {
		return res, tooLarge(name, int64(len(data)), limit)
	}
	text, pages, warning, err := l.readText(ctx, data)
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	if warning != "" {
		res.Warnings = append(res.Warnings, name+": "+warning)
	}
	var pageTexts []string
	if pages != nil {
		pageTexts = pages.Pages
	}
	recs, spans, format, err := extractText(ctx, text, pageTexts)
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return res, fmt.Errorf("%s: no document found in the file", name)
	}
	res.Format = format
	base := filepath.Base(name)
	for i := range recs {
		recs[i].SourceFile = base
		recs[i].Checksum = res.Checksum
		if recs[i].Format == "" {
			recs[i].Format = format
		}
		if pages != nil {
			recs[i].TextFrom, recs[i].OCRConfidence = textFrom(pages)
			recs[i].Pages = pageLines(pages)
			if spans != nil {
				// A volume's document keeps the pages it stands on.
				recs[i].Pages = pagesIn(recs[i].Pages, spans[i])
			}
			// A field read from recognized text is no surer than the reading.
			if c := recs[i].OCRConfidence; c > 0 {
				for k, v := range recs[i].Confidence {
					recs[i].Confidence[k] = math.Round(100*v*c) / 100
				}
			}
		}
		cleanControls(&recs[i])
		// What the release withheld is read from the text as it will be
		// stored, so the spans' offsets are the body's.
		redact.Annotate(&recs[i])
		if strings.TrimSpace(recs[i].Title) == "" {
			recs[i].Title = "Untitled"
		}
		recs[i].Normalize()
	}
	if err := assignIDs(res.Checksum, recs); err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	for i := range recs {
		for k := range recs[i].Releases {
			recs[i].Releases[k].Record = recs[i].ID
		}
	}
	res.Records = recs
	return res, nil
}

// pageTools are the programs that read PDFs and scans, configured once from
// the environment (scan.FromEnv).
var pageTools = sync.OnceValue(scan.FromEnv)

// readText returns a file's text: decoded, or read from its pages when it is a
// PDF or an image (pages is then what was read).
func (l Limits) readText(ctx context.Context, data []byte) (text string, pages *scan.Text, warning string, err error) {
	var read scan.Text
	switch scan.Kind(data) {
	case "pdf":
		read, err = l.tools().PDF(ctx, data)
	case "image":
		read, err = l.tools().Image(ctx, data)
	default:
		text, warning, err = decode(data)
		return text, nil, warning, err
	}
	if err != nil {
		return "", nil, "", err
	}
	return read.String(), &read, "", nil
}

// textFrom is how a record's text was read from pages, for text_from.
func textFrom(t *scan.Text) (string, float64) {
	switch {
	case t.OCRPages == 0:
		return "pdf", 0
	case t.OCRPages == len(t.Pages):
		return "ocr", t.Confidence
	}
	return "pdf+ocr", t.Confidence
}

// pageLines is the record's view of the pages' lines; pages without lines
// are left out (their images still exist).
func pageLines(t *scan.Text) []record.Page {
	var out []record.Page
	for i, l := range t.Layouts {
		if len(l.Lines) == 0 {
			continue
		}
		p := record.Page{N: i + 1, Width: l.Width, Height: l.Height, Lines: make([]record.Line, len(l.Lines))}
		for j, ln := range l.Lines {
			p.Lines[j] = record.Line{Text: ln.Text, XYWH: [4]int{ln.X, ln.Y, ln.W, ln.H}}
		}
		out = append(out, p)
	}
	return out
}

// extractText reads text into records. pages, when the text was read from a
// PDF or images, are its pages; a printed volume's records then come with the
// pages each stands on (spans, first and last counted from 0; nil otherwise).
func extractText(ctx context.Context, text string, pages []string) ([]record.Record, [][2]int, string, error) {
	recs, format, err := extractOne(ctx, text)
	if err != nil || format != FormatText || len(recs) != 1 || !extract.ReadPrinted(text).Paged {
		return recs, nil, format, err
	}
	// A printed volume: many documents, one after another on its pages.
	if len(pages) == 0 {
		pages = extract.SplitPages(text)
	}
	parts := extract.SplitVolume(pages)
	if parts == nil {
		return recs, nil, format, nil
	}
	spans := make([][2]int, len(parts))
	for i, p := range parts {
		spans[i] = [2]int{p.First, p.Last}
	}
	return plaintext.Volume(parts), spans, format, nil
}

// pagesIn keeps the pages (numbered from 1) within a span counted from 0.
func pagesIn(pages []record.Page, span [2]int) []record.Page {
	var out []record.Page
	for _, p := range pages {
		if p.N-1 >= span[0] && p.N-1 <= span[1] {
			out = append(out, p)
		}
	}
	return out
}

func extractOne(ctx context.Context, text string) ([]record.Record, string, error) {
	head := strings.TrimSpace(text[:min(len(text), 4096)])
	switch {
	case strings.HasPrefix(head, "<?xml") && strings.Contains(head, "<TEI") || strings.HasPrefix(head, "<TEI"):
		_, docs, err := tei.Read(ctx, strings.NewReader(text), "")
		if err != nil {
			return nil, "", err
		}
		recs := make([]record.Record, 0, len(docs))
		for i := range docs {
			recs = append(recs, docs[i].Record())
		}
		return recs, FormatTEI, nil
	case dahtml.Detect([]byte(head)):
		page, err := dahtml.Parse([]byte(text))
		if err != nil {
			return nil, "", err
		}
		return fromHTML(page), FormatHTML, nil
	case mail.Detect(text):
		recs, err := mail.Extract(text)
		return recs, FormatMail, err
	}
	// Line ends made one kind once, here, rather than by a copy of the whole
	// text in each of the splitters below.
	text = strings.ReplaceAll(text, "\r\n", "\n")
	blocks := extract.Blocks(text)
	switch {
	case extract.ReadPrinted(text).Paged:
		// Printed pages (running heads, page numbers) break paragraphs into
		// lines, which the line-wise readers below would take for blocks: a
		// line that starts "by General Canby, …" is no byline.
		return []record.Record{plaintext.Extract(text)}, FormatText, nil
	case dacapture.Detect(blocks):
		return []record.Record{dacapture.Extract(dacapture.Page{Blocks: blocks})}, FormatDigitalArchve, nil
	case article.Detect(blocks):
		return article.Extract(blocks), FormatArticle, nil
	}
	return []record.Record{plaintext.Extract(text)}, FormatText, nil
}

// fromHTML routes a saved page to the reader of its layout, passing the page's
// citation_* and description metadata as hints.
func fromHTML(p *dahtml.Page) []record.Record {
	meta := func(keys ...string) string {
		for _, k := range keys {
			if v := p.Meta[k]; v != "" {
				return v
			}
		}
		return ""
	}
	title := meta("citation_title", "dc.title", "og:title")
	if dacapture.Detect(p.Blocks) || meta("citation_publisher") != "" && strings.Contains(meta("citation_publisher"), "Digital Archive") {
		r := dacapture.Extract(dacapture.Page{
			Blocks: p.Blocks, Title: title, Summary: meta("description", "og:description", "dc.description"),
			Date: meta("citation_date", "citation_publication_date", "dc.date"), Publisher: meta("citation_publisher"),
			URL: meta("citation_public_url", "citation_abstract_html_url", "og:url"),
		})
		r.Format = "digital-archive-html"
		return []record.Record{r}
	}
	if article.Detect(p.Blocks) {
		recs := article.Extract(p.Blocks)
		if len(recs[0].Authors) == 0 && meta("author", "citation_author") != "" {
			recs[0].Authors = []string{meta("author", "citation_author")}
		}
		return recs
	}
	r := plaintext.Extract(p.Text())
	if title != "" {
		r.Title = title
	} else if r.Title == "" || strings.HasSuffix(r.Title, "…") {
		// No heading in the page itself: the <title> minus its " | Site" suffix.
		if t := strings.TrimSpace(strings.SplitN(p.Title, " | ", 2)[0]); t != "" {
			r.Title = t
		}
	}
	return []record.Record{r}
}
