package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"fond/internal/record"
	"fond/internal/review"
	"fond/internal/store"
)

// Times are stored as RFC 3339 in UTC with nanoseconds, as records' are.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// isUnique tells a unique-key violation, in either database's words.
func isUnique(err error) bool {
	if err == nil {
		return false
	}
	m := err.Error()
	return strings.Contains(m, "UNIQUE constraint") || strings.Contains(m, "duplicate key") || strings.Contains(m, "SQLSTATE 23505")
}

// AddAccount implements store.Accounts.
func (s *Store) AddAccount(ctx context.Context, a store.Account) error {
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	_, err := s.write.ExecContext(ctx, `INSERT INTO accounts(name, role, hash, created_at) VALUES (?,?,?,?)`, a.Name, a.Role, a.Hash, stamp(a.Created))
	if isUnique(err) {
		return fmt.Errorf("account %s: %w", a.Name, store.ErrExists)
	}
	if err != nil {
		return fmt.Errorf("add account %s: %w", a.Name, err)
	}
	return nil
}

// Account implements store.Accounts. Callers read it on every request, so a
// role change or removal acts at once.
func (s *Store) Account(ctx context.Context, name string) (store.Account, error) {
	a := store.Account{Name: name}
	var created string
	err := s.read.QueryRowContext(ctx, `SELECT role, hash, created_at FROM accounts WHERE name = ?`, name).Scan(&a.Role, &a.Hash, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("account %s: %w", name, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("account %s: %w", name, err)
	}
	a.Created = parseStamp(created)
	return a, nil
}

// ListAccounts implements store.Accounts, by name.
func (s *Store) ListAccounts(ctx context.Context) ([]store.Account, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT name, role, created_at FROM accounts ORDER BY name`)
	out, err := collect(rows, err, func(rows *sql.Rows, a *store.Account) error {
		var created string
		err := rows.Scan(&a.Name, &a.Role, &created)
		a.Created = parseStamp(created)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	return out, nil
}

// SetPassword implements store.Accounts. The account's sessions end: whoever
// knew the old password is signed out everywhere.
func (s *Store) SetPassword(ctx context.Context, name, hash string) error {
	return s.inTx(ctx, "set password of "+name, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `UPDATE accounts SET hash = ? WHERE name = ?`, hash, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("account %s: %w", name, store.ErrNotFound)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE account = ?`, name)
		return err
	})
}

// RemoveAccount implements store.Accounts. The deletes are explicit rather
// than left to ON DELETE CASCADE, which SQLite honours only with foreign keys on.
func (s *Store) RemoveAccount(ctx context.Context, name string) error {
	return s.inTx(ctx, "remove account "+name, func(tx *txn) error {
		for _, q := range []string{`DELETE FROM sessions WHERE account = ?`, `DELETE FROM api_tokens WHERE account = ?`} {
			if _, err := tx.ExecContext(ctx, q, name); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM accounts WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("account %s: %w", name, store.ErrNotFound)
		}
		return nil
	})
}

// inTx runs f in a plain transaction (not the records' change log: accounts
// are not searched or harvested).
func (s *Store) inTx(ctx context.Context, what string, f func(tx *txn) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return err // already says which account
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// AddSession implements store.Accounts.
func (s *Store) AddSession(ctx context.Context, se store.Session) error {
	if _, err := s.write.ExecContext(ctx, `INSERT INTO sessions(id, secret_hash, account, created_at, last_seen) VALUES (?,?,?,?,?)`,
		se.ID, se.SecretHash, se.Account, stamp(se.Created), stamp(se.LastSeen)); err != nil {
		return fmt.Errorf("add session: %w", err)
	}
	return nil
}

// Session implements store.Accounts.
func (s *Store) Session(ctx context.Context, id string) (store.Session, error) {
	se := store.Session{ID: id}
	var created, seen string
	err := s.read.QueryRowContext(ctx, `SELECT secret_hash, account, created_at, last_seen FROM sessions WHERE id = ?`, id).
		Scan(&se.SecretHash, &se.Account, &created, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return se, fmt.Errorf("session: %w", store.ErrNotFound)
	}
	if err != nil {
		return se, fmt.Errorf("session: %w", err)
	}
	se.Created, se.LastSeen = parseStamp(created), parseStamp(seen)
	return se, nil
}

// TouchSession implements store.Accounts.
func (s *Store) TouchSession(ctx context.Context, id string, at time.Time) error {
	if _, err := s.write.ExecContext(ctx, `UPDATE sessions SET last_seen = ? WHERE id = ?`, stamp(at), id); err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// DeleteSession implements store.Accounts.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	if _, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// PruneSessions implements store.Accounts.
func (s *Store) PruneSessions(ctx context.Context, seenBefore, createdBefore time.Time) error {
	if _, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE substr(last_seen, 1, 19) < ? OR substr(created_at, 1, 19) < ?`,
		seenBefore.UTC().Format(stampLayout), createdBefore.UTC().Format(stampLayout)); err != nil {
		return fmt.Errorf("prune sessions: %w", err)
	}
	return nil
}

// AddToken implements store.Accounts.
func (s *Store) AddToken(ctx context.Context, t store.Token) error {
	if t.Created.IsZero() {
		t.Created = time.Now()
	}
	if _, err := s.write.ExecContext(ctx, `INSERT INTO api_tokens(id, hash, account, created_at) VALUES (?,?,?,?)`, t.ID, t.Hash, t.Account, stamp(t.Created)); err != nil {
		return fmt.Errorf("add token: %w", err)
	}
	return nil
}

// Token implements store.Accounts.
func (s *Store) Token(ctx context.Context, id string) (store.Token, error) {
	t := store.Token{ID: id}
	var created string
	err := s.read.QueryRowContext(ctx, `SELECT hash, account, created_at FROM api_tokens WHERE id = ?`, id).Scan(&t.Hash, &t.Account, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("token %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return t, fmt.Errorf("token %s: %w", id, err)
	}
	t.Created = parseStamp(created)
	return t, nil
}

// ListTokens implements store.Accounts.
func (s *Store) ListTokens(ctx context.Context) ([]store.Token, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, account, created_at FROM api_tokens ORDER BY account, created_at`)
	out, err := collect(rows, err, func(rows *sql.Rows, t *store.Token) error {
		var created string
		err := rows.Scan(&t.ID, &t.Account, &created)
		t.Created = parseStamp(created)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	return out, nil
}

// RevokeToken implements store.Accounts.
func (s *Store) RevokeToken(ctx context.Context, id string) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM api_tokens WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("token %s: %w", id, store.ErrNotFound)
	}
	return nil
}

// Audit implements store.Accounts.
func (s *Store) Audit(ctx context.Context, e store.AuditEntry) error {
	return insertAudit(ctx, s.write, e)
}

// insertAudit writes an audit entry through w: the writer, or a
// transaction that writes what the entry records.
func insertAudit(ctx context.Context, w interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, e store.AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	if _, err := w.ExecContext(ctx, `INSERT INTO audit(at, actor, action, target, detail, addr) VALUES (?,?,?,?,?,?)`,
		stamp(e.At), e.Actor, e.Action, e.Target, e.Detail, e.Addr); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// AuditLog implements store.Accounts.
func (s *Store) AuditLog(ctx context.Context, q store.AuditQuery) ([]store.AuditEntry, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 1000
	}
	conds, args := []string{"1 = 1"}, []any{}
	if q.Action != "" {
		conds, args = append(conds, "action = ?"), append(args, q.Action)
	}
	if q.Target != "" {
		conds, args = append(conds, "target = ?"), append(args, q.Target)
	}
	if !q.Since.IsZero() {
		conds, args = append(conds, "at >= ?"), append(args, stamp(q.Since))
	}
	rows, err := s.read.QueryContext(ctx, `SELECT seq, at, actor, action, target, detail, addr FROM audit WHERE `+strings.Join(conds, " AND ")+` ORDER BY seq DESC LIMIT ?`, append(args, limit)...)
	out, err := collect(rows, err, func(rows *sql.Rows, e *store.AuditEntry) error {
		var at string
		err := rows.Scan(&e.Seq, &at, &e.Actor, &e.Action, &e.Target, &e.Detail, &e.Addr)
		e.At = parseStamp(at)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	return out, nil
}

// CountAudit implements store.Accounts. Times are stored with a variable
// fraction, which does not sort as text, so the comparison is on seconds.
func (s *Store) CountAudit(ctx context.Context, action, target, addr string, since time.Time) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM audit WHERE action = ? AND substr(at, 1, 19) >= ? AND (target = ? AND target <> '' OR addr = ? AND addr <> '')`,
		action, since.UTC().Format(stampLayout), target, addr).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count audit: %w", err)
	}
	return n, nil
}

// Secret implements store.Accounts: the first server to ask makes it, and
// every other one, now or later, reads the same.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	b := make([]byte, 32)
	rand.Read(b)
	key := "secret." + name
	if _, err := s.write.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING`, key, hex.EncodeToString(b)); err != nil {
		return nil, fmt.Errorf("secret: %w", err)
	}
	var v string
	if err := s.write.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v); err != nil {
		return nil, fmt.Errorf("secret: %w", err)
	}
	return hex.DecodeString(v)
}

// SetStatus implements store.Accounts. The record gets a new generation, so
// every index (this server's and the others') and every harvester sees the
// change; the records listing it do too, as their links now show or hide it.
func (s *Store) SetStatus(ctx context.Context, id, status, reason, author string) (record.Record, error) {
	return s.setStatus(ctx, id, status, reason, author, nil)
}

// SetStatusLogged implements store.Accounts: the audit entry is written by
// the transaction that changes the status, and its actor is the revision's
// author.
func (s *Store) SetStatusLogged(ctx context.Context, id, status, reason string, e store.AuditEntry) (record.Record, error) {
	return s.setStatus(ctx, id, status, reason, e.Actor, &e)
}

func (s *Store) setStatus(ctx context.Context, id, status, reason, author string, e *store.AuditEntry) (record.Record, error) {
	switch status {
	case record.Draft, record.Published, record.Withdrawn:
	default:
		return record.Record{}, fmt.Errorf("status %q: not draft, published or withdrawn", status)
	}
	if status != record.Withdrawn {
		reason = ""
	}
	tx, err := s.write.beginWrite(ctx)
	if err != nil {
		return record.Record{}, err
	}
	defer tx.Rollback()
	cur, err := loadForEdit(ctx, tx, id)
	if err != nil {
		return record.Record{}, err
	}
	r := cur.r
	if r.Status == status && r.WithdrawnReason == reason {
		return s.Get(ctx, id)
	}
	from, _ := json.Marshal(publication(r.Status, r.WithdrawnReason))
	to, _ := json.Marshal(publication(status, reason))
	r.Status, r.WithdrawnReason = status, reason
	r.Revision++
	ch := &change{}
	gen, err := ch.bump(ctx, tx)
	if err != nil {
		return r, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE records SET status = ?, status_reason = ?, gen = ?, revision = ?, was_public = `+s.d.Greatest+`(was_public, ?) WHERE rid = ?`,
		status, reason, gen, r.Revision, boolInt(status != record.Draft), cur.rid); err != nil {
		return r, fmt.Errorf("record %s: %w", id, err)
	}
	if err := addRevision(ctx, tx, id, store.Revision{Revision: r.Revision, Author: author, At: time.Now().UTC(), Action: store.ActionStatus,
		Changes: []record.Change{{Field: "status", From: from, To: to}}}); err != nil {
		return r, fmt.Errorf("record %s: %w", id, err)
	}
	if err := setReview(ctx, tx, id, review.Reasons(r)); err != nil {
		return r, err
	}
	if e != nil {
		e.Target, e.Detail = id, cur.r.Status+" → "+status
		if reason != "" {
			e.Detail += ": " + reason
		}
		if err := insertAudit(ctx, tx, *e); err != nil {
			return r, err
		}
	}
	ch.put(cur.rid, &r)
	linked, err := listing(ctx, tx, id)
	if err != nil {
		return r, err
	}
	if err := ch.touch(ctx, tx, linked); err != nil {
		return r, err
	}
	if err := ch.dateWrites(ctx, tx); err != nil {
		return r, err
	}
	if err := tx.Commit(); err != nil {
		return r, fmt.Errorf("commit: %w", err)
	}
	s.committed(ch, nil)
	if r.Editions, err = s.editions(ctx, id); err != nil {
		return r, err
	}
	r.Discusses, r.DiscussedIn, err = s.linked(ctx, id)
	return r, err
}

// publication is a record's status as its history shows it: the state, and
// a withdrawal's reason.
func publication(status, reason string) map[string]string {
	m := map[string]string{"status": status}
	if reason != "" {
		m["reason"] = reason
	}
	return m
}

// Statuses implements store.Accounts.
func (s *Store) Statuses(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for start := 0; start < len(ids); start += batch {
		part := ids[start:min(start+batch, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := s.read.QueryContext(ctx, `SELECT id, status FROM records WHERE id IN (`+marks(len(part))+`)`, args...)
		pairs, err := collect(rows, err, func(rows *sql.Rows, p *[2]string) error { return rows.Scan(&p[0], &p[1]) })
		if err != nil {
			return nil, fmt.Errorf("statuses: %w", err)
		}
		for _, p := range pairs {
			out[p[0]] = p[1]
		}
	}
	return out, nil
}
