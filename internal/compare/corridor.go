package compare

const (
	// gapCells is the largest gap between anchors (in alignment cells) aligned
	// in full, 256 by 256 sentences. Two texts that small together are one
	// such gap and are aligned exactly as before anchoring, with no anchors.
	gapCells = 1 << 16
	// slack lets the path stray a few sentences either side of an anchor, so an
	// anchor sentence can still join a neighbour in a 2:1 or 1:2 step.
	slack = 3
	// band is the half-width, in sentences, of the diagonal strip a larger gap
	// is aligned in: translations drift from the diagonal, but slowly.
	band = 16
	// cellCost is what a cell costs beyond the words it compares: its own steps,
	// and the memory it takes, so that the budget bounds memory too.
	cellCost = 16
)

// corridor is the part of the alignment grid worth computing: row i (i
// sentences of A consumed) is visited from column lo[i] to hi[i].
type corridor struct {
	lo, hi []int
	off    []int   // index of cell (i, lo[i]) in the alignment's arrays
	ways   []point // cells the path is expected near: the ends and the anchors
	end    point   // where the path ends: the far corner, or a waypoint the budget reaches
}

// plan lays the corridor along the anchors: whole rectangles between close
// anchors, a diagonal band across a gap too big for one, and cut short at a
// waypoint if the budget could not pay for more cells.
func plan(n, m int, anchors []point, units int64) corridor {
	ways := make([]point, 0, len(anchors)+2)
	ways = append(append(append(ways, point{0, 0}), anchors...), point{n, m})
	c := corridor{lo: make([]int, n+1), hi: make([]int, n+1), off: make([]int, n+2), ways: ways, end: point{n, m}}
	for i := range c.lo {
		c.lo[i], c.hi[i] = m, 0
	}
	widen := func(i, lo, hi int) {
		c.lo[i], c.hi[i] = min(c.lo[i], lo), max(c.hi[i], hi)
	}
	for k := 0; k+1 < len(ways); k++ {
		p, q := ways[k], ways[k+1]
		da, db := q.a-p.a, q.b-p.b
		if da == 0 || db == 0 || (da+1)*(db+1) <= gapCells {
			for i := p.a; i <= q.a; i++ {
				widen(i, p.b-slack, q.b+slack)
			}
			continue
		}
		diag := func(i int) int { return p.b + (min(i, q.a)-p.a)*db/da }
		for i := p.a; i <= q.a; i++ {
			widen(i, diag(i)-band, diag(i+1)+band)
		}
	}
	// Each row must start within the one before, so that every cell of the
	// corridor is reachable and the path cannot be stranded.
	for i := range c.lo {
		c.lo[i], c.hi[i] = max(c.lo[i], 0), min(c.hi[i], m)
		if i > 0 {
			c.lo[i] = min(max(c.lo[i], c.lo[i-1]), c.hi[i-1])
		}
		c.hi[i] = max(c.hi[i], c.lo[i])
		c.off[i+1] = c.off[i] + c.hi[i] - c.lo[i] + 1
	}
	for k := len(ways) - 1; k > 0 && int64(c.off[c.end.a+1])*cellCost > units; k-- {
		c.end = ways[k-1]
	}
	return c
}

// has says whether cell (i, j) is in the corridor and before its end.
func (c *corridor) has(i, j int) bool {
	return i <= c.end.a && j >= c.lo[i] && j <= c.hi[i]
}

func (c *corridor) at(i, j int) int { return c.off[i] + j - c.lo[i] }

// before is the last waypoint in a row before i, where a path can end when the
// budget runs out in row i: all rows before i are complete.
func (c *corridor) before(i int) point {
	w := c.ways[0]
	for _, p := range c.ways {
		if p.a >= i {
			break
		}
		w = p
	}
	return w
}
