package storetest

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

// testAccounts: accounts are added once, listed without hashes' help, their
// password changes end their sessions, and removal takes sessions and tokens.
func testAccounts(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.AddAccount(ctx, store.Account{Name: "ann", Role: store.RoleEditor, Hash: "h1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAccount(ctx, store.Account{Name: "ann", Role: store.RoleAdmin, Hash: "h2"}); !errors.Is(err, store.ErrExists) {
		t.Errorf("second ann: %v, want ErrExists", err)
	}
	if err := s.AddAccount(ctx, store.Account{Name: "bob", Role: store.RoleContributor, Hash: "h3"}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Account(ctx, "ann")
	if err != nil || a.Role != store.RoleEditor || a.Hash != "h1" || a.Created.IsZero() {
		t.Fatalf("Account(ann) = %+v, %v", a, err)
	}
	if _, err := s.Account(ctx, "nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Account(nobody): %v, want ErrNotFound", err)
	}
	list, err := s.ListAccounts(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "ann" || list[1].Name != "bob" || list[0].Hash != "" {
		t.Fatalf("ListAccounts = %+v, %v", list, err)
	}
	now := time.Now()
	for _, se := range []store.Session{{ID: "s1", SecretHash: "x", Account: "ann", Created: now, LastSeen: now}, {ID: "s2", SecretHash: "y", Account: "bob", Created: now, LastSeen: now}} {
		if err := s.AddSession(ctx, se); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetPassword(ctx, "ann", "h9"); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Account(ctx, "ann"); a.Hash != "h9" {
		t.Errorf("password not changed: %q", a.Hash)
	}
	if _, err := s.Session(ctx, "s1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("session survived a password change: %v", err)
	}
	if err := s.SetPassword(ctx, "nobody", "h"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetPassword(nobody): %v", err)
	}
	if err := s.AddToken(ctx, store.Token{ID: "t1", Hash: "th", Account: "bob"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveAccount(ctx, "bob"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, "s2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("session of a removed account: %v", err)
	}
	if _, err := s.Token(ctx, "t1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("token of a removed account: %v", err)
	}
	if err := s.RemoveAccount(ctx, "bob"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second removal: %v", err)
	}
}

// testSessionsAndTokens: a session keeps its hash and times, is touched and
// deleted; a token is found by id, listed, revoked.
func testSessionsAndTokens(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.AddAccount(ctx, store.Account{Name: "ann", Role: store.RoleAdmin, Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	created := time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)
	if err := s.AddSession(ctx, store.Session{ID: "s1", SecretHash: "abc", Account: "ann", Created: created, LastSeen: created}); err != nil {
		t.Fatal(err)
	}
	se, err := s.Session(ctx, "s1")
	if err != nil || se.SecretHash != "abc" || se.Account != "ann" || !se.Created.Equal(created) || !se.LastSeen.Equal(created) {
		t.Fatalf("Session = %+v, %v", se, err)
	}
	later := created.Add(time.Hour)
	if err := s.TouchSession(ctx, "s1", later); err != nil {
		t.Fatal(err)
	}
	if se, _ := s.Session(ctx, "s1"); !se.LastSeen.Equal(later) || !se.Created.Equal(created) {
		t.Errorf("after touch: %+v", se)
	}
	if err := s.DeleteSession(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, "s1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted session: %v", err)
	}
	if err := s.AddToken(ctx, store.Token{ID: "t1", Hash: "th", Account: "ann"}); err != nil {
		t.Fatal(err)
	}
	tok, err := s.Token(ctx, "t1")
	if err != nil || tok.Hash != "th" || tok.Account != "ann" {
		t.Fatalf("Token = %+v, %v", tok, err)
	}
	if l, err := s.ListTokens(ctx); err != nil || len(l) != 1 || l[0].Hash != "" {
		t.Errorf("ListTokens = %+v, %v", l, err)
	}
	if err := s.RevokeToken(ctx, "t1"); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, "t1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second revoke: %v", err)
	}
}

// testAudit: entries come back newest first, filtered by action, and failed
// logins are counted by account or address within a window.
func testAudit(t *testing.T, s store.Store) {
	ctx := context.Background()
	old := time.Now().Add(-2 * time.Hour)
	for _, e := range []store.AuditEntry{
		{At: old, Actor: "ann", Action: store.AuditLoginFailed, Target: "ann", Addr: "10.0.0.1"},
		{Actor: "ann", Action: store.AuditLoginFailed, Target: "ann", Addr: "10.0.0.1"},
		{Actor: "bob", Action: store.AuditLoginFailed, Target: "bob", Addr: "10.0.0.1"},
		{Actor: "ann", Action: store.AuditPublish, Target: "r1", Detail: "draft → published", Addr: "10.0.0.2"},
	} {
		if err := s.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	log, err := s.AuditLog(ctx, store.AuditQuery{})
	if err != nil || len(log) != 4 || log[0].Action != store.AuditPublish || log[0].Detail != "draft → published" || log[3].Seq >= log[0].Seq {
		t.Fatalf("AuditLog = %+v, %v", log, err)
	}
	if l, _ := s.AuditLog(ctx, store.AuditQuery{Action: store.AuditLoginFailed, Limit: 2}); len(l) != 2 || l[0].Target != "bob" {
		t.Errorf("filtered log = %+v", l)
	}
	if l, _ := s.AuditLog(ctx, store.AuditQuery{Action: store.AuditLoginFailed, Target: "ann"}); len(l) != 2 || l[0].Target != "ann" || l[1].Target != "ann" {
		t.Errorf("log of one target = %+v", l)
	}
	since := time.Now().Add(-time.Hour)
	for _, c := range []struct {
		target, addr string
		want         int
	}{{"ann", "", 1}, {"", "10.0.0.1", 2}, {"ann", "10.0.0.9", 1}, {"", "", 0}, {"carl", "10.0.0.2", 0}} {
		if n, err := s.CountAudit(ctx, store.AuditLoginFailed, c.target, c.addr, since); err != nil || n != c.want {
			t.Errorf("CountAudit(%q, %q) = %d, %v; want %d", c.target, c.addr, n, err, c.want)
		}
	}
}

// testPruneSessions: expired sessions go, live ones stay.
func testPruneSessions(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.AddAccount(ctx, store.Account{Name: "ann", Role: store.RoleEditor, Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, se := range []store.Session{
		{ID: "live", Account: "ann", Created: now.Add(-time.Hour), LastSeen: now},
		{ID: "idle", Account: "ann", Created: now.Add(-time.Hour), LastSeen: now.Add(-3 * time.Hour)},
		{ID: "old", Account: "ann", Created: now.Add(-48 * time.Hour), LastSeen: now},
	} {
		if err := s.AddSession(ctx, se); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PruneSessions(ctx, now.Add(-2*time.Hour), now.Add(-24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"live": true, "idle": false, "old": false} {
		if _, err := s.Session(ctx, id); (err == nil) != want {
			t.Errorf("session %s after pruning: %v", id, err)
		}
	}
}

// testSecret: made once, then the same every time.
func testSecret(t *testing.T, s store.Store) {
	ctx := context.Background()
	a, err := s.Secret(ctx, "csrf")
	if err != nil || len(a) != 32 {
		t.Fatalf("Secret = %x, %v", a, err)
	}
	b, _ := s.Secret(ctx, "csrf")
	c, _ := s.Secret(ctx, "other")
	if !bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Errorf("secrets: %x %x %x", a, b, c)
	}
}

func hits(t *testing.T, s store.Store, q search.Query) []string {
	t.Helper()
	res, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	if len(out) != res.Total {
		t.Errorf("%q: %d hits, total %d", q.Text, len(out), res.Total)
	}
	return out
}

// testPublication: a file put as drafts is stored as drafts, hidden from
// anonymous searches (hits, totals, facets), lists and harvests, found by
// staff (status:draft); publishing shows it everywhere; withdrawing keeps the
// reason and makes harvesters see a deletion; a re-ingest keeps the status.
func testPublication(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, file("/in/pub.txt", "sha256:p", rec("p1", "Published telegram", "About zinc.")))
	f := file("/in/draft.txt", "sha256:d", rec("d1", "Draft telegram", "About zinc and quokkas."))
	f.Status = record.Draft
	mustPut(t, s, f)
	if r, err := s.Get(ctx, "d1"); err != nil || r.Status != record.Draft {
		t.Fatalf("draft stored as %q, %v", r.Status, err)
	}
	if r, _ := s.Get(ctx, "p1"); r.Status != record.Published {
		t.Errorf("plain put stored as %q", r.Status)
	}
	if got := hits(t, s, search.Query{Text: "zinc"}); len(got) != 1 || got[0] != "p1" {
		t.Errorf("anonymous search for zinc = %v, want [p1]", got)
	}
	if got := hits(t, s, search.Query{Text: "quokkas"}); len(got) != 0 {
		t.Errorf("anonymous search finds the draft: %v", got)
	}
	res, _ := s.Search(ctx, search.Query{Text: "telegram", Facets: true})
	for _, fc := range res.Facets["type"] {
		if fc.Count != 1 {
			t.Errorf("anonymous facet %s counts %d, want 1", fc.Value, fc.Count)
		}
	}
	if got := hits(t, s, search.Query{Text: "zinc", Unpublished: true}); len(got) != 2 {
		t.Errorf("staff search for zinc = %v, want both", got)
	}
	if got := hits(t, s, search.Query{Text: "status:draft", Unpublished: true}); len(got) != 1 || got[0] != "d1" {
		t.Errorf("status:draft = %v", got)
	}
	if _, n, _ := s.List(ctx, store.ListQuery{PublishedOnly: true}); n != 1 {
		t.Errorf("published list total %d, want 1", n)
	}
	if l, n, _ := s.List(ctx, store.ListQuery{PublishedOnly: true, IDsOnly: true}); n != 1 || len(l) != 1 || l[0].ID != "p1" {
		t.Errorf("published ids %v", l)
	}
	hv, n, err := s.Harvest(ctx, store.HarvestQuery{Count: true})
	if err != nil || n != 1 || len(hv) != 1 || hv[0].Record.ID != "p1" {
		t.Errorf("harvest with a draft = %+v, %d, %v", hv, n, err)
	}
	st, err := s.Statuses(ctx, []string{"p1", "d1", "zz"})
	if err != nil || st["p1"] != record.Published || st["d1"] != record.Draft || len(st) != 2 {
		t.Errorf("Statuses = %v, %v", st, err)
	}

	r, err := s.SetStatus(ctx, "d1", record.Published, "", "")
	if err != nil || r.Status != record.Published {
		t.Fatalf("publish: %+v, %v", r.Status, err)
	}
	// Unpublished after it was public: harvesters that took it are told it is
	// deleted; published again, it is back.
	s.SetStatus(ctx, "p1", record.Draft, "", "")
	if hv, _, _ := s.Harvest(ctx, store.HarvestQuery{ID: "p1"}); len(hv) != 1 || !hv[0].Deleted {
		t.Errorf("harvest of an unpublished record = %+v, want deleted", hv)
	}
	s.SetStatus(ctx, "p1", record.Published, "", "")
	if hv, _, _ := s.Harvest(ctx, store.HarvestQuery{ID: "p1"}); len(hv) != 1 || hv[0].Deleted || hv[0].Record.Title != "Published telegram" {
		t.Errorf("harvest of a republished record = %+v", hv)
	}
	if got := hits(t, s, search.Query{Text: "quokkas"}); len(got) != 1 {
		t.Errorf("published draft not found: %v", got)
	}
	mustPut(t, s, f) // re-ingesting the file it came from, still saying draft
	if r, _ := s.Get(ctx, "d1"); r.Status != record.Published {
		t.Errorf("re-ingest changed the status to %q", r.Status)
	}

	// A draft whose file changes, so that its record gets another id, stays a
	// draft: the new record takes the status of the one it replaces.
	g := file("/in/draft2.txt", "sha256:e", rec("e1", "Another draft", "Wombats."))
	g.Status = record.Draft
	mustPut(t, s, g)
	mustPut(t, s, file("/in/draft2.txt", "sha256:f", rec("e2", "Another draft, corrected", "Wombats.")))
	if r, err := s.Get(ctx, "e2"); err != nil || r.Status != record.Draft {
		t.Errorf("re-derived draft stored as %q, %v", r.Status, err)
	}

	// The change and its audit entry are one transaction, the entry saying
	// what the transaction changed; a change refused writes no entry.
	if _, err := s.SetStatusLogged(ctx, "d1", record.Withdrawn, "Rights withdrawn by the donor", store.AuditEntry{Actor: "ed", Action: store.AuditWithdraw, Addr: "10.0.0.3"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatusLogged(ctx, "zz", record.Published, "", store.AuditEntry{Actor: "ed", Action: store.AuditPublish}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetStatusLogged(missing): %v", err)
	}
	if l, err := s.AuditLog(ctx, store.AuditQuery{}); err != nil || len(l) != 1 || l[0].Target != "d1" || l[0].Actor != "ed" || l[0].Action != store.AuditWithdraw ||
		l[0].Detail != "published → withdrawn: Rights withdrawn by the donor" || l[0].Addr != "10.0.0.3" {
		t.Errorf("audit log after SetStatusLogged: %+v, %v", l, err)
	}
	r, _ = s.Get(ctx, "d1")
	if r.Status != record.Withdrawn || r.WithdrawnReason != "Rights withdrawn by the donor" {
		t.Errorf("withdrawn: %q %q", r.Status, r.WithdrawnReason)
	}
	if got := hits(t, s, search.Query{Text: "quokkas"}); len(got) != 0 {
		t.Errorf("withdrawn record found anonymously: %v", got)
	}
	hv, _, _ = s.Harvest(ctx, store.HarvestQuery{ID: "d1"})
	if len(hv) != 1 || !hv[0].Deleted {
		t.Errorf("harvest of a withdrawn record = %+v, want deleted", hv)
	}
	if _, err := s.SetStatus(ctx, "d1", "gone", "", ""); err == nil {
		t.Error("unknown status accepted")
	}
	if _, err := s.SetStatus(ctx, "zz", record.Published, "", ""); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetStatus(missing): %v", err)
	}
	// The decision survives a rebuilt index (Statuses come from the database).
	if got := hits(t, s, search.Query{Text: "status:withdrawn", Unpublished: true}); len(got) != 1 {
		t.Errorf("status:withdrawn = %v", got)
	}
}

// testSharedSessionsAndPublication: what one server writes of accounts,
// sessions, secrets and publication, the other honours at once.
func testSharedSessionsAndPublication(t *testing.T, a, b store.Store) {
	ctx := context.Background()
	if err := a.AddAccount(ctx, store.Account{Name: "ann", Role: store.RoleEditor, Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := a.AddSession(ctx, store.Session{ID: "s1", SecretHash: "x", Account: "ann", Created: now, LastSeen: now}); err != nil {
		t.Fatal(err)
	}
	if se, err := b.Session(ctx, "s1"); err != nil || se.Account != "ann" {
		t.Fatalf("session from a not honoured by b: %+v, %v", se, err)
	}
	if err := b.DeleteSession(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Session(ctx, "s1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("logout on b not honoured by a: %v", err)
	}
	ka, _ := a.Secret(ctx, "csrf")
	kb, _ := b.Secret(ctx, "csrf")
	if !bytes.Equal(ka, kb) {
		t.Error("servers disagree on the anti-forgery secret")
	}
	f := file("/in/d.txt", "sha256:d", rec("d1", "Draft", "About quokkas."))
	f.Status = record.Draft
	mustPut(t, a, f)
	if n := total(t, b, "quokkas"); n != 0 {
		t.Fatalf("b finds a's draft anonymously: %d", n)
	}
	if _, err := a.SetStatus(ctx, "d1", record.Published, "", ""); err != nil {
		t.Fatal(err)
	}
	if n := total(t, b, "quokkas"); n != 1 {
		t.Errorf("b does not find what a published: %d", n)
	}
	if r, _ := b.Get(ctx, "d1"); r.Status != record.Published {
		t.Errorf("b reads status %q", r.Status)
	}
	if _, err := b.SetStatus(ctx, "d1", record.Draft, "", ""); err != nil {
		t.Fatal(err)
	}
	if n := total(t, a, "quokkas"); n != 0 {
		t.Errorf("a still finds what b unpublished: %d", n)
	}
}
