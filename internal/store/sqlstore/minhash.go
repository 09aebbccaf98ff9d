package sqlstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	"fond/internal/store"
)

// NearText implements store.Store. It only reads: a file's signatures are
// written by its PutFile, in its transaction.
func (s *Store) NearText(ctx context.Context, bands []uint64) ([]store.Near, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	args := make([]any, len(bands))
	for i, k := range bands {
		args[i] = int64(k)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT r.id, r.doc, r.body, r.ingested_at, m.sig FROM records r JOIN minhash m ON m.rid = r.rid
		WHERE r.rid IN (SELECT DISTINCT rid FROM minhash_bands WHERE key IN (`+marks(len(bands))+`)) ORDER BY r.id`, args...)
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

// putSignatures makes the stored signatures of the file's records what
// File.Signatures says, writing only where they differ: an unchanged file
// writes nothing.
func (w *fileWrite) putSignatures(ctx context.Context) error {
	want := make(map[string]*store.Signature, len(w.f.Signatures))
	for i := range w.f.Signatures {
		sg := &w.f.Signatures[i]
		if _, ok := w.stored[sg.ID]; !ok {
			return fmt.Errorf("signature of %s: not a record of the file", sg.ID)
		}
		want[sg.ID] = sg
	}
	done := make(map[string]bool, len(w.f.Records))
	for _, r := range w.f.Records {
		if done[r.ID] {
			continue
		}
		done[r.ID] = true
		sr, sg := w.stored[r.ID], want[r.ID]
		var blob []byte
		if sg != nil {
			blob = make([]byte, 8*len(sg.Sig))
			for i, v := range sg.Sig {
				binary.LittleEndian.PutUint64(blob[8*i:], v)
			}
		}
		if bytes.Equal(blob, sr.sig) {
			continue
		}
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM minhash_bands WHERE rid = ?`, sr.rid); err != nil {
			return fmt.Errorf("signature of %s: %w", r.ID, err)
		}
		if sg == nil {
			if _, err := w.tx.ExecContext(ctx, `DELETE FROM minhash WHERE rid = ?`, sr.rid); err != nil {
				return fmt.Errorf("signature of %s: %w", r.ID, err)
			}
			sr.sig = nil
			continue
		}
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO minhash(rid, sig) VALUES (?, ?) ON CONFLICT(rid) DO UPDATE SET sig = excluded.sig`, sr.rid, blob); err != nil {
			return fmt.Errorf("signature of %s: %w", r.ID, err)
		}
		sr.sig = blob
		if err := insertRows(ctx, w.tx, "minhash_bands(key, rid)", 2, sg.Bands, func(k uint64) []any { return []any{int64(k), sr.rid} }); err != nil {
			return fmt.Errorf("signature of %s: %w", r.ID, err)
		}
	}
	return nil
}
