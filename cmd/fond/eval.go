package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fond/internal/eval"
	"fond/internal/ingest/scan"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := e.flags("eval")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	samples := fs.Int("samples", 5, "failures to show per field")
	textEvery := fs.Int("text-every", 1, "printed: every n-th document as a text page (0: none)")
	pdfEvery := fs.Int("pdf-every", 10, "printed: every n-th document typeset as a PDF with groff (0: none)")
	ocrEvery := fs.Int("ocr-every", 0, "printed: every n-th document's PDF rendered and recognized by OCR (0: none)")
	whole := fs.String("whole", "", "printed: also whole volumes set on shared pages, read as one file each and split into documents: text, pdf or text,pdf")
	layouts := fs.String("layouts", strings.Join(eval.Layouts, ","), "printed: other publishers' layouts to set documents in and read as text, comma-separated: telegram, cia, wilson (none: \"\")")
	layoutEvery := fs.Int("layout-every", 1, "printed: every n-th document set in each of --layouts (0: none)")
	volumes := fs.String("volumes", "", "printed: only these volumes, comma-separated (e.g. frus1934v04)")
	langs := fs.String("langs", "en,ru,ko,zh", "ocr: the known texts' languages to typeset and read")
	dpis := fs.String("dpi", "200,300", "ocr: resolutions to scan the pages at, comma-separated")
	style := eval.DefaultScanStyle
	fs.Float64Var(&style.Points, "points", style.Points, "ocr: type size")
	fs.Float64Var(&style.SkewDeg, "skew", style.SkewDeg, "ocr, and printed OCR: most skew of a page, either way, in degrees")
	fs.Float64Var(&style.Noise, "noise", style.Noise, "ocr, and printed OCR: scanner grain, standard deviation in grey levels")
	fs.Float64Var(&style.Specks, "specks", style.Specks, "ocr, and printed OCR: fraction of pixels flipped to ink or paper")
	fs.IntVar(&style.Stains, "stains", style.Stains, "ocr, and printed OCR: stains on a page")
	fs.Uint64Var(&style.Seed, "seed", style.Seed, "ocr, and printed OCR: seed of the page's randomness (same seed, same page)")
	fs.StringVar(&style.FontFile, "cjk-font", "", "ocr: OpenType collection with Noto Sans Mono CJK KR and SC (default: fonts-noto-cjk's)")
	aged := fs.Bool("aged", true, "printed: age the OCR mode's page images as scans are (--skew, --noise, --specks, --stains, --seed); false reads clean renders")
	jobs := fs.Int("jobs", 2, "printed: documents read at once (each PDF and OCR read runs groff, poppler and Tesseract)")
	ocrCache := fs.String("ocr-cache", "", "printed: a directory keeping each page image's OCR text, so that a rerun skips Tesseract (none: read every page)")
	own := fs.Bool("own-model", true, "ocr: also read each page with its language's model only, beside the models every scan is read with")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 1 && rest[0] == "ocr" {
		opt := eval.OCROptions{Languages: strings.Split(*langs, ","), Own: *own, Tools: scan.FromEnv(), Style: style}
		for _, d := range strings.Split(*dpis, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(d))
			if err != nil || n < 72 || n > 600 {
				return fmt.Errorf("%w: --dpi %q: want resolutions from 72 to 600, comma-separated", errUsage, d)
			}
			opt.DPIs = append(opt.DPIs, n)
		}
		rep, err := eval.OCR(ctx, opt)
		return printReport(e, rep, err, *asJSON)
	}
	if len(rest) != 2 || rest[0] != "frus" && rest[0] != "names" && rest[0] != "printed" && rest[0] != "redactions" {
		return fmt.Errorf("%w: fond eval frus|names|printed|redactions DIR (a folder of FRUS TEI volumes), or fond eval ocr", errUsage)
	}
	if rest[0] == "redactions" {
		rep, err := eval.Redactions(ctx, rest[1])
		return printReport(e, rep, err, *asJSON)
	}
	if rest[0] == "printed" {
		opt := eval.PrintedOptions{TextEvery: *textEvery, PDFEvery: *pdfEvery, OCREvery: *ocrEvery, Samples: *samples, OCRCache: *ocrCache, Jobs: *jobs}
		if *jobs < 1 {
			return fmt.Errorf("%w: --jobs %d: want 1 or more", errUsage, *jobs)
		}
		if *aged {
			s := eval.PrintedScanStyle
			s.SkewDeg, s.Noise, s.Specks, s.Stains, s.Seed = style.SkewDeg, style.Noise, style.Specks, style.Stains, style.Seed
			opt.Scan = &s
		}
		for _, w := range strings.Split(*whole, ",") {
			switch strings.TrimSpace(w) {
			case "":
			case "text":
				opt.WholeText = true
			case "pdf":
				opt.WholePDF = true
			default:
				return fmt.Errorf("%w: --whole %q: want text, pdf or text,pdf", errUsage, w)
			}
		}
		if *volumes != "" {
			opt.Volumes = strings.Split(*volumes, ",")
		}
		lopt := eval.LayoutOptions{Every: *layoutEvery, Volumes: opt.Volumes, Samples: *samples}
		for _, l := range strings.Split(*layouts, ",") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			if !slices.Contains(eval.Layouts, l) {
				return fmt.Errorf("%w: --layouts %q: want some of %s, comma-separated", errUsage, l, strings.Join(eval.Layouts, ","))
			}
			lopt.Layouts = append(lopt.Layouts, l)
		}
		if *layoutEvery < 0 {
			return fmt.Errorf("%w: --layout-every %d: want 0 or more", errUsage, *layoutEvery)
		}
		rep, err := eval.Printed(ctx, rest[1], opt)
		if err != nil || len(lopt.Layouts) == 0 || lopt.Every == 0 {
			return printReport(e, rep, err, *asJSON)
		}
		lrep, err := eval.PrintedLayouts(ctx, rest[1], lopt)
		if err != nil {
			return err
		}
		rep.Merge(lrep)
		return printReport(e, rep, nil, *asJSON)
	}
	if rest[0] == "names" {
		rep, err := eval.FRUSNames(ctx, rest[1], *samples)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e, rep)
		}
		fmt.Fprintf(e.stdout, "mention → person linking: %d volumes with a persons list, %d persons, %d mentions\n", rep.Volumes, rep.Persons, rep.Mentions)
		fmt.Fprintf(e.stdout, "resolved %d, correct %d: precision %.1f%%, recall %.1f%%\n", rep.Resolved, rep.Correct, 100*rep.Precision, 100*rep.Recall)
		for _, w := range rep.Wrong {
			fmt.Fprintf(e.stdout, "  %s\n", w)
		}
		return nil
	}
	rep, err := eval.FRUS(ctx, rest[1], *samples)
	return printReport(e, rep, err, *asJSON)
}

// printReport writes an evaluation's report as a table, or as JSON.
func printReport(e *env, rep interface{ Print(*strings.Builder) }, err error, asJSON bool) error {
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e, rep)
	}
	var b strings.Builder
	rep.Print(&b)
	fmt.Fprint(e.stdout, b.String())
	return nil
}
