package redact

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"fond/internal/record"
)

func TestFind(t *testing.T) {
	cases := []struct {
		text string
		want []record.Redaction // Start/End/Marker checked through Marker only
	}{
		{"The Ambassador said [text not declassified] and left.",
			[]record.Redaction{{Marker: "[text not declassified]", Kind: KindBracket, What: "text"}}},
		{"Before.\n\n[1 paragraph (5 lines) not declassified]\n\nAfter.",
			[]record.Redaction{{Marker: "[1 paragraph (5 lines) not declassified]", Kind: KindBracket, Amount: 1, Unit: "paragraph", Lines: 5}}},
		{"He named [2½ lines not declassified] as the source.",
			[]record.Redaction{{Marker: "[2½ lines not declassified]", Kind: KindBracket, Amount: 2.5, Unit: "line", Lines: 2.5}}},
		{"[less than 1 line not declassified]",
			[]record.Redaction{{Marker: "[less than 1 line not declassified]", Kind: KindBracket, Amount: 1, Unit: "line", Lines: 1, LessThan: true}}},
		{"[3 paragraphs (19 lines) of source text not declassified]",
			[]record.Redaction{{Marker: "[3 paragraphs (19 lines) of source text not declassified]", Kind: KindBracket, Amount: 3, Unit: "paragraph", Lines: 19, What: "source text"}}},
		{"[Page not declassified]",
			[]record.Redaction{{Marker: "[Page not declassified]", Kind: KindBracket, Amount: 1, Unit: "page"}}},
		{"[name not declassified] reported",
			[]record.Redaction{{Marker: "[name not declassified]", Kind: KindBracket, What: "name"}}},
		{"[1? lines not declassified]", // OCR of ½
			[]record.Redaction{{Marker: "[1? lines not declassified]", Kind: KindBracket, Amount: 1.5, Unit: "line", Lines: 1.5}}},
		{"[2 pages not\ndeclassified]", // broken across a line
			[]record.Redaction{{Marker: "[2 pages not\ndeclassified]", Kind: KindBracket, Amount: 2, Unit: "page"}}},
		{"Text.\n2 pages not declassified\nMore.",
			[]record.Redaction{{Marker: "2 pages not declassified", Kind: KindBracket, Amount: 2, Unit: "page"}}},
		{"[handling restriction not declassified]",
			[]record.Redaction{{Marker: "[handling restriction not declassified]", Kind: KindBracket, What: "handling restriction"}}},
		{"the station chief XXXXXXXX XXXXX said",
			[]record.Redaction{{Marker: "XXXXXXXX XXXXX", Kind: KindOCR}}},
		{"met ██████ ███ at the airport",
			[]record.Redaction{{Marker: "██████ ███", Kind: KindOCR}}},
		{"the source (b)(1) (b)(3) reported",
			[]record.Redaction{{Marker: "(b)(1) (b)(3)", Kind: KindExemption, Exemptions: []string{"b1", "b3"}}}},
		{"XXXXXXXXXX (b)(1)",
			[]record.Redaction{{Marker: "XXXXXXXXXX (b)(1)", Kind: KindOCR, Exemptions: []string{"b1"}}}},
		{"[1 line not declassified] (b)(1), (b)(7)(C)",
			[]record.Redaction{{Marker: "[1 line not declassified] (b)(1), (b)(7)(C)", Kind: KindBracket, Amount: 1, Unit: "line", Lines: 1, Exemptions: []string{"b1", "b7c"}}}},
		{"25X1\nThe agent", []record.Redaction{{Marker: "25X1", Kind: KindExemption, Exemptions: []string{"25x1"}}}},
		{"[redacted]", []record.Redaction{{Marker: "[redacted]", Kind: KindBracket}}},
		// Not redactions: Roman numerals, a statute cited, editorial omissions,
		// FRUS's own transcription notes.
		{"Article XXXIV of the treaty; Chapter XXXVIII.", nil},
		{"under 5 U.S.C. 552(b)(1) the agency", nil},
		{"the provision of section 213 (b) (8) of the 1921 revenue act", nil},
		{"under paragraph (b)(1) of the order", nil},
		{"[Omitted.] [garbled group] [illegible] [Paraphrase]", nil},
		{"a box of xxx and XXX", nil},
	}
	for _, c := range cases {
		got := Find(c.text)
		if len(got) != len(c.want) {
			t.Errorf("Find(%q) = %d spans %+v, want %d", c.text, len(got), got, len(c.want))
			continue
		}
		for i := range got {
			g := got[i]
			if c.text[g.Start:g.End] != g.Marker {
				t.Errorf("Find(%q): span %d..%d is %q, marker %q", c.text, g.Start, g.End, c.text[g.Start:g.End], g.Marker)
			}
			g.Start, g.End = 0, 0
			if !reflect.DeepEqual(g, c.want[i]) {
				t.Errorf("Find(%q)[%d] =\n %+v, want\n %+v", c.text, i, g, c.want[i])
			}
		}
	}
}

func TestNormalizeExemption(t *testing.T) {
	for in, want := range map[string]string{"(b)(1)": "b1", "b1": "b1", "B3": "b3", "b-1": "b1", "(b)(7)(C)": "b7c",
		"25X1": "25x1", "50x1-hum": "50x1-hum", "hello": "", "": "", "b": ""} {
		if got := NormalizeExemption(in); got != want {
			t.Errorf("NormalizeExemption(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStamps(t *testing.T) {
	cases := []struct {
		text string
		want record.Release
	}{
		{"DECLASSIFIED\nAuthority NND 959000\nBy RH NARA Date 5/1/08\n\nSECRET",
			record.Release{Date: "2008-05-01", Body: "National Archives and Records Administration", Authority: "NND 959000"}},
		{"Sanitized Copy Approved for Release 2010/06/14 : CIA-RDP80-00810A001234000100010001-1",
			record.Release{Date: "2010-06-14", Body: "Central Intelligence Agency", Authority: "CIA-RDP80-00810A001234000100010001-1"}},
		{"Released 2019-03-12 by the National Archives under MR 2005-123.",
			record.Release{Date: "2019-03-12", Body: "National Archives and Records Administration", Authority: "MR 2005-123"}},
		{"DECLASSIFIED E.O. 12958, Sec. 3.6 NLJ 95-123 By cbm, NARA, Date March 3, 1995",
			record.Release{Date: "1995-03-03", Body: "National Archives and Records Administration", Authority: "E.O. 12958, Sec. 3.6; NLJ 95-123"}},
		{"Declassified by the Lyndon Baines Johnson Library in 1995",
			record.Release{Date: "1995", Body: "Lyndon Baines Johnson Library"}},
	}
	for _, c := range cases {
		got := Stamps(c.text)
		if len(got) != 1 {
			t.Errorf("Stamps(%q) = %+v, want one", c.text, got)
			continue
		}
		got[0].Stamp = ""
		if got[0] != c.want {
			t.Errorf("Stamps(%q) =\n %+v, want\n %+v", c.text, got[0], c.want)
		}
	}
	for _, none := range []string{"Released from prison in May", "DECLASSIFIED", "The cable was approved for release by nobody."} {
		if got := Stamps(none); len(got) != 0 {
			t.Errorf("Stamps(%q) = %+v, want none (no date to read)", none, got)
		}
	}
}

func TestMeasure(t *testing.T) {
	reds := Find("[1 paragraph (5 lines) not declassified] x [2 paragraphs (9 lines) not declassified] [text not declassified] [2½ lines not declassified]")
	w := Measure(reds)
	if w.Paragraphs != 3 || w.Lines != 16.5 || w.Unsized != 1 || w.Spans != 4 {
		t.Fatalf("Measure = %+v", w)
	}
	if got, want := w.String(), "3 paragraphs and 1 passage"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := Measure(Find("[2½ lines not declassified]")).String(); got != "2½ lines" {
		t.Errorf("String() = %q", got)
	}
	if got := Measure(nil).String(); got != "nothing" {
		t.Errorf("String() of nothing = %q", got)
	}
	if got := Extent(reds[0]); got != "1 paragraph (5 lines)" {
		t.Errorf("Extent = %q", got)
	}
}

func TestAnnotate(t *testing.T) {
	r := record.Record{Classification: "Secret", Body: "Para one.\n\n[1 paragraph (5 lines) not declassified]\n\nPara three.",
		Notes: []record.Note{{Kind: record.NoteEditor, Text: "DECLASSIFIED Authority MR 2005-123 By NARA Date 5/1/08"}}}
	Annotate(&r)
	if len(r.Redactions) != 1 || len(r.Releases) != 1 {
		t.Fatalf("Annotate: %+v %+v", r.Redactions, r.Releases)
	}
	if r.Releases[0].Classification != "Secret" || r.Releases[0].Date != "2008-05-01" || r.Releases[0].Authority != "MR 2005-123" {
		t.Errorf("release = %+v", r.Releases[0])
	}
}

// FuzzFind checks what Find promises whatever the text: spans in order, not
// overlapping, inside the text, each marker the text at its offsets.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"[text not declassified]", "[1 paragraph (5 lines) not declassified] (b)(1)",
		"XXXXX (b)(3)\n25X1", "[2½ lines not\ndeclassified]", "2 pages not declassified\n", "[[[]]] (b)(b)(1)",
		"DECLASSIFIED Authority NND 959000 By RH NARA Date 5/1/08"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := -1
		for _, r := range Find(s) {
			if r.Start < 0 || r.End > len(s) || r.Start >= r.End || r.Start < prev {
				t.Fatalf("Find(%q): span %d..%d after %d", s, r.Start, r.End, prev)
			}
			if s[r.Start:r.End] != r.Marker {
				t.Fatalf("Find(%q): marker %q is not the text at %d..%d", s, r.Marker, r.Start, r.End)
			}
			if r.Amount < 0 || r.Lines < 0 {
				t.Fatalf("Find(%q): negative size %+v", s, r)
			}
			prev = r.End
		}
		for _, rel := range Stamps(s) {
			if rel.Date == "" || !utf8.ValidString(rel.Date) || strings.ContainsAny(rel.Date, " \n") {
				t.Fatalf("Stamps(%q): bad date %q", s, rel.Date)
			}
		}
	})
}

func TestHistory(t *testing.T) {
	rec := func(id, date, body string) record.Record {
		r := record.Record{ID: id, Body: body}
		r.Redactions = Find(body)
		if date != "" {
			r.Releases = []record.Release{{Date: date, Record: id}}
		}
		return r
	}
	h := History([]record.Record{
		rec("c", "2019-03-12", "All of it."),
		rec("a", "1995-03-03", "[1 paragraph (5 lines) not declassified] [1 paragraph (4 lines) not declassified] [1 paragraph (5 lines) not declassified]"),
		rec("d", "", "No stamp, nothing withheld: not a release."),
		rec("b", "2008-05-01", "[1 paragraph (4 lines) not declassified]"),
		rec("e", "", "Undated [text not declassified]"),
	})
	want := "1995: 3 paragraphs withheld; 2008: 1 paragraph withheld; 2019: full; Undated release: 1 passage withheld"
	if got := Summary(h); got != want {
		t.Errorf("Summary = %q\nwant      %q", got, want)
	}
}

// TestExemptionCodes: every listed code is one NormalizeExemption keeps as
// it is, and the codes Find reads from a text are in the list.
func TestExemptionCodes(t *testing.T) {
	codes := ExemptionCodes()
	listed := map[string]bool{}
	for _, c := range codes {
		listed[c] = true
		if NormalizeExemption(c) != c {
			t.Errorf("%q normalizes to %q", c, NormalizeExemption(c))
		}
	}
	if len(codes) != 9*7+9+27 {
		t.Errorf("%d codes", len(codes))
	}
	found := map[string]bool{}
	for _, red := range Find("He said (b)(1) [text not declassified] and (b)(7)(C) XXXXXX 25X1 then 50X1-HUM ███ █████.") {
		for _, c := range red.Exemptions {
			found[c] = true
			if !listed[c] {
				t.Errorf("Find gave %q, not in ExemptionCodes", c)
			}
		}
	}
	if len(found) != 4 {
		t.Errorf("Find read codes %v, want b1, b7c, 25x1, 50x1-hum", found)
	}
}
