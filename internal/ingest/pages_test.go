package ingest

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"

	"fond/internal/record"
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
	// A text layer's lines have their boxes too, on the page as drawn.
	checkPageLines(t, "telegram.pdf", r, 0, 3508)
}

// checkPageLines asserts that the record has one page of lines measured on
// an image width×height (0: either, as long as the long side is long), and
// that a line holds the loan.
func checkPageLines(t *testing.T, name string, r record.Record, width, height int) {
	t.Helper()
	if len(r.Pages) != 1 || r.Pages[0].N != 1 || len(r.Pages[0].Lines) < 3 {
		t.Fatalf("%s: pages %+v", name, r.Pages)
	}
	p := r.Pages[0]
	if width != 0 && p.Width != width || p.Height != height {
		t.Errorf("%s: lines measured on %d×%d, want %d×%d", name, p.Width, p.Height, width, height)
	}
	found := false
	for _, l := range p.Lines {
		b := l.XYWH
		if b[0] < 0 || b[1] < 0 || b[2] <= 0 || b[3] <= 0 || b[0]+b[2] > p.Width || b[1]+b[3] > p.Height {
			t.Errorf("%s: line %q box %v outside its page", name, l.Text, b)
		}
		found = found || strings.Contains(l.Text, "Soviet government")
	}
	if !found {
		t.Errorf("%s: no line holds the Soviet government: %+v", name, p.Lines)
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
		// The lines are measured on the image the archive serves: the PNG
		// itself, the PDF's page drawn 3,508 pixels high.
		w, h := 0, 3508
		if strings.HasSuffix(name, ".png") {
			cfg, err := png.DecodeConfig(bytes.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			w, h = cfg.Width, cfg.Height
		}
		checkPageLines(t, name, r, w, h)
	}
}
