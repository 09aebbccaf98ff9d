package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"fond/internal/auth"
	"fond/internal/record"
	"fond/internal/store"
)

// Sign-in and sign-out: a failure says only that the name or password is
// wrong (the same for an unknown name), success is a 303 with an HttpOnly,
// SameSite=Lax session cookie; signed-in pages are private and not stored,
// show drafts marked, and search them; sign-out ends the session in the
// database, so a copy of the old cookie opens nothing. All of it is audited
// with the client's address, and no password reaches the log.
func TestLoginAndLogout(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	c := loginAs(t, ts.URL, "")
	status, _, page := c.get(t, "/login")
	if status != http.StatusOK || checkHTML(page) != nil {
		t.Fatalf("GET /login: %d %v", status, checkHTML(page))
	}
	var bodies []string
	for _, f := range []url.Values{{"username": {"editor1"}, "password": {"wrong password"}}, {"username": {"nobody"}, "password": {staffPass}}} {
		status, h, body := c.postForm(t, "/login", f)
		if status != http.StatusUnauthorized || !strings.Contains(body, "The name or password is wrong.") || h.Get("Set-Cookie") != "" && strings.Contains(h.Get("Set-Cookie"), "fond_session=") && !strings.Contains(h.Get("Set-Cookie"), "Max-Age=0") {
			t.Errorf("failed sign-in %v: %d", f["username"], status)
		}
		if err := checkHTML(body); err != nil {
			t.Errorf("failed sign-in page: %v", err)
		}
		bodies = append(bodies, strings.ReplaceAll(body, f.Get("username"), ""))
	}
	strip := func(s string) string { return csrfField.ReplaceAllString(s, "") }
	if strip(bodies[0]) != strip(bodies[1]) {
		t.Error("an unknown name and a wrong password answer differently")
	}
	status, h, _ := c.postForm(t, "/login", url.Values{"username": {"editor1"}, "password": {staffPass}, "next": {"/search?q=loan"}})
	cookie := ""
	for _, sc := range h.Values("Set-Cookie") {
		if strings.HasPrefix(sc, "fond_session=") {
			cookie = sc
		}
	}
	if status != http.StatusSeeOther || h.Get("Location") != "/search?q=loan" || !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") || strings.Contains(cookie, "Secure") {
		t.Fatalf("sign-in: %d %q cookie %q", status, h.Get("Location"), cookie)
	}
	status, h, body := c.get(t, "/documents/"+draftID)
	if status != http.StatusOK || h.Get("Cache-Control") != "private, no-store" || !strings.Contains(body, `class="status">draft<`) || !strings.Contains(body, "Signed in as editor1") {
		t.Errorf("staff view of a draft: %d %q", status, h.Get("Cache-Control"))
	}
	if err := checkHTML(body); err != nil {
		t.Errorf("staff document page: %v", err)
	}
	if _, _, body := c.get(t, "/search?q=status:draft"); !strings.Contains(body, draftID) || !strings.Contains(body, `class="badge status-draft">draft<`) {
		t.Error("staff search for status:draft does not find the draft, marked")
	}
	if status, _, _ := c.get(t, "/api/documents/"+draftID); status != http.StatusNotFound {
		t.Errorf("the session cookie authenticated the API: %d", status)
	}
	if _, h, _ := newClient(t, ts.URL).get(t, "/"); h.Get("Cache-Control") == "private, no-store" {
		t.Error("anonymous pages marked private")
	}
	// Signed in, the sign-in form still works (to change accounts), and the
	// old session ends.
	c.get(t, "/login")
	before := c.Jar.Cookies(mustURL(t, ts.URL))
	if status, _, _ := c.postForm(t, "/login", url.Values{"username": {"admin1"}, "password": {staffPass}}); status != http.StatusSeeOther {
		t.Errorf("signing in again: %d", status)
	}
	old := newClient(t, ts.URL)
	old.Jar.SetCookies(mustURL(t, ts.URL), before)
	if _, _, body := old.get(t, "/"); strings.Contains(body, "Signed in") {
		t.Error("the session before signing in again still works")
	}
	c.get(t, "/login")
	if status, _, _ := c.postForm(t, "/login", url.Values{"username": {"editor1"}, "password": {staffPass}}); status != http.StatusSeeOther {
		t.Errorf("signing in as editor1 again: %d", status)
	}
	// A copy of the cookie, kept after sign-out.
	u, _ := url.Parse(ts.URL)
	stolen := newClient(t, ts.URL)
	stolen.Jar.SetCookies(u, c.Jar.Cookies(u))
	if _, _, body := stolen.get(t, "/"); !strings.Contains(body, "Signed in as editor1") {
		t.Fatal("copied cookie does not work before sign-out")
	}
	c.get(t, "/")
	if status, h, _ := c.postForm(t, "/logout", nil); status != http.StatusSeeOther || h.Get("Location") != "/" {
		t.Errorf("logout: %d", status)
	}
	if status, _, body := stolen.get(t, "/documents/"+draftID); status != http.StatusNotFound || strings.Contains(body, "Signed in") {
		t.Errorf("the cookie still works after sign-out: %d", status)
	}
	log, _ := st.AuditLog(context.Background(), store.AuditQuery{})
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action+":"+e.Target+"@"+e.Addr)
		if strings.Contains(e.Detail+e.Target+e.Actor, staffPass) || strings.Contains(e.Detail, "wrong password") {
			t.Errorf("a password in the audit log: %+v", e)
		}
	}
	got := strings.Join(actions, " ")
	for _, want := range []string{"logout:editor1@127.0.0.1", "login:editor1@127.0.0.1", "login.failed:nobody@127.0.0.1", "login.failed:editor1@127.0.0.1"} {
		if !strings.Contains(got, want) {
			t.Errorf("audit log lacks %s: %s", want, got)
		}
	}
}

// Failed sign-ins for one name are slowed, then refused with 429 even with
// the right password; so are those from one address whatever the names.
func TestLoginThrottled(t *testing.T) {
	ts, _, _ := newAccessServer(t, func(s *Server) {
		s.Access.LoginSlowAfter, s.Access.LoginDelay = 2, 20*time.Millisecond
		s.Access.LoginLockAccount, s.Access.LoginLockAddress = 4, 7
	})
	c := loginAs(t, ts.URL, "")
	var slow time.Duration
	for i := range 4 {
		start := time.Now()
		status, _, _ := c.postForm(t, "/login", url.Values{"username": {"editor1"}, "password": {"guess"}})
		if status != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, status)
		}
		if i == 3 {
			slow = time.Since(start)
		}
	}
	if slow < 40*time.Millisecond {
		t.Errorf("the 4th failure took %s, want at least 2 delays", slow)
	}
	status, h, body := c.postForm(t, "/login", url.Values{"username": {"editor1"}, "password": {staffPass}})
	if status != http.StatusTooManyRequests || h.Get("Retry-After") == "" || strings.Contains(strings.Join(h.Values("Set-Cookie"), ";"), "fond_session=") {
		t.Errorf("locked account, right password: %d %q", status, h.Get("Retry-After"))
	}
	if !strings.Contains(body, "Too many failed sign-ins") {
		t.Errorf("429 page: %.200s", body)
	}
	// The other accounts are not locked, until the address is.
	if status, _, _ := c.postForm(t, "/login", url.Values{"username": {"admin1"}, "password": {staffPass}}); status != http.StatusSeeOther {
		t.Errorf("another account: %d", status)
	}
	c = loginAs(t, ts.URL, "")
	for _, name := range []string{"a", "b", "c"} {
		c.postForm(t, "/login", url.Values{"username": {name}, "password": {"guess"}})
	}
	if status, _, _ := c.postForm(t, "/login", url.Values{"username": {"admin1"}, "password": {staffPass}}); status != http.StatusTooManyRequests {
		t.Errorf("address over its limit: %d, want 429", status)
	}
}

// Sessions end after --session-idle unused, and after --session-max whatever.
func TestSessionExpiry(t *testing.T) {
	for _, tc := range []struct {
		name      string
		idle, max time.Duration
	}{{"idle", 150 * time.Millisecond, time.Hour}, {"absolute", time.Hour, 150 * time.Millisecond}} {
		t.Run(tc.name, func(t *testing.T) {
			ts, _, _ := newAccessServer(t, func(s *Server) { s.Access.SessionIdle, s.Access.SessionMax = tc.idle, tc.max })
			c := loginAs(t, ts.URL, "editor")
			if _, _, body := c.get(t, "/"); !strings.Contains(body, "Signed in") {
				t.Fatal("not signed in")
			}
			time.Sleep(250 * time.Millisecond)
			if status, _, body := c.get(t, "/documents/"+draftID); status != http.StatusNotFound || strings.Contains(body, "Signed in") {
				t.Errorf("expired session still works: %d", status)
			}
		})
	}
}

// Under an https public URL the cookie is Secure and __Host- prefixed.
func TestSecureCookieUnderHTTPS(t *testing.T) {
	ts, _, _ := newAccessServer(t, func(s *Server) { s.PublicURL = "https://archive.example.org" })
	c := loginAs(t, ts.URL, "")
	_, h, _ := c.postForm(t, "/login", url.Values{"username": {"editor1"}, "password": {staffPass}})
	sc := strings.Join(h.Values("Set-Cookie"), "\n")
	if !strings.Contains(sc, "__Host-fond_session=") || !strings.Contains(sc, "Secure") || !strings.Contains(sc, "Path=/") {
		t.Errorf("Set-Cookie under https: %q", sc)
	}
}

// API tokens: Bearer only; a staff token sees drafts; a bad or revoked token is 401.
func TestAPITokens(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	id, tok, hash := auth.NewToken()
	if err := st.AddToken(context.Background(), store.Token{ID: id, Hash: hash, Account: "contributor1"}); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, ts.URL)
	bearer := func(tok string) http.Header { return http.Header{"Authorization": {"Bearer " + tok}} }
	if status, h, body := c.do(t, http.MethodGet, "/api/documents/"+draftID, nil, bearer(tok)); status != http.StatusOK || !strings.Contains(body, `"status": "draft"`) || h.Get("Cache-Control") != "private, no-store" {
		t.Errorf("token: %d %.200s", status, body)
	}
	if _, _, body := c.do(t, http.MethodGet, "/api/search?q=status:draft", nil, bearer(tok)); !strings.Contains(body, draftID) {
		t.Errorf("token search for drafts: %.300s", body)
	}
	for _, bad := range []string{tok + "x", "fond_000000000000_00", "nonsense"} {
		if status, _, body := c.do(t, http.MethodGet, "/api/search?q=loan", nil, bearer(bad)); status != http.StatusUnauthorized || !strings.Contains(body, `"code":"unauthorized"`) {
			t.Errorf("bad token %q: %d", bad, status)
		}
	}
	st.RevokeToken(context.Background(), id)
	if status, _, _ := c.do(t, http.MethodGet, "/api/documents/"+pubID, nil, bearer(tok)); status != http.StatusUnauthorized {
		t.Errorf("revoked token: %d", status)
	}
	if status, _, _ := c.do(t, http.MethodGet, "/api/documents/"+pubID, nil, nil); status != http.StatusOK {
		t.Errorf("no token on a public address: %d", status)
	}
}

// An editor publishes a draft from its page: readers then find it; a
// contributor may not; withdrawing needs a reason; the admin's audit page
// shows who did it from where, and only admins see that page.
func TestPublishFromPage(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	anon := newClient(t, ts.URL)
	contrib := loginAs(t, ts.URL, "contributor")
	contrib.get(t, "/documents/"+draftID)
	if status, _, _ := contrib.postForm(t, "/documents/"+draftID+"/publish", nil); status != http.StatusForbidden {
		t.Errorf("contributor publishes: %d", status)
	}
	ed := loginAs(t, ts.URL, "editor")
	_, _, page := ed.get(t, "/documents/"+draftID)
	if !strings.Contains(page, `action="/documents/`+draftID+`/publish"`) {
		t.Fatal("no publish form on the draft's page")
	}
	if status, h, _ := ed.postForm(t, "/documents/"+draftID+"/publish", nil); status != http.StatusSeeOther || h.Get("Location") != "/documents/"+draftID {
		t.Fatalf("publish: %d %q", status, h.Get("Location"))
	}
	if status, _, _ := anon.get(t, "/documents/"+draftID); status != http.StatusOK {
		t.Errorf("published draft: %d for readers", status)
	}
	if _, _, body := anon.get(t, "/api/search?q="+leakWord); !strings.Contains(body, draftID) {
		t.Error("readers do not find what was published")
	}
	if status, _, _ := ed.postForm(t, "/documents/"+draftID+"/withdraw", url.Values{"reason": {"  "}}); status != http.StatusUnprocessableEntity {
		t.Errorf("withdraw without a reason: %d", status)
	}
	ed.postForm(t, "/documents/"+draftID+"/withdraw", url.Values{"reason": {"Permission withdrawn"}})
	if status, _, body := anon.get(t, "/documents/"+draftID); status != http.StatusGone || !strings.Contains(body, "Permission withdrawn") {
		t.Errorf("withdrawn: %d", status)
	}
	if r, _ := st.Get(context.Background(), draftID); r.Status != record.Withdrawn {
		t.Errorf("stored status %s", r.Status)
	}
	if status, _, _ := ed.get(t, "/admin/audit"); status != http.StatusForbidden {
		t.Errorf("editor reads the audit log: %d", status)
	}
	ad := loginAs(t, ts.URL, "admin")
	status, _, body := ad.get(t, "/admin/audit")
	if status != http.StatusOK || !strings.Contains(body, "draft → published") || !strings.Contains(body, "published → withdrawn: Permission withdrawn") || !strings.Contains(body, "127.0.0.1") {
		t.Errorf("audit page: %d", status)
	}
	if err := checkHTML(body); err != nil {
		t.Errorf("audit page: %v", err)
	}
	status, _, body = ad.get(t, "/admin/users")
	if status != http.StatusOK || !strings.Contains(body, "<td>contributor1</td><td>contributor</td>") || strings.Contains(body, "argon2") {
		t.Errorf("accounts page: %d", status)
	}
	if err := checkHTML(body); err != nil {
		t.Errorf("accounts page: %v", err)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
