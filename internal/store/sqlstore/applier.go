package sqlstore

import "sync"

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

// stop waits for the queued updates and ends the goroutine; the store is
// closing, so nothing is queued after.
func (a *applier) stop() {
	a.wait()
	a.once.Do(func() {}) // a goroutine never started is not started now
	close(a.jobs)
}
