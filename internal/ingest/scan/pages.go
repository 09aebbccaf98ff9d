package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Text is what was read from a file of pages.
type Text struct {
	Pages []string
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
// as the page's text; a page with fewer is a scan (perhaps with a stamped page
// number) and is read by OCR.
const minLetters = 20

// PDF reads a PDF's pages: the text layer where a page has one, OCR of the page
// rendered at 300 dpi where it does not.
func (t Tools) PDF(ctx context.Context, data []byte) (Text, error) {
	out, err := t.run(ctx, "FOND_PDFTOTEXT", t.PDFToText, data, "-bbox-layout", "-enc", "UTF-8", "-", "-")
	if err != nil {
		return Text{}, fmt.Errorf("reading the PDF: %w", err)
	}
	pages, err := fromBBox(out)
	if err != nil {
		return Text{}, err
	}
	if len(pages) == 0 {
		return Text{}, fmt.Errorf("%w: the PDF has no pages", ErrNoText)
	}
	var res Text
	var confSum float64
	for i, p := range pages {
		if letters(p) >= minLetters {
			res.Pages = append(res.Pages, p)
			continue
		}
		n := strconv.Itoa(i + 1)
		png, err := t.run(ctx, "FOND_PDFTOPPM", t.PDFToPPM, data, "-r", "300", "-gray", "-png", "-f", n, "-l", n, "-singlefile", "-")
		if err != nil {
			return Text{}, fmt.Errorf("rendering page %s for OCR: %w", n, err)
		}
		text, conf, err := t.ocr(ctx, png)
		if err != nil {
			return Text{}, fmt.Errorf("OCR of page %s: %w", n, err)
		}
		res.Pages = append(res.Pages, text)
		res.OCRPages++
		confSum += conf
	}
	if res.OCRPages > 0 {
		res.Confidence = confSum / float64(res.OCRPages)
	}
	if letters(res.String()) == 0 {
		return Text{}, fmt.Errorf("%w: %d pages, %d of them scans in which OCR found no words", ErrNoText, len(pages), res.OCRPages)
	}
	return res, nil
}

// Image reads a page image (PNG, JPEG or TIFF) by OCR.
func (t Tools) Image(ctx context.Context, data []byte) (Text, error) {
	text, conf, err := t.ocr(ctx, data)
	if err != nil {
		return Text{}, fmt.Errorf("OCR: %w", err)
	}
	if letters(text) == 0 {
		return Text{}, fmt.Errorf("%w: OCR found no words in the image", ErrNoText)
	}
	return Text{Pages: []string{text}, OCRPages: 1, Confidence: conf}, nil
}

// ocr runs Tesseract on one image and returns its text and mean word confidence.
func (t Tools) ocr(ctx context.Context, image []byte) (string, float64, error) {
	langs := t.Languages
	if langs == "" {
		langs = "eng"
	}
	out, err := t.run(ctx, "FOND_TESSERACT", t.Tesseract, image, "stdin", "stdout", "-l", langs, "tsv")
	if err != nil {
		return "", 0, err
	}
	text, conf, _ := fromTSV(string(out))
	return foldHomoglyphs(text), conf, nil
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
