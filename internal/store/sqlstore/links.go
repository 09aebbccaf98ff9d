package sqlstore

import (
	"context"

	"fond/internal/store"
)

// SetLinks implements store.Store.
func (s *Store) SetLinks(ctx context.Context, from string, mentions []store.Mention, links []store.Link) error {
	tx, err := s.write.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM links WHERE from_id = ?`, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE from_id = ?`, from); err != nil {
		return err
	}
	for _, m := range mentions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentions(from_id, earliest, latest) VALUES (?,?,?)`, from, m.Earliest, m.Latest); err != nil {
			return err
		}
	}
	for _, l := range links {
		asserted := 0
		if l.Asserted {
			asserted = 1
		}
		g := s.d.Greatest
		if _, err := tx.ExecContext(ctx, `INSERT INTO links(from_id, to_id, score, evidence, asserted) VALUES (?,?,?,?,?)
			ON CONFLICT(from_id, to_id) DO UPDATE SET score = `+g+`(links.score, excluded.score), evidence = excluded.evidence, asserted = `+g+`(links.asserted, excluded.asserted)`,
			from, l.To, l.Score, l.Evidence, asserted); err != nil {
			return err
		}
	}
	return tx.Commit()
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
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
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
