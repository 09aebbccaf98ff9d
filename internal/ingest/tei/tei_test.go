package tei

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/testutil"
)

func TestReadSmall(t *testing.T) {
	f, err := os.Open("testdata/small.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vol, docs, err := Read(context.Background(), f, "small.xml")
	if err != nil {
		t.Fatal(err)
	}
	if vol.ID != "frus-test" || vol.Title != "Invented Papers, Volume I" || vol.Publisher != "Test Press" || vol.Year != "1999" || len(docs) != 2 {
		t.Fatalf("volume %+v, %d docs", vol, len(docs))
	}
	d := docs[0]
	if d.Head != "The Consul at Ostrava (Lind) to the Secretary of State" || d.Place != "Ostrava" || d.DateWhen != "1921-06-02T15:00:00" {
		t.Errorf("doc 1: %+v", d)
	}
	if strings.Join(d.From, ";") != "Lind" || strings.Join(d.To, ";") != "Secretary of State" || d.Source != "123.45/6: Telegram" {
		t.Errorf("doc 1 from %q to %q source %q", d.From, d.To, d.Source)
	}
	if len(d.Paragraphs) != 1 || d.Paragraphs[0] != "14. The mine strike continues. No violence reported." || len(d.Footnotes) != 1 || d.Footnotes[0].N != "1" {
		t.Errorf("doc 1 paragraphs %q footnotes %+v", d.Paragraphs, d.Footnotes)
	}
	r := d.Record()
	if r.Key != "frus-test/d1" || r.Date.EDTF != "1921-06-02" || r.Type != "Telegram" || r.Sources[0].File != "123.45/6" || r.Sources[0].Abbreviation != "NARA" {
		t.Errorf("record 1: key %s date %+v type %s sources %+v", r.Key, r.Date, r.Type, r.Sources)
	}
	if r.Collection == nil || r.Collection.ID != "frus-test" || r.Notes[0].Kind != "footnote" {
		t.Errorf("record 1 collection %+v notes %+v", r.Collection, r.Notes)
	}
	r2 := docs[1].Record()
	if r2.Date.EDTF != "1921-06-05" || docs[1].Gold().Date != "" || len(docs[1].Enclosures) != 1 || !strings.Contains(r2.Body, "A list of mines.") {
		t.Errorf("record 2: date %+v gold %q enclosures %+v body %q", r2.Date, docs[1].Gold().Date, docs[1].Enclosures, r2.Body)
	}
	pt := d.PlainText()
	if pt != "The Consul at Ostrava (Lind) to the Secretary of State\n\nOstrava, June 2, 1921—3 p.m. [Received June 3.]\n\n123.45/6: Telegram\n\n14. The mine strike continues. No violence reported.\n\nLind\n\n1 Not printed.\n" {
		t.Errorf("plain text: %q", pt)
	}
}

func TestReadErrors(t *testing.T) {
	cases := map[string]string{
		"broken.xml": `<TEI><text><div type="document"><p>unclosed</div></text></TEI>`,
		"empty.xml":  ``,
		"other.xml":  `<html><body/></html>`,
	}
	for name, body := range cases {
		_, _, err := Read(context.Background(), strings.NewReader(body), name)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v should name the file", name, err)
		}
	}
	_, _, err := Read(context.Background(), strings.NewReader("<TEI>\n<text>\n<div type=\"document\"><p>x</q></div></text></TEI>"), "lines.xml")
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("error should give the line: %v", err)
	}
}

func corpus(t testing.TB) []string {
	dir := testutil.Shared(t, "corpus/frus")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) != 13 {
		t.Fatalf("%d volumes in %s, want 13", len(files), dir)
	}
	return files
}

func TestCorpus(t *testing.T) {
	total, dated := 0, 0
	keys := map[string]bool{}
	for _, path := range corpus(t) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		_, docs, err := Read(context.Background(), f, filepath.Base(path))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i := range docs {
			r := docs[i].Record()
			if r.Key == "" || r.Title == "" || keys[r.Key] {
				t.Errorf("%s: bad or duplicate key/title %q %q", path, r.Key, r.Title)
			}
			keys[r.Key] = true
			if r.Date.Earliest != "" {
				dated++
			}
			total++
		}
	}
	if total != 5825 {
		t.Errorf("%d documents, want 5825", total)
	}
	// 399 documents print no dateline at all and 23 more write "undated" or omit
	// the year: 92.7% is what the volumes date, and fond invents no dates.
	if float64(dated) < 0.92*float64(total) {
		t.Errorf("only %d of %d documents dated", dated, total)
	}
	t.Logf("%d documents, %d dated", total, dated)
}

func BenchmarkReadCorpus(b *testing.B) {
	files := corpus(b)
	var size int64
	for _, p := range files {
		st, _ := os.Stat(p)
		size += st.Size()
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, p := range files {
			f, _ := os.Open(p)
			if _, _, err := Read(context.Background(), f, p); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
	}
}

func FuzzRead(f *testing.F) {
	data, _ := os.ReadFile("testdata/small.xml")
	f.Add(string(data))
	f.Add(`<TEI><div type="document"><head>x</head></div></TEI>`)
	f.Fuzz(func(t *testing.T, s string) {
		_, docs, err := Read(context.Background(), strings.NewReader(s), "fuzz.xml")
		if err != nil {
			return
		}
		for i := range docs {
			_ = docs[i].Record()
			_ = docs[i].PlainText()
		}
	})
}
