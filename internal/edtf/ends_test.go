package edtf

import "testing"

func TestEnds(t *testing.T) {
	tests := []struct {
		in       string
		from, to End
	}{
		{"1953-03-05", End{Year: "1953", Month: 3, Day: 5}, End{}},
		{"1953-XX-XX", End{Year: "1953"}, End{}}, // unspecified month and day read as absent
		{"1950-21~", End{Year: "1950", Season: 21, Approximate: true}, End{}},
		{"195X?", End{Year: "195X", Uncertain: true}, End{}},
		{"-0044-03-15", End{Year: "-0044", Month: 3, Day: 15}, End{}},
		{"1950-06/..", End{Year: "1950", Month: 6}, End{Open: true}},
		{"/1953%", End{}, End{Year: "1953", Uncertain: true, Approximate: true}},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		from, to := d.Ends()
		if from != tt.from || to != tt.to {
			t.Errorf("%s: ends %+v, %+v; want %+v, %+v", tt.in, from, to, tt.from, tt.to)
		}
	}
}

func TestEndKnown(t *testing.T) {
	tests := []struct {
		in           string
		fromOK, toOK bool
	}{
		{"1953", true, false}, // a single date's to is the zero End
		{"195X", true, false},
		{"1950/1953", true, true},
		{"1950/..", true, false},
		{"../1950", false, true},
		{"1950/", true, false},
		{"/1950", false, true},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		from, to := d.Ends()
		if from.Known() != tt.fromOK || to.Known() != tt.toOK {
			t.Errorf("%s: known %v, %v; want %v, %v", tt.in, from.Known(), to.Known(), tt.fromOK, tt.toOK)
		}
	}
}
