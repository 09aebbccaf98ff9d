package ingest

import (
	"context"
	"fmt"

	"fond/internal/links"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

// linkDiscussions connects secondary records to the primary records they narrate,
// in both directions of arrival: a new article is matched against stored documents,
// and a new document against stored articles whose dated mentions it falls in.
func (in *Ingester) linkDiscussions(ctx context.Context, recs []record.Record) error {
	done := map[string]bool{}
	for i := range recs {
		r := &recs[i]
		if r.Category == record.Secondary {
			if err := in.relink(ctx, r); err != nil {
				return err
			}
			done[r.ID] = true
		}
	}
	for i := range recs {
		r := &recs[i]
		if r.Category != record.Primary || r.Date.Earliest == "" {
			continue
		}
		ids, err := in.Store.Mentioning(ctx, r.Date.Earliest, r.Date.Latest)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if done[id] {
				continue
			}
			done[id] = true
			sec, err := in.Store.Get(ctx, id)
			if err != nil {
				return fmt.Errorf("relink %s: %w", id, err)
			}
			if err := in.relink(ctx, &sec); err != nil {
				return err
			}
		}
	}
	return nil
}

// maxCandidates bounds the primary records scored per mention: a month in a large
// archive can hold thousands; the best-ranked by the mention's own words come first.
const maxCandidates = 200

func (in *Ingester) relink(ctx context.Context, sec *record.Record) error {
	mentions := links.Mentions(sec)
	var stored []store.Mention
	seen := map[string]bool{}
	var cands []record.Record
	for _, m := range mentions {
		stored = append(stored, store.Mention{Earliest: m.Earliest, Latest: m.Latest})
		res, err := in.Store.Search(ctx, search.Query{Text: fmt.Sprintf("category:primary date:%s..%s", m.Earliest, m.Latest), Limit: maxCandidates})
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			if seen[h.ID] || h.ID == sec.ID {
				continue
			}
			seen[h.ID] = true
			c, err := in.Store.Get(ctx, h.ID)
			if err != nil {
				return err
			}
			cands = append(cands, c)
		}
	}
	var out []store.Link
	for _, l := range links.Find(mentions, cands) {
		out = append(out, store.Link{From: sec.ID, To: l.To, Score: l.Score, Evidence: l.Evidence, Asserted: l.Score >= links.Assert})
	}
	return in.Store.SetLinks(ctx, sec.ID, stored, out)
}
