package imageapi

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", name, got)
	}
}

func TestInfoGolden(t *testing.T) {
	// A 300-dpi A4 scan, gray, with the default limits.
	in := NewInfo("https://archive.example.org/iiif/image/3f2a9c/1", 2480, 3508, true, DefaultLimits)
	data, err := json.MarshalIndent(in, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "info.json", append(data, '\n'))
}

func TestInfo(t *testing.T) {
	in := NewInfo("https://x.example/i", 2480, 3508, false, DefaultLimits)
	if in.Context != "http://iiif.io/api/image/3/context.json" || in.Type != "ImageService3" || in.Profile != "level2" {
		t.Errorf("header %+v", in)
	}
	if len(in.ExtraQualities) != 3 || in.ExtraQualities[0] != "color" {
		t.Errorf("a colour image's qualities %v", in.ExtraQualities)
	}
	// Tiles reach the scale at which the whole image is one tile.
	sf := in.Tiles[0].ScaleFactors
	if last := sf[len(sf)-1]; 3508 > TileSize*last || 3508 <= TileSize*last/2 {
		t.Errorf("scale factors %v", sf)
	}
	// Every size listed is within the limits and is answered.
	small := Limits{MaxWidth: 1000, MaxArea: 500_000}
	in = NewInfo("https://x.example/i", 2480, 3508, false, small)
	if in.MaxHeight != 1000 {
		t.Errorf("maxHeight %d, want maxWidth's 1000", in.MaxHeight)
	}
	if len(in.Sizes) == 0 || in.Sizes[0].Width > in.Sizes[len(in.Sizes)-1].Width {
		t.Errorf("sizes %v: want smallest first", in.Sizes)
	}
	for _, s := range in.Sizes {
		if over(s.Width, s.Height, small) {
			t.Errorf("size %v over the limits", s)
		}
		req, _ := Parse("full/" + itoa(s.Width) + "," + itoa(s.Height) + "/0/default.jpg")
		if _, err := req.Resolve(2480, 3508, small); err != nil {
			t.Errorf("listed size %v: %v", s, err)
		}
	}
	// Without a published bound, upscaling is not offered.
	if in := NewInfo("https://x.example/i", 10, 10, false, Limits{}); len(in.ExtraFeatures) != 1 || in.ExtraFeatures[0] != "mirroring" {
		t.Errorf("features without limits: %v", in.ExtraFeatures)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
