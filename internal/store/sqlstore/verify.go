package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"fond/internal/record"
	"fond/internal/store"
)

var _ store.Verifier = (*Store)(nil)

// Verify implements store.Verifier. It reads through the reader pool, so a
// server or an ingest may go on writing while it runs: originals are never
// rewritten in place (a checksum names its bytes), and the index is compared
// with the records at one generation.
func (s *Store) Verify(ctx context.Context, progress func(store.VerifyProgress)) (store.VerifyReport, error) {
	var rep store.VerifyReport
	if err := s.verifyOriginals(ctx, &rep, progress); err != nil {
		return rep, fmt.Errorf("verify originals: %w", err)
	}
	if err := s.verifyRecords(ctx, &rep); err != nil {
		return rep, fmt.Errorf("verify records: %w", err)
	}
	if err := s.verifyIndex(ctx, &rep); err != nil {
		return rep, fmt.Errorf("verify search index: %w", err)
	}
	return rep, nil
}

// verifyOriginals re-reads every original and hashes it again: the one check
// that catches bytes rotted on disk (or edited behind fond's back), which no
// database constraint sees.
func (s *Store) verifyOriginals(ctx context.Context, rep *store.VerifyReport, progress func(store.VerifyProgress)) error {
	var p store.VerifyProgress
	if err := s.read.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(size), 0) FROM originals`).Scan(&p.Originals, &p.Bytes); err != nil {
		return err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT checksum, name, size, data FROM originals ORDER BY checksum`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var checksum, name string
		var size int64
		var data []byte
		if err := rows.Scan(&checksum, &name, &size, &data); err != nil {
			return err
		}
		rep.Problems = append(rep.Problems, checkOriginal(checksum, name, size, data)...)
		rep.Originals++
		rep.Bytes += int64(len(data))
		p.OriginalsDone++
		p.BytesDone += int64(len(data))
		if progress != nil {
			progress(p)
		}
	}
	return rows.Err()
}

// checkOriginal hashes one original's bytes again and compares them with
// what was recorded when they arrived.
func checkOriginal(checksum, name string, size int64, data []byte) []store.Problem {
	var problems []store.Problem
	bad := func(detail string) {
		problems = append(problems, store.Problem{Kind: store.ProblemOriginal, Checksum: checksum, Name: name, Detail: detail})
	}
	sum := sha256.Sum256(data)
	if got := "sha256:" + hex.EncodeToString(sum[:]); got != checksum {
		bad(fmt.Sprintf("stored bytes hash to %s, not to their recorded checksum", got))
	}
	if int64(len(data)) != size {
		bad(fmt.Sprintf("%d bytes stored, %d recorded", len(data), size))
	}
	return problems
}

// verifyRecords checks that every record has all of what one transaction wrote
// for it: its original, its document, and a row for each archival reference
// the document lists (edition grouping reads those rows, not the document).
func (s *Store) verifyRecords(ctx context.Context, rep *store.VerifyReport) error {
	rows, err := s.read.QueryContext(ctx, `SELECT r.id, r.checksum, r.doc, CASE WHEN o.checksum IS NULL THEN 1 ELSE 0 END,
		(SELECT count(*) FROM sources s WHERE s.rid = r.rid)
		FROM records r LEFT JOIN originals o ON o.checksum = r.checksum ORDER BY r.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, checksum, doc string
		var noOriginal, sources int
		if err := rows.Scan(&id, &checksum, &doc, &noOriginal, &sources); err != nil {
			return err
		}
		rep.Records++
		bad := func(detail string) {
			rep.Problems = append(rep.Problems, store.Problem{Kind: store.ProblemRecord, ID: id, Checksum: checksum, Detail: detail})
		}
		if noOriginal == 1 {
			bad("its original is not stored")
		}
		var r record.Record
		if err := json.Unmarshal([]byte(doc), &r); err != nil {
			bad(fmt.Sprintf("its stored document does not decode: %v", err))
			continue
		}
		if r.ID != id {
			bad(fmt.Sprintf("its stored document has the id %q", r.ID))
		}
		if len(r.Sources) != sources {
			bad(fmt.Sprintf("its document lists %d archival references, %d are stored", len(r.Sources), sources))
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	files, err := s.read.QueryContext(ctx, `SELECT f.path, f.checksum FROM files f LEFT JOIN originals o ON o.checksum = f.checksum WHERE o.checksum IS NULL ORDER BY f.path`)
	lost, err := collect(files, err, func(rows *sql.Rows, p *store.Problem) error {
		p.Kind, p.Detail = store.ProblemOriginal, "missing: the file's original is not stored"
		return rows.Scan(&p.Name, &p.Checksum)
	})
	rep.Problems = append(rep.Problems, lost...)
	return err
}

// verifyIndex compares the search index with the records at one generation:
// every record indexed once, under its own id, and nothing else indexed. The
// index is a cache, so what this finds is repaired by deleting its snapshot;
// finding it says that something fed the cache wrongly.
func (s *Store) verifyIndex(ctx context.Context, rep *store.VerifyReport) error {
	// Writers elsewhere may move the database on between catching up and
	// reading the records; a few tries find a quiet moment.
	for try := 0; ; try++ {
		if _, err := s.index(ctx); err != nil {
			return err
		}
		done, err := s.compareIndex(ctx, rep)
		if err != nil || done {
			return err
		}
		if try == 10 {
			return fmt.Errorf("the archive kept changing; run fond verify again when writes pause")
		}
	}
}

func (s *Store) compareIndex(ctx context.Context, rep *store.VerifyReport) (bool, error) {
	// Holding the index lock keeps this process's own writes from being
	// applied while the two sides are read.
	s.idxMu.Lock()
	defer s.idxMu.Unlock()
	ix := s.idx
	if ix == nil {
		return false, nil
	}
	opts := s.d.CatchUp
	tx, err := s.read.BeginTx(ctx, &opts)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	gen, id, err := state(ctx, tx.QueryRowContext)
	if err != nil {
		return false, err
	}
	if g, e := ix.Gen(); g != gen || e != id {
		return false, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT rid, id FROM records`)
	if err != nil {
		return false, err
	}
	records := map[int64]string{}
	for rows.Next() {
		var rid int64
		var recID string
		if err := rows.Scan(&rid, &recID); err != nil {
			rows.Close()
			return false, err
		}
		records[rid] = recID
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	var problems []store.Problem
	bad := func(id, detail string) {
		problems = append(problems, store.Problem{Kind: store.ProblemIndex, ID: id, Detail: detail})
	}
	ids := make(map[string]bool, len(records))
	for _, id := range records {
		ids[id] = true
	}
	// An entry is right when its row holds the record it names: SQLite gives
	// a deleted row's number to the next record, so a stale entry may sit on
	// another record's row.
	seen := map[int64]int{}
	ix.Entries(func(ref int64, id string) {
		rep.Indexed++
		switch {
		case records[ref] == id:
			if seen[ref]++; seen[ref] == 2 {
				bad(id, "indexed more than once")
			}
		case ids[id]:
			bad(id, "indexed under a row that is no longer its own")
		default:
			bad(id, "indexed, but no such record is stored")
		}
	})
	for rid, id := range records {
		if seen[rid] == 0 {
			bad(id, "stored, but not in the search index")
		}
	}
	slices.SortFunc(problems, func(a, b store.Problem) int { return strings.Compare(a.ID+a.Detail, b.ID+b.Detail) })
	rep.Problems = append(rep.Problems, problems...)
	return true, nil
}
