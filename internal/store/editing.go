package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"fond/internal/record"
)

// ErrStale is what a StaleError wraps: an edit made against a revision that
// is no longer the record's latest.
var ErrStale = errors.New("stale revision")

// StaleError refuses an edit because someone saved since the editor loaded
// the record; Current is the record as it now is, for showing both versions.
type StaleError struct {
	Base    int
	Current record.Record
}

func (e *StaleError) Error() string {
	return fmt.Sprintf("record %s: edited against revision %d, but revision %d was saved since", e.Current.ID, e.Base, e.Current.Revision)
}

func (e *StaleError) Unwrap() error { return ErrStale }

// Revision actions: why a record changed.
const (
	ActionIngest  = "ingest"        // read from a file (first stored, or its file changed)
	ActionReindex = "reindex"       // re-read from its stored original
	ActionUpload  = "upload"        // ingested from a file a person uploaded
	ActionCreate  = "create"        // made by hand
	ActionEdit    = "edit"          // a person's edit in a form, a patch or a CSV import
	ActionRevert  = "revert"        // an earlier revision restored
	ActionStatus  = "publication"   // published, unpublished or withdrawn
	ActionConfirm = "confirm"       // a person confirmed what the queue asked about
	ActionNames   = "name decision" // a name in the text confirmed as an authority, or rejected
)

// Revision is one stored change of a record.
type Revision struct {
	Revision int             `json:"revision"`
	Author   string          `json:"author"`
	At       time.Time       `json:"at"`
	Action   string          `json:"action"`
	Note     string          `json:"note,omitempty"`
	Changes  []record.Change `json:"changes"`
}

// Edit is a person's change to one record.
type Edit struct {
	ID string
	// Base is the revision the change was made against; the edit is refused
	// with a StaleError unless it is still the latest.
	Base int
	// Fields are the new values of editable fields, by JSON name (null clears).
	Fields map[string]json.RawMessage
	Author string
	Action string // ActionEdit, ActionRevert or ActionConfirm; "" is ActionEdit
	Note   string // why, when the person said
	// Confirm, with ActionConfirm, takes fields whose source changed under a
	// person's value (or that the machine read without confidence) as they
	// now are: the person has looked. The reason review.PossibleDuplicate
	// in it answers that question: the record is not a duplicate.
	Confirm []string
}

// ReviewQuery selects records from the review queue.
type ReviewQuery struct {
	Reason string // one reason, or "" for any
	ID     string // one record's reasons, or "" for any record
	After  string // the id the previous page ended at
	Limit  int
}

// ReviewItem is a record in the review queue and why it is there.
type ReviewItem struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Status  string   `json:"status"`
	Reasons []string `json:"reasons"`
}

// Editor is what the store keeps of people's work on records: revisions with
// field-level changes, who set each field, and the review queue.
type Editor interface {
	// EditRecord saves e as the record's next revision and returns the record
	// as it now is. A value that is not valid for its field is refused with a
	// *record.FieldError and nothing is saved; an edit that changes nothing
	// saves nothing and returns the record as it is.
	EditRecord(ctx context.Context, e Edit) (record.Record, error)
	// History returns the record's revisions, newest first.
	History(ctx context.Context, id string) ([]Revision, error)
	// Review returns a page of the queue in id order, and how many records
	// each reason holds in all.
	Review(ctx context.Context, q ReviewQuery) ([]ReviewItem, map[string]int, error)
	// RestoreHistory gives a record the history it had in another archive (a
	// bag's): its revisions replace the record's, and its revision count
	// becomes the newest of them.
	RestoreHistory(ctx context.Context, id string, revs []Revision) error
}

// StateAt returns the editable fields as they were at revision n, by undoing
// each later change of history (newest first) on current: what a revert
// saves as a new revision.
func StateAt(current record.Record, history []Revision, n int) (map[string]json.RawMessage, error) {
	if n < 1 || n > current.Revision {
		return nil, fmt.Errorf("record %s has no revision %d (1 to %d)", current.ID, n, current.Revision)
	}
	state, err := record.Fields(current)
	if err != nil {
		return nil, err
	}
	newest := slices.Clone(history)
	slices.SortFunc(newest, func(a, b Revision) int { return b.Revision - a.Revision })
	for _, rev := range newest {
		if rev.Revision <= n {
			break
		}
		for _, c := range rev.Changes {
			if record.IsEditable(c.Field) {
				state[c.Field] = c.From
			}
		}
	}
	return state, nil
}
