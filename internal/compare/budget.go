package compare

import (
	"context"
	"errors"
)

// DefaultBudget is the work a comparison may spend when Options.Budget is 0. A
// unit is one word looked at or one alignment cell's own steps: about 3 ns on
// the shared 2-core machine, 5 under load. The costliest pairs among the largest
// FRUS documents need up to 84 million (about 0.25 s), so they fit with room to
// spare, while texts built to defeat anchoring are stopped after about 0.7 s.
const DefaultBudget = 200_000_000

// ctxEvery is how many units pass between looks at the context: often enough that
// a disconnected client stops the work within about a millisecond, rarely enough
// that looking costs nothing measurable.
const ctxEvery = 1 << 16

// errBudget stops the work in hand; Compare turns it into a truncated Result
// rather than an error, since what was aligned before it is still right.
var errBudget = errors.New("over the comparison budget")

// meter counts work against the budget and is where cancellation is noticed.
// Every loop that can grow faster than the texts pays into it; reading the texts
// into sentences and words, linear and cheap, does not.
type meter struct {
	ctx   context.Context
	limit int64
	used  int64
	next  int64 // used at which spend next looks at the context or the limit
}

func newMeter(ctx context.Context, limit int64) *meter {
	return &meter{ctx: ctx, limit: limit}
}

// spend records n units; the common case is one add and one compare, so it can
// sit in the innermost loops.
func (m *meter) spend(n int) error {
	m.used += int64(n)
	if m.used < m.next {
		return nil
	}
	return m.check()
}

func (m *meter) check() error {
	if err := m.ctx.Err(); err != nil {
		return err
	}
	if m.used > m.limit {
		return errBudget
	}
	m.next = min(m.used+ctxEvery, m.limit+1)
	return nil
}
