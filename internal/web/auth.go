package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"fond/internal/auth"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

// viewer is who is asking: a signed-in member of staff (by session cookie, on
// pages) or a script (by API token, on /api/). Anonymous readers have none:
// every check treats a missing viewer as the least trusted.
type viewer struct {
	Name    string
	Role    auth.Role
	session string // the session's id; "" for an API token
	CSRF    string // the anti-forgery token of this session's forms
}

// CanPublish says whether the viewer may publish, unpublish and withdraw
// (templates show the forms by it; the routes' minimum roles decide).
func (v *viewer) CanPublish() bool { return v != nil && v.Role >= auth.Editor }

// IsAdmin says whether the viewer manages accounts and reads the audit log.
func (v *viewer) IsAdmin() bool { return v != nil && v.Role >= auth.Admin }

type viewerKey struct{}

func withViewer(ctx context.Context, v *viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// viewerOf returns who is asking, or nil for an anonymous reader.
func viewerOf(ctx context.Context) *viewer {
	v, _ := ctx.Value(viewerKey{}).(*viewer)
	return v
}

// staff says whether the request may see unpublished records: contributors
// and above. Nothing in the request itself can say so.
func staff(ctx context.Context) bool {
	v := viewerOf(ctx)
	return v != nil && v.Role >= auth.Contributor
}

// goneError is a withdrawn record asked for by a reader: its address answers
// 410 with the reason. It wraps ErrNotFound, so a handler that does not know
// of withdrawal still shows nothing of the record.
type goneError struct {
	ID, Reason string
}

func (e *goneError) Error() string { return "record " + e.ID + " was withdrawn: " + e.Reason }
func (e *goneError) Unwrap() error { return store.ErrNotFound }

// gatedStore is the store as the request's viewer may see it: the one place
// that decides what is visible. Handlers read through it (Server.store), so
// drafts are absent for anonymous readers from records, lists, searches
// (hits, totals, facets), links and the ids a record lists, whatever page
// asks. Harvests are public by contract (store.Store.Harvest).
type gatedStore struct {
	store.Store
}

// Get implements store.Store: a draft is not found and a withdrawn record is
// gone, unless staff ask; the ids a visible record lists are cut to visible ones.
func (g gatedStore) Get(ctx context.Context, id string) (record.Record, error) {
	r, err := g.Store.Get(ctx, id)
	if err != nil || staff(ctx) {
		return r, err
	}
	switch r.Status {
	case record.Published:
	case record.Withdrawn:
		return record.Record{}, &goneError{ID: r.ID, Reason: r.WithdrawnReason}
	default:
		return record.Record{}, fmt.Errorf("record %s: %w", id, store.ErrNotFound)
	}
	if err := g.hideUnpublished(ctx, &r); err != nil {
		return record.Record{}, err
	}
	return r, nil
}

// hideUnpublished drops, from what a public record lists, the records a reader
// may not see: editions, quoted documents, discussions and its parent.
func (g gatedStore) hideUnpublished(ctx context.Context, r *record.Record) error {
	lists := []*[]string{&r.Editions, &r.Contains, &r.Discusses, &r.DiscussedIn}
	var ids []string
	for _, l := range lists {
		ids = append(ids, *l...)
	}
	if r.Parent != "" {
		ids = append(ids, r.Parent)
	}
	if len(ids) == 0 {
		return nil
	}
	st, err := g.Store.Statuses(ctx, ids)
	if err != nil {
		return err
	}
	for _, l := range lists {
		kept := []string{}
		for _, id := range *l {
			if st[id] == record.Published {
				kept = append(kept, id)
			}
		}
		*l = kept
	}
	if st[r.Parent] != record.Published {
		r.Parent = ""
	}
	return nil
}

// Search implements store.Store: staff find drafts and withdrawn records
// (status:draft); readers find, and count, only published ones.
func (g gatedStore) Search(ctx context.Context, q search.Query) (search.Result, error) {
	q.Unpublished = staff(ctx)
	return g.Store.Search(ctx, q)
}

// List implements store.Store: readers list published records only.
func (g gatedStore) List(ctx context.Context, q store.ListQuery) ([]record.Record, int, error) {
	if !staff(ctx) {
		q.PublishedOnly = true
	}
	return g.Store.List(ctx, q)
}

// Links implements store.Store: readers see links between visible records.
func (g gatedStore) Links(ctx context.Context, id string) ([]store.Link, error) {
	links, err := g.Store.Links(ctx, id)
	if err != nil || staff(ctx) || len(links) == 0 {
		return links, err
	}
	var ids []string
	for _, l := range links {
		ids = append(ids, l.From, l.To)
	}
	st, err := g.Store.Statuses(ctx, ids)
	if err != nil {
		return nil, err
	}
	kept := []store.Link{}
	for _, l := range links {
		if st[l.From] == record.Published && st[l.To] == record.Published {
			kept = append(kept, l)
		}
	}
	return kept, nil
}

// visibleRecord loads the record named id as the viewer may see it, answering
// the request itself when it cannot: 404 for an unknown id or a draft shown to
// a reader, 410 with the reason for a withdrawn one, 500 otherwise; as a page,
// or as JSON under /api/.
func (s *Server) visibleRecord(w http.ResponseWriter, r *http.Request, id string) (record.Record, bool) {
	rec, err := s.store.Get(r.Context(), id)
	if err == nil {
		return rec, true
	}
	api := isAPI(r)
	var gone *goneError
	switch {
	case errors.As(err, &gone) && api:
		writeAPIError(w, http.StatusGone, "gone", "id", "this document was withdrawn: "+gone.Reason)
	case errors.As(err, &gone):
		p := printer(w)
		s.render(w, http.StatusGone, "error", map[string]any{"Title": p.T("err.gone.title"), "Message": p.T("err.gone", gone.Reason)})
	case errors.Is(err, store.ErrNotFound) && api:
		writeAPIError(w, http.StatusNotFound, "not_found", "id", "no such document")
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, "notfound.document", id)
	case api:
		s.apiServerError(w, r, err)
	default:
		s.serverError(w, err)
	}
	return rec, false
}

// canEdit says whether the viewer may change the record's fields or restore
// an earlier revision: editors any record, contributors drafts only (what is
// published is an editor's to change, as publishing is).
func canEdit(v *viewer, r record.Record) bool {
	switch {
	case v == nil:
		return false
	case v.Role >= auth.Editor:
		return true
	case v.Role >= auth.Contributor:
		return r.Status == record.Draft
	}
	return false
}

// CanEdit is canEdit for templates (the document page's links).
func (v *viewer) CanEdit(r record.Record) bool { return canEdit(v, r) }
