package web

import (
	"bufio"
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// readMetrics reads the ops address's /metrics and returns each sample line's
// value by its name and labels as written ("name{a=\"x\",b=\"y\"}").
func readMetrics(t *testing.T, base string) map[string]float64 {
	t.Helper()
	code, h, body := get(t, base+"/metrics")
	if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: %d %q", code, h.Get("Content-Type"))
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("not a sample line in the text format: %q", line)
		}
		out[line[:i]] = v
	}
	return out
}

// The counters move with the requests: by route pattern (never the path) and
// status, latency by route, refusals by the limit that refused, and the
// store's figures read at the scrape.
func TestMetricsCountRequests(t *testing.T) {
	l := DefaultLimits
	l.MaxSearches, l.QueueWait = 1, 0
	ts, srv := limitedServer(t, l)
	ops := httptest.NewServer(srv.OpsHandler())
	t.Cleanup(ops.Close)

	before := readMetrics(t, ops.URL)
	if before["fond_records"] != 2 || before["fond_store_generation"] < 1 {
		t.Errorf("store figures before any search: records %v, generation %v", before["fond_records"], before["fond_store_generation"])
	}
	get(t, ts.URL+"/search?q=credit")
	get(t, ts.URL+"/documents/x1")
	get(t, ts.URL+"/documents/x2")
	get(t, ts.URL+"/documents/nothere")
	srv.gates[searches] <- struct{}{} // a search in progress
	if code, _, _ := get(t, ts.URL+"/api/search?q=credit"); code != http.StatusServiceUnavailable {
		t.Fatalf("API search with its slot taken: %d", code)
	}
	<-srv.gates[searches]
	srv.all <- struct{}{}
	for range srv.Limits.MaxRequests - 1 {
		srv.all <- struct{}{}
	}
	if code, _, _ := get(t, ts.URL+"/robots.txt"); code != http.StatusServiceUnavailable {
		t.Fatalf("past the request cap: %d", code)
	}
	for range srv.Limits.MaxRequests {
		<-srv.all
	}

	m := readMetrics(t, ops.URL)
	want := map[string]float64{
		`fond_http_requests_total{code="200",route="GET /search"}`:              1,
		`fond_http_requests_total{code="200",route="GET /documents/{id}"}`:      2,
		`fond_http_requests_total{code="404",route="GET /documents/{id}"}`:      1,
		`fond_http_requests_total{code="503",route="GET /api/search"}`:          1,
		`fond_http_requests_total{code="503",route="unrouted"}`:                 1,
		`fond_http_request_duration_seconds_count{route="GET /documents/{id}"}`: 3,
		`fond_http_rejected_total{limit="search"}`:                              1,
		`fond_http_rejected_total{limit="requests"}`:                            1,
		`fond_index_lag_generations`:                                            0,
		`fond_records`:                                                          2,
	}
	for k, v := range want {
		if got, ok := m[k]; !ok || got != v {
			t.Errorf("%s = %v (present %v), want %v", k, got, ok, v)
		}
	}
	if m["fond_index_generation"] != m["fond_store_generation"] {
		t.Errorf("after a search the index is at generation %v, the store at %v", m["fond_index_generation"], m["fond_store_generation"])
	}
	for k := range m {
		if strings.Contains(k, "nothere") || strings.Contains(k, "/documents/x1") {
			t.Errorf("a raw path became a label: %s", k)
		}
	}

	get(t, ts.URL+"/search?q=report")
	if got := readMetrics(t, ops.URL)[`fond_http_requests_total{code="200",route="GET /search"}`]; got != 2 {
		t.Errorf("after a second search the counter is %v, want 2", got)
	}
}

// /metrics on the readers' address is for a signed-in admin only: anonymous
// readers are sent to sign in, other staff refused; the ops address serves
// it to anyone who can reach it (which is why it is off by default and
// meant for loopback).
func TestMetricsRole(t *testing.T) {
	ts, _, _ := newAccessServer(t, nil)
	for _, role := range roles {
		c := loginAs(t, ts.URL, role)
		code, h, body := c.get(t, "/metrics")
		switch role {
		case "":
			if code != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login") {
				t.Errorf("anonymous /metrics: %d %q, want 303 to /login", code, h.Get("Location"))
			}
		case store.RoleAdmin:
			if code != http.StatusOK || !strings.Contains(body, "fond_http_requests_total") {
				t.Errorf("admin /metrics: %d", code)
			}
		default:
			if code != http.StatusForbidden {
				t.Errorf("%s /metrics: %d, want 403", role, code)
			}
		}
	}
}

// Each request is logged once with its route pattern, status and size.
func TestAccessLog(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutFile(context.Background(), store.File{Path: "/in/x.txt", Format: "text",
		Records:  []record.Record{{ID: "x1", Title: "Telegram", Type: "Telegram", Category: record.Primary, Body: "Credit."}},
		Original: store.Original{Checksum: "sha256:x", Name: "x.txt", Data: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	srv, err := New(st, slog.New(slog.NewJSONHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	get(t, ts.URL+"/documents/x1?part=1")
	line := logs.String()
	for _, want := range []string{`"msg":"request"`, `"method":"GET"`, `"route":"GET /documents/{id}"`, `"path":"/documents/x1"`, `"status":200`} {
		if !strings.Contains(line, want) {
			t.Errorf("access log lacks %s: %s", want, line)
		}
	}
	if strings.Contains(line, "part=1") {
		t.Errorf("the access log keeps the query string (search words are readers' own): %s", line)
	}
}
