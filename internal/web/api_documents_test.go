package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"fond/internal/auth"
	"fond/internal/record"
	"fond/internal/store"
)

// apiAs calls the API with a token of the account (none for "").
type apiAs struct {
	base, token string
}

func newAPIClient(t *testing.T, st store.Store, base, account string) apiAs {
	t.Helper()
	if account == "" {
		return apiAs{base: base}
	}
	id, tok, hash := auth.NewToken()
	if err := st.AddToken(context.Background(), store.Token{ID: id, Hash: hash, Account: account}); err != nil {
		t.Fatal(err)
	}
	return apiAs{base: base, token: tok}
}

func (a apiAs) call(t *testing.T, method, path, body string, header map[string]string) (int, http.Header, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, a.base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func errorCode(t *testing.T, body string) (code, param string) {
	t.Helper()
	var e apiError
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("not an API error: %.200s", body)
	}
	return e.Code, e.Param
}

// PATCH is a merge patch against the ETag's revision: 428 without If-Match,
// 412 when stale, 422 naming a refused field, 400 for a field no one sets,
// 415 for another body; 200 with the record and its new ETag.
func TestAPIPatch(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	ed := newAPIClient(t, st, ts.URL, "editor1")
	path := "/api/documents/" + pubID
	status, h, body := ed.call(t, http.MethodGet, path, "", nil)
	if status != http.StatusOK || h.Get("ETag") != `"rev-1"` {
		t.Fatalf("GET: %d ETag %q", status, h.Get("ETag"))
	}
	mp := map[string]string{"Content-Type": "application/merge-patch+json"}
	with := func(k, v string) map[string]string {
		m := map[string]string{"Content-Type": "application/merge-patch+json"}
		m[k] = v
		return m
	}
	cases := []struct {
		name        string
		body        string
		header      map[string]string
		status      int
		code, param string
	}{
		{"no If-Match", `{"title":"x"}`, mp, 428, "precondition_required", "If-Match"},
		{"stale", `{"title":"x"}`, with("If-Match", `"rev-7"`), 412, "stale_revision", "If-Match"},
		{"bad date", `{"date":{"edtf":"1949-13-45"}}`, with("If-Match", `"rev-1"`), 422, "invalid_value", "date"},
		{"not editable", `{"id":"x"}`, with("If-Match", `"rev-1"`), 400, "invalid_parameter", "id"},
		{"not an object", `["title"]`, with("If-Match", `"rev-1"`), 400, "invalid_parameter", ""},
		{"form body", `title=x`, map[string]string{"If-Match": `"rev-1"`, "Content-Type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type", ""},
	}
	for _, c := range cases {
		status, _, body := ed.call(t, http.MethodPatch, path, c.body, c.header)
		code, param := errorCode(t, body)
		if status != c.status || code != c.code || param != c.param {
			t.Errorf("%s: %d %s %s, want %d %s %s", c.name, status, code, param, c.status, c.code, c.param)
		}
	}
	if r := getRecord(t, st, pubID); r.Revision != 1 {
		t.Fatalf("refused patches saved revision %d", r.Revision)
	}
	// A merge patch: date.edtf replaced, the date's other members kept; a
	// list replaced whole; null clears.
	status, h, body = ed.call(t, http.MethodPatch, path, `{"date":{"edtf":"1950-04","note":"From the register."},"authors":["Kim Il Sung"],"place":null}`,
		with("If-Match", `W/"rev-1"`))
	if status != http.StatusOK || h.Get("ETag") != `"rev-2"` {
		t.Fatalf("patch: %d %q %.300s", status, h.Get("ETag"), body)
	}
	r := getRecord(t, st, pubID)
	if r.Date.EDTF != "1950-04" || r.Date.Qualifier != record.Exact || r.Date.Note != "From the register." || r.Date.Latest != "1950-04-30" ||
		len(r.Authors) != 1 || r.Place != "" || r.Title != "Telegram from Pyongyang on the loan" {
		t.Errorf("patched: %+v %q %q", r.Date, r.Authors, r.Place)
	}
	var got record.Record
	json.Unmarshal([]byte(body), &got)
	if got.Revision != 2 || got.Provenance["date"].By != "editor1" || got.Provenance["title"].By != record.ByMachine {
		t.Errorf("answer: rev %d provenance %+v", got.Revision, got.Provenance)
	}
	// The old ETag is now stale.
	if status, _, _ := ed.call(t, http.MethodPatch, path, `{"title":"y"}`, with("If-Match", `"rev-1"`)); status != http.StatusPreconditionFailed {
		t.Errorf("old ETag: %d, want 412", status)
	}
	log, _ := st.AuditLog(context.Background(), store.AuditQuery{Action: store.AuditEdit})
	if len(log) != 1 || log[0].Actor != "editor1" {
		t.Errorf("audit: %+v", log)
	}
}

// Who may patch: a token is needed (401), contributors patch drafts only (403).
func TestAPIPatchRoles(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	h := map[string]string{"Content-Type": "application/merge-patch+json", "If-Match": "*"}
	anon := newAPIClient(t, st, ts.URL, "")
	if status, _, _ := anon.call(t, http.MethodPatch, "/api/documents/"+draftID, `{"title":"x"}`, h); status != http.StatusUnauthorized {
		t.Errorf("anonymous: %d, want 401", status)
	}
	co := newAPIClient(t, st, ts.URL, "contributor1")
	if status, _, _ := co.call(t, http.MethodPatch, "/api/documents/"+pubID, `{"title":"x"}`, h); status != http.StatusForbidden {
		t.Errorf("contributor on a published record: %d, want 403", status)
	}
	if status, _, body := co.call(t, http.MethodPatch, "/api/documents/"+draftID, `{"title":"Draft title"}`, h); status != http.StatusOK {
		t.Errorf("contributor on a draft: %d %.200s", status, body)
	}
	if r := getRecord(t, st, pubID); r.Revision != 1 {
		t.Error("a contributor changed a published record")
	}
	// A browser's session cookie does not authenticate the API (no CSRF there).
	c := loginAs(t, ts.URL, store.RoleEditor)
	if status, _, _ := c.do(t, http.MethodPatch, "/api/documents/"+pubID, nil, http.Header{"If-Match": {"*"}}); status != http.StatusUnauthorized {
		t.Errorf("PATCH with a session cookie: %d, want 401", status)
	}
}

// A patch body is bounded by --max-edit-bytes (413).
func TestAPIPatchBodyLimit(t *testing.T) {
	ts, st, _ := newAccessServer(t, func(s *Server) { s.Limits.MaxEditBytes = 4 << 10 })
	ed := newAPIClient(t, st, ts.URL, "editor1")
	body := `{"body":"` + strings.Repeat("x", 8<<10) + `"}`
	status, _, resp := ed.call(t, http.MethodPatch, "/api/documents/"+pubID, body, map[string]string{"Content-Type": "application/json", "If-Match": `"rev-1"`})
	if code, _ := errorCode(t, resp); status != http.StatusRequestEntityTooLarge || code != "too_large" {
		t.Errorf("8 KB patch over a 4 KB limit: %d %s", status, code)
	}
	if status, _, _ := ed.call(t, http.MethodPost, "/api/documents", body, map[string]string{"Content-Type": "application/json"}); status != http.StatusRequestEntityTooLarge {
		t.Errorf("8 KB record over a 4 KB limit: %d", status)
	}
}

// POST /api/documents makes a draft by hand: 201, Location, the record.
func TestAPICreate(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	co := newAPIClient(t, st, ts.URL, "contributor1")
	h := map[string]string{"Content-Type": "application/json"}
	status, _, body := co.call(t, http.MethodPost, "/api/documents", `{"title":"By hand","date":{"edtf":"1949-13-45"}}`, h)
	if code, param := errorCode(t, body); status != http.StatusUnprocessableEntity || code != "invalid_value" || param != "date" {
		t.Errorf("bad date: %d %s %s", status, code, param)
	}
	status, hdr, body := co.call(t, http.MethodPost, "/api/documents", `{"title":"By hand","date":{"edtf":"1949-03"},"summary":""}`, h)
	if status != http.StatusCreated || !strings.HasPrefix(hdr.Get("Location"), "/api/documents/") || hdr.Get("ETag") != `"rev-1"` {
		t.Fatalf("create: %d %q %.300s", status, hdr.Get("Location"), body)
	}
	var r record.Record
	json.Unmarshal([]byte(body), &r)
	if r.Status != record.Draft || r.Title != "By hand" || r.Date.Earliest != "1949-03-01" || r.Provenance["title"].By != "contributor1" {
		t.Errorf("created: %+v", r)
	}
	if _, ok := r.Provenance["summary"]; ok {
		t.Error("an empty field has provenance")
	}
	if status, _, _ := co.call(t, http.MethodGet, hdr.Get("Location"), "", nil); status != http.StatusOK {
		t.Errorf("its Location: %d", status)
	}
	if status, _, _ := newAPIClient(t, st, ts.URL, "").call(t, http.MethodPost, "/api/documents", `{"title":"x"}`, h); status != http.StatusUnauthorized {
		t.Errorf("anonymous create: %d", status)
	}
}

// The history as JSON, newest first, each change with field, from and to.
func TestAPIHistory(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	edit(t, st, pubID, 1, "editor1", map[string]string{"title": `"Second"`})
	ed := newAPIClient(t, st, ts.URL, "editor1")
	status, _, body := ed.call(t, http.MethodGet, "/api/documents/"+pubID+"/history", "", nil)
	if status != http.StatusOK {
		t.Fatalf("history: %d", status)
	}
	var hist []struct {
		Revision int    `json:"revision"`
		Author   string `json:"author"`
		At       string `json:"at"`
		Action   string `json:"action"`
		Changes  []struct {
			Field string          `json:"field"`
			From  json.RawMessage `json:"from"`
			To    json.RawMessage `json:"to"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(body), &hist); err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Revision != 2 || hist[0].Author != "editor1" || hist[0].Action != "edit" || hist[0].At == "" ||
		len(hist[0].Changes) != 1 || hist[0].Changes[0].Field != "title" || hist[1].Action != "ingest" {
		t.Errorf("history: %s", body)
	}
	if !strings.Contains(body, `"from": "Telegram from Pyongyang on the loan"`) || !strings.Contains(body, `"to": "Second"`) {
		t.Errorf("history lacks from/to: %s", body)
	}
	if status, _, _ := newAPIClient(t, st, ts.URL, "").call(t, http.MethodGet, "/api/documents/"+pubID+"/history", "", nil); status != http.StatusUnauthorized {
		t.Errorf("anonymous history: %d, want 401", status)
	}
}

// Every non-empty editable field has provenance in the API; readers see
// "staff" for a person's value, not the account's (sign-in) name.
func TestAPIProvenance(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	edit(t, st, pubID, 1, "editor1", map[string]string{"title": `"Corrected"`})
	var r record.Record
	_, _, body := newAPIClient(t, st, ts.URL, "").call(t, http.MethodGet, "/api/documents/"+pubID, "", nil)
	json.Unmarshal([]byte(body), &r)
	for _, f := range []string{"title", "type", "category", "date", "place", "sources", "participants", "body"} {
		if _, ok := r.Provenance[f]; !ok {
			t.Errorf("no provenance for %s", f)
		}
	}
	for _, f := range []string{"summary", "authors", "url", "collection"} {
		if _, ok := r.Provenance[f]; ok {
			t.Errorf("provenance for the empty field %s", f)
		}
	}
	if p := r.Provenance["title"]; p.By != "staff" || p.At.IsZero() || len(p.Extracted) != 0 {
		t.Errorf("reader's title provenance: %+v", p)
	}
	if p := r.Provenance["body"]; p.By != record.ByMachine || !p.At.Equal(r.IngestedAt) {
		t.Errorf("body provenance: %+v (ingested %v)", p, r.IngestedAt)
	}
	if strings.Contains(body, "editor1") {
		t.Error("a reader sees an account name")
	}
	_, _, body = newAPIClient(t, st, ts.URL, "editor1").call(t, http.MethodGet, "/api/documents/"+pubID, "", nil)
	json.Unmarshal([]byte(body), &r)
	if p := r.Provenance["title"]; p.By != "editor1" || len(p.Extracted) == 0 {
		t.Errorf("staff's title provenance: %+v", p)
	}
}

// Suggestions come from the authority file, by the start of any form.
func TestNameSuggest(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	a := newAPIClient(t, st, ts.URL, "")
	status, _, body := a.call(t, http.MethodGet, "/api/names/suggest?q=stal", "", nil)
	if status != http.StatusOK || !strings.Contains(body, `"name": "Joseph Stalin"`) {
		t.Errorf("suggest stal: %d %s", status, body)
	}
	_, _, body = a.call(t, http.MethodGet, "/api/names/suggest?q=josep", "", nil)
	if strings.Contains(body, `"matched"`) || !strings.Contains(body, `"name": "Joseph Stalin"`) {
		t.Errorf("suggest josep: %s", body)
	}
	var list []nameSuggestion
	_, _, body = a.call(t, http.MethodGet, "/api/names/suggest?q=a", "", nil)
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list) > maxSuggestions {
		t.Errorf("suggest a: %d suggestions, at most %d", len(list), maxSuggestions)
	}
	if status, _, _ := a.call(t, http.MethodGet, "/api/names/suggest?kind=thing&q=x", "", nil); status != http.StatusBadRequest {
		t.Errorf("kind=thing: %d", status)
	}
	if status, _, _ := a.call(t, http.MethodGet, "/api/names/suggest?q="+strings.Repeat("x", 101), "", nil); status != http.StatusBadRequest {
		t.Errorf("101 characters: %d", status)
	}
}
