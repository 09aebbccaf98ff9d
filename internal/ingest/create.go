package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"fond/internal/record"
	"fond/internal/store"
)

// FormatManual is the format of a record a person made by hand: its
// "original" is the record as they first saved it, kept like any file's
// bytes so that a bag or a backup carries it, but never read again.
const FormatManual = "manual"

// Create stores a record a person made by hand, as a draft whose every field
// is theirs. Its id is derived from what they typed and when, so two people
// making "the same" record make two.
func (in *Ingester) Create(ctx context.Context, fields map[string]json.RawMessage, author string) (record.Record, error) {
	if author == "" {
		return record.Record{}, errors.New("a record made by hand needs its author")
	}
	var r record.Record
	if err := record.SetFields(&r, fields); err != nil {
		return r, err
	}
	var given []string
	for f := range fields {
		given = append(given, f)
	}
	if err := store.CheckEdited(&r, given); err != nil {
		return r, err
	}
	if r.Category == "" {
		r.Category = record.Primary
	}
	now := time.Now().UTC()
	data, err := json.Marshal(struct {
		Author string                     `json:"author"`
		At     time.Time                  `json:"at"`
		Fields map[string]json.RawMessage `json:"fields"`
	}{author, now, fields})
	if err != nil {
		return r, err
	}
	sum := Checksum(data)
	r.Key = "manual:" + sum
	r.ID = IDFor(sum, r.Key)
	r.Format = FormatManual
	values, err := record.Fields(r)
	if err != nil {
		return r, err
	}
	r.Provenance = map[string]record.Provenance{}
	for f := range fields {
		r.Provenance[f] = record.Provenance{By: author, At: now, Extracted: values[f]}
	}
	path := "manual/" + r.ID
	outs, err := in.store(ctx, path, store.File{
		Path:     path,
		Original: store.Original{Checksum: sum, Name: r.ID + ".json", Size: int64(len(data)), Data: data},
		Format:   FormatManual,
		Records:  []record.Record{r},
		Status:   record.Draft,
		Author:   author,
		Action:   store.ActionCreate,
	})
	if err != nil {
		return r, err
	}
	if len(outs) != 1 {
		return r, fmt.Errorf("record made by hand: stored %d records", len(outs))
	}
	return in.Store.Get(ctx, outs[0].ID)
}
