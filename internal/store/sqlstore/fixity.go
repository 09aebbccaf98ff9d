package sqlstore

import (
	"context"
	"fmt"

	"fond/internal/store"
)

var (
	_ store.FixityChecker = (*Store)(nil)
	_ store.IndexStater   = (*Store)(nil)
)

// fixityRows bounds the rows one CheckOriginals asks for: the byte budget
// ends most batches sooner, and a bounded query leaves nothing for the
// driver to drain when the loop stops early.
const fixityRows = 64

// CheckOriginals implements store.FixityChecker with Verify's own check of
// each original, through the reader pool, so writers go on meanwhile.
// Originals are never rewritten in place (a checksum names its bytes), so a
// pass that spans many calls still checks each original that existed when it
// started.
func (s *Store) CheckOriginals(ctx context.Context, after string, maxBytes int64) (store.FixityBatch, error) {
	var b store.FixityBatch
	rows, err := s.read.QueryContext(ctx, `SELECT checksum, name, size, data FROM originals WHERE checksum > ? ORDER BY checksum LIMIT ?`, after, fixityRows)
	if err != nil {
		return b, fmt.Errorf("fixity: %w", err)
	}
	defer rows.Close()
	full := false
	for rows.Next() {
		var checksum, name string
		var size int64
		var data []byte
		if err := rows.Scan(&checksum, &name, &size, &data); err != nil {
			return b, fmt.Errorf("fixity: %w", err)
		}
		b.Problems = append(b.Problems, checkOriginal(checksum, name, size, data)...)
		b.Last = checksum
		b.Originals++
		b.Bytes += int64(len(data))
		if b.Bytes >= maxBytes {
			full = true
			break
		}
	}
	if err := rows.Err(); err != nil {
		return b, fmt.Errorf("fixity: %w", err)
	}
	if !full && b.Originals < fixityRows {
		// Fewer rows than asked for: nothing sorts after the last one.
		b.Last = ""
	}
	return b, nil
}

// IndexState implements store.IndexStater: the store's generation, the one
// this process's index reflects (without catching up, which is what is
// measured), and the number of records.
func (s *Store) IndexState(ctx context.Context) (store.IndexState, error) {
	var st store.IndexState
	gen, id, err := state(ctx, s.read.queryRowPrepared)
	if err != nil {
		return st, err
	}
	st.Generation = gen
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM records`).Scan(&st.Records); err != nil {
		return st, fmt.Errorf("count records: %w", err)
	}
	s.idxMu.Lock()
	ix := s.idx
	s.idxMu.Unlock()
	if ix != nil {
		g, ixID := ix.Gen()
		// An index of another state of the database (a backup restored
		// under it) will be rebuilt: it reflects nothing of this one.
		if epochOf(ixID) == epochOf(id) {
			st.Indexed = g
		}
	}
	return st, nil
}
