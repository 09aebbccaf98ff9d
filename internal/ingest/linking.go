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
// in both directions of arrival: a new article is matched against stored documents
// and the file's own, and a stored article whose dated mentions a new document
// falls in is matched again. own maps the file's ids to their positions.
func (in *Ingester) linkDiscussions(ctx context.Context, recs []record.Record, own map[string]int) ([]store.Discussion, error) {
	var out []store.Discussion
	done := map[string]bool{}
	for i := range recs {
		r := &recs[i]
		if r.Category == record.Secondary {
			d, err := in.relink(ctx, r, recs, own)
			if err != nil {
				return nil, err
			}
			out = append(out, d)
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
			return nil, err
		}
		for _, id := range ids {
			if done[id] {
				continue
			}
			done[id] = true
			if _, mine := own[id]; mine {
				// Stored as secondary, given now as primary: what it
				// mentioned and discussed goes.
				out = append(out, store.Discussion{From: id})
				continue
			}
			sec, err := in.Store.Get(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("relink %s: %w", id, err)
			}
			d, err := in.relink(ctx, &sec, recs, own)
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
	}
	return out, nil
}

// maxCandidates bounds the primary records scored per mention: a month in a large
// archive can hold thousands; the best-ranked by the mention's own words come first.
const maxCandidates = 200

// relink finds what secondary record sec discusses among the stored primary
// records and the file's (recs), whose stored versions it skips.
func (in *Ingester) relink(ctx context.Context, sec *record.Record, recs []record.Record, own map[string]int) (store.Discussion, error) {
	d := store.Discussion{From: sec.ID}
	mentions := links.Mentions(sec)
	seen := map[string]bool{}
	var cands []record.Record
	for _, m := range mentions {
		d.Mentions = append(d.Mentions, store.Mention{Earliest: m.Earliest, Latest: m.Latest})
		res, err := in.Store.Search(ctx, search.Query{Text: fmt.Sprintf("category:primary date:%s..%s", m.Earliest, m.Latest), Limit: maxCandidates})
		if err != nil {
			return d, err
		}
		for _, h := range res.Hits {
			if seen[h.ID] || h.ID == sec.ID {
				continue
			}
			seen[h.ID] = true
			if _, mine := own[h.ID]; mine {
				continue
			}
			c, err := in.Store.Get(ctx, h.ID)
			if err != nil {
				return d, err
			}
			cands = append(cands, c)
		}
	}
	if len(mentions) > 0 {
		for i := range recs {
			if recs[i].ID != sec.ID && recs[i].Category == record.Primary {
				cands = append(cands, recs[i])
			}
		}
	}
	for _, l := range links.Find(mentions, cands) {
		d.Links = append(d.Links, store.Link{From: sec.ID, To: l.To, Score: l.Score, Evidence: l.Evidence, Asserted: l.Score >= links.Assert})
	}
	return d, nil
}
