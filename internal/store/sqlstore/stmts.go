package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps statements prepared. On the read pool it holds those a search
// or an ingest's lookups run every time: parsing and planning them again cost
// about a tenth of reading a page of bodies (BenchmarkPageBodies, "-prepared").
// On a write pool of one connection (SQLite) it holds every fixed statement a
// transaction ran: SQLite's parser was 8% of an ingest's CPU time, most of it
// the per-record statements parsed again for each record. database/sql prepares
// a cached statement on each connection the first time that connection runs it.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxStmts bounds the cache; the statements fond runs often are far fewer.
const maxStmts = 64

// maxStmtArgs keeps statements whose text grows with a batch (VALUES lists and IN
// lists of a whole file's records) out of the write cache: each shape runs once
// per batch, so preparing it would save nothing and fill the cache.
const maxStmtArgs = 32

func newStmtCache() *stmtCache { return &stmtCache{m: map[string]*sql.Stmt{}} }

// stmt returns q prepared, or nil when the cache is full or q cannot be
// prepared now (the caller then runs it unprepared, which reports any error).
// The lock is not held while preparing: preparing waits for a connection, and a
// transaction holding the pool's only one may be asking the cache meanwhile.
func (c db) stmt(ctx context.Context, q string) *sql.Stmt {
	if c.stmts == nil {
		return nil
	}
	c.stmts.mu.Lock()
	st, ok := c.stmts.m[q]
	full := len(c.stmts.m) >= maxStmts
	c.stmts.mu.Unlock()
	if ok || full {
		return st
	}
	st, err := c.DB.PrepareContext(ctx, c.d.bind(q))
	if err != nil {
		return nil
	}
	c.stmts.mu.Lock()
	defer c.stmts.mu.Unlock()
	if had, ok := c.stmts.m[q]; ok {
		st.Close() // another caller prepared it first
		return had
	}
	c.stmts.m[q] = st
	return st
}

// queryPrepared is QueryContext through the cache.
func (c db) queryPrepared(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := c.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.QueryContext(ctx, q, args...)
}

// queryRowPrepared is QueryRowContext through the cache.
func (c db) queryRowPrepared(ctx context.Context, q string, args ...any) *sql.Row {
	if st := c.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.QueryRowContext(ctx, q, args...)
}

// cached returns q if it is prepared already; it never prepares, so it is safe
// inside a transaction that holds the pool's only connection.
func (c *stmtCache) cached(q string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[q]
}

// keep prepares the statements a transaction ran, once it has committed and
// given its connection back. It runs beside the committer, which must not wait
// for the connection the next writer may already have.
func (c db) keep(qs []string) {
	go func() {
		for _, q := range qs {
			c.stmt(context.Background(), q)
		}
	}()
}

func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.m {
		st.Close()
		delete(c.m, q)
	}
}
