package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"fond/internal/editions"
	"fond/internal/index"
	"fond/internal/record"
	"fond/internal/redact"
)

// maxReleaseGroup bounds the editions read to decide whether a release shows
// text an earlier one withheld: a document is released a handful of times,
// and a record with more editions than this is a text printed in many places,
// whose first releases are enough to tell.
const maxReleaseGroup = 32

// querier is a transaction or the database: the index reads with either.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// laterReleases analyzes again, marked released_later:yes, the records among
// recs that show text an earlier release of their document withheld. Only the
// store can tell: it needs the document's other releases (the record's
// editions), which the record does not hold. Records that are not releases
// cost nothing; a release costs a query for its editions and one per edition.
// Linking a new release touches the records it links, so they are indexed
// again and this is asked again.
func laterReleases(ctx context.Context, q querier, refs []int64, recs []*record.Record) ([]*index.Analyzed, error) {
	var out []*index.Analyzed
	for i, r := range recs {
		if !editions.IsRelease(r) {
			continue
		}
		group, err := releaseGroup(ctx, q, r)
		if err != nil {
			return nil, fmt.Errorf("releases of %s: %w", r.ID, err)
		}
		if len(group) > 1 && redact.ReleasedLater(redact.History(group), r.ID) {
			out = append(out, index.Analyze(index.FromLaterRelease(refs[i], r)))
		}
	}
	return out, nil
}

// releaseGroup is r with its editions that are releases (at most
// maxReleaseGroup of them), read without their texts.
func releaseGroup(ctx context.Context, q querier, r *record.Record) ([]record.Record, error) {
	ids, err := queryStrings(ctx, q, `SELECT b FROM editions WHERE a = ? UNION SELECT a FROM editions WHERE b = ? ORDER BY 1`, r.ID, r.ID)
	if err != nil {
		return nil, err
	}
	group := []record.Record{*r}
	for _, id := range ids[:min(len(ids), maxReleaseGroup)] {
		docs, err := queryStrings(ctx, q, `SELECT doc FROM records WHERE id = ?`, id)
		if err != nil {
			return nil, err
		}
		for _, doc := range docs {
			x, err := decodeDoc(doc, "", "")
			if err != nil {
				return nil, fmt.Errorf("record %s: %w", id, err)
			}
			if editions.IsRelease(&x) {
				group = append(group, x)
			}
		}
	}
	return group, nil
}

func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	return collect(rows, err, func(rows *sql.Rows, v *string) error { return rows.Scan(v) })
}

// changedReleases is laterReleases for a committed change: its added records,
// and, when one of them is a release or a record was removed, the releases it
// linked or unlinked (touched), whose content did not change but whose
// document gained or lost a release: those are analyzed again, marked or not.
func (s *Store) changedReleases(ctx context.Context, c *change) ([]*index.Analyzed, error) {
	var refs []int64
	var recs []*record.Record
	seen := map[string]bool{}
	relinked := len(c.removed) > 0
	for rid, r := range c.added {
		refs, recs = append(refs, rid), append(recs, r)
		seen[r.ID] = true
		relinked = relinked || editions.IsRelease(r)
	}
	var plain []*index.Analyzed
	if relinked {
		var trefs []int64
		var trecs []*record.Record
		for _, id := range c.touched {
			if seen[id] {
				continue
			}
			seen[id] = true
			rid, r, err := s.readForIndex(ctx, id)
			if err != nil {
				return nil, err
			}
			if r != nil && editions.IsRelease(r) {
				trefs, trecs = append(trefs, rid), append(trecs, r)
			}
		}
		later, err := laterReleases(ctx, s.read, trefs, trecs)
		if err != nil {
			return nil, err
		}
		marked := map[int64]bool{}
		for _, a := range later {
			marked[a.Ref()] = true
		}
		for i, r := range trecs {
			if !marked[trefs[i]] {
				plain = append(plain, index.Analyze(index.FromRecord(trefs[i], r)))
			}
		}
		plain = append(plain, later...)
	}
	later, err := laterReleases(ctx, s.read, refs, recs)
	return append(plain, later...), err
}

// readForIndex reads a record as catchUp does (nil when it is gone).
func (s *Store) readForIndex(ctx context.Context, id string) (int64, *record.Record, error) {
	var rid int64
	var doc, body, ingested, status string
	err := s.read.QueryRowContext(ctx, `SELECT rid, doc, body, ingested_at, status FROM records WHERE id = ?`, id).Scan(&rid, &doc, &body, &ingested, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, err
	}
	r, err := decodeDoc(doc, body, ingested)
	if err != nil {
		return 0, nil, fmt.Errorf("record %s: %w", id, err)
	}
	r.Status = status
	return rid, &r, nil
}
