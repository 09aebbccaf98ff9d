package web

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCompareOverBudget: a page past its budget still shows every sentence,
// says the rest was not aligned and why, and is valid HTML.
func TestCompareOverBudget(t *testing.T) {
	_, st := newServer(t)
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv.Limits.CompareBudget = 1
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	code, _, body := get(t, ts.URL+"/compare?a=x1&b=x2")
	if code != 200 || !strings.Contains(body, "The rest was not aligned: over the comparison budget") {
		t.Fatalf("status %d, no notice:\n%s", code, body)
	}
	for _, s := range []string{"Second &lt;img src=x onerror=alert(1)&gt; paragraph.", "Credit was discussed."} {
		if !strings.Contains(body, s) {
			t.Errorf("sentence %q missing from the unaligned rest", s)
		}
	}
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
}
