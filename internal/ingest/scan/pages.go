package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"
)

// Text is what was read from a file of pages.
type Text struct {
	Pages []string
	// Layouts are the pages' lines and their boxes, one per page as Pages;
	// a page may have none (a PDF page that is neither text nor read by OCR).
	Layouts []Layout
	// OCRPages counts the pages read by OCR: all of an image's, and a PDF's
	// pages that have no text layer.
	OCRPages int
	// Confidence is Tesseract's mean word confidence over the OCR pages, 0 to 1.
	Confidence float64
}

// String is the pages' text, a blank line between pages.
func (t Text) String() string { return strings.Join(t.Pages, "\n\n") }

// Kind tells the files scan reads by their first bytes: "pdf", "image", or "".
func Kind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte("\xff\xd8\xff")),
		bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "image"
	}
	return ""
}

// ErrNoText is returned for a file in which neither a text layer nor OCR found
// any words.
var ErrNoText = errors.New("no text found")

// minLetters is how many letters a PDF page's text layer must hold to be taken
// as the page's text without question; a page with fewer is a scan (perhaps
// with a stamped page number) and is read by OCR, keeping the layer where OCR
// cannot do better.
const minLetters = 20

// Limits on what one PDF may cost: its pages, and its text output (the bytes a
// compressed stream expands to are not bounded by the file's size).
const (
	maxPages  = 5000
	maxOutput = 512 << 20
	// ocrPixels is the long side pages are rendered at for OCR: an A4 page at
	// 300 dpi, whatever size the PDF says the page is.
	ocrPixels    = "3508"
	renderPixels = 3508
)

// PDF reads a PDF's pages: the text layer where a page has one, OCR of the page
// rendered at about 300 dpi where it does not.
func (t Tools) PDF(ctx context.Context, data []byte) (Text, error) {
	if t.FileTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.FileTimeout)
		defer cancel()
	}
	out, err := t.run(ctx, "FOND_PDFTOTEXT", t.PDFToText, data, "-bbox-layout", "-enc", "UTF-8", "-l", strconv.Itoa(maxPages+1), "-", "-")
	if err != nil {
		return Text{}, fmt.Errorf("reading the PDF: %w", err)
	}
	pages, err := fromBBox(out)
	if err != nil {
		return Text{}, err
	}
	switch {
	case len(pages) == 0:
		return Text{}, fmt.Errorf("%w: the PDF has no pages", ErrNoText)
	case len(pages) > maxPages:
		return Text{}, fmt.Errorf("the PDF has more than %d pages; split it", maxPages)
	}
	var res Text
	var confSum float64
	var file string // the PDF on disk, written once for rendering pages
	defer func() {
		if file != "" {
			os.Remove(file)
		}
	}()
	for i, page := range pages {
		layer := page.text
		if letters(layer) >= minLetters {
			res.Pages = append(res.Pages, layer)
			res.Layouts = append(res.Layouts, page.layout)
			continue
		}
		if file == "" {
			if file, err = tempFile(data); err != nil {
				return Text{}, err
			}
		}
		read, err := t.ocrPage(ctx, file, i+1)
		switch {
		case err != nil && strings.TrimSpace(layer) == "":
			return Text{}, fmt.Errorf("page %d is a scan: %w", i+1, err)
		case err != nil || letters(read.text) <= letters(layer):
			res.Pages = append(res.Pages, layer) // a short page, read as well as it can be
			res.Layouts = append(res.Layouts, page.layout)
			continue
		}
		res.Pages = append(res.Pages, read.text)
		res.Layouts = append(res.Layouts, read.layout)
		res.OCRPages++
		confSum += read.confidence
	}
	if res.OCRPages > 0 {
		res.Confidence = confSum / float64(res.OCRPages)
	}
	if letters(res.String()) == 0 {
		return Text{}, fmt.Errorf("%w: %d pages, %d of them scans in which OCR found no words", ErrNoText, len(pages), res.OCRPages)
	}
	return res, nil
}

// ocrPage renders page n of the PDF file and reads it by OCR.
func (t Tools) ocrPage(ctx context.Context, file string, n int) (tsvPage, error) {
	page := strconv.Itoa(n)
	png, err := t.run(ctx, "FOND_PDFTOPPM", t.PDFToPPM, nil, "-scale-to", ocrPixels, "-gray", "-png", "-f", page, "-l", page, "-singlefile", file)
	if err != nil {
		return tsvPage{}, fmt.Errorf("rendering it for OCR: %w", err)
	}
	// pdftoppm's -scale-to bounds the page already; the rendered header is
	// checked as well, so a lower configured limit holds for PDFs too.
	if err := t.checkPixels(png); err != nil {
		return tsvPage{}, err
	}
	read, err := t.ocr(ctx, png)
	if err != nil {
		return tsvPage{}, fmt.Errorf("OCR: %w", err)
	}
	return read, nil
}

func tempFile(data []byte) (string, error) {
	f, err := os.CreateTemp("", "fond-*.pdf")
	if err != nil {
		return "", fmt.Errorf("rendering pages for OCR: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("rendering pages for OCR: %w", err)
	}
	return f.Name(), nil
}

// Image reads a page image (PNG, JPEG or TIFF) by OCR.
func (t Tools) Image(ctx context.Context, data []byte) (Text, error) {
	if err := t.checkPixels(data); err != nil {
		return Text{}, err
	}
	read, err := t.ocr(ctx, data)
	if err != nil {
		return Text{}, fmt.Errorf("OCR: %w", err)
	}
	if letters(read.text) == 0 {
		return Text{}, fmt.Errorf("%w: OCR found no words in the image", ErrNoText)
	}
	return Text{Pages: []string{read.text}, Layouts: []Layout{read.layout}, OCRPages: 1, Confidence: read.confidence}, nil
}

// ocr runs Tesseract on one image and returns its text, lines and mean word
// confidence.
func (t Tools) ocr(ctx context.Context, image []byte) (tsvPage, error) {
	langs := t.Languages
	if langs == "" {
		langs = "eng"
	}
	args := []string{"stdin", "stdout", "-l", langs}
	if t.Thresholding != "" {
		args = append(args, "-c", "thresholding_method="+t.Thresholding)
	}
	out, err := t.run(ctx, "FOND_TESSERACT", t.Tesseract, image, append(args, "tsv")...)
	if err != nil {
		return tsvPage{}, err
	}
	read := fromTSVInked(string(out), newInked(image))
	read.text = foldHomoglyphs(read.text) // the lines are folded by layout
	return read, nil
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
