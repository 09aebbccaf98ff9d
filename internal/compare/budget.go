package compare

import (
	"context"
	"errors"
)

// DefaultBudget is the work a comparison may spend when Options.Budget is 0. A
// unit is one alignment cell step or one word looked at; on a shared 2-core
// machine 100 million units take about half a second, which no pair of FRUS
// documents comes near (the largest pair needs about 3 million) while a hostile
// pair is stopped before it holds a request for long.
const DefaultBudget = 100_000_000

// ctxEvery is how many units pass between looks at the context: often enough that
// a disconnected client stops the work within about a millisecond, rarely enough
// that looking costs nothing measurable.
const ctxEvery = 1 << 16

// errBudget stops the work in hand; Compare turns it into a truncated Result
// rather than an error, since what was aligned before it is still right.
var errBudget = errors.New("over the comparison budget")

// meter counts work against the budget and is where cancellation is noticed, so
// that every loop whose length an input controls pays into it.
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
