package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fond/internal/csvrec"
	"fond/internal/record"
	"fond/internal/store"
)

// Defaults of fond import --csv's bounds: a spreadsheet of an archive's
// metadata is a few MB per 10,000 records; the text (--with-body) is what
// makes one large.
const (
	defaultCSVMaxSize = 64 << 20
	defaultCSVMaxRows = 100_000
)

// auditImportCSV is the audit log's action for an import by the command
// line in a person's name: the revisions say who, this says who ran it.
const auditImportCSV = "records.import"

// wantsCSV reports whether export or import was asked for CSV, not a bag.
func wantsCSV(args []string) bool {
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "csv" {
			return true
		}
	}
	return false
}

func runExportCSV(ctx context.Context, e *env, args []string) error {
	fset := e.flags("export")
	out := fset.String("csv", "", "write records' metadata as a spreadsheet (CSV, RFC 4180) to this file, which must not exist, or - for standard output")
	withBody := fset.Bool("with-body", false, "add each record's text in a body column (Excel cuts a cell at 32,767 characters: such cells are named on standard error)")
	status := fset.String("status", "", "only records in this publication state: draft, published or withdrawn")
	collection := fset.String("collection", "", "only records of this collection id")
	bom := fset.Bool("bom", true, "begin with a UTF-8 byte order mark, without which Excel garbles Cyrillic and Hangul")
	ids, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: name the file with --csv FILE (or --csv - for standard output)", errUsage)
	}
	switch *status {
	case "", record.Draft, record.Published, record.Withdrawn:
	default:
		return fmt.Errorf("%w: --status %q is not draft, published or withdrawn", errUsage, *status)
	}
	keep := func(r record.Record) bool {
		return (*status == "" || r.Status == *status) && (*collection == "" || (r.Collection != nil && r.Collection.ID == *collection))
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	chosen, sources, notes, err := exportIDs(ctx, st, ids, keep)
	if err != nil {
		return err
	}
	cols := csvrec.Columns(sources, notes, *withBody)
	write := func(w io.Writer) error {
		if *bom {
			if _, err := io.WriteString(w, csvrec.BOM); err != nil {
				return err
			}
		}
		cw, err := csvrec.NewWriter(w, cols)
		if err != nil {
			return err
		}
		for _, id := range chosen {
			if err := ctx.Err(); err != nil {
				return err
			}
			r, err := st.Get(ctx, id)
			if err != nil {
				return err
			}
			long, err := cw.Write(r)
			if err != nil {
				return fmt.Errorf("%w (it changed during the export: run it again)", err)
			}
			for _, c := range long {
				fmt.Fprintf(e.stderr, "warning: record %s: %s is longer than an Excel cell holds (%d characters); Excel would cut it, LibreOffice keeps it\n", r.ID, c, csvrec.ExcelCellLimit)
			}
		}
		return cw.Flush()
	}
	if *out == "-" {
		err = write(e.stdout)
	} else {
		err = writeNew(*out, write)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%s: %d records, %d columns\n", *out, len(chosen), len(cols)+2)
	return nil
}

// exportIDs lists the records to export, in date order (or the order named),
// and the most sources and notes any of them has, for the columns.
func exportIDs(ctx context.Context, st store.Store, ids []string, keep func(record.Record) bool) (chosen []string, sources, notes int, err error) {
	seen := map[string]bool{}
	add := func(r record.Record) {
		if keep(r) && !seen[r.ID] {
			seen[r.ID] = true
			chosen = append(chosen, r.ID)
			s, n := csvrec.Counts(r)
			sources, notes = max(sources, s), max(notes, n)
		}
	}
	if len(ids) > 0 {
		for _, id := range ids {
			r, err := st.Get(ctx, id)
			if err != nil {
				return nil, 0, 0, err
			}
			add(r)
		}
		return chosen, sources, notes, nil
	}
	const page = 500
	for off := 0; ; off += page {
		rs, _, err := st.List(ctx, store.ListQuery{Limit: page, Offset: off})
		if err != nil {
			return nil, 0, 0, err
		}
		for _, r := range rs {
			add(r)
		}
		if len(rs) < page {
			return chosen, sources, notes, nil
		}
	}
}

// writeNew writes a file that must not exist yet, whole or not at all: into
// a temporary file beside it, then linked into place (which fails if the
// name was taken meanwhile). An export never overwrites a spreadsheet,
// which may hold a person's unsaved work.
func writeNew(path string, write func(io.Writer) error) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s exists: fond never overwrites a file (edits in it would be lost); remove it or name another", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	// CreateTemp's 0600 is for secrets; a spreadsheet is shared like any document.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s exists: fond never overwrites a file; remove it or name another", path)
	} else if err != nil {
		return err
	}
	return nil
}

func runImportCSV(ctx context.Context, e *env, args []string) error {
	fset := e.flags("import")
	file := fset.String("csv", "", "the spreadsheet to apply, as written by fond export --csv and edited (- for standard input)")
	as := fset.String("as", "", "the account the changes are made by, as in fond users list (required)")
	dry := fset.Bool("dry-run", false, "print what would change (id, column, from → to) and write nothing")
	whole := fset.Bool("all-or-nothing", false, "write nothing if any row is stale, as well as when any cell is bad")
	note := fset.String("note", "", "why the changes are made, kept in each revision beside the file and line")
	maxSize := byteSize(defaultCSVMaxSize)
	fset.Var(&maxSize, "max-file-size", "refuse a larger file, unread (bytes, or with KB, MB, GB, KiB, MiB, GiB)")
	maxRows := fset.Int("max-rows", defaultCSVMaxRows, "refuse a file of more rows, before anything is written")
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if *file == "" || *as == "" || len(rest) > 0 {
		return fmt.Errorf("%w: fond import --csv FILE --as NAME [--dry-run]", errUsage)
	}
	if *maxRows <= 0 {
		return fmt.Errorf("%w: --max-rows must be positive", errUsage)
	}
	data, err := readBounded(*file, int64(maxSize))
	if err != nil {
		return err
	}
	open := e.openIndexedStore
	if *dry {
		open = e.openStore
	}
	st, err := open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	acct, err := st.Account(ctx, *as)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no account %q: the changes must be someone's (fond users list, fond users add)", *as)
	} else if err != nil {
		return err
	}
	imp := &csvImport{e: e, st: st, acct: acct, file: *file}
	if err := imp.check(ctx, data, *maxRows); err != nil {
		return err
	}
	if imp.bad > 0 || (*whole && imp.stale > 0) {
		imp.summary(false, "nothing written")
		return errFailed
	}
	if *dry {
		for _, p := range imp.plans {
			for _, c := range p.Cells {
				fmt.Fprintf(e.stdout, "%s  %s: %s → %s\n", p.id, c.Column, shown(c.From), shown(c.To))
			}
		}
		imp.summary(false, "dry run: nothing written")
		return imp.failed()
	}
	if err := imp.apply(ctx, *note); err != nil {
		imp.summary(true, "stopped")
		return err
	}
	if imp.changed > 0 {
		if err := st.Audit(ctx, store.AuditEntry{Actor: operator, Action: auditImportCSV, Target: *file, Detail: fmt.Sprintf("as %s: %d records changed", acct.Name, imp.changed)}); err != nil {
			return err
		}
	}
	imp.summary(true, "")
	return imp.failed()
}

// csvImport is one fond import --csv: the rows checked, then applied.
type csvImport struct {
	e    *env
	st   store.Store
	acct store.Account
	file string

	plans                    []plannedRow
	rows, unchanged, changed int
	bad, stale               int
}

type plannedRow struct {
	csvrec.Plan
	id   string
	base int
}

// check reads every row and plans it against the record as it is, before
// anything is written: a bad cell anywhere, an id that is not a record, a
// record the account may not edit, or a row twice, stops the whole import.
// Errors in the file are fixed in the file; applying the rows around them
// would leave the person to work out which rows were taken. A stale row is
// different: it is nobody's mistake, and is skipped (--all-or-nothing to
// stop instead).
func (imp *csvImport) check(ctx context.Context, data []byte, maxRows int) error {
	rd, err := csvrec.NewReader(bytes.NewReader(data), imp.file, maxRows)
	if err != nil {
		return err
	}
	lineOf := map[string]int{}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		row, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		imp.rows++
		if err != nil {
			imp.report(err)
			continue
		}
		cur, err := imp.st.Get(ctx, row.ID)
		if errors.Is(err, store.ErrNotFound) {
			imp.report(rd.IDError(row, fmt.Errorf("no record %s", row.ID)))
			continue
		} else if err != nil {
			return err
		}
		if l, ok := lineOf[cur.ID]; ok {
			imp.report(rd.IDError(row, fmt.Errorf("record %s is on line %d too: one row per record", cur.ID, l)))
			continue
		}
		lineOf[cur.ID] = row.Line
		p, err := rd.Plan(row, cur, store.CheckEdited)
		if err != nil {
			imp.report(err)
			continue
		}
		if len(p.Fields) == 0 {
			imp.unchanged++
			continue
		}
		if imp.acct.Role == store.RoleContributor && cur.Status != record.Draft {
			imp.report(rd.IDError(row, fmt.Errorf("%s is a contributor, who may edit drafts only, and record %s is %s", imp.acct.Name, cur.ID, cur.Status)))
			continue
		}
		if row.Revision > cur.Revision {
			imp.report(rd.RevisionError(row, fmt.Errorf("record %s has no revision %d yet (it is at %d): the cell was changed", cur.ID, row.Revision, cur.Revision)))
			continue
		}
		if row.Revision != cur.Revision {
			imp.reportStale(ctx, row.Line, cur, row.Revision)
			continue
		}
		imp.plans = append(imp.plans, plannedRow{Plan: p, id: cur.ID, base: row.Revision})
	}
	return nil
}

// apply saves each planned row as one revision by the account. A row another
// person saved over since the check is stale and skipped like the others;
// a failure of the store stops the import (rows before it are saved, each
// whole, and an import of the same file again finds them unchanged).
func (imp *csvImport) apply(ctx context.Context, note string) error {
	for _, p := range imp.plans {
		if err := ctx.Err(); err != nil {
			return err
		}
		why := fmt.Sprintf("CSV import, %s line %d", filepath.Base(imp.file), p.Line)
		if note != "" {
			why = note + " (" + why + ")"
		}
		r, err := imp.st.EditRecord(ctx, store.Edit{ID: p.id, Base: p.base, Fields: p.Fields, Author: imp.acct.Name, Action: store.ActionEdit, Note: why})
		var stale *store.StaleError
		var fe *record.FieldError
		switch {
		case errors.As(err, &stale):
			imp.reportStale(ctx, p.Line, stale.Current, p.base)
			continue
		case errors.As(err, &fe):
			imp.report(fmt.Errorf("%s:%d: %w", imp.file, p.Line, err))
			continue
		case err != nil:
			return fmt.Errorf("%s:%d: record %s: %w", imp.file, p.Line, p.id, err)
		}
		imp.changed++
		fields := make([]string, 0, len(p.Fields))
		for f := range p.Fields {
			fields = append(fields, f)
		}
		slices.SortFunc(fields, func(a, b string) int { return slices.Index(record.Editable, a) - slices.Index(record.Editable, b) })
		fmt.Fprintf(imp.e.stdout, "edited  %s  revision %d  %s\n", r.ID, r.Revision, strings.Join(fields, ", "))
	}
	return nil
}

func (imp *csvImport) report(err error) {
	imp.bad++
	fmt.Fprintf(imp.e.stderr, "%v\n", err)
}

func (imp *csvImport) reportStale(ctx context.Context, line int, cur record.Record, base int) {
	imp.stale++
	by := ""
	if h, err := imp.st.History(ctx, cur.ID); err == nil && len(h) > 0 && h[0].Author != "" {
		by = " by " + h[0].Author
	}
	fmt.Fprintf(imp.e.stderr, "%s:%d: stale, skipped: record %s was exported at revision %d and has been changed since%s (now revision %d); export it again and redo the row\n",
		imp.file, line, cur.ID, base, by, cur.Revision)
}

// summary ends the import's report: how many rows did what. Before
// anything is written (a dry run, or a file refused) the rows that would
// change are counted; after, those that did.
func (imp *csvImport) summary(written bool, end string) {
	changed, verb := len(imp.plans), "to change"
	if written {
		changed, verb = imp.changed, "changed"
	}
	msg := fmt.Sprintf("%s: %d rows: %d %s, %d unchanged, %d stale, %d refused", imp.file, imp.rows, changed, verb, imp.unchanged, imp.stale, imp.bad)
	if end != "" {
		msg += "; " + end
	}
	fmt.Fprintln(imp.e.stderr, msg)
}

// failed is the exit: 1 when a row was stale or refused.
func (imp *csvImport) failed() error {
	if imp.stale > 0 || imp.bad > 0 {
		return errFailed
	}
	return nil
}

// readBounded reads a whole file (or standard input, "-") of at most max
// bytes; a larger one is refused by name, a regular file before it is read.
func readBounded(path string, max int64) ([]byte, error) {
	var r io.Reader = stdin
	if path != "-" {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: not a regular file", path)
		}
		if fi.Size() > max {
			return nil, fmt.Errorf("%s: %d bytes, more than --max-file-size %d", path, fi.Size(), max)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: more than --max-file-size %d bytes", path, max)
	}
	return data, nil
}

// shown is a cell's value in a dry run: quoted, so that empty cells and
// spaces show, and cut when long (a text's cell would fill the terminal).
func shown(v string) string {
	const most = 120
	if r := []rune(v); len(r) > most {
		return fmt.Sprintf("%q… (%d characters)", string(r[:most]), len(r))
	}
	return fmt.Sprintf("%q", v)
}
