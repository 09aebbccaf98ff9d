package tei

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) (*Volume, []Document) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vol, docs, err := Read(context.Background(), f, name)
	if err != nil {
		t.Fatal(err)
	}
	return vol, docs
}

func TestVolume(t *testing.T) {
	vol, docs := readFixture(t, "modern.xml")
	want := Volume{ID: "frus1931test", Title: "Invented Relations of Testland, 1931, The Northern Provinces, Volume II",
		Series: "Invented Relations of Testland", Subseries: "1931", VolumeTitle: "The Northern Provinces",
		Number: "Volume II", Publisher: "Testland Printing Office", PubPlace: "Capital City", Year: "1950"}
	if !reflect.DeepEqual(*vol, want) {
		t.Errorf("volume\n got %+v\nwant %+v", *vol, want)
	}
	if len(docs) != 4 || docs[0].Volume != vol {
		t.Fatalf("%d documents", len(docs))
	}
	// The older spelling of the title types, and an ID from the root only.
	vol, _ = readFixture(t, "older.xml")
	if vol.ID != "frus1866test" || vol.Subseries != "1866" || vol.Number != "Part I" || vol.Year != "1867" {
		t.Errorf("older volume %+v", *vol)
	}
}

func TestTelegram(t *testing.T) {
	_, docs := readFixture(t, "modern.xml")
	d := docs[0]
	if d.XMLID != "d1" || d.N != "1" {
		t.Errorf("ids %q %q", d.XMLID, d.N)
	}
	if d.Head != "The Consul at Northport (Quill) to the Secretary of State" {
		t.Errorf("head %q", d.Head)
	}
	if d.DateWhen != "1931-03-02T15:00:00" || d.DateText != "March 2, 1931—3 p.m." || d.Place != "Northport" {
		t.Errorf("dateline %q %q %q", d.DateWhen, d.DateText, d.Place)
	}
	if d.Dateline != "Northport, March 2, 1931—3 p.m.\n[Received March 3—9:10 a.m.]" {
		t.Errorf("dateline %q", d.Dateline)
	}
	if !reflect.DeepEqual(d.From, []string{"Quill"}) || !reflect.DeepEqual(d.To, []string{"Secretary of State"}) {
		t.Errorf("from %q to %q", d.From, d.To)
	}
	if d.Source != "711.0012 Boundary/31: Telegram" {
		t.Errorf("source %q", d.Source)
	}
	if !reflect.DeepEqual(d.Paragraphs, []string{"14. The river commission met this morning. No agreement was reached on the island."}) {
		t.Errorf("paragraphs %q", d.Paragraphs)
	}
	if !reflect.DeepEqual(d.Footnotes, []Footnote{{"1", "Repeated to the Legation at Southport."}, {"2", "Not printed."}}) {
		t.Errorf("footnotes %+v", d.Footnotes)
	}
	if d.Closer != "Quill" {
		t.Errorf("closer %q", d.Closer)
	}

	r := d.Record()
	if r.Key != "frus1931test/d1" || r.Title != d.Head || r.Type != "Telegram" || r.Category != "primary" || r.Format != "tei" {
		t.Errorf("record %q %q %q %q", r.Key, r.Title, r.Type, r.Category)
	}
	if r.Date.EDTF != "1931-03-02" || r.Date.Earliest != "1931-03-02" || r.Date.Latest != "1931-03-02" ||
		r.Date.Qualifier != "exact" || r.Date.Display != "March 2, 1931—3 p.m." {
		t.Errorf("date %+v", r.Date)
	}
	if len(r.Sources) != 1 || r.Sources[0].File != "711.0012 Boundary/31" || r.Sources[0].Abbreviation != "NARA" ||
		r.Sources[0].Reference != d.Source {
		t.Errorf("sources %+v", r.Sources)
	}
	if len(r.Notes) != 2 || r.Notes[0].Kind != "footnote" || r.Notes[1].N != "2" {
		t.Errorf("notes %+v", r.Notes)
	}
	if r.DocNumber != "1" {
		t.Errorf("doc_number %q, want the document's n", r.DocNumber)
	}
	if r.Collection == nil || r.Collection.ID != "frus1931test" || r.Collection.Year != "1950" || r.Publisher != "Testland Printing Office" {
		t.Errorf("collection %+v publisher %q", r.Collection, r.Publisher)
	}
	if r.Body != d.Paragraphs[0]+"\n\nQuill" || r.Languages.Text != "en" || r.Place != "Northport" {
		t.Errorf("body %q", r.Body)
	}

	// A source note set above the heading is read under the dateline.
	want := "The Consul at Northport (Quill) to the Secretary of State\n\n" +
		"Northport, March 2, 1931—3 p.m.\n[Received March 3—9:10 a.m.]\n\n" +
		"711.0012 Boundary/31: Telegram\n\n" +
		"14. The river commission met this morning. No agreement was reached on the island.\n\n" +
		"Quill\n\n" +
		"1 Repeated to the Legation at Southport.\n2 Not printed.\n"
	if got := d.PlainText(); got != want {
		t.Errorf("plain text\n got %q\nwant %q", got, want)
	}
	g := d.Gold()
	if g.Date != "1931-03-02" || g.Title != d.Head || g.Place != "Northport" || g.Reference != d.Source ||
		!reflect.DeepEqual(g.Authors, d.From) || !reflect.DeepEqual(g.Recipients, d.To) {
		t.Errorf("gold %+v", g)
	}
}

func TestDateWithoutWhen(t *testing.T) {
	_, docs := readFixture(t, "modern.xml")
	d := docs[1]
	if d.DateWhen != "" || d.DateText != "March 9, 1931" || d.Gold().Date != "" {
		t.Errorf("when %q text %q gold %q", d.DateWhen, d.DateText, d.Gold().Date)
	}
	// Two source notes, one above the heading and one below, printed where they stand.
	if d.Source != "File No. 711.0012 Boundary/35 [Paraphrase]" || len(d.SourceNotes) != 2 {
		t.Errorf("source %q", d.Source)
	}
	if !strings.HasPrefix(d.PlainText(), "The Secretary of State to the Consul at Northport (Quill)\n\n[Paraphrase]\n\nWashington, March 9, 1931.\n\nFile No. 711.0012 Boundary/35\n\n") {
		t.Errorf("plain text %q", d.PlainText())
	}
	// A quotation set inside a paragraph breaks it.
	if !reflect.DeepEqual(d.Paragraphs, []string{"Your 14, March 2.", "“The island is to remain neutral.”", "Report any change."}) {
		t.Errorf("paragraphs %q", d.Paragraphs)
	}
	r := d.Record()
	if r.Date.EDTF != "1931-03-09" || r.Date.Display != "March 9, 1931" || r.Date.Qualifier != "exact" {
		t.Errorf("date %+v", r.Date)
	}
	if len(r.Sources) != 1 || r.Sources[0].File != "711.0012 Boundary/35" || len(r.Notes) != 1 || r.Notes[0].Text != "[Paraphrase]" {
		t.Errorf("sources %+v notes %+v", r.Sources, r.Notes)
	}
	if r.Type != "Document" {
		t.Errorf("type %q: a paraphrase states no genre", r.Type)
	}

	// The hook, when replaced, reads the printed date; nil falls back to the built-in forms.
	saved := ParseDate
	defer func() { ParseDate = saved }()
	ParseDate = nil
	if r := d.Record(); r.Date.EDTF != "1931-03-09" {
		t.Errorf("fallback date %+v", r.Date)
	}
	ParseDate = func(string) (string, string, string, string, bool) {
		return "1931-03", "1931-03-01", "1931-03-31", "approximate", true
	}
	if r := d.Record(); r.Date.EDTF != "1931-03" || r.Date.Qualifier != "approximate" {
		t.Errorf("hook date %+v", r.Date)
	}
}

func TestBoundsListsTables(t *testing.T) {
	_, docs := readFixture(t, "modern.xml")
	d := docs[2]
	if d.DateWhen != "1931-04-01T00:00:00/1931-04-30T23:59:59" || d.Gold().Date != "" {
		t.Errorf("when %q", d.DateWhen)
	}
	r := d.Record()
	if r.Date.EDTF != "1931-04-01/1931-04-30" || r.Date.Qualifier != "approximate" || r.Date.Latest != "1931-04-30" {
		t.Errorf("date %+v", r.Date)
	}
	if r.Type != "Memorandum" || !reflect.DeepEqual(r.Authors, []string{"Rook"}) || len(r.Recipients) != 0 {
		t.Errorf("type %q authors %q", r.Type, r.Authors)
	}
	want := []string{"The points at issue are:", "1. the island;", "2. the ferry tolls.", "Tolls\t12\nFerries\t3"}
	if !reflect.DeepEqual(d.Paragraphs, want) {
		t.Errorf("paragraphs %q", d.Paragraphs)
	}

	// Undated, with a received stamp: the stamp bounds the date, and is no date itself.
	d = docs[3]
	r = d.Record()
	if d.DateText != "" || r.Date.EDTF != "../1931-05-05" || r.Date.Latest != "1931-05-05" || r.Date.Qualifier != "inferred" {
		t.Errorf("undated: text %q date %+v", d.DateText, r.Date)
	}
	if len(r.Sources) != 1 || r.Sources[0].Repository != "" || r.Sources[0].Reference != "Eleanor Gray Papers: Telegram" || r.Type != "Telegram" {
		t.Errorf("papers: %+v type %q", r.Sources, r.Type)
	}
}

func TestOlderVolume(t *testing.T) {
	_, docs := readFixture(t, "older.xml")
	d := docs[0]
	if d.Head != "Mr. Harrow to Mr. Fenwick." || d.Place != "Lisbon" || d.DateWhen != "1866-02-10" || d.DateText != "February 10, 1866." {
		t.Errorf("head %q place %q when %q text %q", d.Head, d.Place, d.DateWhen, d.DateText)
	}
	if !reflect.DeepEqual(d.Paragraphs, []string{"Sir: I have the honor to enclose a copy of a note from the minister.", "I am, sir, your obedient servant,"}) ||
		d.Closer != "J. HARROW." || !reflect.DeepEqual(d.Postscript, []string{"Hon. A. Fenwick."}) {
		t.Errorf("paragraphs %q closer %q postscript %q", d.Paragraphs, d.Closer, d.Postscript)
	}
	// The enclosure keeps its own dateline and source; its footnote is also the document's.
	if len(d.Enclosures) != 1 {
		t.Fatalf("%d enclosures", len(d.Enclosures))
	}
	e := d.Enclosures[0]
	if e.Head != "The Minister of Foreign Affairs to Mr. Harrow." || e.Place != "Ajuda" || e.DateWhen != "1866-02-08" ||
		e.Source != "[Inclosure in No. 41.—Translation.]" || e.Closer != "VISCONDE DE TESTE." {
		t.Errorf("enclosure %+v", e)
	}
	if d.Source != "No. 41.]" || len(d.Footnotes) != 2 || d.Footnotes[1].Text != "They sailed on the 12th." {
		t.Errorf("source %q footnotes %+v", d.Source, d.Footnotes)
	}
	r := d.Record()
	if len(r.Sources) != 0 || r.Notes[0].Kind != "editor" || r.Notes[0].Text != "No. 41.]" || r.Type != "Document" {
		t.Errorf("a despatch number is no archival source: %+v %+v %q", r.Sources, r.Notes, r.Type)
	}
	if !strings.HasSuffix(r.Body, "J. HARROW.\n\nHon. A. Fenwick.\n\n[Inclosure in No. 41.—Translation.]\n\nThe Minister of Foreign Affairs to Mr. Harrow.\n\nAjuda, February 8, 1866.\n\nThe ships will be released.\n\nVISCONDE DE TESTE.") {
		t.Errorf("body %q", r.Body)
	}
	pt := d.PlainText()
	if !strings.HasPrefix(pt, "Mr. Harrow to Mr. Fenwick.\n\nLisbon, February 10, 1866.\n\nNo. 41.]\n\nSir: I have") ||
		!strings.HasSuffix(pt, "VISCONDE DE TESTE.\n\n1 See post, p. 14.\n2 They sailed on the 12th.\n") {
		t.Errorf("plain text %q", pt)
	}

	// No heading printed: nothing of the placeholder reaches the page or the gold,
	// the record's title says so, and the original's margin page number is gone.
	d = docs[1]
	if d.Head != "[Untitled]" || d.Gold().Title != "" || d.Record().Title != "[Untitled] [From a Lisbon paper.]" {
		t.Errorf("untitled: head %q gold %q title %q", d.Head, d.Gold().Title, d.Record().Title)
	}
	if pt := d.PlainText(); pt != "[From a Lisbon paper.]\n\nThe harbor was crowded all week.\n" {
		t.Errorf("untitled plain text %q", pt)
	}
	if r := d.Record(); r.Date.EDTF != "" || r.Date.Qualifier != "" {
		t.Errorf("undated document got a date %+v", r.Date)
	}

	// A heading that prints the date and the genre.
	d = docs[2]
	r = d.Record()
	if d.Head != "No. 7. Memorandum communicated by Mr. Harrow, March 3, 1866." || r.Type != "Memorandum" ||
		r.Date.EDTF != "1866-03-03" || r.Date.Qualifier != "inferred" || d.Gold().Date != "" {
		t.Errorf("head %q type %q date %+v", d.Head, r.Type, r.Date)
	}
	if !strings.HasPrefix(d.PlainText(), "No. 7.\nMemorandum communicated by Mr. Harrow, March 3, 1866.\n\n") {
		t.Errorf("heading lines %q", d.PlainText())
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct{ name, input, want string }{
		{"empty.xml", "", "empty.xml: empty input"},
		{"blank.xml", "  \n\n ", "blank.xml: empty input"},
		{"html.xml", "<html><body/></html>", "html.xml: line 1: not a TEI document"},
		{"broken.xml", "<TEI>\n<text>\n<div type=\"document\" xml:id=\"d9\"><p>x</q></div></text></TEI>",
			`broken.xml: line 3: malformed XML in document "d9" starting at line 3`},
		{"truncated.xml", "<TEI>\n<text>\n<div type=\"document\"><p>x", "truncated.xml: line 3: "},
		{"outside.xml", "<TEI>\n<teiHeader>\n</teiHeadr></TEI>", "outside.xml: line 3: "},
		{"junk.xml", "<TEI></TEI>\n<more/>", "junk.xml: line 2: malformed XML"},
	}
	for _, c := range cases {
		_, _, err := Read(context.Background(), strings.NewReader(c.input), c.name)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want prefix %q", c.name, err, c.want)
		}
	}
}

func TestLimits(t *testing.T) {
	deep := "<TEI><div type=\"document\">" + strings.Repeat("<hi>", maxDepth+10) + "x" + strings.Repeat("</hi>", maxDepth+10) + "</div></TEI>"
	if _, _, err := Read(context.Background(), strings.NewReader(deep), "deep.xml"); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("deep: %v", err)
	}
	big := "<TEI><div type=\"document\"><p>" + strings.Repeat("word ", maxDocumentBytes/5+100) + "</p></div></TEI>"
	if _, _, err := Read(context.Background(), strings.NewReader(big), "big.xml"); err == nil || !strings.Contains(err.Error(), "larger than 16 MiB") {
		t.Errorf("big: %v", err)
	}
	// One vast text token outside any document is stopped as it is read.
	huge := "<TEI><front>" + strings.Repeat("x", maxDocumentBytes+10) + "</front></TEI>"
	if _, _, err := Read(context.Background(), strings.NewReader(huge), "huge.xml"); err == nil || !strings.Contains(err.Error(), "huge.xml: line 1: too large") {
		t.Errorf("huge: %v", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data, err := os.ReadFile("testdata/modern.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Read(ctx, strings.NewReader(string(data)), "modern.xml"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled read: %v", err)
	}
}

// The editors' machine-readable date gives way to the printed one where the
// page shows it is wrong: a year the page never prints, a year the editors
// correct in brackets, a day range the markup reduced to its first day.
func TestPrintedDateCorrectsMarkup(t *testing.T) {
	cases := []struct {
		when, printed, edtf, note string
	}{
		{"0201-06-05", "June 5–17, 1864", "1864-06-05/1864-06-17", "the markup says 0201-06-05"},
		{"1924-10-22", "October 22, 1924 [1925]", "1925-10-22", "the document prints 1924; the editors correct it to 1925"},
		{"1864-06-05", "June 5–17, 1864", "1864-06-05/1864-06-17", ""},
		{"1931-03-09", "March 9, 1931", "1931-03-09", ""},
		// A page that prints the markup's year keeps the markup: the printed
		// reading is the likelier to be wrong.
		{"1925-01-05", "January 3[5?], 1925", "1925-01-05", ""},
		// A printed range that does not hold the markup's day is no fuller
		// statement of it: the markup stays.
		{"1901-03-20", "March 4–9, 1901", "1901-03-20", ""},
	}
	for _, c := range cases {
		d := Document{DateWhen: c.when, DateText: c.printed, whenKind: "when"}
		r := d.date()
		if r.EDTF != c.edtf || !strings.Contains(r.Note, c.note) {
			t.Errorf("when=%s printed %q: %s (%q), want %s (%q)", c.when, c.printed, r.EDTF, r.Note, c.edtf, c.note)
		}
	}
}
