package main

import (
	"context"
	"errors"
	"fmt"

	"fond/internal/bagit"
	"fond/internal/store"
)

func runVerify(ctx context.Context, e *env, args []string) error {
	fs := e.flags("verify")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	v, ok := st.(store.Verifier)
	if !ok {
		return errors.New("this store cannot verify itself")
	}
	var prog *progress
	rep, err := v.Verify(ctx, func(p store.VerifyProgress) {
		if *asJSON {
			return
		}
		if prog == nil {
			prog = newProgress(e.stderr, p.Originals, p.Bytes)
			prog.unit = "originals"
		}
		prog.set(p.OriginalsDone, p.BytesDone)
	})
	if prog != nil {
		prog.finish()
	}
	if err != nil {
		return fmt.Errorf("%s: %w", e.dbName(), err)
	}
	if *asJSON {
		if rep.Problems == nil {
			rep.Problems = []store.Problem{}
		}
		if err := writeJSON(e, rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintln(e.stdout, p)
		}
		verdict := "all sound"
		if !rep.OK() {
			verdict = fmt.Sprintf("%d problem(s)", len(rep.Problems))
		}
		fmt.Fprintf(e.stderr, "%s: %d originals (%s) re-hashed, %d records checked, %d index entries: %s\n",
			e.dbName(), rep.Originals, bagit.HumanSize(rep.Bytes), rep.Records, rep.Indexed, verdict)
	}
	if !rep.OK() {
		return errFailed
	}
	return nil
}
