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
	if len(rest) != 2 || rest[0] != "frus" {
		return fmt.Errorf("%w: fond eval frus DIR (a folder of FRUS TEI volumes)", errUsage)
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
