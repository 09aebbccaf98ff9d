package sqlstore

import (
	"context"
	"sync"
)

// applier runs index updates in order, one at a time, behind the writers that
// queue them. At most one waits while another runs, so a writer far ahead of
// the index waits for it rather than queueing without bound; wait returns once
// every queued update is done, which is how a search sees the writes before it.
type applier struct {
	once    sync.Once
	jobs    chan func()
	mu      sync.Mutex
	idle    *sync.Cond
	pending int
}

func newApplier() *applier {
	a := &applier{jobs: make(chan func(), 1)}
	a.idle = sync.NewCond(&a.mu)
	return a
}

func (a *applier) enqueue(job func()) {
	a.once.Do(func() { go a.run() })
	a.mu.Lock()
	a.pending++
	a.mu.Unlock()
	a.jobs <- job
}

func (a *applier) run() {
	for job := range a.jobs {
		job()
		a.mu.Lock()
		a.pending--
		if a.pending == 0 {
			a.idle.Broadcast()
		}
		a.mu.Unlock()
	}
}

func (a *applier) wait() {
	a.mu.Lock()
	for a.pending > 0 {
		a.idle.Wait()
	}
	a.mu.Unlock()
}

// waitContext is wait for a search: it gives up with ctx's error when ctx
// ends, so that a client that has gone does not hold a request open behind a
// long ingest's updates.
func (a *applier) waitContext(ctx context.Context) error {
	// Wakes the wait below; it takes the lock, so it cannot run between the
	// check of ctx and the wait.
	stop := context.AfterFunc(ctx, func() {
		a.mu.Lock()
		a.idle.Broadcast()
		a.mu.Unlock()
	})
	defer stop()
	a.mu.Lock()
	defer a.mu.Unlock()
	for a.pending > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		a.idle.Wait()
	}
	return nil
}

// stop waits for the queued updates and ends the goroutine; the store is
// closing, so nothing is queued after.
func (a *applier) stop() {
	a.wait()
	a.once.Do(func() {}) // a goroutine never started is not started now
	close(a.jobs)
}
