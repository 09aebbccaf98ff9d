package main

import (
	"context"
	"fmt"
	"strings"

	"fond/internal/compare"
	"fond/internal/names"
)

func runCompare(ctx context.Context, e *env, args []string) error {
	fs := e.flags("compare")
	asJSON := fs.Bool("json", false, "print the alignment as JSON")
	all := fs.Bool("all", false, "print identical sentence pairs too")
	budget := fs.Int64("budget", compare.DefaultBudget, "work units the comparison may spend; past them the rest is printed unaligned")
	ids, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	recs, err := e.records(ctx, ids, 2)
	if err != nil {
		return err
	}
	a, b := recs[0], recs[1]
	res, err := compare.CompareTexts(ctx, compare.TextOf(a), compare.TextOf(b), names.Key, compare.Options{Budget: *budget})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, res)
	}
	fmt.Fprintf(e.stdout, "A: %s  %s\nB: %s  %s\n", a.ID, a.Title, b.ID, b.Title)
	fmt.Fprintln(e.stdout, "Marks: [-A-]{+B+} changed; [~A|B~] same name, other spelling; <<…>> editorial apparatus")
	notes := false
	for n, p := range res.Pairs {
		if p.Footnote && !notes {
			notes = true
			fmt.Fprintln(e.stdout, "\nFootnotes (A's note beside the note of B that says the same, whatever their numbers):")
		}
		if p.Unaligned {
			printUnaligned(e, p)
			continue
		}
		var out []string
		differs := false
		for _, op := range p.Ops {
			switch op.Kind {
			case compare.Same:
				out = append(out, strings.Join(op.A, " "))
				continue
			case compare.Variant:
				out = append(out, "[~"+strings.Join(op.A, " ")+"|"+strings.Join(op.B, " ")+"~]")
			case compare.Apparatus:
				out = append(out, "<<"+strings.TrimSpace(strings.Join(op.A, " ")+" "+strings.Join(op.B, " "))+">>")
			default:
				if len(op.A) > 0 {
					out = append(out, "[-"+strings.Join(op.A, " ")+"-]")
				}
				if len(op.B) > 0 {
					out = append(out, "{+"+strings.Join(op.B, " ")+"+}")
				}
			}
			differs = true
		}
		if !(differs || p.Differs() || *all || len(p.AIdx) != 1 || len(p.BIdx) != 1) {
			continue
		}
		switch {
		case p.Footnote:
			fmt.Fprintf(e.stdout, "\n%3d  note A %s · B %s  %s\n", n+1, orNone(p.ANote), orNone(p.BNote), strings.Join(out, " "))
		case p.Editorial:
			fmt.Fprintf(e.stdout, "\n%3d  A%v B%v  editor's note: %s\n", n+1, p.AIdx, p.BIdx, strings.Join(out, " "))
		default:
			fmt.Fprintf(e.stdout, "\n%3d  A%v B%v  %s\n", n+1, p.AIdx, p.BIdx, strings.Join(out, " "))
		}
	}
	units := len(res.Pairs)
	if res.Truncated {
		units-- // the unaligned rest
	}
	fmt.Fprintf(e.stdout, "\n%d aligned units; words: %v\n", units, res.Stats)
	if res.Truncated {
		fmt.Fprintf(e.stdout, "the rest was not aligned: over the comparison budget (%d sentences; --budget raises it)\n", res.Unaligned)
	}
	return nil
}

// orNone is a note number, or a dash where an edition has no such note.
func orNone(n string) string {
	if n == "" {
		return "—"
	}
	return n
}

// printUnaligned prints the sentences the budget left unaligned, each with the
// text and index it has in its document, so that none goes unseen.
func printUnaligned(e *env, p compare.Pair) {
	fmt.Fprintln(e.stdout, "\nthe rest was not aligned: over the comparison budget")
	for k, s := range p.ASentences {
		fmt.Fprintf(e.stdout, "  A[%d] %s\n", p.AIdx[k], s)
	}
	for k, s := range p.BSentences {
		fmt.Fprintf(e.stdout, "  B[%d] %s\n", p.BIdx[k], s)
	}
}
