package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"fond/internal/names"
	"fond/internal/search"
	"fond/internal/store"
)

// runNames works on the authority file: fond names list|show|suggest|export|
// import|add|merge|split.
func runNames(ctx context.Context, e *env, args []string) error {
	fs := e.flags("names")
	format := fs.String("format", "json", "export/import format: json or csv")
	kind := fs.String("kind", "", "list only this kind: person, place, organisation")
	asJSON := fs.Bool("json", false, "mentions as JSON")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return fmt.Errorf("%w: fond names list|show NAME|suggest NAME|mentions RECORD|confirm RECORD START AUTHORITY|reject RECORD START|learn|export|import FILE|add ID VARIANT|merge ID ID|split ID VARIANT NEWID", errUsage)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := st.Authorities(ctx)
	if err != nil {
		return err
	}
	need := func(n int) error {
		if len(rest) != n+1 {
			return fmt.Errorf("%w: fond names %s takes %d argument(s)", errUsage, rest[0], n)
		}
		return nil
	}
	save := func(g *names.File, err error) error {
		if err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		if err := st.SetAuthorities(ctx, g); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "authority file saved: %d entries\n", len(g.Authorities))
		return nil
	}
	switch rest[0] {
	case "list":
		for _, a := range f.Sorted() {
			if *kind == "" || a.Kind == *kind {
				fmt.Fprintf(e.stdout, "%-18s %-7s %s (%s)\n", a.ID, a.Kind, a.Preferred, strings.Join(a.Variants, "; "))
			}
		}
		return nil
	case "show":
		if err := need(1); err != nil {
			return err
		}
		m, ok := f.Resolve(rest[1])
		if !ok {
			fmt.Fprintf(e.stdout, "%q is not in the authority file.\n", rest[1])
			for _, s := range f.Suggest(rest[1]) {
				fmt.Fprintf(e.stdout, "  did you mean %s (%s)? confidence %.1f\n", s.Authority.Preferred, s.Authority.ID, s.Confidence)
			}
			return nil
		}
		a := m.Authority
		res, err := st.Search(ctx, search.Query{Text: a.Kind + `:"` + rest[1] + `"`, Limit: 1, Unpublished: true})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s  [%s, %s]  match confidence %.1f\n", a.Preferred, a.ID, a.Kind, m.Confidence)
		if a.Dates != "" {
			fmt.Fprintf(e.stdout, "dates:     %s\n", a.Dates)
		}
		if len(a.Roles) > 0 {
			fmt.Fprintf(e.stdout, "roles:     %s\n", strings.Join(a.Roles, "; "))
		}
		fmt.Fprintf(e.stdout, "variants:  %s\n", strings.Join(a.Variants, "; "))
		fmt.Fprintf(e.stdout, "documents: %d\n", res.Total)
		return nil
	case "suggest":
		if err := need(1); err != nil {
			return err
		}
		for _, s := range f.Suggest(rest[1]) {
			fmt.Fprintf(e.stdout, "%s (%s) confidence %.1f\n", s.Authority.Preferred, s.Authority.ID, s.Confidence)
		}
		return nil
	case "export":
		out, err := f.JSON()
		if *format == "csv" {
			out, err = f.CSV()
		}
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(append(bytes.TrimRight(out, "\n"), '\n'))
		return err
	case "import":
		if err := need(1); err != nil {
			return err
		}
		data, err := os.ReadFile(rest[1])
		if err != nil {
			return err
		}
		if *format == "csv" || strings.HasSuffix(strings.ToLower(rest[1]), ".csv") {
			return save(names.LoadCSV(bytes.NewReader(data)))
		}
		return save(names.Load(data))
	case "mentions":
		if err := need(1); err != nil {
			return err
		}
		ms, err := store.RecordMentions(ctx, st, f, rest[1])
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e, ms)
		}
		for _, m := range ms {
			mark := ""
			switch {
			case m.Status != "":
				mark = " [" + m.Status + "]"
			case m.Suggested:
				mark = " [suggested: confirm or reject]"
			}
			fmt.Fprintf(e.stdout, "%6d-%-6d %-24q → %s (%s) %.2f%s\n", m.Start, m.End, m.Text, m.Preferred, m.Authority, m.Confidence, mark)
		}
		return nil
	case "confirm", "reject":
		n := 3
		if rest[0] == "reject" {
			n = 2
		}
		if err := need(n); err != nil {
			return err
		}
		start, err := strconv.Atoi(rest[2])
		if err != nil {
			return fmt.Errorf("%w: START must be the mention's offset (see fond names mentions ID)", errUsage)
		}
		ms, err := store.RecordMentions(ctx, st, f, rest[1])
		if err != nil {
			return err
		}
		d := store.NameDecision{RecordID: rest[1], Start: start, Status: rest[0] + "ed"} // confirmed | rejected
		for _, m := range ms {
			if m.Start == start {
				d.End, d.Authority = m.End, m.Authority
			}
		}
		if rest[0] == "confirm" {
			d.Authority = rest[3]
			if _, ok := f.ByID(d.Authority); !ok {
				return fmt.Errorf("%w: unknown authority id %q", errUsage, d.Authority)
			}
		}
		if d.End == 0 {
			return fmt.Errorf("%w: no name starts at %d in %s (see fond names mentions ID)", errUsage, start, rest[1])
		}
		return st.DecideName(ctx, d)
	case "learn":
		// Spellings the documents themselves pair with known names.
		recs, _, err := st.List(ctx, store.ListQuery{})
		if err != nil {
			return err
		}
		var pairs []names.Pair
		for _, r := range recs {
			pairs = append(pairs, names.Pairs(r.Body)...)
		}
		g, added, unknown := f.Learn(pairs)
		for _, a := range added {
			fmt.Fprintf(e.stdout, "added    %s\n", a)
		}
		for _, p := range unknown {
			fmt.Fprintf(e.stdout, "unknown  %s = %s (neither is in the authority file)\n", p.A, p.B)
		}
		if len(added) == 0 {
			return nil
		}
		return save(g, nil)
	case "add":
		if err := need(2); err != nil {
			return err
		}
		return save(f.Add(rest[1], rest[2]))
	case "merge":
		if err := need(2); err != nil {
			return err
		}
		return save(f.Merge(rest[1], rest[2]))
	case "split":
		if err := need(3); err != nil {
			return err
		}
		return save(f.Split(rest[1], rest[2], rest[3]))
	}
	return fmt.Errorf("%w: unknown names command %q", errUsage, rest[0])
}
