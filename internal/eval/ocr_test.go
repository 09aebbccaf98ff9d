package eval

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"strings"
	"testing"

	"fond/internal/ingest/scan"
	"fond/internal/testutil"
)

// A page is the same for the same seed, another for another, A4 at the
// resolution asked, and a line too long for the measure is wrapped.
func TestScanPage(t *testing.T) {
	lines := []string{"MEMORANDUM", strings.Repeat("credit ", 30)}
	style := DefaultScanStyle
	style.DPI = 100
	a, set, err := ScanPage("en", lines, style)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := ScanPage("en", lines, style)
	style.Seed++
	c, _, _ := ScanPage("en", lines, style)
	if !bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Errorf("same seed gave another page (%v), or another seed the same (%v)", !bytes.Equal(a, b), bytes.Equal(a, c))
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(a))
	if err != nil || cfg.Width != 827 || cfg.Height != 1169 {
		t.Errorf("page %d×%d, %v; want A4 at 100 dpi, 827×1169", cfg.Width, cfg.Height, err)
	}
	if len(set) < 3 || set[0] != "MEMORANDUM" || strings.Join(set[1:], " ") != strings.TrimSpace(lines[1]) {
		t.Errorf("set as %q", set)
	}
	if _, _, err := ScanPage("en", make([]string, 200), style); err == nil || !strings.Contains(err.Error(), "do not fit") {
		t.Errorf("200 lines on a page: %v", err)
	}
}

func TestScoreOCR(t *testing.T) {
	for _, tc := range []struct {
		lang, want, got string
		cer, wer        float64
	}{
		{"en", "the loan\nwas", "the loan was", 0, 0},             // line breaks are spaces
		{"en", "the loan was", "the lean was", 1.0 / 12, 1.0 / 3}, // one letter, one word
		{"en", "the loan", "", 1, 1},
		{"ru", "кредит", "кредит на", 3.0 / 6, 1},
		{"zh", "大使说，代表团", "大 使 说 ， 代表 团", 0, -1},          // spaces are not Chinese; no words
		{"ko", "대표단이 아침", "대 표 단 이 아침", 3.0 / 7, 4.0 / 2}, // one word read as four
	} {
		s := scoreOCR(tc.lang, tc.want, tc.got)
		if s.CER != tc.cer || s.WER != tc.wer {
			t.Errorf("%s %q read %q: CER %v WER %v, want %v %v", tc.lang, tc.want, tc.got, s.CER, s.WER, tc.cer, tc.wer)
		}
	}
}

// The known texts in every language, typeset, scanned and read through the
// path every page image takes on ingest (the models scan.FromEnv gives it,
// all installed at once), each held to a ceiling a little over what it
// measures (docs/evaluation.md has the full run: fond eval ocr).
func TestOCREvaluation(t *testing.T) {
	tools := scan.FromEnv()
	testutil.NeedPrograms(t, tools.Tesseract)
	ceilings := map[string]struct{ cer, wer float64 }{
		"en": {0.01, 0.02}, "ru": {0.01, 0.02}, "ko": {0.08, 0.20}, "zh": {0.15, -1},
	}
	for _, l := range OCRLanguages {
		t.Run(l.Code, func(t *testing.T) {
			t.Parallel()
			rep, err := OCR(context.Background(), OCROptions{Languages: []string{l.Code}, Tools: tools})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Skipped) > 0 {
				if os.Getenv("FOND_REQUIRE_TOOLS") != "" {
					t.Fatalf("%s (.ci/run installs it)", rep.Skipped[0])
				}
				t.Skip("skipping: " + rep.Skipped[0])
			}
			if len(rep.Scores) != 1 {
				t.Fatalf("%d scores", len(rep.Scores))
			}
			s, c := rep.Scores[0], ceilings[l.Code]
			t.Logf("%s at %d dpi with %s: CER %.1f%%, WER %.1f%%", s.Language, s.DPI, s.Models, 100*s.CER, 100*s.WER)
			if s.CER > c.cer || s.WER > c.wer {
				t.Errorf("CER %.1f%% (ceiling %.0f%%), WER %.1f%% (ceiling %.0f%%); read:\n%s", 100*s.CER, 100*c.cer, 100*s.WER, 100*c.wer, s.Read)
			}
		})
	}
}

// A language without its model is skipped, saying which package has it.
func TestOCRWithoutModel(t *testing.T) {
	tools := scan.FromEnv()
	testutil.NeedPrograms(t, tools.Tesseract)
	have, err := tesseractModels(tools.Tesseract)
	if err != nil {
		t.Fatal(err)
	}
	saved := OCRLanguages
	defer func() { OCRLanguages = saved }()
	OCRLanguages = []struct{ Code, Model string }{{"en", "xx_nonexistent"}}
	if have["xx_nonexistent"] {
		t.Fatal("a model named xx_nonexistent is installed")
	}
	rep, err := OCR(context.Background(), OCROptions{Tools: tools})
	if err != nil || len(rep.Scores) != 0 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], "tesseract-ocr-xx-nonexistent") {
		t.Errorf("report %+v, %v", rep, err)
	}
	if _, err := faceFor("ko", ScanStyle{DPI: 100, Points: 11, FontFile: "/nonexistent.ttc"}); !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), "fonts-noto-cjk") {
		t.Errorf("missing CJK font: %v", err)
	}
}
