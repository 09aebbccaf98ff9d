package csvrec

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// sample is a record with every kind of column filled, in several scripts,
// with values a spreadsheet would take for formulas and names with
// semicolons.
func sample() record.Record {
	return record.Record{
		ID: "doc-1", Revision: 3,
		Title:    "=HYPERLINK(\"http://evil.example\",\"click\")",
		Summary:  "+7 Meeting between Сталин and 김일성, \"quoted\", on two\nlines",
		Type:     "memorandum of conversation",
		Category: record.Primary,
		Date:     record.Date{EDTF: "1949-03-05", Display: "5 March 1949", Earliest: "1949-03-05", Latest: "1949-03-05", Qualifier: record.Exact, Note: "-from the heading"},
		Place:    "'s-Hertogenbosch", Classification: "@top secret",
		Languages: record.Languages{Text: "en", Original: "ru"},
		Sources: []record.Source{
			{Repository: "Archive of the Foreign Policy of the Russian Federation", Abbreviation: "AVP RF", Fond: "059a", Opis: "5a", Delo: "3", Papka: "11", Folios: "10-20", Reference: "AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20"},
			{Repository: "RGASPI", Fond: "558", File: "'=x", Reference: "RGASPI f. 558"},
		},
		Authors:      []string{"Штыков, Т. Ф.", "Kim; Il Sung"},
		Recipients:   []string{"Вышинский"},
		Participants: []string{"Stalin", "김일성", "毛泽东", ";"},
		Translators:  []string{"Gary Goldberg"},
		Rights:       "\tleading tab",
		Collection:   &record.Collection{ID: "frus1949v7", Title: "FRUS 1949, vol. VII", Year: "1976"},
		URL:          "https://digitalarchive.example/document/112169",
		Notes:        []record.Note{{Kind: record.NoteTranslator, Text: "Date inferred"}, {Kind: record.NoteFootnote, N: "1", Text: "Not printed.\r\nSee 2."}},
		Body:         "First paragraph.\r\n\r\n=Second, with a CR\r.",
	}
}

func plain() record.Record {
	return record.Record{ID: "doc-2", Revision: 1, Title: "Telegram", Category: record.Secondary}
}

func export(t *testing.T, body bool, rs ...record.Record) []byte {
	t.Helper()
	ns, nn := 0, 0
	for _, r := range rs {
		s, n := Counts(r)
		ns, nn = max(ns, s), max(nn, n)
	}
	var b bytes.Buffer
	w, err := NewWriter(&b, Columns(ns, nn, body))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if _, err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// plans reads every row of data and plans it against the records by id.
func plans(t *testing.T, data []byte, rs ...record.Record) ([]Plan, []error) {
	t.Helper()
	rd, err := NewReader(bytes.NewReader(data), "t.csv", 0)
	if err != nil {
		return nil, []error{err}
	}
	byID := map[string]record.Record{}
	for _, r := range rs {
		byID[r.ID] = r
	}
	var out []Plan
	var errs []error
	for {
		row, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return out, errs
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p, err := rd.Plan(row, byID[row.ID], store.CheckEdited)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, p)
	}
}

// setCell changes one cell of a CSV file (line 2 is the first record's).
func setCell(t *testing.T, data []byte, line int, column, value string) []byte {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.Index(rows[0], column)
	if i < 0 {
		t.Fatalf("no column %s in %v", column, rows[0])
	}
	rows[line-1][i] = value
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(rows)
	return b.Bytes()
}

// Exporting and importing without edits changes nothing, with and without
// the text, whatever the values hold (formulas, CRs, semicolons, scripts).
func TestRoundTripChangesNothing(t *testing.T) {
	for _, body := range []bool{false, true} {
		data := export(t, body, sample(), plain())
		ps, errs := plans(t, data, sample(), plain())
		if len(errs) > 0 || len(ps) != 2 {
			t.Fatalf("body %v: %d plans, errors %v", body, len(ps), errs)
		}
		for _, p := range ps {
			if len(p.Fields) != 0 || len(p.Cells) != 0 {
				t.Errorf("body %v line %d: unedited row changes %v %v", body, p.Line, p.Fields, p.Cells)
			}
		}
	}
}

// No cell of an export starts with a character that makes a spreadsheet
// evaluate it, and Excel's byte order mark is skipped on the way in.
func TestExportHasNoFormulas(t *testing.T) {
	data := export(t, true, sample())
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rows[1] {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Errorf("cell %q starts a formula", c)
		}
	}
	if rows[1][slices.Index(rows[0], "title")] != "'=HYPERLINK(\"http://evil.example\",\"click\")" {
		t.Errorf("title cell %q", rows[1][slices.Index(rows[0], "title")])
	}
	ps, errs := plans(t, append([]byte(BOM), data...), sample())
	if len(errs) > 0 || len(ps) != 1 || len(ps[0].Fields) != 0 {
		t.Errorf("with a BOM: %v %v", ps, errs)
	}
}

// One edited cell is one field's change, to exactly the value meant.
func TestEditedCell(t *testing.T) {
	for _, tc := range []struct {
		column, cell, field string
		want                any // the field's new JSON value
	}{
		{"title", "Meeting between Stalin and Kim Il Sung", "title", "Meeting between Stalin and Kim Il Sung"},
		{"title", "'=1+1", "title", "=1+1"},                        // the export's escape taken off
		{"title", "=1+1", "title", "=1+1"},                         // a formula typed is kept as text
		{"title", "''=1", "title", "'=1"},                          // an escaped apostrophe
		{"title", "'Twas a telegram", "title", "'Twas a telegram"}, // any other apostrophe is the title's
		{"authors", "Штыков ; Kim;; Il Sung ; ;; ", "authors", []string{"Штыков", "Kim; Il Sung", ";"}},
		{"authors", "", "authors", []string{}},
		{"translators", "Goldberg;Weathersby", "translators", []string{"Goldberg", "Weathersby"}},
		{"participants", "김일성 ; 毛泽东", "participants", []string{"김일성", "毛泽东"}},
		{"date.edtf", "1949-03", "date", map[string]any{"edtf": "1949-03", "display": "5 March 1949", "earliest": "1949-03-01", "latest": "1949-03-31", "qualifier": "exact", "note": "-from the heading"}},
		{"date.note", "'-per the translator", "date", map[string]any{"edtf": "1949-03-05", "display": "5 March 1949", "earliest": "1949-03-05", "latest": "1949-03-05", "qualifier": "exact", "note": "-per the translator"}},
		{"sources.2.fond", "17", "sources", nil},
		{"collection.title", "", "collection", map[string]any{"id": "frus1949v7", "title": "", "year": "1976"}},
		{"notes.2.text", "Not printed.", "notes", nil},
		{"languages.original", "ko", "languages", map[string]any{"text": "en", "original": "ko"}},
	} {
		data := setCell(t, export(t, false, sample()), 2, tc.column, tc.cell)
		ps, errs := plans(t, data, sample())
		if len(errs) > 0 || len(ps) != 1 {
			t.Errorf("%s=%q: %v", tc.column, tc.cell, errs)
			continue
		}
		p := ps[0]
		if len(p.Fields) != 1 || p.Fields[tc.field] == nil || len(p.Cells) != 1 || p.Cells[0].Column != tc.column || p.Cells[0].To != Unescape(tc.cell) {
			t.Errorf("%s=%q: fields %v, cells %+v; want only %s", tc.column, tc.cell, p.Fields, p.Cells, tc.field)
			continue
		}
		if tc.want != nil {
			want, _ := json.Marshal(tc.want)
			if !record.SameJSON(p.Fields[tc.field], want) {
				t.Errorf("%s=%q: %s = %s, want %s", tc.column, tc.cell, tc.field, p.Fields[tc.field], want)
			}
		}
	}
}

// Repeated columns: a part edited in place, a source emptied is deleted, a
// note added in a column the header has room for (or that a person adds).
func TestRepeatedColumns(t *testing.T) {
	r := sample()
	data := setCell(t, export(t, false, r), 2, "sources.2.fond", "17")
	ps, _ := plans(t, data, r)
	if len(ps) != 1 || ps[0].Next.Sources[1].Fond != "17" || ps[0].Next.Sources[1].File != "'=x" || ps[0].Next.Sources[0] != r.Sources[0] {
		t.Errorf("sources.2.fond: %+v", ps)
	}
	data = export(t, false, r)
	for _, p := range sourceParts {
		data = setCell(t, data, 2, "sources.1."+p, "")
	}
	ps, _ = plans(t, data, r)
	if len(ps) != 1 || len(ps[0].Next.Sources) != 1 || ps[0].Next.Sources[0] != r.Sources[1] {
		t.Errorf("source 1 emptied: %+v", ps[0].Next.Sources)
	}
	// The header has room for one note more than plain() has: a person adds one.
	data = setCell(t, export(t, false, plain()), 2, "notes.1.text", "Received 8.II.1950")
	ps, _ = plans(t, setCell(t, data, 2, "notes.1.kind", "received"), plain())
	if len(ps) != 1 || !slices.Equal(ps[0].Next.Notes, []record.Note{{Kind: "received", Text: "Received 8.II.1950"}}) {
		t.Errorf("note added: %+v", ps)
	}
	// A file may leave columns out: the fields they are part of stay as they are.
	data = []byte("id,revision,title\r\ndoc-1,3,New\r\n")
	ps, errs := plans(t, data, r)
	if len(errs) > 0 || len(ps) != 1 || len(ps[0].Fields) != 1 || ps[0].Next.Summary != r.Summary {
		t.Errorf("only a title column: %+v %v", ps, errs)
	}
}

// Lists: whatever the names hold, a list written and read back is the list
// (names are trimmed and empty ones dropped, as a person's typing is).
func TestLists(t *testing.T) {
	for _, l := range [][]string{
		{}, {"Stalin"}, {"Molotov, V. M.", "Вышинский, А. Я."}, {"a;", "b"}, {";b", ";;", "x;y;;z"}, {"김일성", "毛泽东", "Ким Ир Сен"},
	} {
		if got := SplitList(JoinList(l)); !slices.Equal(got, l) {
			t.Errorf("%q: written %q, read %q", l, JoinList(l), got)
		}
	}
	for cell, want := range map[string][]string{
		"a;;;b": {"a;", "b"}, " ; a ;  ; b ; ": {"a", "b"}, "a ;; b": {"a ; b"}, "": {},
	} {
		if got := SplitList(cell); !slices.Equal(got, want) {
			t.Errorf("SplitList(%q) = %q, want %q", cell, got, want)
		}
	}
}

func TestEscape(t *testing.T) {
	for v, want := range map[string]string{
		"": "", "=1": "'=1", "+1": "'+1", "-": "'-", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"'": "'", "'s": "'s", "'=1": "''=1", "''": "'''", "a=1": "a=1", "Сталин": "Сталин",
	} {
		if got := Escape(v); got != want {
			t.Errorf("Escape(%q) = %q, want %q", v, got, want)
		}
		if back := Unescape(Escape(v)); back != v {
			t.Errorf("Unescape(Escape(%q)) = %q", v, back)
		}
	}
}

func TestLetter(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := Letter(i); got != want {
			t.Errorf("Letter(%d) = %s, want %s", i, got, want)
		}
	}
}

// Every editable field has a column: a field added to record.Editable
// without one would silently never be exported.
func TestEveryEditableFieldHasColumns(t *testing.T) {
	have := map[string]bool{}
	for _, c := range Columns(1, 1, true) {
		have[c.Field] = true
		if l, err := Lookup(c.Name); err != nil || l.Name != c.Name {
			t.Errorf("column %s does not look itself up: %v", c.Name, err)
		}
	}
	for _, f := range record.Editable {
		if !have[f] {
			t.Errorf("editable field %s has no column", f)
		}
	}
}

// Bad files and cells are errors naming the file, the line and the column.
func TestBadInput(t *testing.T) {
	good := export(t, false, sample())
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"bad EDTF", setCell(t, good, 2, "date.edtf", "1949-13-45"), `t.csv:2: column date.edtf (H): "1949-13-45" is not an EDTF date`},
		{"bad qualifier", setCell(t, good, 2, "date.qualifier", "sure"), `t.csv:2: column date.qualifier (I): qualifier "sure"`},
		{"bad category", setCell(t, good, 2, "category", "tertiary"), `t.csv:2: column category (G)`},
		{"bad url", setCell(t, good, 2, "url", "javascript:alert(1)"), `t.csv:2: column url`},
		{"bad language", setCell(t, good, 2, "languages.text", "English"), `t.csv:2: column languages.text`},
		{"bad revision", setCell(t, good, 2, "revision", "three"), `t.csv:2: column revision (B): "three" is not a revision number`},
		{"no id", setCell(t, good, 2, "id", " "), `t.csv:2: column id (A): no record id`},
		{"unknown column", []byte("id,revision,titel\r\n"), `t.csv:1: column titel (C): "titel" is not a column`},
		{"bad part", []byte("id,revision,sources.1.box\r\n"), `t.csv:1: column sources.1.box (C): "sources.1.box": a source part is one of`},
		{"index too big", []byte("id,revision,notes.1001.text\r\n"), `at most 1000 notes`},
		{"derived column", []byte("id,revision,date.earliest\r\n"), `"date.earliest" is not a column`},
		{"twice", []byte("id,revision,title,title\r\n"), `t.csv:1: column title (D): the column is named twice`},
		{"no revision", []byte("id,title\r\n"), `t.csv:1: no "revision" column`},
		{"empty", []byte(""), `t.csv:1: empty file`},
		{"cell count", []byte("id,revision,title\r\ndoc-1,3\r\n"), `t.csv:2: 2 cells, the header has 3`},
		{"bad quote", []byte("id,revision,title\r\ndoc-1,3,\"a\"b\"\r\n"), `t.csv:2: not CSV`},
	} {
		_, errs := plans(t, tc.data, sample())
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), tc.want) {
			t.Errorf("%s: %v, want one error with %q", tc.name, errs, tc.want)
		}
	}
}

// --max-rows: the row after the last allowed is an error, and reading stops.
// Lines are the file's: the first record spans lines 2 to 4 (its summary
// and a note have line breaks), so the second starts on line 5.
func TestMaxRows(t *testing.T) {
	data := export(t, false, sample(), plain())
	for max, wantErr := range map[int]bool{1: true, 2: false} {
		rd, err := NewReader(bytes.NewReader(data), "t.csv", max)
		if err != nil {
			t.Fatal(err)
		}
		var got error
		for {
			_, err := rd.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				got = err
			}
		}
		if (got != nil) != wantErr || (got != nil && !strings.Contains(got.Error(), "t.csv:5: more than 1 rows")) {
			t.Errorf("max %d: %v", max, got)
		}
	}
}

// A cell longer than Excel holds is named, so the exporter can warn.
func TestLongCells(t *testing.T) {
	r := plain()
	r.Body = strings.Repeat("д", ExcelCellLimit) + "!"
	var b bytes.Buffer
	w, _ := NewWriter(&b, Columns(0, 0, true))
	long, err := w.Write(r)
	if err != nil || !slices.Equal(long, []string{"body"}) {
		t.Errorf("long body: %v %v", long, err)
	}
	r.Body = strings.Repeat("д", ExcelCellLimit)
	if long, _ := w.Write(r); len(long) != 0 {
		t.Errorf("a body of exactly the limit named: %v", long)
	}
	// A record with more sources than the header has room for is refused, not cut.
	r.Sources = make([]record.Source, 2)
	if _, err := w.Write(r); err == nil {
		t.Error("two sources under one source's columns written")
	}
}
