package store

import (
	"context"

	"fond/internal/names"
)

// RecordMentions finds the names in a record's text against the store's
// authority file, with an archivist's decisions applied. Mentions are found when
// asked for, not at ingest, so an edited authority file applies at once.
func RecordMentions(ctx context.Context, st Store, f *names.File, id string) ([]names.Mention, error) {
	r, err := st.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	ds, err := st.NameDecisions(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	var decisions []names.Decision
	for _, d := range ds {
		decisions = append(decisions, names.Decision{Start: d.Start, End: d.End, Authority: d.Authority, Status: d.Status})
	}
	out := f.Apply(r.Body, f.FindMentions(r.Body), decisions)
	if out == nil {
		out = []names.Mention{}
	}
	return out, nil
}
