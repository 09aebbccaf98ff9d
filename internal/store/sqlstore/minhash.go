package sqlstore

import (
	"context"
	"encoding/binary"
	"fmt"
	"strings"

	"fond/internal/store"
)

// NearText implements store.Store.
func (s *Store) NearText(ctx context.Context, id string, sig []uint64, bands []uint64) ([]store.Near, error) {
	var rid int64
	if err := s.read.QueryRowContext(ctx, `SELECT rid FROM records WHERE id = ?`, id).Scan(&rid); err != nil {
		return nil, fmt.Errorf("near text %s: %w", id, err)
	}
	tx, err := s.write.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM minhash_bands WHERE rid = ?`, rid); err != nil {
		return nil, err
	}
	blob := make([]byte, 8*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint64(blob[8*i:], v)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO minhash(rid, sig) VALUES (?, ?) ON CONFLICT(rid) DO UPDATE SET sig = excluded.sig`, rid, blob); err != nil {
		return nil, err
	}
	for _, k := range bands {
		if _, err := tx.ExecContext(ctx, `INSERT INTO minhash_bands(key, rid) VALUES (?, ?)`, int64(k), rid); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	if len(bands) == 0 {
		return nil, nil
	}
	args := []any{rid}
	marks := make([]string, len(bands))
	for i, k := range bands {
		marks[i] = "?"
		args = append(args, int64(k))
	}
	rows, err := s.read.QueryContext(ctx, `SELECT r.id, r.doc, r.body, r.ingested_at, m.sig FROM records r JOIN minhash m ON m.rid = r.rid
		WHERE r.rid IN (SELECT DISTINCT rid FROM minhash_bands WHERE rid <> ? AND key IN (`+strings.Join(marks, ",")+`)) ORDER BY r.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Near
	for rows.Next() {
		var cid, doc, body, ingested string
		var blob []byte
		if err := rows.Scan(&cid, &doc, &body, &ingested, &blob); err != nil {
			return nil, err
		}
		r, err := decodeDoc(doc, body, ingested)
		if err != nil {
			return nil, err
		}
		sig := make([]uint64, len(blob)/8)
		for i := range sig {
			sig[i] = binary.LittleEndian.Uint64(blob[8*i:])
		}
		out = append(out, store.Near{Record: r, Signature: sig})
	}
	return out, rows.Err()
}
