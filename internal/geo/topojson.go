// Package geo draws the archive's map: outlines from a TopoJSON topology (the
// Natural Earth shapes the world-atlas package publishes) and places by their
// coordinates, as SVG the server renders, so the map needs neither a tile
// server nor JavaScript. It imports neither the database nor HTTP.
package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Point is a longitude and a latitude, in degrees.
type Point struct{ Lon, Lat float64 }

// Ring is a closed outline.
type Ring []Point

type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][]float64              `json:"arcs"`
	Objects map[string]json.RawMessage `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []geometry      `json:"geometries"`
}

// maxArcs bounds what a topology may hold: world-atlas's finest land
// (1:10m) has about 10,000 arcs; the archive ships the 1:110m one.
const maxArcs = 100_000

// Rings reads the outlines of the named object (e.g. "land") of a TopoJSON
// topology: every ring of its polygons, in longitude and latitude.
func Rings(data []byte, object string) ([]Ring, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("topojson: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("topojson: type %q, want Topology", t.Type)
	}
	if len(t.Arcs) > maxArcs {
		return nil, fmt.Errorf("topojson: %d arcs, more than %d", len(t.Arcs), maxArcs)
	}
	arcs, err := t.decodeArcs()
	if err != nil {
		return nil, err
	}
	raw, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("topojson: no object %q", object)
	}
	var g geometry
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("topojson: object %q: %w", object, err)
	}
	var out []Ring
	if err := collect(g, arcs, &out, 0); err != nil {
		return nil, fmt.Errorf("topojson: object %q: %w", object, err)
	}
	return out, nil
}

// decodeArcs turns quantized, delta-encoded arcs into positions.
func (t *topology) decodeArcs() ([][]Point, error) {
	out := make([][]Point, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([]Point, len(arc))
		var x, y float64
		for j, p := range arc {
			if len(p) < 2 {
				return nil, fmt.Errorf("topojson: arc %d, position %d: fewer than two coordinates", i, j)
			}
			if t.Transform == nil {
				pts[j] = Point{p[0], p[1]}
				continue
			}
			x, y = x+p[0], y+p[1]
			pts[j] = Point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = pts
	}
	return out, nil
}

func collect(g geometry, arcs [][]Point, out *[]Ring, depth int) error {
	if depth > 8 {
		return errors.New("geometry collections nested too deep")
	}
	switch g.Type {
	case "GeometryCollection":
		for _, c := range g.Geometries {
			if err := collect(c, arcs, out, depth+1); err != nil {
				return err
			}
		}
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return fmt.Errorf("polygon: %w", err)
		}
		return addRings(rings, arcs, out)
	case "MultiPolygon":
		var polys [][][]int
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return fmt.Errorf("multipolygon: %w", err)
		}
		for _, rings := range polys {
			if err := addRings(rings, arcs, out); err != nil {
				return err
			}
		}
	}
	return nil // points and lines draw no outline
}

// addRings stitches each ring from its arcs: an index ~i is arc i reversed,
// and each arc after the first repeats the previous one's last position.
func addRings(rings [][]int, arcs [][]Point, out *[]Ring) error {
	for _, refs := range rings {
		var ring Ring
		for k, ref := range refs {
			i, reversed := ref, false
			if ref < 0 {
				i, reversed = ^ref, true
			}
			if i >= len(arcs) {
				return fmt.Errorf("arc %d of %d", i, len(arcs))
			}
			pts := arcs[i]
			if reversed {
				pts = make([]Point, len(arcs[i]))
				for j, p := range arcs[i] {
					pts[len(pts)-1-j] = p
				}
			}
			if k > 0 && len(pts) > 0 {
				pts = pts[1:]
			}
			ring = append(ring, pts...)
		}
		if len(ring) >= 3 {
			*out = append(*out, ring)
		}
	}
	return nil
}

// Project is the plate carrée projection into a width × height box: the
// whole world, longitude across, latitude up. Simple, and for a map of where
// documents were written, honest about distance along the parallels.
func Project(p Point, width, height float64) (x, y float64) {
	return (p.Lon + 180) / 360 * width, (90 - p.Lat) / 180 * height
}

// Path is the SVG path data of rings in the projection, to one decimal.
func Path(rings []Ring, width, height float64) string {
	var b strings.Builder
	for _, r := range rings {
		lastX, lastY := math.NaN(), math.NaN()
		for i, p := range r {
			x, y := Project(p, width, height)
			x, y = math.Round(x*10)/10, math.Round(y*10)/10
			if i > 0 && x == lastX && y == lastY {
				continue // a detail smaller than the drawing's grain
			}
			if i == 0 {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			b.WriteString(strconv.FormatFloat(x, 'f', -1, 64))
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(y, 'f', -1, 64))
			lastX, lastY = x, y
		}
		b.WriteByte('Z')
	}
	return b.String()
}
