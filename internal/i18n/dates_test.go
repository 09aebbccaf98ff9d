package i18n

import "testing"

func TestDates(t *testing.T) {
	type c struct{ edtf, display, qual, en, ru string }
	for _, tc := range []c{
		{"1953-03-05", "", "", "March 5, 1953", "5 марта 1953 г."},
		{"1953-03", "", "", "March 1953", "март 1953 г."},
		{"1953", "", "", "1953", "1953 г."},
		{"1953-21", "", "", "Spring 1953", "весна 1953 г."},
		{"1953-24", "", "", "Winter 1953", "зима 1953 г."},
		{"195X", "", "", "1950s", "1950-е гг."},
		{"19XX", "", "", "1900–1999", "1900–1999 гг."},
		{"1953-XX", "", "", "1953", "1953 г."},
		{"1953-04-XX", "", "", "April 1953", "апрель 1953 г."},
		{"-0044", "", "", "45 BC", "45 г. до н. э."},
		{"-0043", "", "", "44 BC", "44 г. до н. э."},
		{"0000", "", "", "1 BC", "1 г. до н. э."},
		// EDTF qualifiers: approximate (~), uncertain (?), both (%).
		{"1953-03-05~", "", "", "circa March 5, 1953", "около 5 марта 1953 г."},
		{"1953-03~", "", "", "circa March 1953", "около марта 1953 г."},
		{"1953~", "", "", "circa 1953", "около 1953 г."},
		{"1953-21~", "", "", "circa Spring 1953", "около весны 1953 г."},
		{"1953?", "", "", "1953?", "предположительно 1953 г."},
		{"1953-03%", "", "", "circa March 1953?", "предположительно около марта 1953 г."},
		// The record's qualifier, said once.
		{"1953-03", "", "approximate", "circa March 1953", "около марта 1953 г."},
		{"1953-03~", "", "approximate", "circa March 1953", "около марта 1953 г."},
		{"1953-03-05", "", "inferred", "March 5, 1953 (inferred)", "[5 марта 1953 г.]"},
		{"1953", "", "uncertain", "1953?", "предположительно 1953 г."},
		{"1953-03-05", "", "exact", "March 5, 1953", "5 марта 1953 г."},
		// Intervals share what their ends share.
		{"1953-03-05/1953-03-07", "", "", "March 5–7, 1953", "5–7 марта 1953 г."},
		{"1953-03-05/1953-04-02", "", "", "March 5 – April 2, 1953", "5 марта – 2 апреля 1953 г."},
		{"1950-03/1950-04", "", "", "March–April 1950", "март–апрель 1950 г."},
		{"1950/1953", "", "", "1950–1953", "1950–1953 гг."},
		{"1953-03-05/1954-04-02", "", "", "March 5, 1953 – April 2, 1954", "5 марта 1953 г. – 2 апреля 1954 г."},
		{"1950~/1953", "", "", "circa 1950 – 1953", "около 1950 г. – 1953 г."},
		{"../1953-03-05", "", "", "until March 5, 1953", "до 5 марта 1953 г."},
		{"1953-03/..", "", "", "from March 1953 on", "с марта 1953 г."},
		{"1953/", "", "", "from 1953 (end unknown)", "с 1953 г. (окончание неизвестно)"},
		{"/1953-03", "", "", "until March 1953 (start unknown)", "до марта 1953 г. (начало неизвестно)"},
		{"1950/1953", "", "approximate", "circa 1950–1953", "приблизительно 1950–1953 гг."},
		{"1950/1953", "", "inferred", "1950–1953 (inferred)", "[1950–1953 гг.]"},
		// Without EDTF, the source's words (record content, not translated).
		{"", "the Ides of March", "", "the Ides of March", "the Ides of March"},
		{"not a date", "early spring", "approximate", "circa early spring", "около early spring"},
		{"", "", "", "Undated", "Без даты"},
	} {
		if got := For(EN).Date(tc.edtf, tc.display, tc.qual); got != tc.en {
			t.Errorf("en %q %q: %q, want %q", tc.edtf, tc.qual, got, tc.en)
		}
		if got := For(RU).Date(tc.edtf, tc.display, tc.qual); got != tc.ru {
			t.Errorf("ru %q %q: %q, want %q", tc.edtf, tc.qual, got, tc.ru)
		}
	}
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"1953-03-05", "195X/1960", "../..", "1953-21~/1954?", "-0044%", "Y170000002"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range Langs {
			if For(l).Date(s, "", "approximate") == "" {
				t.Fatalf("%s: empty date for %q", l, s)
			}
		}
	})
}

func TestAmount(t *testing.T) {
	en, ru := For(EN), For(RU)
	for _, c := range []struct {
		p    Printer
		n    float64
		want string
	}{
		{en, 1, "1 line"}, {en, 2.5, "2½ lines"}, {en, .5, "½ lines"}, {en, 3, "3 lines"},
		{ru, 1, "1 строка"}, {ru, 3, "3 строки"}, {ru, 5, "5 строк"}, {ru, 21, "21 строка"}, {ru, 2.5, "2½ строки"}, {ru, 1.25, "1,25 строки"},
	} {
		if got := c.p.Amount("unit.line", c.n); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.p.Lang, c.n, got, c.want)
		}
	}
}
