package archref

import (
	"strings"
	"testing"
	"unicode"
)

func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"APRF, Listy 125-126, Fond and Opis not given; and AVP RF, Fond 059a",
		"  AVP RF, (hereafter AVP) f. 1  ",
		"; and ; and",
		"National Archives and Records Administration and TNA",
		"f. ф. п. л. 1-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p := Parse(in)
		if p.Reference != strings.TrimSpace(in) {
			t.Fatalf("Parse(%q).Reference = %q", in, p.Reference)
		}
		if p.Repository != "" {
			if r, ok := LookupRepository(p.Abbreviation); !ok || r.Name != p.Repository {
				t.Fatalf("Parse(%q): repository %q and abbreviation %q disagree", in, p.Repository, p.Abbreviation)
			}
		}
		for _, v := range []string{p.Fond, p.Opis, p.Delo, p.Papka, p.File} {
			if v != "" && !strings.Contains(in, v) {
				t.Fatalf("Parse(%q): %q is not in the reference", in, v)
			}
		}
		// The pieces appear in order and only joining words lie between them.
		rest := in
		for _, s := range ParseList(in) {
			i := strings.Index(rest, s.Reference)
			if s.Reference == "" || i < 0 {
				t.Fatalf("ParseList(%q) gave reference %q", in, s.Reference)
			}
			if !joining(rest[:i]) {
				t.Fatalf("ParseList(%q) dropped %q", in, rest[:i])
			}
			rest = rest[i+len(s.Reference):]
		}
		if !joining(rest) {
			t.Fatalf("ParseList(%q) dropped %q", in, rest)
		}
	})
}

// joining reports whether text is only what ParseList may drop between pieces.
func joining(text string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == ',' || unicode.IsSpace(r) }) {
		if w != "and" && w != "also" {
			return false
		}
	}
	return true
}
