package main

import (
	"context"
	"fmt"
	"strings"

	"fond/internal/cite"
)

func runCite(ctx context.Context, e *env, args []string) error {
	fs := e.flags("cite")
	style := fs.String("style", "chicago", "citation style: "+strings.Join(cite.Styles(), ", "))
	ids, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	recs, err := e.records(ctx, ids, 1)
	if err != nil {
		return err
	}
	out, err := cite.Format(*style, &recs[0])
	if err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	fmt.Fprintln(e.stdout, strings.TrimRight(out, "\r\n"))
	return nil
}
