package geo

import (
	"strings"
	"testing"
)

// A square island from two arcs, one used reversed, quantized and
// delta-encoded as world-atlas writes them.
const island = `{"type":"Topology",
 "transform":{"scale":[1,1],"translate":[-10,-10]},
 "arcs":[[[0,0],[20,0],[0,20]],[[0,0],[0,20],[20,0]]],
 "objects":{"land":{"type":"GeometryCollection","geometries":[
   {"type":"Polygon","arcs":[[0,-2]]},
   {"type":"Point","coordinates":[0,0]}]}}}`

func TestRings(t *testing.T) {
	rings, err := Rings([]byte(island), "land")
	if err != nil {
		t.Fatal(err)
	}
	if len(rings) != 1 {
		t.Fatalf("%d rings, want 1", len(rings))
	}
	want := Ring{{-10, -10}, {10, -10}, {10, 10}, {-10, 10}, {-10, -10}}
	if len(rings[0]) != len(want) {
		t.Fatalf("ring %v, want %v", rings[0], want)
	}
	for i := range want {
		if rings[0][i] != want[i] {
			t.Fatalf("ring %v, want %v", rings[0], want)
		}
	}
	if got := Path(rings, 360, 180); got != "M170 100L190 100L190 80L170 80L170 100Z" {
		t.Errorf("path %q", got)
	}
}

func TestRingsRefusesBadTopologies(t *testing.T) {
	for name, doc := range map[string]string{
		"not json":     `{`,
		"not topology": `{"type":"FeatureCollection"}`,
		"no object":    `{"type":"Topology","arcs":[],"objects":{}}`,
		"arc missing":  `{"type":"Topology","arcs":[],"objects":{"land":{"type":"Polygon","arcs":[[0]]}}}`,
		"short point":  `{"type":"Topology","arcs":[[[1]]],"objects":{"land":{"type":"Polygon","arcs":[[0]]}}}`,
		"too deep":     `{"type":"Topology","arcs":[],"objects":{"land":` + strings.Repeat(`{"type":"GeometryCollection","geometries":[`, 12) + strings.Repeat(`]}`, 12) + `}}`,
	} {
		if _, err := Rings([]byte(doc), "land"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func FuzzRings(f *testing.F) {
	f.Add([]byte(island))
	f.Fuzz(func(t *testing.T, data []byte) {
		rings, err := Rings(data, "land")
		if err == nil {
			_ = Path(rings, 100, 50)
		}
	})
}
