package scan

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fond/internal/testutil"
)

// Tesseract is told how to threshold a page when Tools say so (FromEnv:
// Sauvola unless FOND_OCR_THRESHOLDING says otherwise), and is left to its
// default when they do not. The Tesseract here is a script that writes down
// its arguments.
func TestThresholdingIsPassed(t *testing.T) {
	fake, args := testutil.FakeTesseract(t, "5\t1\t1\t1\t1\t1\t1\t1\t4\t4\t95\tword\n")
	t.Setenv("FOND_OCR_THRESHOLDING", "")
	if th := FromEnv().Thresholding; th != "2" {
		t.Errorf("FromEnv: thresholding %q, want 2", th)
	}
	t.Setenv("FOND_OCR_THRESHOLDING", "0")
	if th := FromEnv().Thresholding; th != "0" {
		t.Errorf("FOND_OCR_THRESHOLDING=0: thresholding %q", th)
	}
	for _, th := range []string{"2", ""} {
		os.Remove(args)
		tools := Tools{Tesseract: fake, Languages: "eng", Thresholding: th, Timeout: time.Minute}
		if _, err := tools.Image(context.Background(), pngHeader(10, 10)); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(args)
		if passed := strings.Contains(string(got), "thresholding_method=2"); passed != (th == "2") || strings.Contains(string(got), "-c") != (th != "") {
			t.Errorf("thresholding %q: Tesseract run with %q", th, got)
		}
	}
}
