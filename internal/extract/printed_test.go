package extract

import (
	"reflect"
	"testing"
)

func TestRunningHead(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"218 FOREIGN RELATIONS, 1934, VOLUME IV", true},
		{"THE AMERICAN REPUBLICS 219", true},
		{"CHINA 12", true},
		{"- 12 -", true},
		{"219", true},
		{"68. Referring to Department’s telegram No. 37", false},
		{"Article 12", false},
		{"The Ambassador in Argentina (Weddell) to the Secretary of State", false},
		{"1934 was a year", false},
	} {
		if got := RunningHead(c.line); got != c.want {
			t.Errorf("RunningHead(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func TestReadPrinted(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
		notes            []Footnote
	}{
		{
			name: "source note at the foot of the first page, paragraph cut by the page break",
			text: "218 FOREIGN RELATIONS, 1934\n\n285.\n\nMr. A to Mr. B¹\n\nThe Government\nof the\n\n¹ Source: Department of State, Central Files, 611.61/1-2053. Secret.\n\nCHINA 219\n\nUnited States agrees.\n\nHull\n\n² Not printed.\n",
			want: "285.\n\nMr. A to Mr. B¹\n\nThe Government\nof the\nUnited States agrees.\n\nHull",
			notes: []Footnote{
				{"1", "Source: Department of State, Central Files, 611.61/1-2053. Secret."},
				{"2", "Not printed."},
			},
		},
		{
			name:  "OCR: plain digits, notes run together on one line",
			text:  "12 FOREIGN RELATIONS\n\nNo. 7\n\nMr. A to Mr. B1\n\nText here.\n\n1 File No. 893.00/1234. 2 Not printed.",
			want:  "No. 7\n\nMr. A to Mr. B1\n\nText here.",
			notes: []Footnote{{"1", "File No. 893.00/1234."}, {"2", "Not printed."}},
		},
		{
			name:  "star mark, numbered paragraph kept",
			text:  "PAPERS 393\n\nHeading*\n\n1. The first point.\n\n* 710.1012 Anti-War/76: Telegram",
			want:  "Heading*\n\n1. The first point.",
			notes: []Footnote{{"*", "710.1012 Anti-War/76: Telegram"}},
		},
		{
			name:  "OCR: a raised 1 glued to the file number, a remark under the heading",
			text:  "CHINA 12\n\n178.\nThe Consul at Geneva (Gilbert) to the Secretary of State!\n[Paraphrase]\n\nText.\n\n1724.3415/4434: Telegram",
			want:  "178.\n\nThe Consul at Geneva (Gilbert) to the Secretary of State!\n\n[Paraphrase]\n\nText.",
			notes: []Footnote{{"1", "724.3415/4434: Telegram"}},
		},
		{
			name: "no page furniture: left alone",
			text: "Heading\n\nText.\n\n1 A note.",
			want: "Heading\n\nText.\n\n1 A note.",
		},
	} {
		got := ReadPrinted(c.text)
		if got.Text != c.want || !reflect.DeepEqual(got.Footnotes, c.notes) {
			t.Errorf("%s:\ntext  %q\nwant  %q\nnotes %q\nwant  %q", c.name, got.Text, c.want, got.Footnotes, c.notes)
		}
	}
}

func TestDocumentNumberAndMark(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"285.", "285"}, {"No. 285", "285"}, {"No. 12A", "12A"}, {"№. 463", "463"}, {"No. 3.", ""}, {"219", ""}, {"No. 378.]", ""}, {"68. Referring", ""},
		{"54,", "54"}, {"No, 17", "17"}, {"54, 55", ""}, // OCR of a bold point
	} {
		if got, _ := DocumentNumber(c.line); got != c.want {
			t.Errorf("DocumentNumber(%q) = %q, want %q", c.line, got, c.want)
		}
	}
	notes := []Footnote{{"1", "x"}}
	for _, c := range []struct{ head, want, mark string }{
		{"Mr. A to Mr. B¹", "Mr. A to Mr. B", "1"},
		{"Mr. A to Mr. B1", "Mr. A to Mr. B", "1"},
		{"Mr. A to Mr. B*", "Mr. A to Mr. B", "*"},
		{"Mr. A to Mr. B+", "Mr. A to Mr. B", "*"}, // OCR's star
		{"Memorandum No. 3", "Memorandum No. 3", ""},
		{"Treaty of 1864 article 2", "Treaty of 1864 article 2", ""},
	} {
		if got, mark := StripNoteMark(c.head, notes); got != c.want || mark != c.mark {
			t.Errorf("StripNoteMark(%q) = %q, %q; want %q, %q", c.head, got, mark, c.want, c.mark)
		}
	}
}

// Without notes on the page (OCR may lose them), a closing quote or "!" is
// still a mark unless the heading opened the quote.
func TestStripNoteMarkWithoutNotes(t *testing.T) {
	for head, want := range map[string]string{
		"The Secretary of State to the Chargé in Honduras (Dennis)!":  "The Secretary of State to the Chargé in Honduras (Dennis)",
		"The Minister in Nicaragua (Lane) to the Secretary of State”": "The Minister in Nicaragua (Lane) to the Secretary of State",
		"Address on “Peace Without Victory”":                          "Address on “Peace Without Victory”",
		"Mr. A to Mr. B1":                                             "Mr. A to Mr. B1",
	} {
		if got, _ := StripNoteMark(head, nil); got != want {
			t.Errorf("StripNoteMark(%q) = %q, want %q", head, got, want)
		}
	}
}

func FuzzReadPrinted(f *testing.F) {
	f.Add("218 FOREIGN RELATIONS, 1934\n\n285.\n\nMr. A to Mr. B¹\n\nText\n\n¹ Source: 611.61/1-2053.\n\nCHINA 219\n\nmore.")
	f.Add("12\n\n1 2 3 4\n\n- 3 -\n\n* ")
	f.Fuzz(func(t *testing.T, text string) {
		p := ReadPrinted(text)
		if !p.Paged && p.Text != text {
			t.Errorf("unpaged text changed")
		}
		if len(p.Text) > 2*len(text)+1 { // a form feed becomes a blank line
			t.Errorf("text grew: %d from %d", len(p.Text), len(text))
		}
		for _, n := range p.Footnotes {
			_, _ = StripNoteMark(n.Text, p.Footnotes)
		}
	})
}

func TestFileLine(t *testing.T) {
	for l, want := range map[string]bool{
		"861b.6363/131": true, "500.A 15a3/747: Telegram": true, "Paris Peace Conf. 182/4": true,
		"710.G Commercial Agreement/29: Telegram": true, "763.72119/5234½": true,
		"The Secretary of State to Dr. S. E. Mezes": false, "No. 33": false, "1918/19": false,
		"Washington, March 13, 1930—2 p.m.": false, "and/or the 300 men": false,
	} {
		if got := FileLine(l); got != want {
			t.Errorf("FileLine(%q) = %v", l, got)
		}
	}
}

func TestMendHeading(t *testing.T) {
	for in, want := range map[string]string{
		"Mr: Dayton to Mr. Seward":                                "Mr. Dayton to Mr. Seward",
		"Mr. Brun to Mr Hay.":                                     "Mr. Brun to Mr Hay.", // as some volumes print it
		"Mr, Seward to Mr. Dayton":                                "Mr. Seward to Mr. Dayton",
		"‘The British Chargé (Barclay) to the Secretary of State": "The British Chargé (Barclay) to the Secretary of State",
		"“Peace Without Victory”: Address of the President":       "“Peace Without Victory”: Address of the President",
		"The Secretary of State to Mr. Hay":                       "The Secretary of State to Mr. Hay",
	} {
		if got := MendHeading(in); got != want {
			t.Errorf("MendHeading(%q) = %q, want %q", in, got, want)
		}
	}
}

// OCR leaves no gap between a document's opening lines: the number, the
// heading up to its note's mark, a remark in brackets and a despatch's
// number are told apart by their lines.
func TestSplitOpeningOCR(t *testing.T) {
	for _, c := range []struct {
		lines []string
		want  int // parts
	}{
		{[]string{"No. 172", "The Commission to Negotiate Peace to the Acting Secretary of State!", "3. From Grew. In view of the Department's decision"}, 3},
		{[]string{"No. 263", "The Secretary of State to the Chargé in Honduras (Dennis)!", "(Paraphrase]"}, 3},
		{[]string{"578:", "The Chargé in Nicaragua (Damson) to the Secretary of State”", "No, 438"}, 3},
		{[]string{"No. 7", "The Secretary of State to the Minister in China", "(Johnson)"}, 2},
	} {
		if got := splitOpening(c.lines); len(got) != c.want {
			t.Errorf("%q: %d parts %q, want %d", c.lines, len(got), got, c.want)
		}
	}
}
