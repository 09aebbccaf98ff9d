package eval

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"fond/internal/ingest/scan"
)

// The OCR evaluation: known texts (ocrtexts/, written for fond) typeset as
// scanned pages (ScanPage), recognized by fond's image path (scan.Tools.Image,
// what ingest runs on a page image: Tesseract and the homoglyph fold), and
// scored by character and word error rate against the lines as set.

//go:embed ocrtexts/*.txt
var ocrTexts embed.FS

// OCRLanguages are the evaluated languages: ISO 639-1 code, Tesseract's model.
var OCRLanguages = []struct{ Code, Model string }{{"en", "eng"}, {"ru", "rus"}, {"ko", "kor"}, {"zh", "chi_sim"}}

// OCROptions chooses what is run.
type OCROptions struct {
	Languages []string // codes; nil: all of OCRLanguages
	DPIs      []int    // nil: 300
	Style     ScanStyle
	// Own also reads each page with its own language's model only, beside
	// the models fond reads every scan with (scan.FromEnv's): the cost of
	// not knowing a scan's language.
	Own   bool
	Tools scan.Tools
}

// OCRScore is one language at one resolution, read with one set of models.
type OCRScore struct {
	Language string  `json:"language"`
	DPI      int     `json:"dpi"`
	Models   string  `json:"models"`
	Chars    int     `json:"chars"`
	Words    int     `json:"words"`
	CER      float64 `json:"cer"`
	WER      float64 `json:"wer"` // -1 for Chinese, not written in words
	Seconds  float64 `json:"seconds"`
	Read     string  `json:"read"` // what OCR read, for a person to look at
}

// OCRReport is the evaluation's figures.
type OCRReport struct {
	Style   ScanStyle  `json:"style"`
	Scores  []OCRScore `json:"scores"`
	Skipped []string   `json:"skipped,omitempty"` // languages without a model or font, and why
}

// ErrNoModel is returned for a language whose Tesseract model is not installed.
var ErrNoModel = errors.New("no Tesseract model for the language")

// KnownText is the known text of a language, one typed line a line.
func KnownText(code string) ([]string, error) {
	b, err := ocrTexts.ReadFile("ocrtexts/" + code + ".txt")
	if err != nil {
		return nil, fmt.Errorf("no known text for %q: %w", code, err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n"), nil
}

// OCR runs the evaluation. A language whose model or font is missing is
// listed in Skipped, not scored.
func OCR(ctx context.Context, opt OCROptions) (*OCRReport, error) {
	if opt.Style.DPI == 0 {
		opt.Style = DefaultScanStyle
	}
	dpis := opt.DPIs
	if len(dpis) == 0 {
		dpis = []int{opt.Style.DPI}
	}
	installed, err := tesseractModels(opt.Tools.Tesseract)
	if err != nil {
		return nil, err
	}
	rep := &OCRReport{Style: opt.Style}
	for _, l := range OCRLanguages {
		if len(opt.Languages) > 0 && !contains(opt.Languages, l.Code) {
			continue
		}
		if !installed[l.Model] {
			rep.Skipped = append(rep.Skipped, fmt.Sprintf("%s: %v %s (apt-get install tesseract-ocr-%s)", l.Code, ErrNoModel, l.Model, strings.ReplaceAll(l.Model, "_", "-")))
			continue
		}
		lines, err := KnownText(l.Code)
		if err != nil {
			return nil, err
		}
		for _, dpi := range dpis {
			style := opt.Style
			style.DPI = dpi
			page, set, err := ScanPage(l.Code, lines, style)
			if errors.Is(err, ErrNoFont) {
				rep.Skipped = append(rep.Skipped, err.Error())
				break
			}
			if err != nil {
				return nil, err
			}
			models := []string{opt.Tools.Languages}
			if opt.Own && opt.Tools.Languages != l.Model {
				models = append(models, l.Model)
			}
			for _, m := range models {
				tools := opt.Tools
				tools.Languages = m
				start := time.Now()
				read, err := tools.Image(ctx, page)
				if err != nil && !errors.Is(err, scan.ErrNoText) {
					return nil, fmt.Errorf("OCR of the %s page at %d dpi: %w", l.Code, dpi, err)
				}
				s := scoreOCR(l.Code, strings.Join(set, "\n"), read.String())
				s.DPI, s.Models, s.Seconds = dpi, m, time.Since(start).Seconds()
				rep.Scores = append(rep.Scores, s)
			}
		}
	}
	return rep, nil
}

// tesseractModels lists the models Tesseract has.
func tesseractModels(tesseract string) (map[string]bool, error) {
	out, err := exec.Command(tesseract, "--list-langs").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%s --list-langs: %w (apt-get install tesseract-ocr)", tesseract, err)
	}
	have := map[string]bool{}
	for _, l := range strings.Fields(string(out)) {
		have[l] = true
	}
	return have, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scoreOCR compares what OCR read with the text as set. Both are NFC with
// runs of spaces and line breaks made one space (a line break is not a
// reading error); in Chinese, where spaces are not part of the writing,
// they are dropped and no word error rate is given.
func scoreOCR(lang, want, got string) OCRScore {
	clean := func(s string) string {
		s = strings.Join(strings.Fields(norm.NFC.String(s)), " ")
		if lang == "zh" {
			s = strings.ReplaceAll(s, " ", "")
		}
		return s
	}
	w, g := []rune(clean(want)), []rune(clean(got))
	s := OCRScore{Language: lang, Chars: len(w), CER: float64(editDistance(w, g)) / float64(max(len(w), 1)), WER: -1, Read: got}
	if lang != "zh" {
		ww, gw := strings.Fields(clean(want)), strings.Fields(clean(got))
		s.Words = len(ww)
		s.WER = float64(editDistance(ww, gw)) / float64(max(len(ww), 1))
	}
	return s
}

// editDistance is Levenshtein's distance: the insertions, deletions and
// substitutions that make a into b.
func editDistance[T comparable](a, b []T) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Print writes the figures as the Markdown table docs/evaluation.md holds.
func (r *OCRReport) Print(b *strings.Builder) {
	fmt.Fprintf(b, "OCR of typed pages: %g pt monospaced type, skew up to %g°, grain σ %g, specks %g%%, %d stains (seed %d)\n\n",
		r.Style.Points, r.Style.SkewDeg, r.Style.Noise, 100*r.Style.Specks, r.Style.Stains, r.Style.Seed)
	b.WriteString("| language | dpi | Tesseract models | characters | CER | words | WER | seconds |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, s := range r.Scores {
		wer, words := "—", "—"
		if s.WER >= 0 {
			wer, words = fmt.Sprintf("%.1f%%", 100*s.WER), fmt.Sprint(s.Words)
		}
		fmt.Fprintf(b, "| %s | %d | %s | %d | %.1f%% | %s | %s | %.1f |\n", s.Language, s.DPI, s.Models, s.Chars, 100*s.CER, words, wer, s.Seconds)
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(b, "\nskipped: %s", s)
	}
	if len(r.Skipped) > 0 {
		b.WriteString("\n")
	}
}
