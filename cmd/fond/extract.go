package main

import (
	"context"
	"encoding/json"
	"fmt"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := e.flags("extract")
	fs.Bool("json", true, "print the records as a JSON array (the only output form)")
	limits := ingestLimitFlags(fs)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fmt.Errorf("%w: name exactly one file", errUsage)
	}
	data, err := limits.ReadFile(ctx, files[0])
	if err != nil {
		return err
	}
	res, err := limits.Extract(ctx, files[0], data)
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "warning  %s\n", w)
	}
	return writeJSON(e, res.Records)
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
