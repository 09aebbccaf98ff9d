package ingest

import (
	"context"
	"testing"

	"fond/internal/testutil"
)

// BenchmarkExtractPDF reads a 10-page digital PDF (text layer only) into a
// record, reporting pages/s.
//
//	go test -run=^$ -bench='Extract(PDF|Scan)' -benchtime=5x ./internal/ingest/
func BenchmarkExtractPDF(b *testing.B) {
	testutil.NeedPrograms(b, "pdftotext")
	var pages [][]string
	for range 10 {
		pages = append(pages, telegramPDF[0])
	}
	pdf := testutil.PDF(pages...)
	for b.Loop() {
		if _, err := Extract(context.Background(), "b.pdf", pdf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(10*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkExtractScan reads a one-page scanned PDF (an image at 300 dpi) by
// OCR, reporting pages/s.
func BenchmarkExtractScan(b *testing.B) {
	testutil.NeedPrograms(b, "pdftoppm", "pdftotext", "tesseract")
	_, scan := testutil.Scan(b, telegramPDF[0])
	for b.Loop() {
		if _, err := Extract(context.Background(), "b.pdf", scan); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
