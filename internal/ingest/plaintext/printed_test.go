package plaintext

import (
	"strings"
	"testing"
)

// Synthetic printed pages in the layouts of published volumes and of scans.
func TestPrintedPages(t *testing.T) {
	for _, c := range []struct {
		name, text                             string
		number, title, date, place, file, note string
		despatch                               string // a source's reference
	}{
		{
			name: "number, heading with marker, source note at the foot, page break inside the text",
			text: "218 FOREIGN RELATIONS, 1953, VOLUME II\n\n285.\n\nThe Secretary of State to the Embassy in Japan¹\n\nWashington, January 22, 1953.\n\n" +
				"The Department has considered your message and the proposals of\nthe\n\n" +
				"¹ Source: Department of State, Central Files, 611.61/1-2053. Secret.\n\nJAPAN 219\n\n" +
				"Government of Japan.\n\nDulles\n\n² Not printed.\n",
			number: "285", title: "The Secretary of State to the Embassy in Japan", date: "1953-01-22",
			place: "Washington", file: "611.61/1-2053", note: "Not printed.",
		},
		{
			name: "OCR: plain digits, dateline closing the text",
			text: "12 FOREIGN RELATIONS, 1934\n\nNo. 7\n\nThe Secretary of State to the Minister in China (Johnson)1\n\n" +
				"Sir: I enclose a copy of the memorandum of the\nconversation held yesterday.\n\n" +
				"Washington, September 7, 1934.\n\nCordell Hull\n\n1 File No. 893.00/12345.\n",
			number: "7", title: "The Secretary of State to the Minister in China (Johnson)", date: "1934-09-07",
			place: "Washington", file: "893.00/12345",
		},
		{
			name:   "despatch number where the book prints no heading",
			text:   "428 FOREIGN RELATIONS, 1864\n\n140.\n\nNo. 141.]\n\nUnited States Consular Agency, Belize, April 1, 1864.\n\nSir: By an arrival we have news.\n",
			number: "140", title: "Sir: By an arrival we have news.", date: "1864-04-01",
		},
		{
			name: "OCR: the number's bold point read as a comma, the heading under it in one block",
			text: "DIPLOMATIC CORRESPONDENCE 155\n\n254,\nThe Secretary of State to the Minister in Panama (Davis)!\n\nNo. 33\n\n" +
				"Sir: In the Department's telegraphic response to your telegram.\n\nWashington, July 12, 1930.\n\n" +
				"1 Source: Department of State, Central Files, 810.154/235\n",
			number: "254", title: "The Secretary of State to the Minister in Panama (Davis)", date: "1930-07-12", file: "810.154/235",
		},
		{
			name: "OCR: stars read as pluses, the heading's as a closing quote; No. read as №.",
			text: "RUSSIA 49\n\nNo. 50\n\nThe Ambassador in Russia (Francis) to the Secretary of State”\n\n№. 2360.]\n\n" +
				"Petrograd, February 12, 1918.\n\nAt meeting of Diplomatic Corps to-day it was determined.\n\n" +
				"+ File No. 861.51/271\n++ In a despatch of Feb. 13, not printed.\n",
			number: "50", title: "The Ambassador in Russia (Francis) to the Secretary of State", date: "1918-02-12",
			file: "861.51/271", note: "In a despatch of Feb. 13, not printed.",
		},
		{
			name: "OCR: the file number under the heading in the heading's block",
			text: "524 FOREIGN RELATIONS, VOLUME II\n\n563.\nMemorandum by the Secretary of State\n861b.6363/131\n\n" +
				"I had an interview with Mr. Lansing this morning.\n\nWashington, January 8, 1925.\n",
			number: "563", title: "Memorandum by the Secretary of State", date: "1925-01-08", despatch: "861b.6363/131",
		},
		{
			name: "OCR: a space inside the source note's file number",
			text: "DIPLOMATIC CORRESPONDENCE 279\n\n213.\n\nThe British Ambassador (Howard) to the Secretary of State*\n\n" +
				"Washington, February 13, 1925.\n\nSir: I have the honour to refer to your note.\n\n" +
				"* Source: Department of State, Central Files, 81 1.512341 Shipping/35\n",
			number: "213", title: "The British Ambassador (Howard) to the Secretary of State", date: "1925-02-13", file: "811.512341 Shipping/35",
		},
		{
			name: "OCR on a grainy page: a star read as '=', a raised 1 glued to a file with words",
			text: "RUSSIA 449\n\n450.\n\nThe Acting Secretary of State to the Ambassador in Japan (Morris)\n\n" +
				"Washington, December 7, 1918, 4 p.m.\n\nPolk\n\n= File No. 861.77/573\n",
			number: "450", title: "The Acting Secretary of State to the Ambassador in Japan (Morris)", date: "1918-12-07", file: "861.77/573",
		},
		{
			name: "OCR: a raised 1 glued to a file number with words",
			text: "DIPLOMATIC CORRESPONDENCE 49\n\n404.\n\nThe Secretary of State to the Austrian Minister (Prochnik)1\n\n" +
				"Washington, June 27, 1930.\n\nStimson\n\n1863.51 Relief Credits/251\n",
			number: "404", title: "The Secretary of State to the Austrian Minister (Prochnik)", date: "1930-06-27", file: "863.51 Relief Credits/251",
		},
		{
			name: "despatch number without its bracket: a source, and the heading when none other stands",
			text: "38 FOREIGN RELATIONS, 1864\n\n801.\n\nNo. 2.\n\nConsulate of the United States of America, Kanagawa, June 11, 1864.\n\n" +
				"Sir: Your communication, No. 64, is received.\n",
			number: "801", title: "No. 2.", date: "1864-06-11", despatch: "No. 2.",
		},
	} {
		r := Extract(c.text)
		if r.DocNumber != c.number || r.Title != c.title || r.Date.Earliest != c.date || c.place != "" && r.Place != c.place {
			t.Errorf("%s: number %q title %q date %q place %q", c.name, r.DocNumber, r.Title, r.Date.Earliest, r.Place)
		}
		if c.file != "" && (len(r.Sources) == 0 || r.Sources[0].File != c.file) {
			t.Errorf("%s: sources %+v", c.name, r.Sources)
		}
		if c.despatch != "" && (len(r.Sources) == 0 || r.Sources[0].Reference != c.despatch) {
			t.Errorf("%s: sources %+v", c.name, r.Sources)
		}
		if c.note != "" && (len(r.Notes) == 0 || r.Notes[0].Text != c.note) {
			t.Errorf("%s: notes %+v", c.name, r.Notes)
		}
		if r.Confidence["doc_number"] == 0 || r.Confidence["date"] < 0.9 {
			t.Errorf("%s: confidence %v", c.name, r.Confidence)
		}
	}
}

// Other publishers' layouts: a CIA release with its declassification stamp on
// every page, a State Department telegram with its typed header block.
func TestReleasesAndTelegrams(t *testing.T) {
	stamp := "Approved For Release 2005/03/24 : CIA-RDP80R01443R000100220001-7"
	cia := stamp + "\n\nSECRET\n\nMEMORANDUM FOR: Director of Central Intelligence\n\nSUBJECT: Soviet Intentions in Korea\n\n15 March 1951\n\n" +
		"1. The Soviet Union is unlikely to commit its own forces.\n\n" + stamp + "\n\n- 2 -\n\n2. The Chinese will reinforce.\n\nWALTER B. SMITH\nDirector\n\n" + stamp + "\n"
	r := Extract(cia)
	if r.Title != "Soviet Intentions in Korea" || r.Date.EDTF != "1951-03-15" || r.Classification != "SECRET" ||
		len(r.Recipients) != 1 || r.Recipients[0] != "Director of Central Intelligence" {
		t.Errorf("release: title %q date %q classification %q recipients %q", r.Title, r.Date.EDTF, r.Classification, r.Recipients)
	}
	if len(r.Sources) != 1 || r.Sources[0].File != "CIA-RDP80R01443R000100220001-7" || strings.Contains(r.Body, "Approved For Release") {
		t.Errorf("release: sources %+v; body %q", r.Sources, r.Body)
	}

	tel := "DEPARTMENT OF STATE\nINCOMING TELEGRAM\n\nFROM: Moscow\nTO: Secretary of State\nNO: 1234, January 12, 6 p.m.\n\nSECRET\n\n" +
		"Control 5678\nRec'd January 12, 1953, 9:14 p.m.\n\nSoviet press today carries long article.\n\nKENNAN\n"
	r = Extract(tel)
	// The received stamp is not the date the telegram was sent, but it gives
	// the year the date-time group leaves out. The telegram prints no
	// heading: it is known by its number and post.
	if r.Place != "Moscow" || r.Date.EDTF != "1953-01-12" || r.Classification != "SECRET" || r.Title != "Telegram 1234 from Moscow" {
		t.Errorf("telegram: place %q date %q classification %q title %q", r.Place, r.Date.EDTF, r.Classification, r.Title)
	}
	// Sent on the last day of the year, received on the first of the next.
	r = Extract(strings.Replace(strings.Replace(tel, "January 12, 6 p.m.", "December 31, 11 p.m.", 1), "Rec'd January 12, 1953", "Rec'd January 1, 1953", 1))
	if r.Date.EDTF != "1952-12-31" {
		t.Errorf("telegram sent December 31: date %q", r.Date.EDTF)
	}
}

// An editor's bracketed year corrects the printed date: the record is dated
// in the corrected year and its date's note says what was printed.
func TestEditorsCorrectedYear(t *testing.T) {
	text := "The Secretary of State to the Minister in China (MacMurray)\n\nWashington, October 22, 1924 [1925].\n\nSir: The Department has received your despatch.\n"
	r := Extract(text)
	if r.Date.EDTF != "1925-10-22" || r.Date.Earliest != "1925-10-22" || !strings.Contains(r.Date.Note, "1924") {
		t.Errorf("date %+v, want 1925-10-22 with a note naming the printed 1924", r.Date)
	}
	if r.Place != "Washington" {
		t.Errorf("place %q", r.Place)
	}
}

// Footnotes stay tied to the paragraph that calls them: the call stays in the
// body (a plain digit against a word raised, as a PDF's or OCR's "telegram2"
// means "telegram²"), the note carries the same number.
func TestFootnoteCalls(t *testing.T) {
	text := "218 FOREIGN RELATIONS, 1953, VOLUME II\n\n286.\n\nThe Ambassador in Japan (Murphy) to the Department of State1\n\n" +
		"Tokyo, January 24, 1953.\n\nYour telegram2 of January 20 was received; the 1953 figures are\nenclosed.\n\n" +
		"The Minister’s reply³ follows in 24 hours.\n\nThe third paragraph calls nothing: Article 2 stands.\n\nMurphy\n\n" +
		"1 Source: Department of State, Central Files, 611.94/1-2453. Secret.\n2 Not printed.\n3 Not found in Department files.\n\nJAPAN 219\n"
	r := Extract(text)
	if r.Title != "The Ambassador in Japan (Murphy) to the Department of State" || len(r.Sources) != 1 {
		t.Fatalf("title %q sources %+v", r.Title, r.Sources)
	}
	if len(r.Notes) != 2 || r.Notes[0].N != "2" || r.Notes[1].N != "3" {
		t.Fatalf("notes %+v", r.Notes)
	}
	if !strings.Contains(r.Body, "telegram² of") || !strings.Contains(r.Body, "the 1953 figures") || !strings.Contains(r.Body, "Article 2 stands") {
		t.Errorf("body %q", r.Body)
	}
	for n, want := range map[string]int{"2": 0, "3": 1, "4": -1} {
		if got := r.NoteParagraph(n); got != want {
			t.Errorf("note %s: paragraph %d, want %d", n, got, want)
		}
	}
}
