package ingest

import (
	"context"
	"strings"
	"testing"

	"fond/internal/testutil"
)

// A telegram as a digital PDF, and the same telegram as a scan.
var telegramPDF = [][]string{{
	"Ciphered Telegram, Shtykov to Vyshinsky",
	"",
	"7 February 1950",
	"",
	"Kim Il Sung asked again about the loan of the Soviet government",
	"and the delivery of the equipment before the spring.",
}}

func TestPDFBecomesARecord(t *testing.T) {
	testutil.NeedPrograms(t, "pdftotext")
	res, err := Extract(context.Background(), "telegram.pdf", testutil.PDF(telegramPDF...))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("%d records", len(res.Records))
	}
	r := res.Records[0]
	if r.Title != "Ciphered Telegram, Shtykov to Vyshinsky" || r.Date.EDTF != "1950-02-07" {
		t.Errorf("title %q, date %q", r.Title, r.Date.EDTF)
	}
	if r.TextFrom != "pdf" || r.OCRConfidence != 0 || !strings.Contains(r.Body, "the loan of the Soviet government") {
		t.Errorf("text from %q (%v), body %q", r.TextFrom, r.OCRConfidence, r.Body)
	}
	if r.SourceFile != "telegram.pdf" || r.Checksum != res.Checksum {
		t.Errorf("source %q %q", r.SourceFile, r.Checksum)
	}
}

func TestScanBecomesARecord(t *testing.T) {
	testutil.NeedPrograms(t, "pdftoppm", "pdftotext", "tesseract")
	page, scan := testutil.Scan(t, telegramPDF[0])
	for name, data := range map[string][]byte{"telegram-scan.pdf": scan, "telegram-scan.png": page} {
		res, err := Extract(context.Background(), name, data)
		if err != nil {
			t.Fatal(err)
		}
		r := res.Records[0]
		if r.TextFrom != "ocr" || r.OCRConfidence < 0.5 || r.OCRConfidence > 1 {
			t.Errorf("%s: text from %q, confidence %v", name, r.TextFrom, r.OCRConfidence)
		}
		if r.Title != "Ciphered Telegram, Shtykov to Vyshinsky" || r.Date.EDTF != "1950-02-07" || !strings.Contains(r.Body, "Soviet government") {
			t.Errorf("%s: title %q, date %q, body %q", name, r.Title, r.Date.EDTF, r.Body)
		}
	}
}
