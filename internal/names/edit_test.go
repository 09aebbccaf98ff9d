package names

import (
	"bytes"
	"testing"
)

func TestCSVRoundTripMergeSplit(t *testing.T) {
	f := Starter()
	data, err := f.CSV()
	if err != nil {
		t.Fatal(err)
	}
	g, err := LoadCSV(bytes.NewReader(data))
	if err != nil || len(g.Authorities) != len(f.Authorities) {
		t.Fatalf("CSV round trip: %d of %d authorities, %v", len(g.Authorities), len(f.Authorities), err)
	}
	if m, ok := g.Resolve("Filippov"); !ok || m.Authority.ID != "stalin" {
		t.Errorf("CSV lost a variant")
	}
	merged, err := g.Merge("stalin", "molotov")
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := merged.Resolve("Molotov"); !ok || m.Authority.ID != "stalin" || len(merged.Authorities) != len(g.Authorities)-1 {
		t.Errorf("merge: Molotov -> %q", m.Authority.ID)
	}
	split, err := g.Split("stalin", "Fyn Si", "fyn-si")
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := split.Resolve("Fyn Si"); m.Authority.ID != "fyn-si" {
		t.Errorf("split: Fyn Si -> %q", m.Authority.ID)
	}
	added, err := g.Add("pak-heon-yeong", "Pak Heon Hyeong")
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := added.Resolve("Pak Heon Hyeong"); !ok || m.Authority.ID != "pak-heon-yeong" {
		t.Errorf("confirmed variant not resolved")
	}
	if _, err := g.Merge("stalin", "nobody"); err == nil {
		t.Errorf("merge with unknown id accepted")
	}
	if _, err := LoadCSV(bytes.NewReader([]byte("name,x\n"))); err == nil {
		t.Errorf("CSV without header accepted")
	}
}
