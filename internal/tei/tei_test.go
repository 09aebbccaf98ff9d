package tei

import (
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/testutil"
)

// records extracts every record of the sample files, and of the seeds when
// ../shared is present.
func records(t *testing.T) []record.Record {
	t.Helper()
	dirs := []string{filepath.Join(testutil.RepoRoot(t), "testdata", "sample")}
	if _, err := os.Stat(filepath.Join(testutil.RepoRoot(t), "..", "shared", "seeds")); err == nil {
		dirs = append(dirs, testutil.Shared(t, "seeds"))
	} else {
		t.Log("../shared/seeds absent: round trip of the sample files only")
	}
	var out []record.Record
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := ingest.Extract(context.Background(), filepath.Base(f), data)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, res.Records...)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d records to export", len(out))
	}
	return out
}

// An exported record is well-formed TEI that fond reads back with the same
// title, date, place, text and archival references.
func TestRoundTrip(t *testing.T) {
	for _, r := range records(t) {
		doc, err := Document(r, "https://archive.test/documents/"+r.ID)
		if err != nil {
			t.Fatal(err)
		}
		var root struct {
			XMLName xml.Name
			IDs     []string `xml:"teiHeader>fileDesc>publicationStmt>idno"`
		}
		if err := xml.Unmarshal(doc, &root); err != nil || root.XMLName.Space != Namespace || root.XMLName.Local != "TEI" || len(root.IDs) == 0 || root.IDs[0] != r.ID {
			t.Fatalf("%s: not a TEI document (%v, %+v):\n%s", r.ID, err, root, doc)
		}
		back, err := ingest.Extract(context.Background(), r.ID+".xml", doc)
		if err != nil {
			t.Fatalf("%s: exported TEI does not read back: %v\n%s", r.ID, err, doc)
		}
		if len(back.Records) != 1 {
			t.Fatalf("%s: %d records read back", r.ID, len(back.Records))
		}
		b := back.Records[0]
		if b.Title != r.Title || b.Date.Earliest != r.Date.Earliest || b.Date.Latest != r.Date.Latest || b.Place != r.Place {
			t.Errorf("%s: read back as %q %s..%s %q, was %q %s..%s %q", r.ID, b.Title, b.Date.Earliest, b.Date.Latest, b.Place,
				r.Title, r.Date.Earliest, r.Date.Latest, r.Place)
		}
		if norm(b.Body) != norm(r.Body) {
			t.Errorf("%s: body read back differs:\n got %.300q\nwant %.300q", r.ID, b.Body, r.Body)
		}
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestDates(t *testing.T) {
	tests := []struct {
		d    record.Date
		want string
	}{
		{record.Date{EDTF: "1950-02-07", Earliest: "1950-02-07", Latest: "1950-02-07", Qualifier: record.Exact}, `when="1950-02-07"`},
		{record.Date{EDTF: "1950-04", Earliest: "1950-04-01", Latest: "1950-04-30", Qualifier: record.Inferred}, `notBefore="1950-04-01" notAfter="1950-04-30" evidence="internal"`},
		{record.Date{EDTF: "1949-03~", Earliest: "1949-03-01", Latest: "1949-03-31", Qualifier: record.Approximate}, `notBefore="1949-03-01" notAfter="1949-03-31" cert="medium"`},
		{record.Date{EDTF: "1950-06-25/1950-06-27", Earliest: "1950-06-25", Latest: "1950-06-27", Qualifier: record.Exact}, `notBefore="1950-06-25" notAfter="1950-06-27"`},
	}
	for _, tc := range tests {
		doc, err := Document(record.Record{ID: "x", Title: "T", Date: tc.d}, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(doc), "<date "+tc.want+">") {
			t.Errorf("%s: want <date %s>:\n%s", tc.d.EDTF, tc.want, doc)
		}
	}
}

func TestEscapes(t *testing.T) {
	r := record.Record{ID: "a b<c", Title: `<script>x</script> & "q"`, Body: "One & two <b>.\n\nThree.",
		Sources: []record.Source{{Repository: "AVP RF", Fond: "059a", Folios: "10-20", Reference: "AVP RF, Fond 059a, listy 10-20"}}}
	doc, err := Document(r, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(doc), "<script>") || !strings.Contains(string(doc), `xml:id="da_b_c"`) || !strings.Contains(string(doc), `<idno type="fond">059a</idno>`) ||
		!strings.Contains(string(doc), "<extent>folios 10-20</extent>") {
		t.Errorf("escaping or structure:\n%s", doc)
	}
	var v struct {
		Paras []string `xml:"text>body>div>p"`
	}
	if err := xml.Unmarshal(doc, &v); err != nil || len(v.Paras) != 2 || v.Paras[0] != "One & two <b>." {
		t.Errorf("paragraphs %q (%v)", v.Paras, err)
	}
}

// Every document of one FRUS volume survives the round trip too.
func TestRoundTripFRUS(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) == 0 {
		t.Fatalf("no volumes in %s", dir)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Extract(context.Background(), filepath.Base(files[0]), data)
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, r := range res.Records {
		doc, err := Document(r, "")
		if err != nil {
			t.Fatal(err)
		}
		back, err := ingest.Extract(context.Background(), r.ID+".xml", doc)
		if err != nil || len(back.Records) != 1 {
			t.Errorf("%s: %v (%d records)", r.ID, err, len(back.Records))
			continue
		}
		b := back.Records[0]
		if b.Title != r.Title || b.Date.Earliest != r.Date.Earliest || b.Date.Latest != r.Date.Latest || b.Place != r.Place || norm(b.Body) != norm(r.Body) {
			if bad++; bad <= 5 {
				t.Errorf("%s: read back as %q %s..%s %q (body %d chars), was %q %s..%s %q (body %d chars)", r.ID, b.Title, b.Date.Earliest, b.Date.Latest, b.Place, len(b.Body),
					r.Title, r.Date.Earliest, r.Date.Latest, r.Place, len(r.Body))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d documents of %s changed in the round trip", bad, len(res.Records), filepath.Base(files[0]))
	}
}

// TestReleasesExported: withheld spans are <gap>s with their size and marker,
// releases are changes in the header, and the export reads back with the same
// redactions and release.
func TestReleasesExported(t *testing.T) {
	for _, y := range []string{"1995", "2008"} {
		data, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "testdata", "releases", "text", "telegram-"+y+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := ingest.Extract(context.Background(), "telegram.txt", data)
		if err != nil {
			t.Fatal(err)
		}
		r := res.Records[0]
		doc, err := Document(r, "")
		if err != nil {
			t.Fatal(err)
		}
		s := string(doc)
		if n := strings.Count(s, `<gap reason="not declassified" extent="1 paragraph (`); n != len(r.Redactions) || n == 0 {
			t.Errorf("%s: %d gaps for %d redactions:\n%s", y, n, len(r.Redactions), s)
		}
		if !strings.Contains(s, `<desc>[1 paragraph (4 lines) not declassified]</desc>`) || strings.Contains(s, "<p>[1 paragraph") {
			t.Errorf("%s: the marker is not the gap's description, or is left as text", y)
		}
		if !strings.Contains(s, `<change when="`+r.Releases[0].Date+`" type="release">`) || !strings.Contains(s, `<idno type="authority">`+r.Releases[0].Authority+`</idno>`) {
			t.Errorf("%s: no release change in the header:\n%s", y, s)
		}
		back, err := ingest.Extract(context.Background(), "back.xml", doc)
		if err != nil {
			t.Fatal(err)
		}
		b := back.Records[0]
		if len(b.Redactions) != len(r.Redactions) || b.Redactions[0].Lines != r.Redactions[0].Lines {
			t.Errorf("%s: read back with redactions %+v, was %+v", y, b.Redactions, r.Redactions)
		}
		want := r.Releases[0]
		want.Record, want.Stamp = b.ID, ""
		if len(b.Releases) != 1 || func() record.Release { g := b.Releases[0]; g.Stamp = ""; return g }() != want {
			t.Errorf("%s: read back with releases %+v, was %+v", y, b.Releases, r.Releases)
		}
	}
	plain := record.Record{ID: "p", Title: "T", Body: "No withholding. [Omitted.]"}
	doc, _ := Document(plain, "")
	if strings.Contains(string(doc), "<gap") || strings.Contains(string(doc), "revisionDesc") {
		t.Errorf("a record with no releases exported gaps or changes")
	}
}
