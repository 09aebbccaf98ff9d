package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"testing"

	"fond/internal/record"
	"fond/internal/review"
	"fond/internal/search"
	"fond/internal/store"
)

func raw(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func edit(t *testing.T, s store.Store, id string, base int, fields map[string]any) (record.Record, error) {
	t.Helper()
	e := store.Edit{ID: id, Base: base, Author: "ed", Fields: map[string]json.RawMessage{}}
	for k, v := range fields {
		e.Fields[k] = raw(t, v)
	}
	return s.EditRecord(context.Background(), e)
}

func testEditRevisions(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, file("/in/e.txt", "sha256:e", rec("e1", "Telegrm from Shtykov", "About the uranium ore.")))
	r, err := s.Get(ctx, "e1")
	if err != nil {
		t.Fatal(err)
	}
	if r.Revision != 1 || len(r.Provenance) != 0 {
		t.Fatalf("a record read from a file: revision %d provenance %v, want 1 and none", r.Revision, r.Provenance)
	}
	r, err = edit(t, s, "e1", 1, map[string]any{"title": "Telegram from Shtykov to Vyshinsky", "date": map[string]string{"edtf": "1949-06", "qualifier": "inferred", "note": "from the reply"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Revision != 2 || r.Title != "Telegram from Shtykov to Vyshinsky" {
		t.Fatalf("after the edit: revision %d title %q", r.Revision, r.Title)
	}
	if r.Date.Earliest != "1949-06-01" || r.Date.Latest != "1949-06-30" || r.Date.Qualifier != record.Inferred {
		t.Errorf("the date's bounds are not derived from its EDTF: %+v", r.Date)
	}
	if p := r.Provenance["title"]; p.By != "ed" || p.At.IsZero() || !record.SameJSON(p.Extracted, raw(t, "Telegrm from Shtykov")) {
		t.Errorf("title provenance = %+v", p)
	}
	if _, ok := r.Provenance["body"]; ok {
		t.Error("a field the edit left alone is marked as the person's")
	}
	// The index follows: the new title is found, the date range sees June.
	if n := total(t, s, "Vyshinsky"); n != 1 {
		t.Errorf("the edited title is not searchable: %d hits", n)
	}
	res, err := s.Search(ctx, search.Query{Text: "Vyshinsky 1949-06-15..1949-06-20"})
	if err != nil || res.Total != 1 {
		t.Errorf("the edited date is not in the date index: %v %+v", err, res.Total)
	}

	h, err := s.History(ctx, "e1")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Revision != 2 || h[0].Author != "ed" || h[0].Action != store.ActionEdit || h[1].Revision != 1 || h[1].Action != store.ActionIngest {
		t.Fatalf("history = %+v", h)
	}
	var fields []string
	for _, c := range h[0].Changes {
		fields = append(fields, c.Field)
	}
	if !slices.Equal(fields, []string{"title", "date"}) {
		t.Errorf("revision 2 changed %v, want title and date", fields)
	}
	if !record.SameJSON(h[0].Changes[0].From, raw(t, "Telegrm from Shtykov")) || !record.SameJSON(h[0].Changes[0].To, raw(t, r.Title)) {
		t.Errorf("title change %s -> %s", h[0].Changes[0].From, h[0].Changes[0].To)
	}

	// An edit against revision 1 is stale now: refused, nothing saved.
	_, err = edit(t, s, "e1", 1, map[string]any{"title": "Someone else's title"})
	var stale *store.StaleError
	if !errors.As(err, &stale) || !errors.Is(err, store.ErrStale) || stale.Current.Revision != 2 || stale.Current.Title != r.Title {
		t.Fatalf("stale edit: %v", err)
	}
	// A value that does not parse is refused, naming the field.
	_, err = edit(t, s, "e1", 2, map[string]any{"title": "Kept?", "date": map[string]string{"edtf": "1949-13-45"}})
	var fe *record.FieldError
	if !errors.As(err, &fe) || fe.Field != "date" {
		t.Fatalf("bad EDTF: %v, want a FieldError on date", err)
	}
	for _, bad := range []map[string]any{
		{"url": "javascript:alert(1)"},
		{"category": "tertiary"},
		{"languages": map[string]string{"text": "<script>"}},
		{"revision": 7},
		{"authors": "not a list"},
	} {
		if _, err := edit(t, s, "e1", 2, bad); !errors.As(err, &fe) {
			t.Errorf("%v accepted (%v)", bad, err)
		}
	}
	if got, _ := s.Get(ctx, "e1"); got.Revision != 2 || got.Title != r.Title {
		t.Errorf("a refused edit saved something: revision %d title %q", got.Revision, got.Title)
	}
	// An edit that changes nothing saves nothing.
	if got, err := edit(t, s, "e1", 2, map[string]any{"title": r.Title}); err != nil || got.Revision != 2 {
		t.Errorf("a no-op edit: revision %d, %v", got.Revision, err)
	}

	// Revert to revision 1: the machine's title comes back, and is the
	// machine's again.
	h, _ = s.History(ctx, "e1")
	state, err := store.StateAt(r, h, 1)
	if err != nil {
		t.Fatal(err)
	}
	back, err := s.EditRecord(ctx, store.Edit{ID: "e1", Base: 2, Author: "ed", Action: store.ActionRevert, Fields: state, Note: "to revision 1"})
	if err != nil {
		t.Fatal(err)
	}
	if back.Revision != 3 || back.Title != "Telegrm from Shtykov" || back.Date.EDTF != "1949-03-05" {
		t.Errorf("revert: revision %d title %q date %q", back.Revision, back.Title, back.Date.EDTF)
	}
	if len(back.Provenance) != 0 {
		t.Errorf("reverted to the machine's values, yet provenance %v", back.Provenance)
	}
	if _, err := store.StateAt(back, nil, 9); err == nil {
		t.Error("StateAt a revision that does not exist")
	}
}

func testReingestKeepsPersons(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, file("/in/k.txt", "sha256:k1", rec("k1", "Teleg from Moscow", "Text one.")))
	if _, err := edit(t, s, "k1", 1, map[string]any{"title": "Telegram from Moscow"}); err != nil {
		t.Fatal(err)
	}
	// The file changes elsewhere (its body); the machine's title is the same.
	mustPut(t, s, file("/in/k.txt", "sha256:k2", rec("k1", "Teleg from Moscow", "Text two.")))
	r, _ := s.Get(ctx, "k1")
	if r.Title != "Telegram from Moscow" || r.Body != "Text two." || r.Revision != 3 {
		t.Fatalf("after re-ingest: title %q body %q revision %d", r.Title, r.Body, r.Revision)
	}
	if len(r.Provenance["title"].SourceChanged) != 0 {
		t.Error("the source's title did not change, yet it is flagged")
	}
	// The source's title changes under the person's: theirs is kept, the
	// record goes to the queue with both values.
	mustPut(t, s, file("/in/k.txt", "sha256:k3", rec("k1", "Telegram from Moscow to Pyongyang", "Text two.")))
	r, _ = s.Get(ctx, "k1")
	if r.Title != "Telegram from Moscow" {
		t.Errorf("re-ingest overwrote the person's title: %q", r.Title)
	}
	if !record.SameJSON(r.Provenance["title"].SourceChanged, raw(t, "Telegram from Moscow to Pyongyang")) {
		t.Errorf("the new reading is not kept beside the person's: %+v", r.Provenance["title"])
	}
	if items := reviewIDs(t, s, review.SourceChanged); !slices.Equal(items, []string{"k1"}) {
		t.Errorf("source-changed queue = %v", items)
	}
	h, _ := s.History(ctx, "k1")
	if h[0].Action != store.ActionIngest || h[0].Revision != r.Revision {
		t.Errorf("the re-ingest is not in the history: %+v", h[0])
	}
	// Confirming keeps the person's value and takes the question away.
	r, err := s.EditRecord(ctx, store.Edit{ID: "k1", Base: r.Revision, Author: "ed", Action: store.ActionConfirm, Confirm: []string{"title"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Telegram from Moscow" || len(r.Provenance["title"].SourceChanged) != 0 {
		t.Errorf("after confirming: %q %+v", r.Title, r.Provenance["title"])
	}
	if items := reviewIDs(t, s, review.SourceChanged); len(items) != 0 {
		t.Errorf("still queued after confirming: %v", items)
	}
	// A reindex that gives the record a new id (its file's bytes changed a
	// position-keyed id) keeps the person's title and the history.
	mustPut(t, s, file("/in/k.txt", "sha256:k4", rec("k9", "Telegram from Moscow to Pyongyang", "Text three.")))
	r, err = s.Get(ctx, "k9")
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Telegram from Moscow" || r.Provenance["title"].By != "ed" {
		t.Errorf("the successor lost the person's title: %q %+v", r.Title, r.Provenance["title"])
	}
	h, _ = s.History(ctx, "k9")
	if len(h) < 4 || h[0].Revision != r.Revision || h[len(h)-1].Revision != 1 {
		t.Errorf("the successor's history: %+v", h)
	}
	if old, err := s.Get(ctx, "k1"); err != nil || old.ID != "k9" {
		t.Errorf("the old id does not lead to its successor: %v %q", err, old.ID)
	}
}

func reviewIDs(t *testing.T, s store.Store, reason string) []string {
	t.Helper()
	items, _, err := s.Review(context.Background(), store.ReviewQuery{Reason: reason, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func testReviewQueue(t *testing.T, s store.Store) {
	ctx := context.Background()
	untitled := rec("q1", "", "No title was found.")
	undated := rec("q2", "Undated memo", "No date.")
	undated.Date = record.Date{}
	guessed := rec("q3", "Guessed", "Inferred.")
	guessed.Date.Qualifier = record.Inferred
	fine := rec("q4", "Fine", "All read.")
	ocr := rec("q5", "Scan", "Blurry.")
	ocr.OCRConfidence = 0.55
	mustPut(t, s, file("/in/q.txt", "sha256:q", untitled, undated, guessed, fine, ocr))
	drafts := file("/in/qd.txt", "sha256:qd", rec("q6", "A draft", "Waiting."))
	drafts.Status = record.Draft
	mustPut(t, s, drafts)

	items, counts, err := s.Review(ctx, store.ReviewQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, it := range items {
		got[it.ID] = it.Reasons
	}
	want := map[string][]string{
		"q1": {review.NoTitle}, "q2": {review.NoDate}, "q3": {review.DateInferred},
		"q5": {review.OCRLow}, "q6": {review.Draft},
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s: reasons %v, want %v", id, got[id], w)
		}
	}
	if _, ok := got["q4"]; ok {
		t.Error("a record read whole is in the queue")
	}
	if counts[review.Draft] != 1 || counts[review.NoTitle] != 1 {
		t.Errorf("counts = %v", counts)
	}
	// Pages follow each other without overlap.
	first, _, _ := s.Review(ctx, store.ReviewQuery{Limit: 2})
	next, _, _ := s.Review(ctx, store.ReviewQuery{Limit: 2, After: first[1].ID})
	if len(first) != 2 || len(next) != 2 || next[0].ID <= first[1].ID {
		t.Errorf("pages %v then %v", first, next)
	}
	// Working through it: publish the draft, date the guess with a note, title the untitled.
	if _, err := s.SetStatus(ctx, "q6", record.Published, "", "ed"); err != nil {
		t.Fatal(err)
	}
	if _, err := edit(t, s, "q3", 1, map[string]any{"date": map[string]string{"edtf": "1949-03-05", "qualifier": "inferred", "note": "from the register"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := edit(t, s, "q1", 1, map[string]any{"title": "Report on the harvest"}); err != nil {
		t.Fatal(err)
	}
	_, counts, _ = s.Review(ctx, store.ReviewQuery{})
	for _, reason := range []string{review.Draft, review.DateInferred, review.NoTitle} {
		if counts[reason] != 0 {
			t.Errorf("%s still counts %d after the fix", reason, counts[reason])
		}
	}
	if ids := reviewIDs(t, s, review.NoDate); !slices.Equal(ids, []string{"q2"}) {
		t.Errorf("no-date = %v", ids)
	}
	h, _ := s.History(ctx, "q6")
	if len(h) != 2 || h[0].Action != store.ActionStatus || h[0].Author != "ed" || h[0].Changes[0].Field != "status" {
		t.Errorf("publication is not in the history: %+v", h)
	}
}

// testEditRace: two servers save an edit of one record loaded at the same
// revision; exactly one wins, the other is told, and nothing is lost.
func testEditRace(t *testing.T, a, b store.Store) {
	ctx := context.Background()
	mustPut(t, a, file("/in/race.txt", "sha256:race", rec("x1", "Original", "Body.")))
	if _, err := b.Get(ctx, "x1"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, st := range []store.Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = edit(t, st, "x1", 1, map[string]any{"title": []string{"From a", "From b"}[i]})
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, store.ErrStale):
			t.Fatalf("edit failed otherwise than stale: %v", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d edits won, want exactly one (%v)", won, errs)
	}
	ra, _ := a.Get(ctx, "x1")
	rb, _ := b.Get(ctx, "x1")
	if ra.Revision != 2 || rb.Revision != 2 || ra.Title != rb.Title {
		t.Errorf("servers disagree: %d %q / %d %q", ra.Revision, ra.Title, rb.Revision, rb.Title)
	}
	if n := total(t, b, "From"); n != 1 {
		t.Errorf("the winning title is not found on the other server: %d", n)
	}
}

// testPossibleDuplicate: a new edition link by nearly identical text queues
// both records; the question survives other changes, a person's answer
// takes it away, and re-ingesting does not ask it again.
func testPossibleDuplicate(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, file("/in/d1.txt", "sha256:d1", rec("dup1", "Telegram", "The same words.")))
	f := file("/in/d2.txt", "sha256:d2", rec("dup2", "Telegram", "The same words."))
	f.Editions = []store.EditionLink{{A: "dup2", B: "dup1", Reason: store.NearTextReason + " (MinHash similarity 0.97)"}}
	mustPut(t, s, f)
	if ids := reviewIDs(t, s, review.PossibleDuplicate); !slices.Equal(ids, []string{"dup1", "dup2"}) {
		t.Fatalf("possible duplicates queued: %v", ids)
	}
	// An edit recomputes the record's reasons, and keeps the question.
	if _, err := edit(t, s, "dup1", 1, map[string]any{"title": "Telegram of the 5th"}); err != nil {
		t.Fatal(err)
	}
	if ids := reviewIDs(t, s, review.PossibleDuplicate); !slices.Equal(ids, []string{"dup1", "dup2"}) {
		t.Errorf("an edit dropped the question: %v", ids)
	}
	r, err := s.EditRecord(ctx, store.Edit{ID: "dup2", Base: 1, Author: "ed", Action: store.ActionConfirm, Confirm: []string{review.PossibleDuplicate}})
	if err != nil {
		t.Fatal(err)
	}
	if ids := reviewIDs(t, s, review.PossibleDuplicate); !slices.Equal(ids, []string{"dup1"}) {
		t.Errorf("after the answer: %v", ids)
	}
	h, _ := s.History(ctx, "dup2")
	if r.Revision != 2 || h[0].Action != store.ActionConfirm || h[0].Author != "ed" {
		t.Errorf("the answer is not a revision: %d %+v", r.Revision, h[0])
	}
	f.Original.Checksum, f.Original.Data = "sha256:d2b", []byte("again")
	f.Editions[0].Reason = store.NearTextReason + " (MinHash similarity 0.96)"
	mustPut(t, s, f)
	if ids := reviewIDs(t, s, review.PossibleDuplicate); !slices.Equal(ids, []string{"dup1"}) {
		t.Errorf("re-ingesting asked again: %v", ids)
	}
}
