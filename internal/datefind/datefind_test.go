package datefind

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct{ in, edtf, lo, hi, qual string }{
		{"March 05, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
		{"March 5, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
		{"5 March 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
		{"Mar. 5, 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
		{"8.II.1950", "1950-02-08", "1950-02-08", "1950-02-08", "exact"},
		{"08.02.1950", "1950-02-08", "1950-02-08", "1950-02-08", "exact"},
		{"1949-03-05", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
		{"April 1950", "1950-04", "1950-04-01", "1950-04-30", "exact"},
		{"[April 1950]", "1950-04?", "1950-04-01", "1950-04-30", "inferred"},
		{"Circa 1950", "1950~", "1950-01-01", "1950-12-31", "approximate"},
		{"c. 1950", "1950~", "1950-01-01", "1950-12-31", "approximate"},
		{"late May 1950", "1950-05~", "1950-05-21", "1950-05-31", "approximate"},
		{"early 1950", "1950~", "1950-01-01", "1950-04-30", "approximate"},
		{"mid-1950", "1950~", "1950-05-01", "1950-08-31", "approximate"},
		{"March 30 - April 25, 1950", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25", "exact"},
		{"March 30–April 25, 1950", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25", "exact"},
		{"30 March - 25 April 1950", "1950-03-30/1950-04-25", "1950-03-30", "1950-04-25", "exact"},
		{"5-7 March 1949", "1949-03-05/1949-03-07", "1949-03-05", "1949-03-07", "exact"},
		{"February 20, 1934—6 p.m.", "1934-02-20", "1934-02-20", "1934-02-20", "exact"},
		{"April 21, 1934—noon", "1934-04-21", "1934-04-21", "1934-04-21", "exact"},
		{"the 1950s", "", "", "", ""},
		{"1950s", "195X", "1950-01-01", "1959-12-31", "exact"},
		{"22 февраля 1946 г.", "1946-02-22", "1946-02-22", "1946-02-22", "exact"},
		{"22 февраля 1946 года", "1946-02-22", "1946-02-22", "1946-02-22", "exact"},
		{"1950년 6월 25일", "1950-06-25", "1950-06-25", "1950-06-25", "exact"},
		{"1950년 6월", "1950-06", "1950-06-01", "1950-06-30", "exact"},
		{"1950年6月25日", "1950-06-25", "1950-06-25", "1950-06-25", "exact"},
		{"一九五〇年六月二十五日", "1950-06-25", "1950-06-25", "1950-06-25", "exact"},
		{"12. September 1996", "1996-09-12", "1996-09-12", "1996-09-12", "exact"},
		{"12. Sept. 1996", "1996-09-12", "1996-09-12", "1996-09-12", "exact"},
		{"5 mars 1949", "1949-03-05", "1949-03-05", "1949-03-05", "exact"},
		{"1950", "1950", "1950-01-01", "1950-12-31", "exact"},
		{"1950-04~", "1950-04~", "1950-04-01", "1950-04-30", "approximate"},
		{"February 30, 1950", "", "", "", ""},
		{"No. 4040", "", "", "", ""},
		{"58 km", "", "", "", ""},
		{"Stalin asks", "", "", "", ""},
	}
	for _, c := range cases {
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

func TestFindRolesAndNumbers(t *testing.T) {
	text := "Buenos Aires, April 21, 1934—noon.\n[Received 1:45 p.m.]\nOn March 3 the minister wrote. No. 4040 counts 58 km and 2,000 men. [Received March 22.]\nFrom Pyongyang, No. 4040. 10 hours 10 minutes. 8.II.1950"
	ms := Find(text)
	var got []string
	for _, m := range ms {
		got = append(got, m.EDTF+":"+m.Role)
	}
	want := "1934-04-21: 1934-03-22:received 1950-02-08:sent"
	if strings.Join(got, " ") != want {
		t.Errorf("Find = %q, want %q", strings.Join(got, " "), want)
	}
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("offsets of %q wrong", m.Text)
		}
	}
}

func TestDocumentDate(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The Ambassador in Argentina (Weddell) to the Secretary of State\n\nBuenos Aires, April 21, 1934—noon. [Received 1:45 p.m.]\n\n68. Referring to telegram No. 37 of April 12, 1934.", "1934-04-21"},
		{"Mr. Seward to Mr. Adams.\n\nDepartment of State,\nWashington, March 5, 1864.\n\nSir: Your despatch of February 2, 1864 has been received.", "1864-03-05"},
		{"Memorandum\n\n[Received March 22, 1934.]\n\nWashington, March 20, 1934.\n\nText.", "1934-03-20"},
		{"Telegram\n\nFrom Pyongyang, No. 4040. 8.II.1950\n\nOn 4 February 1950 I had a meeting.", "1950-02-04"},
		{"A letter\n\nIt speaks at length of the war, and long after, in passing, of 5 May 1945.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nOn 9 May 1945 the war ended.", "1945-05-05"},
	}
	for _, c := range cases {
		m, ok := DocumentDate(c.text)
		if !ok || m.EDTF != c.want {
			t.Errorf("DocumentDate(%.40q) = %q (%v), want %q", c.text, m.EDTF, ok, c.want)
		}
	}
	if m, ok := DocumentDate("No dates here at all.\n\nNone."); ok {
		t.Errorf("found %+v in text without dates", m)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"March 30 - April 25, 1950", "[Received March 22.]", "8.II.1950", "1950년 6월 25일", "一九五〇年六月二十五日", "late May 1950", "22 февраля 1946 г."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := -1
		for _, m := range Find(s) {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad offsets %d..%d for %q in %q", m.Start, m.End, m.Text, s)
			}
			if m.Start < last && m.Role != "received" {
				t.Fatalf("matches out of order in %q", s)
			}
			last = m.Start
			if m.Earliest > m.Latest {
				t.Fatalf("bounds reversed for %q", m.Text)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"[April 1950]", "Circa 1950", "February 20, 1934—6 p.m.", "1950-04~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if m, ok := Parse(s); ok && (m.Earliest == "" || m.Earliest > m.Latest) {
			t.Fatalf("Parse(%q) = %+v", s, m)
		}
	})
}
