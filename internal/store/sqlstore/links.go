package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"fond/internal/review"
	"fond/internal/store"
)

// putLinks writes the file's edition links and relinked discussions. Every id
// they name must be a record now; links naming records this put removed are
// dropped with them. Records whose listed links change are stamped with the
// transaction's generation, whichever file they came from.
func (w *fileWrite) putLinks(ctx context.Context, removed map[string]bool) error {
	f := w.f
	if len(f.Editions) == 0 && len(f.Discussions) == 0 {
		return nil
	}
	exist, err := w.existing(ctx, removed)
	if err != nil {
		return err
	}
	gone := func(id string) (bool, error) {
		if removed[id] {
			return true, nil
		}
		if _, ok := w.stored[id]; ok || exist[id] {
			return false, nil
		}
		return false, fmt.Errorf("link to %s: %w", id, store.ErrNotFound)
	}
	var touched []string
	for _, l := range f.Editions {
		a, b := l.A, l.B
		if a == b {
			continue
		}
		ga, err := gone(a)
		if err != nil {
			return fmt.Errorf("editions: %w", err)
		}
		gb, err := gone(b)
		if err != nil {
			return fmt.Errorf("editions: %w", err)
		}
		if ga || gb {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if err := w.queueNearDuplicate(ctx, a, b, l.Reason); err != nil {
			return fmt.Errorf("editions: %w", err)
		}
		res, err := w.tx.ExecContext(ctx, `INSERT INTO editions(a, b, reason) VALUES (?,?,?)
			ON CONFLICT(a, b) DO UPDATE SET reason = excluded.reason WHERE editions.reason <> excluded.reason`, a, b, l.Reason)
		if err != nil {
			return fmt.Errorf("editions: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			touched = append(touched, a, b)
		}
	}
	for _, d := range f.Discussions {
		g, err := gone(d.From)
		if err != nil {
			return fmt.Errorf("discussion links: %w", err)
		}
		if g {
			continue
		}
		var next []store.Link
		at := map[string]int{}
		for _, l := range d.Links {
			g, err := gone(l.To)
			if err != nil {
				return fmt.Errorf("discussion links of %s: %w", d.From, err)
			}
			if g {
				continue
			}
			// One row per pair: the best score and any assertion, with the
			// evidence given last.
			if i, ok := at[l.To]; ok {
				next[i].Score = max(next[i].Score, l.Score)
				next[i].Asserted = next[i].Asserted || l.Asserted
				next[i].Evidence = l.Evidence
				continue
			}
			at[l.To] = len(next)
			next = append(next, store.Link{From: d.From, To: l.To, Score: l.Score, Evidence: l.Evidence, Asserted: l.Asserted})
		}
		changed, err := w.setLinks(ctx, d.From, d.Mentions, next)
		if err != nil {
			return fmt.Errorf("discussion links of %s: %w", d.From, err)
		}
		touched = append(touched, changed...)
	}
	slices.Sort(touched)
	return w.ch.touch(ctx, w.tx, slices.Compact(touched))
}

// existing returns which of the ids the file's links name, other than its own
// records and those the put removed, are records.
func (w *fileWrite) existing(ctx context.Context, removed map[string]bool) (map[string]bool, error) {
	var ask []any
	seen := map[string]bool{}
	name := func(id string) {
		if _, own := w.stored[id]; own || removed[id] || seen[id] {
			return
		}
		seen[id] = true
		ask = append(ask, id)
	}
	for _, l := range w.f.Editions {
		name(l.A)
		name(l.B)
	}
	for _, d := range w.f.Discussions {
		name(d.From)
		for _, l := range d.Links {
			name(l.To)
		}
	}
	exist := make(map[string]bool, len(ask))
	for start := 0; start < len(ask); start += batch {
		part := ask[start:min(start+batch, len(ask))]
		ids, err := queryIDs(ctx, w.tx, `SELECT id FROM records WHERE id IN (`+marks(len(part))+`)`, part...)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			exist[id] = true
		}
	}
	return exist, nil
}

// setLinks replaces what secondary record from mentions and discusses, if that
// differs from what is stored, and returns the records whose listed links
// (discusses, discussed_in) changed.
func (w *fileWrite) setLinks(ctx context.Context, from string, mentions []store.Mention, links []store.Link) ([]string, error) {
	tx := w.tx
	rows, err := tx.QueryContext(ctx, `SELECT to_id, score, evidence, asserted FROM links WHERE from_id = ?`, from)
	stored, err := collect(rows, err, func(rows *sql.Rows, l *store.Link) error {
		l.From = from
		return rows.Scan(&l.To, &l.Score, &l.Evidence, &l.Asserted)
	})
	if err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT earliest, latest FROM mentions WHERE from_id = ?`, from)
	had, err := collect(rows, err, func(rows *sql.Rows, m *store.Mention) error { return rows.Scan(&m.Earliest, &m.Latest) })
	if err != nil {
		return nil, err
	}

	byMention := func(a, b store.Mention) int {
		return cmp.Or(strings.Compare(a.Earliest, b.Earliest), strings.Compare(a.Latest, b.Latest))
	}
	want := slices.Clone(mentions)
	slices.SortFunc(want, byMention)
	slices.SortFunc(had, byMention)
	if !slices.Equal(want, had) {
		if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE from_id = ?`, from); err != nil {
			return nil, err
		}
		if err := insertRows(ctx, tx, "mentions(from_id, earliest, latest)", 3, want, func(m store.Mention) []any {
			return []any{from, m.Earliest, m.Latest}
		}); err != nil {
			return nil, err
		}
	}

	byTo := func(a, b store.Link) int { return strings.Compare(a.To, b.To) }
	links = slices.Clone(links)
	slices.SortFunc(links, byTo)
	slices.SortFunc(stored, byTo)
	if slices.Equal(links, stored) {
		return nil, nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM links WHERE from_id = ?`, from); err != nil {
		return nil, err
	}
	if err := insertRows(ctx, tx, "links(from_id, to_id, score, evidence, asserted)", 5, links, func(l store.Link) []any {
		asserted := 0
		if l.Asserted {
			asserted = 1
		}
		return []any{from, l.To, l.Score, l.Evidence, asserted}
	}); err != nil {
		return nil, err
	}
	// Only asserted links are listed in records (discusses, discussed_in).
	was := map[string]bool{}
	for _, l := range stored {
		if l.Asserted {
			was[l.To] = true
		}
	}
	var changed []string
	for _, l := range links {
		if l.Asserted != was[l.To] {
			changed = append(changed, l.To)
		}
		delete(was, l.To)
	}
	for to := range was {
		changed = append(changed, to)
	}
	if len(changed) > 0 {
		changed = append(changed, from)
	}
	return changed, nil
}

// Links implements store.Store.
func (s *Store) Links(ctx context.Context, id string) ([]store.Link, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT from_id, to_id, score, evidence, asserted FROM links WHERE from_id = ? OR to_id = ? ORDER BY asserted DESC, score DESC, from_id, to_id`, id, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Link
	for rows.Next() {
		var l store.Link
		if err := rows.Scan(&l.From, &l.To, &l.Score, &l.Evidence, &l.Asserted); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Mentioning implements store.Store.
func (s *Store) Mentioning(ctx context.Context, earliest, latest string) ([]string, error) {
	rows, err := s.read.queryPrepared(ctx, `SELECT DISTINCT from_id FROM mentions WHERE earliest <= ? AND latest >= ? ORDER BY 1`, latest, earliest)
	return collect(rows, err, func(rows *sql.Rows, id *string) error { return rows.Scan(id) })
}

// linked fills a record's asserted link lists.
func (s *Store) linked(ctx context.Context, id string) (discusses, discussedIn []string, err error) {
	rows, err := s.read.QueryContext(ctx, `SELECT from_id, to_id FROM links WHERE asserted = 1 AND (from_id = ? OR to_id = ?) ORDER BY score DESC, from_id, to_id`, id, id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	discusses, discussedIn = []string{}, []string{}
	for rows.Next() {
		var from, to string
		if err := rows.Scan(&from, &to); err != nil {
			return nil, nil, err
		}
		if from == id {
			discusses = append(discusses, to)
		} else {
			discussedIn = append(discussedIn, from)
		}
	}
	return discusses, discussedIn, rows.Err()
}

// queueNearDuplicate puts both records of a new edition link found by nearly
// identical text in the review queue: the same document stored twice, or
// another release of it, for a person to tell. A link already known is not
// asked about again, so a person's answer holds through re-ingests.
func (w *fileWrite) queueNearDuplicate(ctx context.Context, a, b, reason string) error {
	if !strings.HasPrefix(reason, store.NearTextReason) {
		return nil
	}
	var n int
	if err := w.tx.QueryRowContext(ctx, `SELECT count(*) FROM editions WHERE a = ? AND b = ?`, a, b).Scan(&n); err != nil || n > 0 {
		return err
	}
	for _, id := range []string{a, b} {
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO review(record_id, reason) VALUES (?, ?) ON CONFLICT(record_id, reason) DO NOTHING`, id, review.PossibleDuplicate); err != nil {
			return err
		}
	}
	return nil
}
