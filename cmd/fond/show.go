package main

import (
	"context"
	"fmt"
	"strings"

	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/tei"
)

func runShow(ctx context.Context, e *env, args []string) error {
	fs := e.flags("show")
	asJSON := fs.Bool("json", false, "print the record as JSON")
	asTEI := fs.Bool("tei", false, "print the record as a TEI P5 document")
	ids, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	recs, err := e.records(ctx, ids, 1)
	if err != nil {
		return err
	}
	r := recs[0]
	switch {
	case *asJSON:
		return writeJSON(e, r)
	case *asTEI:
		doc, err := tei.Document(r, "")
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(doc)
		return err
	}
	printRecord(e, &r)
	return nil
}

func printRecord(e *env, r *record.Record) {
	w := e.stdout
	fmt.Fprintf(w, "%s\n%s\n\n", r.Title, strings.Repeat("=", min(len(r.Title), 78)))
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-15s %s\n", name+":", v)
		}
	}
	field("ID", r.ID)
	if r.Status != record.Published {
		field("Status", strings.TrimSuffix(r.Status+": "+r.WithdrawnReason, ": "))
	}
	field("Date", dateLine(r.Date))
	field("Type", r.Type)
	field("Category", r.Category)
	field("Classification", r.Classification)
	field("Place", r.Place)
	field("Authors", strings.Join(r.Authors, "; "))
	field("Recipients", strings.Join(r.Recipients, "; "))
	field("Participants", strings.Join(r.Participants, "; "))
	field("Translators", strings.Join(r.Translators, "; "))
	for _, s := range r.Sources {
		field("Source", s.Reference)
	}
	field("Summary", r.Summary)
	fmt.Fprintf(w, "\n%s\n", r.Body)
	for _, n := range r.Notes {
		fmt.Fprintf(w, "\n[%s note] %s\n", n.Kind, n.Text)
	}
}

func dateLine(d record.Date) string {
	if d.IsZero() {
		return ""
	}
	s := d.Display
	if s == "" {
		s = d.EDTF
	}
	if d.Qualifier != "" && d.Qualifier != record.Exact {
		s += " (" + d.Qualifier + ")"
	}
	return s
}

func runList(ctx context.Context, e *env, args []string) error {
	fs := e.flags("list")
	asJSON := fs.Bool("json", false, "print records as a JSON array")
	limit := fs.Int("limit", 0, "at most N records (0: all)")
	offset := fs.Int("offset", 0, "skip the first N records")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	recs, total, err := st.List(ctx, store.ListQuery{Limit: *limit, Offset: *offset})
	if err != nil {
		return err
	}
	if *asJSON {
		if recs == nil {
			recs = []record.Record{}
		}
		return writeJSON(e, recs)
	}
	for _, r := range recs {
		fmt.Fprintf(e.stdout, "%s  %-12s  %-10s  %s\n", r.ID, r.Date.EDTF, r.Category, r.Title)
	}
	fmt.Fprintf(e.stderr, "%d records\n", total)
	return nil
}
