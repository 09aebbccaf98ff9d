package datefind

import "testing"

// TestEditorsYearCorrection: a bracketed year after a printed date is the
// editors' correction of it, and the date takes it, with a note; other
// brackets are left alone.
func TestEditorsYearCorrection(t *testing.T) {
	for _, c := range []struct {
		in, edtf, text string
		note           bool
	}{
		{"October 22, 1924 [1925]", "1925-10-22", "October 22, 1924 [1925]", true},
		{"Washington, October 22, 1924 [1925].", "1925-10-22", "October 22, 1924 [1925]", true},
		{"Peking, January 3, 1863 [1864].", "1864-01-03", "January 3, 1863 [1864]", true},
		{"June 5–17, 1863 [1864]", "1864-06-05/1864-06-17", "June 5–17, 1863 [1864]", true},
		// the bracket repeats the printed year: nothing to correct
		{"October 22, 1924 [1924]", "1924-10-22", "October 22, 1924", false},
		// a bracket after other words is no correction of the date
		{"October 22, 1924, received [1925]", "1924-10-22", "October 22, 1924", false},
		// an approximate date is not corrected
		{"about October 1924 [1925]", "1924-10~", "about October 1924", false},
		// day ranges within and across months are intervals, never a day of year 0201
		{"June 5–17, 1864.", "1864-06-05/1864-06-17", "June 5–17, 1864", false},
		{"June 5-17, 1864", "1864-06-05/1864-06-17", "June 5-17, 1864", false},
		{"June 28–July 3, 1864.", "1864-06-28/1864-07-03", "June 28–July 3, 1864", false},
	} {
		ms := Find(c.in)
		if len(ms) == 0 {
			t.Errorf("%q: no date", c.in)
			continue
		}
		m := ms[0]
		if m.EDTF != c.edtf || m.Text != c.text || (m.Note != "") != c.note {
			t.Errorf("%q: got %q %q note %q, want %q %q note %v", c.in, m.EDTF, m.Text, m.Note, c.edtf, c.text, c.note)
		}
	}
}
