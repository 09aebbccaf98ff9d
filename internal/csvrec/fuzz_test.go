package csvrec

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"testing"

	"fond/internal/store"
)

// FuzzImport feeds arbitrary files to the reader and the mapping: nothing
// panics, every problem is an *Error naming the file and a line, and what a
// row changes is stable: exporting the changed record and reading that row
// back changes nothing more.
func FuzzImport(f *testing.F) {
	var seeds [][]byte
	for _, body := range []bool{false, true} {
		var b bytes.Buffer
		w, _ := NewWriter(&b, Columns(2, 2, body))
		w.Write(sample())
		w.Write(plain())
		w.Flush()
		seeds = append(seeds, b.Bytes())
	}
	seeds = append(seeds,
		[]byte("id,revision,title,authors,date.edtf\r\ndoc-1,3,'=x,a;;;b ; c,1950-04~\r\n"),
		[]byte(BOM+"id,revision,sources.3.fond,notes.2.kind\r\nx,1,\"059\na\",'-\r\n"),
		[]byte("id,revision,collection.id\n\"doc\r\n\",0,\"\"\n"),
	)
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := NewReader(bytes.NewReader(data), "f.csv", 50)
		if err != nil {
			checkError(t, err)
			return
		}
		for {
			row, err := rd.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				checkError(t, err)
				continue
			}
			cur := sample()
			cur.ID, cur.Revision = row.ID, row.Revision
			p, err := rd.Plan(row, cur, store.CheckEdited)
			if err != nil {
				checkError(t, err)
				continue
			}
			if len(p.Fields) == 0 {
				continue
			}
			// The changed record, exported and read back, is what it is.
			ns, nn := Counts(p.Next)
			var b bytes.Buffer
			w, _ := NewWriter(&b, Columns(ns, nn, true))
			if _, err := w.Write(p.Next); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			again, err := NewReader(&b, "again.csv", 1)
			if err != nil {
				t.Fatal(err)
			}
			row2, err := again.Read()
			if err != nil {
				t.Fatalf("re-export of %+v: %v", p.Next, err)
			}
			p2, err := again.Plan(row2, p.Next, store.CheckEdited)
			if err != nil || len(p2.Fields) != 0 {
				t.Fatalf("re-export changes %v %+v (err %v)", p2.Fields, p2.Cells, err)
			}
		}
	})
}

func checkError(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.File != "f.csv" || e.Line < 1 {
		t.Fatalf("error %v does not name the file and a line", err)
	}
}

// FuzzCell: a value written into a cell and read back by encoding/csv is
// what readBack says, and the escape is undone exactly.
func FuzzCell(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "''", "a\r\nb", "\rx", "'\r=", "Сталин; 김일성", " lead"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if Unescape(Escape(v)) != v {
			t.Fatalf("Unescape(Escape(%q)) = %q", v, Unescape(Escape(v)))
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.UseCRLF = true
		w.Write([]string{"x", Escape(v)})
		w.Flush()
		got, err := csv.NewReader(&b).Read()
		if err != nil {
			t.Fatalf("%q written and not readable: %v", v, err)
		}
		if Unescape(got[1]) != readBack(v) {
			t.Fatalf("%q read back as %q, readBack says %q", v, Unescape(got[1]), readBack(v))
		}
	})
}
