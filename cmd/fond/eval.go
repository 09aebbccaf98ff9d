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
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 || rest[0] != "frus" && rest[0] != "names" {
		return fmt.Errorf("%w: fond eval frus|names DIR (a folder of FRUS TEI volumes)", errUsage)
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
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, rep)
	}
	var b strings.Builder
	rep.Print(&b)
	fmt.Fprint(e.stdout, b.String())
	return nil
}
