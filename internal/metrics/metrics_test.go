package metrics

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"fond/internal/store"
)

type stater struct {
	st  store.IndexState
	err error
}

func (s stater) IndexState(context.Context) (store.IndexState, error) { return s.st, s.err }

func scrape(t *testing.T, m *Set) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	return rec.Code, rec.Body.String()
}

// The store's figures are read at each scrape, the lag being the store's
// generation less the index's.
func TestStoreFigures(t *testing.T) {
	m := New(stater{st: store.IndexState{Generation: 12, Indexed: 9, Records: 40}}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	code, body := scrape(t, m)
	for _, want := range []string{"fond_store_generation 12\n", "fond_index_generation 9\n", "fond_index_lag_generations 3\n", "fond_records 40\n", "go_goroutines "} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("scrape (%d) lacks %q", code, want)
		}
	}
}

// A store that does not answer leaves its figures out (no data alerts; a
// zero lag would reassure) and the rest is still served.
func TestStoreDownLeavesItsFiguresOut(t *testing.T) {
	m := New(stater{err: errors.New("connection refused")}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	m.IngestRecords.Add(3)
	code, body := scrape(t, m)
	if code != 200 || !strings.Contains(body, "fond_ingest_records_total 3\n") {
		t.Errorf("scrape with the store down: %d\n%s", code, body)
	}
	if strings.Contains(body, "fond_index_lag_generations") || strings.Contains(body, "fond_store_generation ") {
		t.Errorf("figures of a store that did not answer were served")
	}
}
