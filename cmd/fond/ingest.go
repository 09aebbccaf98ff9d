package main

import (
	"context"
	"encoding/json"
	"fmt"

	"fond/internal/ingest"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := e.flags("ingest")
	asJSON := fs.Bool("json", false, "one JSON object per line: {file,id,status} or {file,error}")
	replace := fs.Bool("replace", false, "let these files take over records that other files (other paths) own, such as a corpus moved to another folder; without it such a file is refused as a conflict")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: name at least one file or folder", errUsage)
	}
	st, err := e.openIndexedStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in := &ingest.Ingester{Store: st, Log: e.log, Replace: *replace}
	counts := map[string]int{}
	enc := json.NewEncoder(e.stdout)
	failed, err := in.Paths(ctx, paths, func(o ingest.Outcome) {
		if o.Error != "" {
			counts["failed"]++
		} else {
			counts[o.Status]++
		}
		switch {
		case *asJSON && o.Error != "":
			enc.Encode(struct {
				File  string `json:"file"`
				Error string `json:"error"`
			}{o.File, o.Error})
		case *asJSON:
			enc.Encode(struct {
				File   string `json:"file"`
				ID     string `json:"id"`
				Status string `json:"status"`
				Title  string `json:"title"`
			}{o.File, o.ID, o.Status, o.Title})
		case o.Error != "":
			fmt.Fprintf(e.stderr, "error    %s\n", o.Error)
		default:
			fmt.Fprintf(e.stdout, "%-9s %s  %s  (%s)\n", o.Status, o.ID, o.Title, o.File)
		}
	})
	if !*asJSON {
		replaced := ""
		if n := counts["replaced"]; n > 0 {
			replaced = fmt.Sprintf(", %d replaced", n)
		}
		fmt.Fprintf(e.stderr, "%d added, %d updated, %d unchanged%s, %d files failed\n", counts["added"], counts["updated"], counts["unchanged"], replaced, failed)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

func runReindex(ctx context.Context, e *env, args []string) error {
	fs := e.flags("reindex")
	asJSON := fs.Bool("json", false, "one JSON object per line")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	st, err := e.openIndexedStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in := &ingest.Ingester{Store: st, Log: e.log}
	enc := json.NewEncoder(e.stdout)
	failed, err := in.Reindex(ctx, func(o ingest.Outcome) {
		if *asJSON {
			enc.Encode(o)
		} else if o.Error != "" {
			fmt.Fprintf(e.stderr, "error    %s\n", o.Error)
		} else {
			fmt.Fprintf(e.stdout, "%-9s %s  %s\n", o.Status, o.ID, o.Title)
		}
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}
