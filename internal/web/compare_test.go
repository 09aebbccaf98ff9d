package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
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

// ?only=differences shows the rows where the editions differ and says how
// many alike ones it hid; a row alike in both is gone, a changed one stays.
// The two views link to each other, and another value is refused.
func TestCompareOnlyDifferences(t *testing.T) {
	ts, st := newServer(t)
	ctx := context.Background()
	a := record.Record{ID: "d1", Title: "First edition", Type: "Telegram", Category: record.Primary,
		Body: "The train left Moscow at noon. The loan was agreed in full. Kim thanked the comrades warmly."}
	b := record.Record{ID: "d2", Title: "Second edition", Type: "Telegram", Category: record.Primary,
		Body: "The train left Moscow at noon. The loan was refused outright. Kim thanked the comrades warmly."}
	if _, err := st.PutFile(ctx, store.File{Path: "/in/d.txt", Format: "text", Records: []record.Record{a, b},
		Original: store.Original{Checksum: "sha256:d", Name: "d.txt", Data: []byte("d")}}); err != nil {
		t.Fatal(err)
	}
	_, _, all := get(t, ts.URL+"/compare?a=d1&b=d2")
	code, _, diff := get(t, ts.URL+"/compare?a=d1&b=d2&only=differences")
	if code != 200 || !strings.Contains(all, "The train left Moscow") || !strings.Contains(all, `href="/compare?a=d1&amp;b=d2&amp;only=differences"`) {
		t.Fatalf("the whole comparison lacks its rows or the link to the differences (%d)", code)
	}
	if strings.Contains(diff, "The train left Moscow") || strings.Contains(diff, "thanked the comrades") {
		t.Error("rows alike in both editions are shown among the differences")
	}
	if !strings.Contains(diff, "refused") || !strings.Contains(diff, "agreed") || !strings.Contains(diff, "2 rows where the editions are alike are hidden.") {
		t.Errorf("the differences view lacks the changed row or the count of hidden rows")
	}
	if !strings.Contains(diff, `<span aria-current="page">Only the differences</span>`) || !strings.Contains(diff, `href="/compare?a=d1&amp;b=d2"`) {
		t.Error("the differences view does not mark itself or link back to every row")
	}
	if err := checkHTML(diff); err != nil {
		t.Error(err)
	}
	if code, _, _ := get(t, ts.URL+"/compare?a=d1&b=d2&only=everything"); code != 400 {
		t.Errorf("only=everything: %d, want 400", code)
	}
}
