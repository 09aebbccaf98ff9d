package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"

	"fond/internal/auth"
	"fond/internal/record"
	"fond/internal/review"
	"fond/internal/store"
)

// queueBox is what a record's page shows a cataloguer who came from the
// review queue (?queue=): why the record is there, the questions they can
// answer on the page, and the way on to the next record.
type queueBox struct {
	Queue   string // "all" or a reason
	Reasons []string
	About   map[string]string
	// Changed are fields a person set whose source now reads otherwise:
	// both values, for keeping theirs or taking the source's.
	Changed []fieldQuestion
	// Unsure are fields the machine read without confidence, to confirm.
	Unsure []fieldQuestion
	// Duplicate: the store asks whether the record's text, nearly identical
	// to another's, is the same document stored twice.
	Duplicate bool
	// Next is the next record in the same queue, after this one by id; "" at
	// the end.
	Next string
}

// fieldQuestion is one field the queue asks about, its values as text.
type fieldQuestion struct {
	Field      string
	Value      string // the record's value now (a person's, for Changed)
	Source     string // the source's new reading (Changed only)
	By         string // who set Value (Changed only)
	Confidence float64
}

// cataloguing adds to a record's page, for staff, what they work with: the
// attach form and, when they came from the queue, its box. false means the request was answered (a bad ?queue=).
func (s *Server) cataloguing(w http.ResponseWriter, r *http.Request, rec record.Record, data map[string]any) bool {
	v := viewerOf(r.Context())
	if v == nil || v.Role < auth.Contributor {
		return true
	}
	data["AttachKinds"] = attachKinds
	queue, perr := parseQueue(r.URL.Query(), "queue")
	if perr != nil {
		s.badRequest(w, perr)
		return false
	}
	if queue == "" {
		return true
	}
	box, err := s.queueBoxOf(r, rec, queue)
	if err != nil {
		s.serverError(w, err)
		return false
	}
	data["Queue"] = box
	return true
}

func (s *Server) queueBoxOf(r *http.Request, rec record.Record, queue string) (*queueBox, error) {
	// The stored reasons: what the record says, and a question the store
	// asked of it (a possible duplicate).
	mine, _, err := s.raw.Review(r.Context(), store.ReviewQuery{ID: rec.ID})
	if err != nil {
		return nil, err
	}
	box := &queueBox{Queue: queue, Reasons: review.Reasons(rec), About: reasonText}
	if len(mine) == 1 {
		box.Reasons = mine[0].Reasons
	}
	box.Duplicate = slices.Contains(box.Reasons, review.PossibleDuplicate)
	for _, f := range record.Editable {
		p := rec.Provenance[f]
		if p.Person() && len(p.SourceChanged) > 0 {
			now, err := record.Field(rec, f)
			if err != nil {
				return nil, err
			}
			box.Changed = append(box.Changed, fieldQuestion{Field: f, Value: jsonText(now), Source: jsonText(p.SourceChanged), By: p.By})
		}
		if c, ok := rec.Confidence[f]; ok && c < review.MinFieldConfidence && !p.Person() {
			now, err := record.Field(rec, f)
			if err != nil {
				return nil, err
			}
			box.Unsure = append(box.Unsure, fieldQuestion{Field: f, Value: jsonText(now), Confidence: c})
		}
	}
	reason := queue
	if reason == queueAll {
		reason = ""
	}
	next, _, err := s.raw.Review(r.Context(), store.ReviewQuery{Reason: reason, After: rec.ID, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(next) > 0 {
		box.Next = next[0].ID
	}
	return box, nil
}

// jsonText shows a field's JSON value to a person: a string as itself,
// anything else as compact JSON (the page escapes it).
func jsonText(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return string(v)
	}
	return b.String()
}
