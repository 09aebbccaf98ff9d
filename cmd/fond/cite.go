package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"fond/internal/cite"
	"fond/internal/web"
)

func runCite(ctx context.Context, e *env, args []string) error {
	fs := e.flags("cite")
	style := fs.String("style", "chicago", "citation style: "+strings.Join(cite.Styles(), ", ")+"; with --json a comma-separated list, or all")
	publicURL := fs.String("public-url", os.Getenv("FOND_PUBLIC_URL"), "the archive's address as readers reach it (https://archive.example.org): citations then give the document's permanent URL under it (default $FOND_PUBLIC_URL)")
	asJSON := fs.Bool("json", false, `one JSON line per record and style, {"id","style","url","citation"}; any number of ids`)
	ids, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *publicURL != "" {
		if err := web.ValidPublicURL(*publicURL); err != nil {
			return fmt.Errorf("%w: --public-url %q: %w", errUsage, *publicURL, err)
		}
	}
	styles := []string{*style}
	if *asJSON {
		styles = strings.Split(*style, ",")
		if *style == "all" {
			styles = cite.Styles()
		}
	}
	want := 1
	if *asJSON && len(ids) > 0 {
		want = len(ids)
	}
	recs, err := e.records(ctx, ids, want)
	if err != nil {
		return err
	}
	for i := range recs {
		o := cite.Options{URL: cite.PermanentURL(*publicURL, recs[i].ID)}
		for _, s := range styles {
			out, err := cite.FormatWith(s, &recs[i], o)
			if err != nil {
				return fmt.Errorf("%w: %w", errUsage, err)
			}
			if !*asJSON {
				fmt.Fprintln(e.stdout, strings.TrimRight(out, "\r\n"))
				continue
			}
			b, err := json.Marshal(map[string]string{"id": recs[i].ID, "style": s, "url": o.URL, "citation": out})
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s\n", b)
		}
	}
	return nil
}
