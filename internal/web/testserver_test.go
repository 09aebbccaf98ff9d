package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"fond/internal/auth"
	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// The access fixture: published records, a draft carrying a word found
// nowhere else (in its title, text, names, place and collection), linked to a
// published record as an edition and from a draft article that discusses it,
// and a record published then withdrawn.
const (
	leakWord  = "xyzzyquark"
	draftID   = "dddd0000dddd0000"
	draftArt  = "dddd1111dddd1111"
	pubID     = "aaaa0000aaaa0000"
	otherID   = "aaaa1111aaaa1111"
	goneID    = "eeee0000eeee0000"
	goneWhy   = "The donor withdrew permission."
	staffPass = "password for staff"
)

var roles = []string{"", store.RoleContributor, store.RoleEditor, store.RoleAdmin}

// hashOnce: argon2id takes a tenth of a second and 64 MiB; the fixture's
// accounts share one hash.
var hashOnce = sync.OnceValue(func() string {
	h, err := auth.HashPassword(staffPass)
	if err != nil {
		panic(err)
	}
	return h
})

func accessFixture(t *testing.T, st store.Store) {
	t.Helper()
	ctx := context.Background()
	day := func(d string) record.Date {
		return record.Date{EDTF: d, Display: d, Earliest: d, Latest: d, Qualifier: record.Exact}
	}
	pub := record.Record{ID: pubID, Title: "Telegram from Pyongyang on the loan", Type: "Telegram", Category: record.Primary,
		Body: "The loan was discussed with Stalin.", Date: day("1950-03-03"), Participants: []string{"Stalin"}, Place: "Pyongyang",
		Sources: []record.Source{{Repository: "Archive of the President of the Russian Federation", Fond: "3", Delo: "1", Reference: "APRF, f. 3, d. 1"}}}
	other := record.Record{ID: otherID, Title: "Report on the railway", Type: "Report", Category: record.Primary,
		Body: "Railway matters.", Date: day("1950-03-04"), Collection: &record.Collection{ID: "coll1", Title: "Railway papers"}}
	gone := record.Record{ID: goneID, Title: "A withdrawn letter", Type: "Letter", Category: record.Primary, Body: "Withdrawn text.", Date: day("1950-03-05")}
	put := func(f store.File) {
		t.Helper()
		if _, err := st.PutFile(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	orig := func(name string) store.Original {
		return store.Original{Checksum: "sha256:" + name, Name: name + ".txt", Data: []byte("original of " + name)}
	}
	put(store.File{Path: "/in/pub.txt", Format: "text", Original: orig("pub"), Records: []record.Record{pub, other, gone}})
	draft := record.Record{ID: draftID, Title: "Telegram on the " + leakWord + " affair", Type: "Telegram", Category: record.Primary,
		Body: "The " + leakWord + " plan was discussed with Stalin and the loan.", Date: day("1950-03-03"),
		Participants: []string{"Ivan Xyzzyquark"}, Place: "Xyzzyquarkgrad", Summary: "On " + leakWord + ".",
		Collection: &record.Collection{ID: leakWord + "-papers", Title: "Xyzzyquark papers"},
		Sources:    []record.Source{{Repository: "Archive of the President of the Russian Federation", Fond: "3", Delo: "1", Reference: "APRF, f. 3, d. 1, " + leakWord}}}
	article := record.Record{ID: draftArt, Title: "Blog post on the " + leakWord + " telegram", Type: "Blog post", Category: record.Secondary,
		Body: "In March 1950 the loan was discussed; " + leakWord + ".", Date: day("2020-01-01")}
	put(store.File{Path: "/in/draft.txt", Format: "text", Original: orig("draft"), Status: record.Draft,
		Records:     []record.Record{draft, article},
		Editions:    []store.EditionLink{{A: pubID, B: draftID, Reason: "same file"}},
		Discussions: []store.Discussion{{From: draftArt, Links: []store.Link{{From: draftArt, To: pubID, Score: 0.9, Evidence: leakWord, Asserted: true}}}}})
	if _, err := st.SetStatus(ctx, goneID, record.Withdrawn, goneWhy, ""); err != nil {
		t.Fatal(err)
	}
	for _, role := range roles[1:] {
		if err := st.AddAccount(ctx, store.Account{Name: role + "1", Role: role, Hash: hashOnce()}); err != nil {
			t.Fatal(err)
		}
	}
}

// newAccessServer serves the access fixture; configure adjusts the server
// (limits, public URL) before its handler is built.
func newAccessServer(t *testing.T, configure func(*Server)) (*httptest.Server, store.Store, *Server) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	accessFixture(t, st)
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv.Access.LoginDelay = time.Millisecond
	if configure != nil {
		configure(srv)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, st, srv
}

// client is a browser: a cookie jar, redirects not followed, and the
// anti-forgery token of the last form it saw.
type client struct {
	*http.Client
	base string
	csrf string
}

func newClient(t *testing.T, base string) *client {
	jar, _ := cookiejar.New(nil)
	return &client{Client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, base: base}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// do sends a request and returns status, headers and body, noting any form token.
func (c *client) do(t *testing.T, method, path string, form url.Values, header http.Header) (int, http.Header, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfField.FindStringSubmatch(string(b)); m != nil {
		c.csrf = m[1]
	}
	return resp.StatusCode, resp.Header, string(b)
}

func (c *client) get(t *testing.T, path string) (int, http.Header, string) {
	t.Helper()
	return c.do(t, http.MethodGet, path, nil, nil)
}

// postForm posts a form with the client's current anti-forgery token.
func (c *client) postForm(t *testing.T, path string, form url.Values) (int, http.Header, string) {
	t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf", c.csrf)
	return c.do(t, http.MethodPost, path, form, nil)
}

// loginAs signs a new client in with the role's fixture account ("" stays
// anonymous, holding the sign-in form's token).
func loginAs(t *testing.T, base, role string) *client {
	t.Helper()
	c := newClient(t, base)
	c.get(t, "/login")
	if role == "" {
		return c
	}
	status, h, body := c.postForm(t, "/login", url.Values{"username": {role + "1"}, "password": {staffPass}})
	if status != http.StatusSeeOther {
		t.Fatalf("login as %s: %d %s", role, status, body)
	}
	if h.Get("Location") != "/" {
		t.Errorf("login redirects to %q", h.Get("Location"))
	}
	c.get(t, "/") // the session's own token
	return c
}

// formValues reads the values a browser would submit from the page's record
// form: inputs, selected options and textareas (whose first newline the
// parser drops, as browsers do).
func formValues(t *testing.T, page string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, k string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val, true
			}
		}
		return "", false
	}
	text := func(n *html.Node) string {
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		return b.String()
	}
	var form *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "form" {
			if c, _ := attr(n, "class"); c == "record-form" && form == nil {
				form = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if form == nil {
		t.Fatalf("no record form in the page: %.300s", page)
	}
	v := url.Values{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			name, named := attr(n, "name")
			switch {
			case n.Data == "input" && named:
				typ, _ := attr(n, "type")
				if _, checked := attr(n, "checked"); (typ == "checkbox" || typ == "radio") && !checked {
					break // a browser sends only what is checked
				}
				val, _ := attr(n, "value")
				v.Add(name, val)
			case n.Data == "textarea" && named:
				v.Add(name, text(n))
			case n.Data == "select" && named:
				first, chosen := "", false
				for o := n.FirstChild; o != nil; o = o.NextSibling {
					if o.Type != html.ElementNode || o.Data != "option" {
						continue
					}
					val, ok := attr(o, "value")
					if !ok {
						val = text(o)
					}
					if first == "" {
						first = val
					}
					if _, sel := attr(o, "selected"); sel && !chosen {
						v.Add(name, val)
						chosen = true
					}
				}
				if !chosen {
					v.Add(name, first)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(form)
	return v
}
