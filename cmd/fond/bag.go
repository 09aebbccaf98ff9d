package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"fond/internal/bagit"
	"fond/internal/ingest"
	"fond/internal/preserve"
)

func runExport(ctx context.Context, e *env, args []string) error {
	if wantsCSV(args) {
		return runExportCSV(ctx, e, args)
	}
	fs := e.flags("export")
	dir := fs.String("bagit", "", "write a BagIt bag (RFC 8493) into this folder, which must not exist or be empty")
	collection := fs.String("collection", "", "only records of this collection id")
	query := fs.String("query", "", "only records this search finds")
	org := fs.String("source-organization", "", "the institution sending the bag, for bag-info.txt")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("%w: name the bag's folder with --bagit DIR, or a spreadsheet with --csv FILE", errUsage)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	var info []bagit.Field
	if *org != "" {
		info = append(info, bagit.Field{Label: "Source-Organization", Value: *org})
	}
	info = append(info,
		bagit.Field{Label: "Bagging-Date", Value: time.Now().UTC().Format(time.DateOnly)},
		bagit.Field{Label: "Bag-Software-Agent", Value: "fond " + version()})
	sum, err := preserve.Export(ctx, st, *dir, preserve.Options{Collection: *collection, Query: *query, Info: info})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%s: %d records from %d files, %d originals, %d audit entries (Payload-Oxum %s)\n", *dir, sum.Records, sum.Files, sum.Originals, sum.Audit, sum.Oxum)
	return nil
}

func runImport(ctx context.Context, e *env, args []string) error {
	if wantsCSV(args) {
		return runImportCSV(ctx, e, args)
	}
	fs := e.flags("import")
	dir := fs.String("bagit", "", "the BagIt bag to import, written by fond export --bagit")
	asJSON := fs.Bool("json", false, "one JSON object per record")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("%w: name the bag with --bagit DIR, or a spreadsheet with --csv FILE --as NAME", errUsage)
	}
	st, err := e.openIndexedStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in := &ingest.Ingester{Store: st, Log: e.log}
	enc := json.NewEncoder(e.stdout)
	sum, err := preserve.Import(ctx, st, in, *dir, func(o ingest.Outcome) {
		if *asJSON {
			enc.Encode(o)
		} else {
			fmt.Fprintf(e.stdout, "%-9s %s  %s  (%s)\n", o.Status, o.ID, o.Title, o.File)
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%s: %d records from %d files, %d originals, %d audit entries, every checksum verified\n", *dir, sum.Records, sum.Files, sum.Originals, sum.Audit)
	return nil
}

// version is this build's module version and commit, for what it writes
// into packages others keep (bag-info.txt).
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := bi.Main.Version
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if rev != "" {
		v = strings.TrimSpace(v + " " + rev + modified)
	}
	return v
}
