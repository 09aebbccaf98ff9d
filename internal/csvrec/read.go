package csvrec

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"fond/internal/record"
)

// Error is a problem of one place in a file: the file, the line (1 is the
// header) and, where it is about one cell, its column by header name and by
// spreadsheet letter.
type Error struct {
	File   string
	Line   int
	Column string // header name, "" when the problem is the row's
	Index  int    // 0-based position of the column, -1 when Column is ""
	Err    error
}

func (e *Error) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d: column %s (%s): %v", e.File, e.Line, e.Column, Letter(e.Index), e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Letter is a column's name in a spreadsheet: A … Z, AA, AB, …
func Letter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// Reader reads rows of a file written by Writer (and edited by a person).
type Reader struct {
	file    string
	cr      *csv.Reader
	head    []string
	cols    []Column // by position; Column{} for id and revision
	id, rev int
	maxRows int
	rows    int
	// broken is set after an error that leaves the rest of the file
	// unreadable (bad quoting, too many rows): reading stops there.
	broken bool
}

// NewReader reads and checks the header: id and revision must be there, every
// other column must be one fond knows, none twice. maxRows bounds the rows
// read (more is an error, before anything is applied). Columns a file leaves
// out leave their fields as they are.
func NewReader(r io.Reader, file string, maxRows int) (*Reader, error) {
	cr := csv.NewReader(r)
	rd := &Reader{file: file, cr: cr, id: -1, rev: -1, maxRows: maxRows}
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &Error{File: file, Line: 1, Index: -1, Err: errors.New("empty file: no header")}
	}
	if err != nil {
		return nil, rd.parseError(err)
	}
	head[0] = strings.TrimPrefix(head[0], BOM)
	rd.head = head
	rd.cols = make([]Column, len(head))
	seen := map[string]bool{}
	for i, h := range head {
		bad := func(err error) error { return &Error{File: file, Line: 1, Column: h, Index: i, Err: err} }
		if seen[h] {
			return nil, bad(errors.New("the column is named twice"))
		}
		seen[h] = true
		switch h {
		case ColID:
			rd.id = i
		case ColRevision:
			rd.rev = i
		default:
			c, err := Lookup(h)
			if err != nil {
				return nil, bad(err)
			}
			rd.cols[i] = c
		}
	}
	for _, need := range []struct {
		i    int
		name string
	}{{rd.id, ColID}, {rd.rev, ColRevision}} {
		if need.i < 0 {
			return nil, &Error{File: file, Line: 1, Index: -1, Err: fmt.Errorf("no %q column: the file must be one fond export --csv wrote", need.name)}
		}
	}
	return rd, nil
}

func (rd *Reader) parseError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: rd.file, Line: pe.Line, Index: -1, Err: fmt.Errorf("not CSV (RFC 4180): %w", pe.Err)}
	}
	return fmt.Errorf("%s: %w", rd.file, err)
}

// Row is one record's row as read: its cells with Escape's apostrophes taken off.
type Row struct {
	Line     int
	ID       string
	Revision int
	cells    []string
}

// Read returns the next row, or io.EOF after the last. A row that cannot be
// read (not CSV, wrong number of cells, no id, a revision that is not a
// number) is an *Error; reading may go on after one.
func (rd *Reader) Read() (*Row, error) {
	if rd.broken {
		return nil, io.EOF
	}
	rec, err := rd.cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
			// The row is read; only its length is wrong.
			return nil, &Error{File: rd.file, Line: pe.StartLine, Index: -1, Err: fmt.Errorf("%d cells, the header has %d", len(rec), len(rd.head))}
		}
		rd.broken = true
		return nil, rd.parseError(err)
	}
	line, _ := rd.cr.FieldPos(0)
	rd.rows++
	if rd.maxRows > 0 && rd.rows > rd.maxRows {
		rd.broken = true
		return nil, &Error{File: rd.file, Line: line, Index: -1, Err: fmt.Errorf("more than %d rows (--max-rows)", rd.maxRows)}
	}
	row := &Row{Line: line, cells: make([]string, len(rec))}
	for i, c := range rec {
		row.cells[i] = Unescape(c)
	}
	row.ID = strings.TrimSpace(row.cells[rd.id])
	if row.ID == "" {
		return nil, rd.cellError(row, rd.id, errors.New("no record id"))
	}
	rev := strings.TrimSpace(row.cells[rd.rev])
	if row.Revision, err = strconv.Atoi(rev); err != nil || row.Revision < 0 {
		return nil, rd.cellError(row, rd.rev, fmt.Errorf("%q is not a revision number (the one the export wrote)", rev))
	}
	return row, nil
}

func (rd *Reader) cellError(row *Row, i int, err error) *Error {
	return &Error{File: rd.file, Line: row.Line, Column: rd.head[i], Index: i, Err: err}
}

// IDError is an *Error about the row's id cell (a record that is not there,
// one the importing account may not edit), for the caller's checks.
func (rd *Reader) IDError(row *Row, err error) *Error { return rd.cellError(row, rd.id, err) }

// RevisionError is an *Error about the row's revision cell.
func (rd *Reader) RevisionError(row *Row, err error) *Error { return rd.cellError(row, rd.rev, err) }

// CellChange is one cell that differs from the record's current value, as
// the person sees it: the text exported, the text now in the cell.
type CellChange struct {
	Column string
	From   string
	To     string
	field  string
}

// Plan is what a row would change in its record.
type Plan struct {
	Line int
	// Next is the record with the row's cells applied (and, when a check
	// was given, what it derives, such as a date's bounds).
	Next record.Record
	// Fields are the new JSON values of the fields that change, by name:
	// a store.Edit's Fields. Empty when the row changes nothing.
	Fields map[string]json.RawMessage
	// Cells are the cells that change them, in the file's column order.
	Cells []CellChange
}

// Check validates the fields a person changed and derives what follows from
// them (store.CheckEdited); it returns a *record.FieldError naming the field.
type Check func(r *record.Record, changed []string) error

// Plan compares the row's cells with cur, the record as it is, and returns
// what the row changes. A cell is changed when it differs from what exporting
// cur would have written: a row nobody edited changes nothing, however the
// values are spelled. check, when not nil, validates the changed fields; a
// value it refuses is an *Error naming the cell.
func (rd *Reader) Plan(row *Row, cur record.Record, check Check) (Plan, error) {
	next := cur
	next.Sources = slices.Clone(cur.Sources)
	next.Notes = slices.Clone(cur.Notes)
	if cur.Collection != nil {
		c := *cur.Collection
		next.Collection = &c
	}
	var cells []CellChange
	firstCol := map[string]int{} // field → position of its first changed cell
	for i, c := range rd.cols {
		if c.get == nil {
			continue
		}
		was := readBack(c.get(&cur))
		if row.cells[i] == was {
			continue
		}
		c.set(&next, row.cells[i])
		cells = append(cells, CellChange{Column: c.Name, From: was, To: row.cells[i], field: c.Field})
		if _, ok := firstCol[c.Field]; !ok {
			firstCol[c.Field] = i
		}
	}
	if len(cells) == 0 {
		return Plan{Line: row.Line, Next: cur}, nil
	}
	// A source or note whose every cell was emptied is deleted.
	next.Sources = slices.DeleteFunc(next.Sources, func(s record.Source) bool { return s == record.Source{} })
	next.Notes = slices.DeleteFunc(next.Notes, func(n record.Note) bool { return n == record.Note{} })
	changes, err := record.Diff(cur, next)
	if err != nil {
		return Plan{}, err
	}
	fields := make([]string, len(changes))
	for i, ch := range changes {
		fields[i] = ch.Field
	}
	if check != nil && len(fields) > 0 {
		if err := check(&next, fields); err != nil {
			var fe *record.FieldError
			if errors.As(err, &fe) {
				if i, ok := firstCol[fe.Field]; ok {
					return Plan{}, rd.cellError(row, i, fe.Err)
				}
			}
			return Plan{}, &Error{File: rd.file, Line: row.Line, Index: -1, Err: err}
		}
		// Checking may derive values (a date's bounds): compare again.
		if changes, err = record.Diff(cur, next); err != nil {
			return Plan{}, err
		}
	}
	p := Plan{Line: row.Line, Next: next, Fields: map[string]json.RawMessage{}}
	all, err := record.Fields(next)
	if err != nil {
		return Plan{}, err
	}
	for _, ch := range changes {
		p.Fields[ch.Field] = all[ch.Field]
	}
	// Cells whose edit changes nothing ("Stalin;Molotov" for "Stalin ;
	// Molotov") are not reported as changes.
	for _, c := range cells {
		if p.Fields[c.field] != nil {
			p.Cells = append(p.Cells, c)
		}
	}
	return p, nil
}
