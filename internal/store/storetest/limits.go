package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

// wantLimit asserts that err refuses the query for param, through the store's
// wrapping, as the web layer will look for it.
func wantLimit(t *testing.T, err error, param string) {
	t.Helper()
	var le *search.LimitError
	switch {
	case !errors.As(err, &le):
		t.Errorf("want a *search.LimitError on %s, got %v", param, err)
	case le.Param != param:
		t.Errorf("refused for %s, want %s: %v", le.Param, param, err)
	case !errors.Is(err, search.ErrQueryTooComplex):
		t.Errorf("%v does not wrap search.ErrQueryTooComplex", err)
	}
}

// testSearchLimits: the attack queries are refused with the limit that stops
// them, a prefix past its cap answers and says it was capped, a page past
// MaxOffset is refused, and a search whose context has ended stops with the
// context's error.
func testSearchLimits(t *testing.T, s store.Store) {
	ctx := context.Background()
	// Forty words that begin with "ca", in records enough for the index to
	// walk postings, and one word in all of them.
	var recs []record.Record
	for i := range 400 {
		r := rec(fmt.Sprintf("lim%03d", i), "Telegram", fmt.Sprintf("cable ca%s common text %d", strings.Repeat("x", i%40), i))
		recs = append(recs, r)
	}
	mustPut(t, s, file("/in/limits.txt", "sha256:limits", recs...))

	many := strings.TrimSpace(strings.Repeat("loan ", 60000))
	_, err := s.Search(ctx, search.Query{Text: many})
	wantLimit(t, err, "MaxQueryBytes")
	_, err = s.Search(ctx, search.Query{Text: many, Limits: search.Limits{MaxQueryBytes: 1 << 20}})
	wantLimit(t, err, "MaxTerms")
	_, err = s.Search(ctx, search.Query{Text: strings.Repeat("(", 100000) + "loan", Limits: search.Limits{MaxQueryBytes: 1 << 20}})
	wantLimit(t, err, "MaxDepth")
	_, err = s.Search(ctx, search.Query{Text: "common", Limit: 20, Offset: search.DefaultLimits.MaxOffset})
	wantLimit(t, err, "MaxOffset")
	if res, err := s.Search(ctx, search.Query{Text: "common", Limit: 20, Offset: search.DefaultLimits.MaxOffset - 20}); err != nil || len(res.Hits) != 0 || res.Total != 400 {
		t.Errorf("the last page within MaxOffset: %d of %d, %v", len(res.Hits), res.Total, err)
	}

	res, err := s.Search(ctx, search.Query{Text: "ca*", Limits: search.Limits{MaxPrefixExpansion: 5}})
	if err != nil || res.Total == 0 || len(res.Hits) == 0 {
		t.Fatalf("capped prefix: %d hits of %d, %v", len(res.Hits), res.Total, err)
	}
	if len(res.Capped) != 1 || res.Capped[0].Prefix != "ca" || res.Capped[0].Used != 5 || res.Capped[0].Matched < 41 {
		t.Errorf("capped prefix reported as %+v, want ca: 5 of at least 41", res.Capped)
	}
	// "cable" is in every record and the most frequent "ca" word, so the cap
	// keeps it: the capped prefix still finds every record.
	if res.Total != 400 {
		t.Errorf("capped prefix found %d, want 400 (the most frequent terms kept)", res.Total)
	}
	if res, err := s.Search(ctx, search.Query{Text: "cab*"}); err != nil || len(res.Capped) != 0 {
		t.Errorf("an uncapped prefix reported capped: %+v, %v", res.Capped, err)
	}

	// A search past MaxDuration is refused as such (a nanosecond has passed
	// before the index looks at its context); the caller's own deadline is
	// the caller's, reported as context.DeadlineExceeded.
	_, err = s.Search(ctx, search.Query{Text: "common", Limits: search.Limits{MaxDuration: time.Nanosecond}})
	wantLimit(t, err, "MaxDuration")
	expired, cancelExpired := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancelExpired()
	if _, err := s.Search(expired, search.Query{Text: "common"}); !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, search.ErrQueryTooComplex) {
		t.Errorf("Search with the caller's deadline past: %v, want context.DeadlineExceeded", err)
	}

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	for _, q := range []string{"common", "ca*", `"common text"`, ""} {
		if _, err := s.Search(canceled, search.Query{Text: q, Facets: true}); !errors.Is(err, context.Canceled) {
			t.Errorf("Search(%q) with a canceled context: %v, want context.Canceled", q, err)
		}
	}
}
