package editions

import (
	"strings"
	"testing"

	"fond/internal/record"
)

func src(fond, delo, folios string) record.Source {
	return record.Source{Repository: "Archive of the Foreign Policy of the Russian Federation", Fond: fond, Opis: "5a", Delo: delo, Papka: "11", Folios: folios}
}

func TestSameNeedsOverlappingFoliosAndDates(t *testing.T) {
	day := func(d string) record.Date { return record.Date{EDTF: d, Earliest: d, Latest: d} }
	mk := func(id string, s record.Source, d record.Date) *record.Record {
		return &record.Record{ID: id, Category: record.Primary, Sources: []record.Source{s}, Date: d}
	}
	cases := []struct {
		a, b *record.Record
		want bool
	}{
		{mk("a", src("059a", "3", "10-20"), day("1949-03-05")), mk("b", src("059a", "3", "15-16"), day("1949-03-05")), true},
		// Same delo, other leaves: two documents of one file, not editions.
		{mk("a", src("059a", "3", "10-20"), day("1949-03-05")), mk("b", src("059a", "3", "21-30"), day("1949-03-05")), false},
		{mk("a", src("059a", "3", "10-20"), day("1949-03-05")), mk("b", src("059a", "4", "10-20"), day("1949-03-05")), false},
		// Same leaves but incompatible dates: a misprint somewhere; do not merge.
		{mk("a", src("059a", "3", "10-20"), day("1949-03-05")), mk("b", src("059a", "3", "10-20"), day("1950-04-01")), false},
		{mk("a", src("059a", "3", "10-20"), day("1949-03-05")), mk("b", src("059a", "3", ""), day("1949-03-05")), false},
	}
	for i, c := range cases {
		if got, _ := Same(c.a, c.b); got != c.want {
			t.Errorf("case %d: Same = %v, want %v", i, got, c.want)
		}
	}
}

func TestMinHash(t *testing.T) {
	base := strings.Repeat("Stalin asks what kind of aid and Kim answers that they need machines and equipment for the restoration of the national economy. ", 8)
	variant := strings.Replace(base, "machines", "machinery", 2)
	other := strings.Repeat("The commission met at the frontier and agreed on the line of the river and the islands in the delta near the coast. ", 8)
	a, b, c := Signature(base), Signature(variant), Signature(other)
	if s := Similarity(a, b); s < NearIdentical {
		t.Errorf("near-identical texts score %.2f", s)
	}
	if s := Similarity(a, c); s > 0.2 {
		t.Errorf("different texts score %.2f", s)
	}
	shared := 0
	kb := map[uint64]bool{}
	for _, k := range BandKeys(b) {
		kb[k] = true
	}
	for _, k := range BandKeys(a) {
		if kb[k] {
			shared++
		}
	}
	if shared == 0 {
		t.Errorf("near-identical texts share no band")
	}
	if Signature("too short to compare") != nil {
		t.Errorf("short text signed")
	}
}
