package compare

import (
	"math/rand/v2"
	"testing"
)

// TestPlanIsConnected checks, for random grids and anchors (sparse, dense, far
// off the diagonal), what the alignment relies on: each row starts within the
// row before, so that every cell is reachable, and both ends and every anchor
// are inside.
func TestPlanIsConnected(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for range 500 {
		n, m := rng.IntN(3000), rng.IntN(3000)
		var anchors []point
		for k := rng.IntN(40); k > 0 && n > 0 && m > 0; k-- {
			anchors = append(anchors, point{rng.IntN(n), rng.IntN(m)})
		}
		anchors = chain(anchors)
		c := plan(n, m, anchors, 1<<40)
		if c.end != (point{n, m}) || c.lo[0] != 0 || c.hi[n] != m {
			t.Fatalf("%dx%d: end %v, row 0 from %d, row %d to %d", n, m, c.end, c.lo[0], n, c.hi[n])
		}
		for i := 1; i <= n; i++ {
			if c.lo[i] < c.lo[i-1] || c.lo[i] > c.hi[i-1] || c.hi[i] < c.lo[i] {
				t.Fatalf("%dx%d: row %d [%d,%d] after [%d,%d]", n, m, i, c.lo[i], c.hi[i], c.lo[i-1], c.hi[i-1])
			}
		}
		for _, p := range anchors {
			if !c.has(p.a, p.b) {
				t.Fatalf("%dx%d: anchor %v outside row [%d,%d]", n, m, p, c.lo[p.a], c.hi[p.a])
			}
		}
		// Linear: whole rectangles only up to gapCells, bands elsewhere.
		if cells := c.off[n+1]; cells > (len(anchors)+1)*gapCells+(n+1)*(2*band+2*slack+2)+m {
			t.Fatalf("%dx%d with %d anchors: %d cells", n, m, len(anchors), cells)
		}
	}
}
