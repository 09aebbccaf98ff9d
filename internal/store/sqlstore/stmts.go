package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the statements a search runs every time prepared on the read
// pool: parsing and planning them again cost about a tenth of reading a page of
// bodies (BenchmarkPageBodies, "-prepared"), and the generation check as much
// again. It holds only statements named in code, so it stays small; database/sql
// prepares each on a connection the first time that connection runs it.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxStmts bounds the cache (one entry per page size of the body reads).
const maxStmts = 64

func newStmtCache() *stmtCache { return &stmtCache{m: map[string]*sql.Stmt{}} }

// stmt returns q prepared, or nil when the cache is full or q cannot be
// prepared now (the caller then runs it unprepared, which reports any error).
func (c db) stmt(ctx context.Context, q string) *sql.Stmt {
	if c.stmts == nil {
		return nil
	}
	c.stmts.mu.Lock()
	defer c.stmts.mu.Unlock()
	if st, ok := c.stmts.m[q]; ok {
		return st
	}
	if len(c.stmts.m) >= maxStmts {
		return nil
	}
	st, err := c.DB.PrepareContext(ctx, c.d.bind(q))
	if err != nil {
		return nil
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
