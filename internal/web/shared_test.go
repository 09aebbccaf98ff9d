package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"fond/internal/store"
	"fond/internal/store/postgres"
	"fond/internal/testutil"
)

// Two servers on one PostgreSQL database: a session opened on one is honoured
// by the other, a form rendered by one is accepted by the other (one
// anti-forgery secret, in the database), a publication made through one is
// found by the other's readers, and a sign-out on one ends the session on both.
func TestTwoServersShareSessionsAndPublication(t *testing.T) {
	u := testutil.PostgresSchema(t)
	open := func() store.Store {
		st, err := postgres.Open(context.Background(), u, "")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	a, b := open(), open()
	accessFixture(t, a)
	serve := func(st store.Store) *httptest.Server {
		srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		t.Cleanup(ts.Close)
		return ts
	}
	tsA, tsB := serve(a), serve(b)
	onA := loginAs(t, tsA.URL, "editor")
	// The same browser, now talking to the other server.
	onB := newClient(t, tsB.URL)
	ua, _ := url.Parse(tsA.URL)
	ub, _ := url.Parse(tsB.URL)
	onB.Jar.SetCookies(ub, onA.Jar.Cookies(ua))
	onB.csrf = onA.csrf // the token of a page server A rendered
	if _, _, body := onB.get(t, "/"); !strings.Contains(body, "Signed in as editor1") {
		t.Fatal("server B does not honour a session opened on server A")
	}
	onB.csrf = onA.csrf
	if status, _, _ := onB.postForm(t, "/documents/"+draftID+"/publish", nil); status != http.StatusSeeOther {
		t.Fatalf("publish on B with A's form token: %d", status)
	}
	if _, _, body := newClient(t, tsA.URL).get(t, "/api/search?q="+leakWord); !strings.Contains(body, draftID) {
		t.Error("server A's readers do not find what was published through B")
	}
	onB.get(t, "/")
	if status, _, _ := onB.postForm(t, "/logout", nil); status != http.StatusSeeOther {
		t.Fatalf("logout on B: %d", status)
	}
	if _, _, body := onA.get(t, "/"); strings.Contains(body, "Signed in") {
		t.Error("the session ended on B still works on A")
	}
}
