// Package fixity keeps checking, while a server serves, that every stored
// original still hashes to the SHA-256 recorded when it arrived: a pass over
// all of them at a bounded rate, again and again, reporting what it finds to
// the audit log and the metrics.
package fixity

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"fond/internal/metrics"
	"fond/internal/store"
)

// Defaults of `fond serve`'s flags.
const (
	// DefaultRate re-reads 4 MiB a second: a 50 GB archive every three and a
	// half hours, for about 1.3% of one core (reading from SQLite and hashing
	// run at 314 MB/s, BenchmarkCheckOriginals) and a trickle on the disk.
	DefaultRate = 4 << 20
	// DefaultEvery starts a pass at most once a day: an archive's originals
	// do not change, so more often only costs.
	DefaultEvery = 24 * time.Hour
)

// Actor is who the audit log says found a problem.
const Actor = "fond serve (fixity)"

// Audit actions.
const (
	AuditDamaged = "fixity.damaged" // an original found not to match (once per process)
	AuditPass    = "fixity.pass"    // a pass over every original ended
)

// Checker runs the check. Store, Audit and Rate are needed; Metrics and Log
// may be nil.
type Checker struct {
	Store store.FixityChecker
	// Audit writes an entry to the audit log (store.Accounts' Audit).
	Audit func(context.Context, store.AuditEntry) error
	// Rate bounds the bytes re-read per second, averaged over a batch.
	Rate int64
	// Every is the least time from one pass's start to the next's.
	Every   time.Duration
	Metrics *metrics.Set
	Log     *slog.Logger

	// sleep waits, or returns ctx's error (a test counts the waits instead).
	sleep func(context.Context, time.Duration) error
	// reported holds the problems already written to the audit log, so a
	// damaged original is one entry per process, not one a pass.
	reported map[string]bool
}

// Run checks until ctx ends, and returns nil then. A batch that fails (the
// store did not answer) is logged and counted, and retried after a pause.
func (c *Checker) Run(ctx context.Context) error {
	if c.Rate <= 0 {
		return fmt.Errorf("fixity: the rate must be positive (%d bytes/s)", c.Rate)
	}
	if c.sleep == nil {
		c.sleep = sleepContext
	}
	for {
		start := time.Now()
		if err := c.Pass(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			c.logger().Warn("fixity pass stopped", "err", err)
		}
		if err := c.sleep(ctx, c.Every-time.Since(start)); err != nil {
			return nil
		}
	}
}

// batchTime is the time one batch's bytes take at the rate: short enough
// that a server's load sees a steady trickle, long enough that the queries
// are few.
const batchTime = 250 * time.Millisecond

// Pass reads every original once, at no more than Rate bytes a second, and
// reports what it found.
func (c *Checker) Pass(ctx context.Context) error {
	if c.sleep == nil {
		c.sleep = sleepContext
	}
	if c.reported == nil {
		c.reported = map[string]bool{}
	}
	budget := max(1, c.Rate*int64(batchTime)/int64(time.Second))
	after := ""
	var originals, problems int
	var bytes int64
	start := time.Now()
	for {
		t := time.Now()
		b, err := c.Store.CheckOriginals(ctx, after, budget)
		if err != nil {
			if c.Metrics != nil && ctx.Err() == nil {
				c.Metrics.FixityErrors.Inc()
			}
			return err
		}
		originals += b.Originals
		bytes += b.Bytes
		problems += len(b.Problems)
		if m := c.Metrics; m != nil {
			m.FixityOriginals.Add(float64(b.Originals))
			m.FixityBytes.Add(float64(b.Bytes))
			m.FixityProblems.Add(float64(len(b.Problems)))
		}
		for _, p := range b.Problems {
			c.report(ctx, p)
		}
		// The rate: this batch's bytes may take no less than bytes/rate.
		if err := c.sleep(ctx, time.Duration(b.Bytes*int64(time.Second)/c.Rate)-time.Since(t)); err != nil {
			return err
		}
		if b.Last == "" {
			break
		}
		after = b.Last
	}
	if m := c.Metrics; m != nil {
		m.FixityPasses.Inc()
		m.FixityDamaged.Set(float64(problems))
		m.FixityLastPass.SetToCurrentTime()
	}
	detail := fmt.Sprintf("%d originals, %d bytes re-read in %s; %d problems", originals, bytes, time.Since(start).Round(time.Millisecond), problems)
	c.logger().Info("fixity pass", "originals", originals, "bytes", bytes, "problems", problems)
	return c.audit(ctx, store.AuditEntry{Actor: Actor, Action: AuditPass, Target: "originals", Detail: detail})
}

// report writes a problem to the log always and to the audit log once.
func (c *Checker) report(ctx context.Context, p store.Problem) {
	c.logger().Error("fixity: original damaged", "checksum", p.Checksum, "name", p.Name, "detail", p.Detail)
	key := p.Checksum + "\x00" + p.Detail
	if c.reported[key] {
		return
	}
	if err := c.audit(ctx, store.AuditEntry{Actor: Actor, Action: AuditDamaged, Target: p.Checksum, Detail: p.Name + ": " + p.Detail}); err == nil {
		c.reported[key] = true
	}
}

func (c *Checker) audit(ctx context.Context, e store.AuditEntry) error {
	if err := c.Audit(ctx, e); err != nil {
		c.logger().Error("fixity: audit entry not written", "action", e.Action, "err", err)
		return fmt.Errorf("fixity: audit: %w", err)
	}
	return nil
}

func (c *Checker) logger() *slog.Logger {
	if c.Log == nil {
		return slog.Default()
	}
	return c.Log
}

// sleepContext waits d (nothing when d <= 0) or until ctx ends.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
