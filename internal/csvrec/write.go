package csvrec

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"fond/internal/record"
)

// BOM is the byte order mark Excel needs to read a CSV file as UTF-8 (without
// it, Cyrillic and Hangul names open garbled); the reader skips it.
const BOM = "\ufeff"

// Writer writes records as rows under a header of columns.
type Writer struct {
	cw   *csv.Writer
	cols []Column
	// room is how many sources and notes the header has columns for.
	sources, notes int
}

// NewWriter writes the header (id, revision, then cols) and returns a Writer
// for the rows. Line ends are CRLF, as RFC 4180 has them.
func NewWriter(w io.Writer, cols []Column) (*Writer, error) {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	head := []string{ColID, ColRevision}
	for _, c := range cols {
		head = append(head, c.Name)
	}
	if err := cw.Write(head); err != nil {
		return nil, err
	}
	w2 := &Writer{cw: cw, cols: cols}
	for _, c := range cols {
		if n, ok := index(c.Name, "sources."); ok {
			w2.sources = max(w2.sources, n)
		}
		if n, ok := index(c.Name, "notes."); ok {
			w2.notes = max(w2.notes, n)
		}
	}
	return w2, nil
}

// index is N of a repeated column's name "prefixN.part".
func index(name, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0, false
	}
	num, _, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(num)
	return n, err == nil
}

// Write writes one record's row. long names the cells longer than an Excel
// cell holds (ExcelCellLimit), which the caller should warn about.
func (w *Writer) Write(r record.Record) (long []string, err error) {
	// A record with more than the header has room for (one that changed
	// after the columns were chosen) would lose its last sources or notes
	// on a round trip: refuse it, never cut it.
	if len(r.Sources) > w.sources || len(r.Notes) > w.notes {
		return nil, fmt.Errorf("record %s has %d sources and %d notes, the columns room for %d and %d", r.ID, len(r.Sources), len(r.Notes), w.sources, w.notes)
	}
	row := make([]string, 0, len(w.cols)+2)
	row = append(row, Escape(r.ID), strconv.Itoa(r.Revision))
	for _, c := range w.cols {
		v := c.get(&r)
		if len(v) > ExcelCellLimit && len(utf16.Encode([]rune(v))) > ExcelCellLimit {
			long = append(long, c.Name)
		}
		row = append(row, Escape(v))
	}
	return long, w.cw.Write(row)
}

// Flush writes what is buffered and reports any error of the writes.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}
