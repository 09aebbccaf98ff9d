// Package scan reads what arrives as pages rather than text: PDFs (their text
// layer, or OCR of pages that have none) and page images (OCR). The work is done
// by external programs, poppler's pdftotext and pdftoppm and Tesseract, found on
// PATH or where the environment says.
package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// ErrNoTool is returned when a program a file needs is not installed.
var ErrNoTool = errors.New("program not found")

// Tools are the programs and settings scan uses.
type Tools struct {
	PDFToText string // poppler-utils
	PDFToPPM  string // poppler-utils
	Tesseract string // tesseract-ocr
	// Languages are Tesseract's, joined by "+" ("eng+rus").
	Languages string
	// Thresholding is how Tesseract tells ink from paper (its
	// thresholding_method: "0" Otsu over the whole page, "1" Otsu by tiles,
	// "2" Sauvola); "" leaves Tesseract's default, Otsu.
	Thresholding string
	// Timeout bounds one run of one program (one page, for OCR); FileTimeout
	// all of one file's.
	Timeout, FileTimeout time.Duration
	// MaxPixels bounds an image, or a PDF page rendered for OCR, in pixels;
	// 0 means DefaultMaxPixels.
	MaxPixels int64
}

// FromEnv is the configuration from FOND_PDFTOTEXT, FOND_PDFTOPPM,
// FOND_TESSERACT (paths; default: found on PATH), FOND_OCR_LANGS (default:
// those of English, Russian, Korean, Chinese, German and French that Tesseract
// has installed) and FOND_OCR_THRESHOLDING (default "2", Sauvola: one
// threshold for a whole page, Tesseract's own, falls inside a grainy scan's
// paper and leaves a page of specks with no words; docs/decisions.md).
func FromEnv() Tools {
	t := Tools{
		PDFToText:    envOr("FOND_PDFTOTEXT", "pdftotext"),
		PDFToPPM:     envOr("FOND_PDFTOPPM", "pdftoppm"),
		Tesseract:    envOr("FOND_TESSERACT", "tesseract"),
		Languages:    os.Getenv("FOND_OCR_LANGS"),
		Thresholding: envOr("FOND_OCR_THRESHOLDING", "2"),
		Timeout:      2 * time.Minute,
		FileTimeout:  2 * time.Hour, // a long scanned volume at a few seconds a page
	}
	if t.Languages == "" {
		t.Languages = installedLanguages(t.Tesseract)
	}
	return t
}

// RenderTools is FromEnv without OCR: what showing pages needs (pdftotext for
// page counts, pdftoppm for page images), without running Tesseract to list
// its languages, which a web server that never recognizes text need not do.
func RenderTools() Tools {
	return Tools{PDFToText: envOr("FOND_PDFTOTEXT", "pdftotext"), PDFToPPM: envOr("FOND_PDFTOPPM", "pdftoppm"),
		Timeout: 2 * time.Minute, FileTimeout: 10 * time.Minute}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// preferred are the languages of the archives fond is for, in the order
// Tesseract should weigh them.
var preferred = []string{"eng", "rus", "kor", "chi_sim", "chi_tra", "deu", "fra"}

var langCache sync.Map // tesseract path -> languages

// installedLanguages asks Tesseract which of the preferred languages it has;
// "eng" when it cannot say (the error surfaces when a scan is read).
func installedLanguages(tesseract string) string {
	if v, ok := langCache.Load(tesseract); ok {
		return v.(string)
	}
	out, err := exec.Command(tesseract, "--list-langs").CombinedOutput()
	langs := "eng"
	if err == nil {
		have := map[string]bool{}
		for _, l := range strings.Fields(string(out)) {
			have[l] = true
		}
		var use []string
		for _, l := range preferred {
			if have[l] {
				use = append(use, l)
			}
		}
		if len(use) > 0 {
			langs = strings.Join(use, "+")
		}
	}
	langCache.Store(tesseract, langs)
	return langs
}

// packages says where to get each program, for the error a missing one gives.
var packages = map[string]string{
	"pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "tesseract": "tesseract-ocr",
}

// run runs one program with stdin and returns its standard output. A failure
// carries the first lines of what the program said.
func (t Tools) run(ctx context.Context, env, prog string, stdin []byte, args ...string) ([]byte, error) {
	path, err := exec.LookPath(prog)
	if err != nil {
		base := prog[strings.LastIndexByte(prog, '/')+1:]
		return nil, fmt.Errorf("%w: %s is needed for this file (Debian package %s); install it or set %s to its path",
			ErrNoTool, prog, packages[base], env)
	}
	if t.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.Timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	out := &capped{max: maxOutput}
	stderr := &capped{max: 64 << 10, quiet: true}
	cmd.Stdout, cmd.Stderr = out, stderr
	// A program that leaves its output open after being killed must not hold
	// the ingest up.
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		switch {
		case ctx.Err() != nil:
			return nil, fmt.Errorf("%s: %w", prog, ctx.Err())
		case out.over:
			return nil, fmt.Errorf("%s: output over %d MB; the file is too large to read", prog, maxOutput>>20)
		}
		return nil, fmt.Errorf("%s: %s", prog, said(stderr.b.String(), err))
	}
	return out.b.Bytes(), nil
}

// capped keeps up to max bytes of a program's output; past that it fails the
// program's writes, or (quiet, for messages) drops the rest.
type capped struct {
	b     bytes.Buffer
	max   int
	over  bool
	quiet bool
}

var errOutputLimit = errors.New("output limit reached")

func (c *capped) Write(p []byte) (int, error) {
	if c.b.Len()+len(p) > c.max {
		c.over = true
		if c.quiet {
			return len(p), nil
		}
		return 0, errOutputLimit
	}
	return c.b.Write(p)
}

// said is a program's complaint in one line: its first distinct messages.
func said(stderr string, err error) string {
	var lines []string
	seen := map[string]bool{}
	for _, l := range strings.Split(stderr, "\n") {
		if l = strings.TrimSpace(l); l != "" && !seen[l] && len(lines) < 3 {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return err.Error()
	}
	return strings.Join(lines, "; ")
}
