package search

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct{ in, want string }{
		{"stalin", "stalin"},
		{"stalin kim", "(stalin AND kim)"},
		{`"exact phrase" Shtyk*`, `("exact phrase" AND Shtyk*)`},
		{"a OR b c", "(a OR (b AND c))"},
		{"x AND (y OR z)", "(x AND (y OR z))"},
		{"NOT a b", "(NOT a AND b)"},
		{"-a b", "(NOT a AND b)"},
		{`person:"Pak Hon-yong" type:telegram`, `(person:"Pak Hon-yong" AND type:telegram)`},
		{"1949..1950-06", "1949-01-01..1950-06-30"},
		{"date:1950-04", "1950-04-01..1950-04-30"},
		{"((a", "a"},
		{"x)) y", "(x AND y)"},
		{"AND OR NOT", ""},
		{"", ""},
		{"unknown:field", "unknown:field"},
		{"who asked Stalin for credit in 1949", "(asked AND Stalin AND credit AND 1949)"},
		{"who", "who"},
		{`"the loan" of`, `"the loan"`},
	}
	for _, c := range cases {
		n, err := Parse(c.in, Limits{})
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
		}
		got := ""
		if n != nil {
			got = n.String()
		}
		if got != c.want {
			t.Errorf("Parse(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a OR (b", `"x`, "date:1950..", "-", "title:\"", "NOT NOT ((", "1949..1950-06"} {
		f.Add(s)
	}
	// Small limits, so that the fuzzer reaches them with short inputs.
	lim := Limits{MaxQueryBytes: 200, MaxTerms: 8, MaxDepth: 4}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s, lim)
		if err != nil {
			var le *LimitError
			if !errors.As(err, &le) || !errors.Is(err, ErrQueryTooComplex) || le.Msg == "" || le.Got <= le.Limit {
				t.Fatalf("Parse(%q): %v is no LimitError that says why", s, err)
			}
			return
		}
		if n != nil {
			_ = n.String()
		}
		// What was accepted is within the limits.
		if d := depth(n); d > 3*(lim.MaxDepth+1) {
			t.Fatalf("Parse(%q) accepted depth %d", s, d)
		}
		if c := countLeaves(n); c > lim.MaxTerms {
			t.Fatalf("Parse(%q) accepted %d leaves", s, c)
		}
	})
}

func TestParseDateRangeValidity(t *testing.T) {
	if _, ok := mustParse(t, "..1950-02-29").(Term); !ok {
		t.Errorf("1950-02-29 is no date (1950 is not a leap year): want a plain term")
	}
	d, ok := mustParse(t, "..1952-02-29").(DateRange)
	if !ok || d.From != "" || d.To != "1952-02-29" {
		t.Errorf("open range: %#v", d)
	}
}
