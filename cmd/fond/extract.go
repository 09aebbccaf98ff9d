package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"fond/internal/ingest"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := e.flags("extract")
	fs.Bool("json", true, "print the records as a JSON array (the only output form)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fmt.Errorf("%w: name exactly one file", errUsage)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return err
	}
	res, err := ingest.Extract(ctx, files[0], data)
	if err != nil {
		return err
	}
	return writeJSON(e, res.Records)
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
