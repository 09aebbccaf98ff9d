package sqlstore

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Dialect is what differs between the SQL databases fond stores in. Everything
// else — the statements, the change log, the search index — is shared, so that
// the conformance suite tests one implementation on every database.
type Dialect struct {
	Name string
	// Numbered placeholders ($1, $2, …) replace the ? the statements are written with.
	Numbered bool
	// Bump increments the change log's generation and returns it.
	Bump string
	// LockWriters runs first in every write transaction, so that writers in
	// several processes take turns; empty where the database has one writer.
	LockWriters string
	// LockMigrations runs first in each migration's transaction, so that servers
	// starting together apply a migration once.
	LockMigrations string
	// CatchUp is how the index reads what changed: the generation, deletions and
	// records must all come from one moment.
	CatchUp sql.TxOptions
	// Greatest is the two-argument maximum function ("max" or "greatest").
	Greatest string
	// PrepareWrites keeps the write pool's statements prepared between
	// transactions: for SQLite's single writer connection, which stays open.
	// (PostgreSQL's driver keeps each connection's statements already.)
	PrepareWrites bool

	bound sync.Map // statement as written -> as the database takes it
}

// bind rewrites a statement's ? placeholders for the database. The statements
// are fond's own and hold no literal question marks.
func (d *Dialect) bind(q string) string {
	if !d.Numbered {
		return q
	}
	if b, ok := d.bound.Load(q); ok {
		return b.(string)
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	d.bound.Store(q, b.String())
	return b.String()
}

// db is a pool that speaks the dialect.
type db struct {
	*sql.DB
	d     *Dialect
	stmts *stmtCache // nil: nothing is kept prepared
	// committed, when set, is told of each write transaction's commit (see
	// Store.Commits); it must not block.
	committed func()
}

func (c db) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return c.DB.ExecContext(ctx, c.d.bind(q), args...)
}

func (c db) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return c.DB.QueryContext(ctx, c.d.bind(q), args...)
}

func (c db) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return c.DB.QueryRowContext(ctx, c.d.bind(q), args...)
}

func (c db) BeginTx(ctx context.Context, opts *sql.TxOptions) (*txn, error) {
	t, err := c.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &txn{Tx: t, d: c.d, pool: c}, nil
}

// begin starts a write transaction, taking the writers' turn.
func (c db) begin(ctx context.Context) (*txn, error) {
	t, err := c.BeginTx(ctx, nil)
	if err != nil || c.d.LockWriters == "" {
		return t, err
	}
	if _, err := t.ExecContext(ctx, c.d.LockWriters); err != nil {
		t.Rollback()
		return nil, err
	}
	return t, nil
}

// beginWrite begins a transaction that reads before it writes (an edit reads
// the record, then writes it). Where the database has no writers' lock of its
// own (SQLite), a write comes first: SQLite then takes its writers' lock at
// once, waiting for it as long as its busy timeout allows, where a reader
// upgrading later finds its snapshot stale and fails at once with
// SQLITE_BUSY (two servers editing one record showed it).
func (c db) beginWrite(ctx context.Context) (*txn, error) {
	t, err := c.begin(ctx)
	if err != nil || c.d.LockWriters != "" {
		return t, err
	}
	if _, err := t.ExecContext(ctx, `UPDATE meta SET value = value WHERE key = 'gen' AND 0 = 1`); err != nil {
		t.Rollback()
		return nil, err
	}
	return t, nil
}

// txn is a transaction that speaks the dialect, and runs the pool's prepared
// statements where it has them.
type txn struct {
	*sql.Tx
	d    *Dialect
	pool db
	want []string // statements to prepare once this transaction has committed
}

// prepared returns q as a statement of this transaction if the pool has it
// prepared; else it notes q for preparing after the commit and returns nil.
func (t *txn) prepared(ctx context.Context, q string) *sql.Stmt {
	if t.pool.stmts == nil {
		return nil
	}
	if st := t.pool.stmts.cached(q); st != nil {
		return t.Tx.StmtContext(ctx, st)
	}
	if strings.Count(q, "?") <= maxStmtArgs && !slices.Contains(t.want, q) {
		t.want = append(t.want, q)
	}
	return nil
}

func (t *txn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.prepared(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, t.d.bind(q), args...)
}

func (t *txn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.prepared(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, t.d.bind(q), args...)
}

func (t *txn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.prepared(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, t.d.bind(q), args...)
}

// Commit commits, then prepares on the pool what the transaction ran unprepared.
func (t *txn) Commit() error {
	if err := t.Tx.Commit(); err != nil {
		return err
	}
	if t.pool.committed != nil {
		t.pool.committed()
	}
	if len(t.want) > 0 {
		t.pool.keep(t.want)
		t.want = nil
	}
	return nil
}

// Bind is bind for statements written outside this package: tests that write
// to a database behind a store's back.
func (d *Dialect) Bind(q string) string { return d.bind(q) }
