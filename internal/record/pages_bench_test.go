package record

import (
	"encoding/json"
	"strings"
	"testing"
)

// What a scan's lines cost every read of its record (the store decodes the
// record's JSON on each): a 20-page typed document, 40 lines a page, decoded
// with its pages and without. Figures in docs/decisions.md ("OCR lines ride
// in the record").
func BenchmarkDecodeScannedRecord(b *testing.B) {
	line := "and about the credit for the equipment of three divisions, the"
	rec := Record{ID: "x", Title: "Ciphered telegram", Body: strings.Repeat(line+"\n", 20*40)}
	for p := 1; p <= 20; p++ {
		page := Page{N: p, Width: 2480, Height: 3508}
		for i := range 40 {
			page.Lines = append(page.Lines, Line{Text: line, XYWH: [4]int{300, 300 + 70*i, 1800, 52}})
		}
		rec.Pages = append(rec.Pages, page)
	}
	withPages, _ := json.Marshal(rec)
	rec.Pages = nil
	without, _ := json.Marshal(rec)
	for _, bc := range []struct {
		name string
		doc  []byte
	}{{"without-pages", without}, {"with-pages", withPages}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.doc)))
			for b.Loop() {
				var r Record
				if err := json.Unmarshal(bc.doc, &r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
