package datefind

import (
	"fmt"
	"strings"
	"testing"
)

// parseCases are whole date expressions; edtf "" means Parse must refuse.
var parseCases = []struct{ in, edtf, lo, hi, qual string }{
	// English
	{"March 05, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"March 5, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"5 March 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"Mar. 5, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"MARCH 5, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"March 5th, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"the 5th of March, 1949", "", "", "", ""}, // "the" is not part of the date
	{"5th of March, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"Sept. 12, 1996", "1996-09-12", "1996-09-12", "1996-09-12", "exact"},
	{"Monday, March 7, 1949", "1949-03-07", "1949-03-07", "1949-03-07", "exact"},
	{"Fri Mar  2 09:14:05 EST 2001", "2001-03-02", "2001-03-02", "2001-03-02", "exact"},
	{"February 29, 1952", "1952-02-29", "1952-02-29", "1952-02-29", "exact"},
	// numeric
	{"8.II.1950", "1950-02-08", "1950-02-08", "1950-02-08", "exact"},
	{"1.VII.1950", "1950-07-01", "1950-07-01", "1950-07-01", "exact"},
	{"08.02.1950", "1950-02-08", "1950-02-08", "1950-02-08", "exact"},
	{"8.2.1950", "1950-02-08", "1950-02-08", "1950-02-08", "exact"},
	{"1949-03-05", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"1950. 6. 25.", "1950-06-25", "1950-06-25", "1950-06-25", "exact"},
	// month and year, editorial brackets, uncertainty
	{"April 1950", "1950-04", "1950-04-01", "1950-04-30", "exact"},
	{"February 1952", "1952-02", "1952-02-01", "1952-02-29", "exact"},
	{"[April 1950]", "1950-04?", "1950-04-01", "1950-04-30", "inferred"},
	{"[April 1950.]", "1950-04?", "1950-04-01", "1950-04-30", "inferred"},
	{"[1950]", "1950?", "1950-01-01", "1950-12-31", "inferred"},
	{"March 5, 1949?", "1949-03-05?", "1949-03-05", "1949-03-05", "uncertain"},
	{"[March 5, 1949?]", "1949-03-05?", "1949-03-05", "1949-03-05", "inferred"},
	// approximate
	{"Circa 1950", "1950~", "1950-01-01", "1950-12-31", "approximate"},
	{"c. 1950", "1950~", "1950-01-01", "1950-12-31", "approximate"},
	{"ca. 1950", "1950~", "1950-01-01", "1950-12-31", "approximate"},
	{"circa April 1950", "1950-04~", "1950-04-01", "1950-04-30", "approximate"},
	{"[c. 1950]", "1950%", "1950-01-01", "1950-12-31", "inferred"},
	{"late May 1950", "1950-05~", "1950-05-21", "1950-05-31", "approximate"},
	{"early May 1950", "1950-05~", "1950-05-01", "1950-05-10", "approximate"},
	{"mid-May 1950", "1950-05~", "1950-05-11", "1950-05-20", "approximate"},
	{"late February 1952", "1952-02~", "1952-02-21", "1952-02-29", "approximate"},
	{"early 1950", "1950~", "1950-01-01", "1950-04-30", "approximate"},
	{"mid-1950", "1950~", "1950-05-01", "1950-08-31", "approximate"},
	{"late 1950", "1950~", "1950-09-01", "1950-12-31", "approximate"},
	{"the end of 1950", "1950~", "1950-09-01", "1950-12-31", "approximate"},
	{"late 1940s", "194X~", "1947-01-01", "1949-12-31", "approximate"},
	{"spring 1950", "1950-21", "1950-03-01", "1950-05-31", "exact"},
	{"summer of 1950", "1950-22", "1950-06-01", "1950-08-31", "exact"},
	// intervals
	{"March 30 - April 25, 1950", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25", "exact"},
	{"March 30–April 25, 1950", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25", "exact"},
	{"30 March - 25 April 1950", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25", "exact"},
	{"5-7 March 1949", "1949-03-05/1949-03-07", "1949-03-05", "1949-03-07", "exact"},
	{"March 5-7, 1949", "1949-03-05/1949-03-07", "1949-03-05", "1949-03-07", "exact"},
	{"March-April 1950", "1950-03/1950-04", "1950-03-01", "1950-04-30", "exact"},
	{"December 30, 1949 - January 2, 1950", "1949-12-30/1950-01-02", "1949-12-30", "1950-01-02", "exact"},
	{"1949–1953", "1949/1953", "1949-01-01", "1953-12-31", "exact"},
	{"7-5 March 1949", "", "", "", ""},
	{"1953–1949", "", "", "", ""},
	// a time after the date stands with it but is not part of it
	{"February 20, 1934—6 p.m.", "1934-02-20", "1934-02-20", "1934-02-20", "exact"},
	{"April 21, 1934—noon", "1934-04-21", "1934-04-21", "1934-04-21", "exact"},
	{"April 21, 1934, 10:30 a.m.", "1934-04-21", "1934-04-21", "1934-04-21", "exact"},
	// decades
	{"1950s", "195X", "1950-01-01", "1959-12-31", "exact"},
	{"1950's", "195X", "1950-01-01", "1959-12-31", "exact"},
	{"the 1950s", "", "", "", ""},
	// Russian
	{"22 февраля 1946 г.", "1946-02-22", "1946-02-22", "1946-02-22", "exact"},
	{"22 февраля 1946 года", "1946-02-22", "1946-02-22", "1946-02-22", "exact"},
	{"«22» февраля 1946 г.", "1946-02-22", "1946-02-22", "1946-02-22", "exact"},
	{"1 января 1950", "1950-01-01", "1950-01-01", "1950-01-01", "exact"},
	{"31 декабря 1950 г.", "1950-12-31", "1950-12-31", "1950-12-31", "exact"},
	{"февраль 1946 года", "1946-02", "1946-02-01", "1946-02-28", "exact"},
	{"1950 г.", "1950", "1950-01-01", "1950-12-31", "exact"},
	// Korean, Chinese, Japanese
	{"1950년 6월 25일", "1950-06-25", "1950-06-25", "1950-06-25", "exact"},
	{"1950년 6월", "1950-06", "1950-06-01", "1950-06-30", "exact"},
	{"1950年6月25日", "1950-06-25", "1950-06-25", "1950-06-25", "exact"},
	{"１９５０年６月２５日", "1950-06-25", "1950-06-25", "1950-06-25", "exact"},
	{"1950年6月", "1950-06", "1950-06-01", "1950-06-30", "exact"},
	{"一九五〇年六月二十五日", "1950-06-25", "1950-06-25", "1950-06-25", "exact"},
	{"一九五〇年十月", "1950-10", "1950-10-01", "1950-10-31", "exact"},
	{"一九五〇年十二月三十一日", "1950-12-31", "1950-12-31", "1950-12-31", "exact"},
	{"一九五〇年二月三十日", "", "", "", ""},
	// German, French, Spanish, Italian
	{"12. September 1996", "1996-09-12", "1996-09-12", "1996-09-12", "exact"},
	{"12. Sept. 1996", "1996-09-12", "1996-09-12", "1996-09-12", "exact"},
	{"3. März 1950", "1950-03-03", "1950-03-03", "1950-03-03", "exact"},
	{"5 mars 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"1er mars 1949", "1949-03-01", "1949-03-01", "1949-03-01", "exact"},
	{"5 février 1949", "1949-02-05", "1949-02-05", "1949-02-05", "exact"},
	{"5 de marzo de 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
	{"25 aprile 1945", "1945-04-25", "1945-04-25", "1945-04-25", "exact"},
	// EDTF itself
	{"1950", "1950", "1950-01-01", "1950-12-31", "exact"},
	{"1950-04~", "1950-04~", "1950-04-01", "1950-04-30", "approximate"},
	{"1950-04?", "1950-04?", "1950-04-01", "1950-04-30", "uncertain"},
	{"195X", "195X", "1950-01-01", "1959-12-31", "exact"},
	{"1950-03-30/1950-04-25", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25", "exact"},
	{"1950/..", "", "", "", ""}, // open: no upper bound to date a document by
	// not dates
	{"February 30, 1950", "", "", "", ""},
	{"31.04.1950", "", "", "", ""},
	{"February 29, 1950", "", "", "", ""},
	{"No. 4040", "", "", "", ""},
	{"58 km", "", "", "", ""},
	{"2,000", "", "", "", ""},
	{"Stalin asks", "", "", "", ""},
	{"March 5, 1949 and April 2, 1950", "", "", "", ""},
	{"", "", "", "", ""},
	{"[]", "", "", "", ""},
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		m, ok := Parse(c.in)
		if c.edtf == "" {
			if ok {
				t.Errorf("Parse(%q) = %+v, want no date", c.in, m)
			}
			continue
		}
		if !ok || m.EDTF != c.edtf || m.Earliest != c.lo || m.Latest != c.hi || m.Qualifier != c.qual {
			t.Errorf("Parse(%q) = %q %s..%s %s (ok %v), want %q %s..%s %s", c.in, m.EDTF, m.Earliest, m.Latest, m.Qualifier, ok, c.edtf, c.lo, c.hi, c.qual)
		}
	}
}

// findCases list, for a text, every match as "text=edtf" (plus ":role" and
// " qualifier" when not plain), in order.
var findCases = []struct {
	in   string
	want []string
}{
	{"On March 3 the minister wrote; in 1949 he left.", []string{"1949=1949"}},
	{"No. 4040 counts 58 km and 2,000 men, 1950 guns.", nil},
	{"Since 1945 and until 1950 the treaty held.", []string{"1945=1945", "1950=1950"}},
	{"from 1949 to 1953 he served", []string{"1949 to 1953=1949/1953"}},
	{"the Chinese files opened in 2004 complicate", []string{"2004=2004"}},
	{"Between March 30, 1949 – April 2, 1950 nothing.", []string{"March 30, 1949 – April 2, 1950=1949-03-30/1950-04-02"}},
	{"He wrote on 5 March 1949 and on April 2, 1950.", []string{"5 March 1949=1949-03-05", "April 2, 1950=1950-04-02"}},
	{"an editor's date [April 1950] here", []string{"April 1950=1950-04? inferred"}},
	{"sometime circa 1950, or c.1951", []string{"circa 1950=1950~ approximate", "c.1951=1951~ approximate"}},
	{"In the spring of 1950 talks began.", []string{"spring of 1950=1950-21"}},
	{"in the late 1940s and early 1950s", []string{"late 1940s=194X~ approximate", "early 1950s=195X~ approximate"}},
	{"В начале 1950 г. он писал", []string{"начале 1950 г.=1950~ approximate"}},
	{"Москва, 22 февраля 1946 городе", []string{"22 февраля 1946=1946-02-22"}}, // "г" belongs to "городе"
	{"11950년 6월 25일", nil},
	{"平壤 1950年6月25日に", []string{"1950年6月25日=1950-06-25"}},
	{"version 1.08.02.1950 build", nil},
	{"Buenos Aires, April 21, 1934—noon.\n[Received 1:45 p.m.]", []string{"April 21, 1934=1934-04-21"}},
	{"Washington, March 20, 1934.\n[Received March 22.]", []string{"March 20, 1934=1934-03-20", "March 22=1934-03-22:received inferred"}},
	{"Moscow, December 30, 1949.\n[Received January 2.]", []string{"December 30, 1949=1949-12-30", "January 2=1950-01-02:received inferred"}},
	{"Paris, April 21, 1934.\n[Received March 22.]", []string{"April 21, 1934=1934-04-21", "March 22=1934-03-22:received inferred"}},
	{"[Received April 22, 1934, 9 a.m.]", []string{"April 22, 1934=1934-04-22:received"}},
	{"[Received 22 March.] Moscow, 20 March 1934.", []string{"22 March=1934-03-22:received inferred", "20 March 1934=1934-03-20"}},
	{"From Pyongyang, No. 4040. 10 hours 10 minutes. 8.II.1950", []string{"8.II.1950=1950-02-08:sent"}},
	{"[Sent March 5, 1950, 6 p.m.]", []string{"March 5, 1950=1950-03-05:sent"}},
	{"Received your telegram of April 12, 1934, which asks about the wheat agreement and what the minister said of it.", []string{"April 12, 1934=1934-04-12"}},
	{"Из Пхеньяна. № 4040. 10 ч. 10 мин. 8.II.1950", []string{"8.II.1950=1950-02-08:sent"}},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		var got []string
		for _, m := range Find(c.in) {
			if c.in[m.Start:m.End] != m.Text {
				t.Errorf("Find(%q): offsets %d..%d do not give %q", c.in, m.Start, m.End, m.Text)
			}
			s := m.Text + "=" + m.EDTF
			if m.Role != "" {
				s += ":" + m.Role
			}
			if m.Qualifier != "exact" {
				s += " " + m.Qualifier
			}
			got = append(got, s)
		}
		if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
			t.Errorf("Find(%q)\n got  %q\n want %q", c.in, got, c.want)
		}
	}
}

func TestParseAgreesWithFind(t *testing.T) {
	// Every date Parse accepts in prose form is found in a sentence around it.
	for _, c := range parseCases {
		if c.edtf == "" || strings.HasPrefix(c.in, "[") || c.in == "1950" || strings.ContainsAny(c.in[:1], "0123456789") && !strings.ContainsAny(c.in, " .年년") {
			continue
		}
		text := "Text before, " + c.in + " and after."
		ms := Find(text)
		if len(ms) == 0 || ms[0].EDTF != strings.TrimSuffix(c.edtf, "?") && ms[0].EDTF != c.edtf {
			t.Errorf("Find(%q) = %+v, want %s", text, ms, c.edtf)
		}
	}
}

func TestDocumentDate(t *testing.T) {
	cases := []struct{ name, text, want, display string }{
		{"FRUS telegram with received stamp",
			"The Ambassador in Argentina (Weddell) to the Secretary of State\n\nBuenos Aires, April 21, 1934—noon. [Received 1:45 p.m.]\n\n68. Referring to telegram No. 37 of April 12, 1934.",
			"1934-04-21", "April 21, 1934"},
		{"dateline under a letterhead",
			"Mr. Seward to Mr. Adams.\n\nDepartment of State,\nWashington, March 5, 1864.\n\nSir: Your despatch of February 2, 1864 has been received.",
			"1864-03-05", "March 5, 1864"},
		{"received stamp before the dateline",
			"Memorandum\n\n[Received March 22, 1934.]\n\nWashington, March 20, 1934.\n\nText.",
			"1934-03-20", "March 20, 1934"},
		{"telegram: the sent line, not a date in the text",
			"Telegram\n\nFrom Pyongyang, No. 4040. 10 hours 10 minutes. 8.II.1950\n\nOn 4 February 1950 I had a meeting.",
			"1950-02-08", "8.II.1950"},
		{"publisher's dateline above the sent line",
			"June 30, 1950\n\nCiphered Telegram\n\nFrom Beijing, No. 1527. 21 hours 40 minutes. 1.VII.1950\n\nOn 29 June Zhou Enlai received me.",
			"1950-06-30", "June 30, 1950"},
		{"no dateline: first full date in the opening prose",
			"A letter\n\nIt speaks of the war, and in passing of 5 May 1945.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nOn 9 May 1945 the war ended.",
			"1945-05-05", "5 May 1945"},
		{"prose mentions do not beat a later dateline",
			"Memorandum of Conversation\n\nThe meeting of 3 March 1962 was recalled.\n\nWashington, October 27, 1962.\n\nSECRET",
			"1962-10-27", "October 27, 1962"},
		{"editorial bracketed date as the dateline",
			"Note by the Secretary\n\n[Moscow, April 1950]\n\nThe minister said in 1949 that he would come.",
			"1950-04?", "April 1950"},
		{"Russian dateline",
			"ЗАПИСЬ БЕСЕДЫ\n\nМосква, 22 февраля 1946 г.\n\nВ начале 1945 г. товарищ сказал",
			"1946-02-22", "22 февраля 1946 г."},
		{"Korean dateline",
			"보고서\n\n평양, 1950년 6월 25일\n\n내용",
			"1950-06-25", "1950년 6월 25일"},
		{"dateline with a weekday and a time",
			"Diary\n\nMonday, March 7, 1949, 10:30 a.m.\n\nSaw the minister.",
			"1949-03-07", "March 7, 1949"},
		{"closing dateline in a letter",
			"Dear Comrade Stalin,\n\nWe received your letter of last month.\n\nwe ask for advice.\n\nwe wait.\n\nmore.\n\nmore.\n\nmore.\n\nmore.\n\nmore.\n\nmore.\n\nmore.\n\nmore.\n\nKim Il Sung\n\nPyongyang, 7 March 1949",
			"1949-03-07", "7 March 1949"},
		{"mail header date",
			"Archives II\n\nJane Roe jroe at example.org\nFri Mar  2 09:14:05 EST 2001\n\nSomeone asked about the winter of 1950.",
			"2001-03-02", "Mar  2 09:14:05 EST 2001"},
		{"a bare year in prose is not a document date",
			"Notes\n\nThe war began in 1950 and the talks went on.\n\nMore.",
			"", ""},
	}
	for _, c := range cases {
		m, ok := DocumentDate(c.text)
		if c.want == "" {
			if ok {
				t.Errorf("%s: DocumentDate = %+v, want none", c.name, m)
			}
			continue
		}
		if !ok || m.EDTF != c.want || m.Text != c.display || c.text[m.Start:m.End] != m.Text {
			t.Errorf("%s: DocumentDate = %q %q (%v), want %q %q", c.name, m.EDTF, m.Text, ok, c.want, c.display)
		}
	}
	if m, ok := DocumentDate("No dates here at all.\n\nNone."); ok {
		t.Errorf("found %+v in text without dates", m)
	}
}

func checkMatches(t *testing.T, s string, ms []Match) {
	t.Helper()
	last := 0
	for _, m := range ms {
		if m.Start < last || m.End < m.Start || m.End > len(s) || s[m.Start:m.End] != m.Text {
			t.Fatalf("bad match %d..%d %q in %q (previous ended at %d)", m.Start, m.End, m.Text, s, last)
		}
		last = m.End
		checkBounds(t, s, m)
	}
}

func checkBounds(t *testing.T, s string, m Match) {
	t.Helper()
	if m.EDTF == "" || m.Earliest == "" || m.Latest == "" || m.Earliest > m.Latest {
		t.Fatalf("bad date %+v from %q", m, s)
	}
	switch m.Qualifier {
	case "exact", "approximate", "inferred", "uncertain":
	default:
		t.Fatalf("bad qualifier %+v from %q", m, s)
	}
}

var fuzzSeeds = []string{"March 30 - April 25, 1950", "[Received March 22.]", "8.II.1950", "1950년 6월 25일", "一九五〇年六月二十五日",
	"late May 1950", "22 февраля 1946 г.", "[c. 1950]", "in the early 1950s", "Washington, December 30, 1949.\n[Received January 2.]",
	"From Pyongyang, No. 4040. 10 hours 10 minutes. 8.II.1950", "February 20, 1934—6 p.m.", "１９５０年６月２５日", "spring of 1950"}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMatches(t, s, Find(s))
		if m, ok := DocumentDate(s); ok {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End || s[m.Start:m.End] != m.Text || m.Role == "received" {
				t.Fatalf("DocumentDate(%q) = %+v", s, m)
			}
			checkBounds(t, s, m)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range append(fuzzSeeds, "[April 1950]", "Circa 1950", "1950-04~", "0000/", "Monday, March 7, 1949?") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := Parse(s)
		if !ok {
			return
		}
		checkBounds(t, s, m)
		if again, ok := Parse(m.EDTF); !ok || again.Earliest != m.Earliest && m.Qualifier != "approximate" {
			t.Fatalf("Parse(%q) gave EDTF %q, which Parse reads as %+v (%v)", s, m.EDTF, again, ok)
		}
	})
}

func ExampleFind() {
	for _, m := range Find("Buenos Aires, April 21, 1934—noon. [Received 1:45 p.m.] On March 30 - April 25, 1950 ... [Received May 2.]") {
		fmt.Printf("%q %s %s..%s %s %q\n", m.Text, m.EDTF, m.Earliest, m.Latest, m.Qualifier, m.Role)
	}
	// Output:
	// "April 21, 1934" 1934-04-21 1934-04-21..1934-04-21 exact ""
	// "March 30 - April 25, 1950" 1950-03-30/1950-04-25 1950-03-30..1950-04-25 exact ""
	// "May 2" 1950-05-02 1950-05-02..1950-05-02 inferred "received"
}
