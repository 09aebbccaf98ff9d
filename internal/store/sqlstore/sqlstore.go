// Package sqlstore is fond's store on a SQL database: the statements, the change
// log and the search index (internal/index) it feeds, shared by the SQLite and
// PostgreSQL backends, which supply the connections and a Dialect.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"

	"fond/internal/index"
	"fond/internal/names"
	"fond/internal/store"
)

// Store implements store.Store on a SQL database.
type Store struct {
	closeOnce sync.Once // a second Close (a deferred one after an explicit one) is harmless
	closeErr  error
	write     db // SQLite: exactly one connection, as it allows one writer at a time
	read      db
	d         *Dialect
	auth      atomic.Pointer[names.File]
	authGen   atomic.Int64  // the generation auth was read at
	snapshot  string        // where the index is saved; "" keeps it in memory only
	indexOpts index.Options // its file's limits
	idxMu     sync.Mutex    // one index load or catch-up at a time
	idx       *index.Index  // nil until the first search or LoadIndex
	// loaded says whether idx is set, for the writer to ask without idxMu,
	// which applying a file to the index holds: asking under it kept every
	// PutFile waiting for the previous file's Apply (docs/decisions.md, "The
	// writer does not wait for the index's lock"). What it misses, the
	// generation check of the next apply or search catches up.
	loaded atomic.Bool
	apply  *applier // index updates, behind the writers
	// beside is work a dialect runs beside the store (SQLite's
	// checkpoints), stopped and waited for before the databases close.
	beside     sync.WaitGroup
	besideCtx  context.Context
	stopBeside context.CancelFunc
	commits    chan struct{} // see Commits
}

var _ store.Store = (*Store)(nil)

// RunBeside runs f on a goroutine of its own until the store closes, which
// cancels f's context and waits for f to return. Call it before the store is
// in use.
func (s *Store) RunBeside(f func(ctx context.Context)) {
	if s.stopBeside == nil {
		s.besideCtx, s.stopBeside = context.WithCancel(context.Background())
	}
	s.beside.Add(1)
	go func() {
		defer s.beside.Done()
		f(s.besideCtx)
	}()
}

// Commits returns a channel that receives after write transactions commit,
// for work beside the store that has nothing to do while nobody writes
// (SQLite's checkpoints, which otherwise woke ten times a second on a server
// nobody wrote to). Commits that come while one is waiting are told as one;
// the writer never waits for the channel. Writes outside a transaction are
// not told. Call it before the store is in use.
func (s *Store) Commits() <-chan struct{} {
	if s.commits == nil {
		c := make(chan struct{}, 1)
		s.commits = c
		s.write.committed = func() {
			select {
			case c <- struct{}{}:
			default:
			}
		}
	}
	return s.commits
}

// New makes a store on migrated databases: write takes the transactions, read
// the queries (they may be one pool). snapshot is the file the search index is
// saved in between runs, or "" for none.
func New(ctx context.Context, write, read *sql.DB, d *Dialect, snapshot string) (*Store, error) {
	var ws *stmtCache
	if d.PrepareWrites {
		ws = newStmtCache()
	}
	s := &Store{write: db{DB: write, d: d, stmts: ws}, read: db{DB: read, d: d, stmts: newStmtCache()}, d: d, snapshot: snapshot, apply: newApplier()}
	if err := s.loadAuthorities(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// SetIndexOptions sets the limits of the search index's file, before the
// index is loaded.
func (s *Store) SetIndexOptions(o index.Options) { s.indexOpts = o }

// Close saves the search index if it changed, and closes both pools. The index
// is a cache: failing to save it (a read-only folder) costs the next open a
// rebuild, not the caller an error.
func (s *Store) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.close() })
	return s.closeErr
}

func (s *Store) close() error {
	if s.stopBeside != nil {
		s.stopBeside()
		s.beside.Wait()
	}
	s.apply.stop()
	if err := s.saveSnapshot(); err != nil {
		slog.Warn("search index not saved; the next open rebuilds it", "err", err)
	}
	s.read.stmts.close()
	s.write.stmts.close()
	if s.read.DB == s.write.DB {
		return s.write.Close()
	}
	return errors.Join(s.read.Close(), s.write.Close())
}
