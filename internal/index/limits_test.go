package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fond/internal/search"
)

// bigIndex has enough documents that every long loop of a search passes
// several context checks (checkEvery): 3·checkEvery documents, each with the
// word "common", one of 200 words beginning with "a" in its body and one of the
// first twenty of them in its title (so those are the most frequent), a year
// and a type.
func bigIndex(tb testing.TB) *Index {
	tb.Helper()
	n := 3 * checkEvery
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{Ref: int64(i + 1), ID: fmt.Sprintf("d%05d", i),
			Text:     [7]string{"Telegram " + aWord(i%20), "", fmt.Sprintf("common text of note %d on %s, the railway", i, aWord(i%200)), "", "", "", ""},
			Earliest: fmt.Sprintf("%d-01-01", 1940+i%20), Latest: fmt.Sprintf("%d-12-31", 1940+i%20),
			Type: []string{"Letter", "Telegram", "Memorandum"}[i%3], Category: "primary", Lang: "en"}
	}
	return build(docs)
}

// aWord is the k-th, in alphabetical order, of the words beginning with "a"
// (abbx, abcx, …), in a form the stemmer leaves alone.
func aWord(k int) string {
	const letters = "bcdfghjklmnpqrstvwxz"
	return "a" + string(letters[k/20%20]) + string(letters[k%20]) + "x"
}

func TestPrefixCapped(t *testing.T) {
	ix := bigIndex(t)
	all := run(ix, Request{Node: parse("a*"), Limit: 10, Limits: search.Limits{MaxPrefixExpansion: 1000}})
	if len(all.Capped) != 0 {
		t.Errorf("a prefix within its cap reported capped: %+v", all.Capped)
	}
	res := run(ix, Request{Node: parse("a*"), Limit: 10, Limits: search.Limits{MaxPrefixExpansion: 10}})
	if res.Total == 0 || len(res.Hits) != 10 {
		t.Fatalf("capped prefix answered %d hits of %d", len(res.Hits), res.Total)
	}
	if len(res.Capped) != 1 || res.Capped[0] != (search.Capped{Prefix: "a", Used: 10, Matched: 200}) {
		t.Fatalf("capped = %+v, want a: 10 of 200", res.Capped)
	}
	if !strings.Contains(res.Capped[0].String(), "only the 10 most frequent") {
		t.Errorf("notice: %s", res.Capped[0])
	}
	// The ten kept are the most frequent: they cover more documents than any
	// other ten would.
	if want := countUnion(ix, 0, 10); res.Total != want {
		t.Errorf("capped a* found %d, the ten most frequent words are in %d", res.Total, want)
	}
	if res.Total >= all.Total {
		t.Errorf("capped %d, uncapped %d: the cap cut nothing", res.Total, all.Total)
	}
	// The default cap applies when the request sets none.
	if def := run(ix, Request{Node: parse("a*"), Limit: 1}); len(def.Capped) != 0 || def.Total != all.Total {
		t.Errorf("default limits: %+v", def.Capped)
	}
	// A prefix named twice is reported once.
	twice := run(ix, Request{Node: parse("a* OR (a* common)"), Limit: 1, Limits: search.Limits{MaxPrefixExpansion: 10}})
	if len(twice.Capped) != 1 {
		t.Errorf("a* twice reported %d times", len(twice.Capped))
	}
}

func countUnion(ix *Index, from, to int) int {
	var q []string
	for k := from; k < to; k++ {
		q = append(q, aWord(k))
	}
	return run(ix, Request{Node: parse(strings.Join(q, " OR ")), Limit: 1}).Total
}

func TestSearchPreCanceled(t *testing.T) {
	ix := bigIndex(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := ix.Search(ctx, Request{Node: parse("common"), Limit: 10, Facets: true})
	if !errors.Is(err, context.Canceled) || res.Total != 0 || res.Hits != nil {
		t.Errorf("canceled search: %+v, %v", res, err)
	}
}

// countdown is a context whose Err reports Canceled from its n-th look on:
// cancellation at each check a search makes in turn, without timing.
type countdown struct {
	context.Context
	left  atomic.Int64
	looks atomic.Int64
}

func (c *countdown) Err() error {
	c.looks.Add(1)
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestSearchStopsMidway cancels each kind of query at every check it makes: it
// must return context.Canceled and nothing else, and the searches after it
// must answer as before (a pooled accumulator left dirty would change them).
// A long loop without a check would show as a query making fewer looks than
// its postings need.
func TestSearchStopsMidway(t *testing.T) {
	ix := bigIndex(t)
	// Each query with the looks it makes at its context today (3 per loop over
	// 3·checkEvery postings or documents, plus one per node and stage): fewer
	// means a loop lost its check.
	queries := map[string]int{
		"common":                     11, // one term's postings, facets (by what it lacks), ranking and top-k in one pass
		"a*":                         14, // a prefix's accumulator
		`"common text"`:              11, // a phrase
		"date:1940..1950":            9,  // a filter over every document
		"common -type:letter":        17, // a negation
		"railway common date:1950..": 20, // the date filter folded into the walks
		"":                           7,  // facets over everything, counted once and kept
	}
	for q, least := range queries {
		req := Request{Node: parse(q), Limit: 10, Facets: true}
		want := fmt.Sprint(run(ix, req))
		probe := &countdown{Context: context.Background()}
		probe.left.Store(1 << 40)
		if _, err := ix.Search(probe, req); err != nil {
			t.Fatal(err)
		}
		looks := int(probe.looks.Load())
		if looks < least {
			t.Errorf("%q looked at its context %d times, want at least %d", q, looks, least)
		}
		for k := range looks {
			c := &countdown{Context: context.Background()}
			c.left.Store(int64(k))
			res, err := ix.Search(c, req)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("%q canceled at look %d of %d: err %v, total %d", q, k+1, looks, err, res.Total)
			}
			if got := fmt.Sprint(run(ix, req)); got != want {
				t.Fatalf("%q after a search canceled at look %d: results changed", q, k+1)
			}
		}
	}
}

// A prefix named more than once is matched once and restricted for each
// mention; the answer is the one of the same query whose mentions differ in
// case (so none is shared), hit for hit and score for score.
func TestRepeatedPrefixMatchedOnce(t *testing.T) {
	ix := bigIndex(t)
	for _, q := range []string{"a* OR (a* common)", "a* a*", "(a* railway) OR (abb* a*) OR -a*", "a* -(a* note)", "abc* date:1950.. OR (abc* common)"} {
		other := strings.Replace(strings.Replace(q, "a*", "A*", 1), "abc*", "ABC*", 1)
		for _, lim := range []search.Limits{{}, {MaxPrefixExpansion: 7}} {
			want := run(ix, Request{Node: parse(other), Limit: 50, Limits: lim})
			got := run(ix, Request{Node: parse(q), Limit: 50, Limits: lim})
			if fmt.Sprint(got.Total, got.Hits, got.Capped) != fmt.Sprint(want.Total, want.Hits, want.Capped) {
				t.Errorf("%q (cap %d): %d hits, %q: %d", q, lim.MaxPrefixExpansion, got.Total, other, want.Total)
			}
		}
	}
}

// A search past MaxDuration is refused as such; one whose caller's deadline
// passed ends with the caller's error, not a refusal of the query. A
// nanosecond has passed before the search first looks at its context, so
// neither depends on timing.
func TestSearchMaxDuration(t *testing.T) {
	ix := bigIndex(t)
	_, err := ix.Search(context.Background(), Request{Node: parse("common"), Limit: 10, Limits: search.Limits{MaxDuration: time.Nanosecond}})
	var le *search.LimitError
	if !errors.As(err, &le) || le.Param != "MaxDuration" || !strings.Contains(le.Error(), "the search was stopped after 1ns") {
		t.Errorf("past MaxDuration: %v", err)
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if _, err := ix.Search(ctx, Request{Node: parse("common"), Limit: 10}); !errors.Is(err, context.DeadlineExceeded) || errors.As(err, &le) {
		t.Errorf("past the caller's deadline: %v", err)
	}
}
