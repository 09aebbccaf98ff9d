package tei

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// FuzzRead: any input reads to documents or to an error naming the input, never a
// panic; whatever is read renders.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"testdata/modern.xml", "testdata/older.xml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<TEI><div type="document"><head>x</head><dateline><date when="1900-01-01/1900-02-02">1 Jan</date></dateline></div></TEI>`))
	f.Add([]byte(`<TEI><div type="document"><list><label>1.</label><table><row><cell>a</cell></row></table></list></div></TEI>`))
	f.Add([]byte(`<TEI><div type="document"><frus:attachment xmlns:frus="x"><frus:attachment/></frus:attachment></div></TEI>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		vol, docs, err := Read(context.Background(), bytes.NewReader(data), "fuzz.xml")
		if err != nil {
			if !bytes.HasPrefix([]byte(err.Error()), []byte("fuzz.xml: ")) {
				t.Errorf("error does not name the input: %v", err)
			}
			return
		}
		if vol == nil {
			t.Fatal("no volume and no error")
		}
		for i := range docs {
			_ = docs[i].Record()
			_ = docs[i].PlainText()
			_ = docs[i].Gold()
		}
	})
}
