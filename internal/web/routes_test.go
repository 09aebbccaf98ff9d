package web

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fond/internal/auth"
	"fond/internal/record"
	"fond/internal/store"
)

// fixturePath fills a route pattern's wildcards: a published record for
// reading routes, another for the routes that change one.
func fixturePath(pattern string) (method, path string) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		method, path = http.MethodGet, pattern
	}
	id := pubID
	if method != http.MethodGet {
		id = otherID
	}
	// A contributor changes drafts only: the edit routes are tried on one.
	if strings.HasSuffix(path, "/edit") || strings.HasSuffix(path, "/revert") || method == http.MethodPatch {
		id = draftID
	}
	path = strings.NewReplacer("{id}", id, "{style}", "chicago", "{name}", "Stalin", "{$}", "").Replace(path)
	switch path {
	case "/":
		if pattern == "/" {
			path = "/no-such-page"
		}
	case "/api/":
		path = "/api/no-such-address"
	case "/static/":
		path = "/static/fond.css"
	}
	// Confirming and attaching are tried on a draft too.
	if strings.HasSuffix(pattern, "/confirm") || strings.HasSuffix(pattern, "/attach") {
		path = strings.Replace(path, otherID, draftID, 1)
	}
	return method, path
}

// Every route the server registers, for every role: below the route's
// minimum an anonymous reader is sent to sign in (401 on the API) and staff
// get 403; at or above it, none of those. A route without a decision cannot
// be registered. So a new route that forgets to say who may call it fails.
func TestEveryRouteDecidedForEveryRole(t *testing.T) {
	ts, st, srv := newAccessServer(t, nil)
	clients := map[string]*client{}
	for _, role := range roles {
		clients[role] = loginAs(t, ts.URL, role)
	}
	// Cookies never authenticate the API: staff call it with their token.
	tokens := map[string]http.Header{"": nil}
	for _, role := range roles[1:] {
		id, tok, hash := auth.NewToken()
		if err := st.AddToken(context.Background(), store.Token{ID: id, Hash: hash, Account: role + "1"}); err != nil {
			t.Fatal(err)
		}
		tokens[role] = http.Header{"Authorization": {"Bearer " + tok}}
	}
	for _, rt := range srv.routes() {
		if rt.min == auth.Unset {
			t.Errorf("%s: no minimum role", rt.pattern)
		}
		method, path := fixturePath(rt.pattern)
		for _, role := range roles {
			c := clients[role]
			have := auth.Public
			if role != "" {
				have, _ = auth.ParseRole(role)
			}
			var status int
			var h http.Header
			var body string
			if strings.HasPrefix(path, "/api/") {
				status, h, body = c.do(t, method, path, nil, tokens[role])
			} else if method == http.MethodGet {
				status, h, body = c.get(t, path)
			} else {
				status, h, body = c.postForm(t, path, url.Values{"reason": {"test"}, "username": {"nobody"}, "password": {"x"}, "verb": {"Identify"}})
			}
			who := role
			if who == "" {
				who = "anonymous"
			}
			toLogin := status == http.StatusSeeOther && strings.HasPrefix(h.Get("Location"), "/login")
			switch {
			case have >= rt.min:
				if status == http.StatusUnauthorized && rt.pattern != "POST /login" || status == http.StatusForbidden || toLogin || status >= 500 {
					t.Errorf("%s %s as %s (allowed): %d %s %.200s", method, path, who, status, h.Get("Location"), body)
				}
			case role == "" && strings.HasPrefix(path, "/api/"):
				if status != http.StatusUnauthorized || !strings.Contains(body, `"code":"unauthorized"`) {
					t.Errorf("%s %s as anonymous: %d, want 401 JSON", method, path, status)
				}
			case role == "":
				if !toLogin {
					t.Errorf("%s %s as anonymous: %d %q, want 303 to /login", method, path, status, h.Get("Location"))
				}
			default:
				if status != http.StatusForbidden {
					t.Errorf("%s %s as %s (below %s): %d, want 403", method, path, who, rt.min, status)
				}
			}
		}
		if rt.pattern == "POST /logout" { // it did what it says: sign in again
			for _, role := range roles {
				clients[role] = loginAs(t, ts.URL, role)
			}
		}
		// Put the record back for the next route.
		if _, err := st.SetStatus(context.Background(), otherID, record.Published, "", ""); err != nil {
			t.Fatal(err)
		}
	}
}

// Every state-changing route that is not exempt refuses a form without its
// anti-forgery token, or with another session's, with 403, and changes nothing.
func TestPostsWithoutTokenChangeNothing(t *testing.T) {
	ts, st, srv := newAccessServer(t, nil)
	admin := loginAs(t, ts.URL, store.RoleAdmin)
	other := loginAs(t, ts.URL, store.RoleEditor)
	before, _ := st.AuditLog(context.Background(), store.AuditQuery{})
	for _, rt := range srv.routes() {
		method, path := fixturePath(rt.pattern)
		if method == http.MethodGet || rt.noCSRF {
			continue
		}
		form := url.Values{"reason": {"test"}, "username": {"admin1"}, "password": {staffPass}}
		for name, tok := range map[string]string{"none": "", "forged": strings.Repeat("0", 64), "another session's": other.csrf} {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			f.Set("csrf", tok)
			status, _, _ := admin.do(t, method, path, f, nil)
			if status != http.StatusForbidden {
				t.Errorf("%s %s with %s token: %d, want 403", method, path, name, status)
			}
		}
	}
	if r, _ := st.Get(context.Background(), otherID); r.Status != record.Published {
		t.Errorf("a refused form changed the record to %s", r.Status)
	}
	after, _ := st.AuditLog(context.Background(), store.AuditQuery{})
	if len(after) != len(before) {
		t.Errorf("refused forms were acted on: %d audit entries, before %d", len(after), len(before))
	}
	// Still signed in: the refused logout ended nothing.
	if _, _, body := admin.get(t, "/"); !strings.Contains(body, "Signed in as admin1") {
		t.Error("a logout without its token ended the session")
	}
}

// A browser's cross-site POST is refused before any handler (Go's
// CrossOriginProtection), even with a valid token; POST /oai is exempt.
func TestCrossOriginPostRefused(t *testing.T) {
	ts, _, _ := newAccessServer(t, nil)
	c := loginAs(t, ts.URL, "")
	h := http.Header{"Sec-Fetch-Site": {"cross-site"}}
	f := url.Values{"username": {"admin1"}, "password": {staffPass}, "csrf": {c.csrf}}
	if status, _, _ := c.do(t, http.MethodPost, "/login", f, h); status != http.StatusForbidden {
		t.Errorf("cross-site sign-in: %d, want 403", status)
	}
	if status, _, _ := c.do(t, http.MethodPost, "/oai", url.Values{"verb": {"Identify"}}, h); status != http.StatusOK {
		t.Errorf("cross-site POST /oai: %d, want 200", status)
	}
}

// A route without a minimum role panics at registration: deny by default.
func TestRouteWithoutRolePanics(t *testing.T) {
	_, _, srv := newAccessServer(t, nil)
	defer func() {
		if recover() == nil {
			t.Error("register accepted a route without a role")
		}
	}()
	srv.register(http.NewServeMux(), route{pattern: "GET /x", class: cheap, handler: srv.handleNotFound})
}

// Only routes.go touches the mux: the table is the whole truth.
func TestOnlyTheTableRegisters(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	handle := regexp.MustCompile(`\.(Handle|HandleFunc)\(`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "routes.go" {
			continue
		}
		b, _ := os.ReadFile(f)
		if handle.Match(b) {
			t.Errorf("%s registers routes outside routes.go", f)
		}
	}
}
