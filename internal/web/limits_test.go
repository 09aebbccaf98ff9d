package web

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// limitedServer is newServer's archive behind a Server whose limits the test
// sets; it returns the Server too, so a test can fill its slots.
func limitedServer(t *testing.T, l Limits, recs ...record.Record) (*httptest.Server, *Server) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fond.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if len(recs) == 0 {
		recs = []record.Record{
			{ID: "x1", Title: "Telegram on credit", Type: "Telegram", Category: record.Primary, Body: "Credit was asked for."},
			{ID: "x2", Title: "Report on credit", Type: "Report", Category: record.Primary, Body: "Credit was discussed."},
		}
	}
	if _, err := st.PutFile(context.Background(), store.File{Path: "/in/x.txt", Format: "text", Records: recs,
		Original: store.Original{Checksum: "sha256:x", Name: "x.txt", Data: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv.Limits = l
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, srv
}

// A flood of costly requests gets 503 with Retry-After once its class's slots
// are taken, and other classes are still served.
func TestBusyClassAnswers503(t *testing.T) {
	l := DefaultLimits
	l.MaxSearches, l.QueueWait = 2, 50*time.Millisecond
	ts, srv := limitedServer(t, l)
	for range l.MaxSearches {
		srv.gates[searches] <- struct{}{} // searches in progress
	}
	code, h, _ := get(t, ts.URL+"/search?q=credit")
	if code != http.StatusServiceUnavailable || h.Get("Retry-After") == "" {
		t.Errorf("search with its slots taken: %d, Retry-After %q; want 503 with Retry-After", code, h.Get("Retry-After"))
	}
	code, _, body := get(t, ts.URL+"/api/search?q=credit")
	var e apiError
	if code != http.StatusServiceUnavailable || json.Unmarshal([]byte(body), &e) != nil || e.Code != "busy" {
		t.Errorf("API search with its slots taken: %d %s; want 503 with code busy", code, body)
	}
	if code, _, _ := get(t, ts.URL+"/documents/x1"); code != http.StatusOK {
		t.Errorf("a document page while searches are busy: %d", code)
	}
	<-srv.gates[searches]
	if code, _, _ := get(t, ts.URL+"/search?q=credit"); code != http.StatusOK {
		t.Errorf("search with a slot free again: %d", code)
	}
}

// Past MaxRequests in flight, any request is refused at once.
func TestMaxRequests(t *testing.T) {
	l := DefaultLimits
	l.MaxRequests = 1
	ts, srv := limitedServer(t, l)
	srv.all <- struct{}{}
	if code, h, _ := get(t, ts.URL+"/robots.txt"); code != http.StatusServiceUnavailable || h.Get("Retry-After") == "" {
		t.Errorf("with every request slot taken: %d; want 503 with Retry-After", code)
	}
	<-srv.all
	if code, _, _ := get(t, ts.URL+"/robots.txt"); code != http.StatusOK {
		t.Errorf("with a slot free: %d", code)
	}
}

// Every route's work runs under the request deadline, which is what the
// store, the index and compare watch.
func TestRequestDeadline(t *testing.T) {
	srv := &Server{Limits: DefaultLimits}
	srv.Limits.RequestTimeout = time.Minute
	var left time.Duration
	h := srv.limit(renders, newGate(1), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d, ok := r.Context().Deadline(); ok {
			left = time.Until(d)
		}
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/documents/x", nil))
	if left <= 0 || left > time.Minute {
		t.Errorf("handler's context deadline in %v; want within the request timeout", left)
	}
}

// serveRaw runs the real http.Server and listener with l's limits.
func serveRaw(t *testing.T, l Limits) string {
	t.Helper()
	ts, srv := limitedServer(t, l)
	ts.Close()
	ln, err := Listen("127.0.0.1:0", l.MaxConnections)
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer(srv.Handler())
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return ln.Addr().String()
}

func TestHeaderSizeLimit(t *testing.T) {
	l := DefaultLimits
	l.MaxHeaderBytes = 4 << 10
	addr := serveRaw(t, l)
	req, _ := http.NewRequest("GET", "http://"+addr+"/robots.txt", nil)
	req.Header.Set("X-Filler", strings.Repeat("a", 64<<10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("64 KB of headers against a 4 KB limit: %d, want 431", resp.StatusCode)
	}
}

// A client that sends half a request and waits is dropped after the header
// timeout instead of holding its connection.
func TestSlowClientDropped(t *testing.T) {
	l := DefaultLimits
	l.ReadHeaderTimeout = 200 * time.Millisecond
	addr := serveRaw(t, l)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n")
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	buf := make([]byte, 512)
	for {
		if _, err := c.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatal("connection still open 30 s after a 200 ms header timeout")
			}
			return // closed by the server
		}
	}
}

// Past MaxConnections a new connection is not served until one closes.
func TestConnectionCap(t *testing.T) {
	l := DefaultLimits
	l.MaxConnections = 1
	addr := serveRaw(t, l)
	first, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(first, "GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n")
	br := bufio.NewReader(first)
	if resp, err := http.ReadResponse(br, nil); err != nil || resp.StatusCode != 200 {
		t.Fatalf("first connection: %v", err)
	}
	second, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	io.WriteString(second, "GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n")
	second.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	if _, err := second.Read(make([]byte, 1)); err == nil {
		t.Fatal("a second connection was served while the first held the only slot")
	}
	first.Close()
	second.SetReadDeadline(time.Now().Add(30 * time.Second))
	if resp, err := http.ReadResponse(bufio.NewReader(second), nil); err != nil || resp.StatusCode != 200 {
		t.Fatalf("second connection after the first closed: %v", err)
	}
}

func TestHostHeaderChecked(t *testing.T) {
	ts, srv := limitedServer(t, DefaultLimits)
	for _, host := range []string{`evil.example"><x`, "a b", "exa$mple.org", "example.org:99999", "-bad.example", "::1", "fe80::1:8080"} {
		req, _ := http.NewRequest("GET", ts.URL+"/sitemap.xml", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("Host %q: %d, want 400", host, rec.Code)
		}
	}
	for _, host := range []string{"archive.example.org", "127.0.0.1:8080", "[::1]:8080", "localhost", "archive.example.org."} {
		req := httptest.NewRequest("GET", "/sitemap.xml", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<loc>http://"+host+"/documents/") {
			t.Errorf("Host %q: %d %s", host, rec.Code, rec.Body.String())
		}
	}
	// With --public-url, links are made from it whatever Host says.
	srv.PublicURL = "https://archive.example.org/fond"
	for _, path := range []string{"/sitemap.xml", "/oai?verb=Identify"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Host = "attacker.example"
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		if b := rec.Body.String(); !strings.Contains(b, "https://archive.example.org/fond/") || strings.Contains(b, "attacker") {
			t.Errorf("%s with --public-url: %s", path, b)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", "archive.example.org", "https://x.example/?q=1", "https://u@x.example/"} {
		if ValidPublicURL(bad) == nil {
			t.Errorf("ValidPublicURL(%q) accepted", bad)
		}
	}
}

func TestBlankNamesAreNotFound(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits)
	for _, path := range []string{"/people/%20", "/places/%20%20", "/people/%09", "/people/%22%22", "/people/%22%20%22", "/places/%22%09%22"} {
		if code, _, _ := get(t, ts.URL+path); code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, code)
		}
	}
}

func TestPageParameters(t *testing.T) {
	l := DefaultLimits
	l.MaxPage = 50
	ts, _ := limitedServer(t, l)
	for _, page := range []string{"999999999", "abc", "-1", "0", "51", "1e3", "2.5"} {
		code, _, body := get(t, ts.URL+"/search?q=credit&page="+page)
		if code != http.StatusBadRequest || !strings.Contains(body, "page") {
			t.Errorf("page=%s: %d, want 400 naming the parameter", page, code)
		}
		code, _, body = get(t, ts.URL+"/api/search?q=credit&page="+page)
		var e apiError
		if code != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || e.Param != "page" || e.Code != "invalid_parameter" {
			t.Errorf("API page=%s: %d %s", page, code, body)
		}
	}
	if code, _, _ := get(t, ts.URL+"/api/search?q=credit&limit=x"); code != http.StatusBadRequest {
		t.Errorf("limit=x: %d, want 400", code)
	}
	// Past the end: an empty page that says so, never another page's hits.
	code, _, body := get(t, ts.URL+"/search?q=credit&page=3")
	if code != http.StatusOK || strings.Contains(body, "/documents/x1") || !strings.Contains(body, "past the last page") {
		t.Errorf("page past the end: %d\n%s", code, body)
	}
	code, _, body = get(t, ts.URL+"/api/search?q=credit&page=3")
	var res struct {
		Total int               `json:"total"`
		Hits  []json.RawMessage `json:"hits"`
	}
	if code != http.StatusOK || json.Unmarshal([]byte(body), &res) != nil || res.Total != 2 || res.Hits == nil || len(res.Hits) != 0 {
		t.Errorf("API page past the end: %d %s", code, body)
	}
}

// A very long text is shown a part per page, so no answer grows with the text.
func TestLongTextInParts(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		b.WriteString("Paragraph of the long report, number ")
		b.WriteString(strings.Repeat("x", i%50))
		b.WriteString(".\n\n")
	}
	b.WriteString("THE LAST WORDS")
	body := b.String()
	l := DefaultLimits
	l.TextPartBytes = 64 << 10
	ts, _ := limitedServer(t, l, record.Record{ID: "long1", Title: "A long report", Category: record.Primary, Body: body})
	code, _, page := get(t, ts.URL+"/documents/long1")
	if code != 200 || len(page) > 3*l.TextPartBytes || !strings.Contains(page, "?part=2") {
		t.Fatalf("first part: %d, %d bytes (part size %d)", code, len(page), l.TextPartBytes)
	}
	parts := textParts(body, l.TextPartBytes)
	n := len(parts) - 1
	code, _, page = get(t, ts.URL+"/documents/long1?part="+strconv.Itoa(n))
	if code != 200 || !strings.Contains(page, "THE LAST WORDS") {
		t.Errorf("last part %d: %d, missing the text's end", n, code)
	}
	if code, _, _ := get(t, ts.URL+"/documents/long1?part="+strconv.Itoa(n+1)); code != http.StatusBadRequest {
		t.Errorf("part past the end: %d, want 400", code)
	}
	// The parts cover the text exactly, each within the bound.
	for i := 1; i < len(parts); i++ {
		if parts[i]-parts[i-1] > l.TextPartBytes || parts[i] <= parts[i-1] {
			t.Errorf("part %d is %d bytes", i, parts[i]-parts[i-1])
		}
	}
	if parts[0] != 0 || parts[n] != len(body) {
		t.Errorf("parts span %d..%d of %d", parts[0], parts[n], len(body))
	}
	// One unbroken run of text (no spaces) is still cut, on character boundaries,
	// even when a part is set smaller than a character.
	run := strings.Repeat("Ж", 100000)
	for _, size := range []int{1001, 1} {
		for _, c := range textParts(run, size) {
			if c < len(run) && !strings.HasPrefix(run[c:], "Ж") {
				t.Fatalf("part size %d: cut at %d splits a character", size, c)
			}
		}
	}
}

func TestFormBodyLimit(t *testing.T) {
	l := DefaultLimits
	l.MaxFormBytes = 1 << 10
	ts, _ := limitedServer(t, l)
	resp, err := http.Post(ts.URL+"/oai", "application/x-www-form-urlencoded", strings.NewReader("verb=Identify&x="+strings.Repeat("a", 1<<20)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("1 MB form against a 1 KB limit: %d, want 413", resp.StatusCode)
	}
	resp, err = http.Post(ts.URL+"/oai", "application/x-www-form-urlencoded", strings.NewReader("verb=Identify"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("a small OAI POST: %d", resp.StatusCode)
	}
}

// Input that a search refuses, reached through the name and timeline pages,
// is the reader's to change (400), not a server error; a deadline that passes
// is a 503.
func TestRefusalsOutsideTheSearchPage(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits)
	for _, path := range []string{"/people/" + url.PathEscape(strings.Repeat("word ", 70)), "/timeline?from=1950%20((((",
		"/timeline?to=" + strings.Repeat("9", 5000), "/timeline?from=banana"} {
		if code, _, _ := get(t, ts.URL+path); code != http.StatusBadRequest {
			t.Errorf("%.60s: %d, want 400", path, code)
		}
	}
	l := DefaultLimits
	l.RequestTimeout = time.Nanosecond
	ts, _ = limitedServer(t, l)
	for _, path := range []string{"/documents/x1", "/compare?a=x1&b=x2", "/search?q=credit"} {
		if code, h, _ := get(t, ts.URL+path); code != http.StatusServiceUnavailable || h.Get("Retry-After") == "" {
			t.Errorf("%s past its deadline: %d, want 503 with Retry-After", path, code)
		}
	}
}
