package eval

import (
	"context"
	"strings"
	"testing"

	"fond/internal/ingest/tei"
	"fond/internal/testutil"
)

// The short form of `fond eval printed`: a sample of every volume as text pages,
// a smaller one typeset as PDFs, a few recognized by OCR; under a minute on CI.
func TestPrintedShort(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	rep, err := Printed(context.Background(), dir, PrintedOptions{TextEvery: 3, PDFEvery: 80, OCREvery: 3000, Samples: 3})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log(b.String())
	for _, s := range rep.Skipped {
		t.Log("skipped " + s)
	}
	if len(rep.Runs) == 0 {
		t.Fatal("nothing evaluated")
	}
}

func TestLayOut(t *testing.T) {
	vol := &tei.Volume{ID: "v", Subseries: "1934", Number: "Volume IV", VolumeTitle: "The American Republics"}
	d := tei.Document{Volume: vol, XMLID: "d1", N: "12", Head: "Mr. A to Mr. B", SourceNotes: []string{"File No. 893.00/1234"}}
	p := LayOut(&d)
	if p.Gold.DocNumber != "12" || p.Gold.Reference != "File No. 893.00/1234" {
		t.Errorf("gold %+v", p.Gold)
	}
	if len(p.Pages) != 1 || !strings.Contains(p.Pages[0].Head, "1934") && !strings.Contains(p.Pages[0].Head, "AMERICAN") {
		t.Errorf("pages %+v", p.Pages)
	}
}
