package main

import (
	"context"
	"fmt"
	"strings"

	"fond/internal/eval"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := e.flags("eval")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	samples := fs.Int("samples", 5, "failures to show per field")
	textEvery := fs.Int("text-every", 1, "printed: every n-th document as a text page (0: none)")
	pdfEvery := fs.Int("pdf-every", 10, "printed: every n-th document typeset as a PDF with groff (0: none)")
	ocrEvery := fs.Int("ocr-every", 0, "printed: every n-th document's PDF rendered and recognized by OCR (0: none)")
	volumes := fs.String("volumes", "", "printed: only these volumes, comma-separated (e.g. frus1934v04)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 || rest[0] != "frus" && rest[0] != "names" && rest[0] != "printed" && rest[0] != "redactions" {
		return fmt.Errorf("%w: fond eval frus|names|printed|redactions DIR (a folder of FRUS TEI volumes)", errUsage)
	}
	if rest[0] == "redactions" {
		rep, err := eval.Redactions(ctx, rest[1])
		return printReport(e, rep, err, *asJSON)
	}
	if rest[0] == "printed" {
		opt := eval.PrintedOptions{TextEvery: *textEvery, PDFEvery: *pdfEvery, OCREvery: *ocrEvery, Samples: *samples}
		if *volumes != "" {
			opt.Volumes = strings.Split(*volumes, ",")
		}
		rep, err := eval.Printed(ctx, rest[1], opt)
		return printReport(e, rep, err, *asJSON)
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
