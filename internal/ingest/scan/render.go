package scan

import (
	"context"
	"fmt"
	"os"
	"strconv"
)

// PageCount is how many pages a PDF has, read from its text layer's page
// boxes (pdftotext), for a viewer's page list.
func (t Tools) PageCount(ctx context.Context, data []byte) (int, error) {
	out, err := t.run(ctx, "FOND_PDFTOTEXT", t.PDFToText, data, "-bbox-layout", "-enc", "UTF-8", "-l", strconv.Itoa(maxPages+1), "-", "-")
	if err != nil {
		return 0, fmt.Errorf("reading the PDF: %w", err)
	}
	pages, err := fromBBox(out)
	if err != nil {
		return 0, err
	}
	return min(len(pages), maxPages), nil
}

// RenderPage renders page n (from 1) of a PDF as a colour PNG about 300 dpi
// on an A4 page (3,508 pixels on the long side), for the reading room's page
// images; the rendered header is held to the pixel limit like any image.
func (t Tools) RenderPage(ctx context.Context, data []byte, n int) ([]byte, error) {
	file, err := tempFile(data)
	if err != nil {
		return nil, err
	}
	defer os.Remove(file)
	page := strconv.Itoa(n)
	png, err := t.run(ctx, "FOND_PDFTOPPM", t.PDFToPPM, nil, "-scale-to", ocrPixels, "-png", "-f", page, "-l", page, "-singlefile", file)
	if err != nil {
		return nil, fmt.Errorf("rendering page %d: %w", n, err)
	}
	if err := t.checkPixels(png); err != nil {
		return nil, err
	}
	return png, nil
}
