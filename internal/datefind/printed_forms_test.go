package datefind

import "testing"

// Datelines as the older printed volumes set them: a comma after the month, the
// editor's brackets around parts of the date (then inferred, not stated).
func TestPrintedDatelineForms(t *testing.T) {
	for line, want := range map[string]string{
		"Paris, February, 2, 1864.":                    "1864-02-02",
		"Boston, Nov, 12, 1864.":                       "1864-11-12",
		"Washington, [January] 22, [1934].":            "1934-01-22?",
		"Washington, January [22], 1934.":              "1934-01-22?",
		"Washington, January 22, 1934.":                "1934-01-22",
		"[Washington,] January 22, 1934.":              "1934-01-22",
		"He spoke of [it] in May, 12 days after 1934.": "",
	} {
		m, ok := DocumentDate("A Heading\n\n" + line + "\n\nSir: I have the honor to report.")
		if want == "" {
			if ok && m.Start > 12 && m.Start < 12+len(line) {
				t.Errorf("%q: found %q (%s)", line, m.Text, m.EDTF)
			}
			continue
		}
		if !ok || m.EDTF != want {
			t.Errorf("%q: %v %q, want %s", line, ok, m.EDTF, want)
		}
	}
}

// A post before the place: more words than a place alone, all names, the date
// ending the line.
func TestLongDatelines(t *testing.T) {
	for line, want := range map[string]bool{
		"Commonwealth of Massachusetts, Executive Department, Boston, November 18, 1864.": true,
		"Legation of the United States in Japan, Kanagawa, Yokohama, November 13, 1863.":  true,
		"Office U.S. Military Telegraph, War Department, October 15, 1864.":               true,
		"Report of the Select Committee On Foreign Affairs, May 2, 1864, And The Reply":   false,
	} {
		_, ok := dateline(line, span{0, len(line)})
		if ok != want {
			t.Errorf("%q: dateline %v, want %v", line, ok, want)
		}
	}
}
