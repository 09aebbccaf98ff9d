package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fond/internal/search"
)

// TestReadersSeeNoDrafts: a reader's search finds what the same search finds
// in an index of the published documents alone (the same totals, hits and
// facets), whether the drafts sit in a segment or the heap, after deletions,
// and after a document changes status either way; staff's search finds the
// drafts too.
func TestReadersSeeNoDrafts(t *testing.T) {
	docs := genDocs(1200, 9)
	first, more := docs[:800], docs[800:]
	final := map[int64]Doc{}
	for _, d := range docs {
		final[d.Ref] = d
	}
	var removed []int64
	var changed []Doc
	for i, d := range first {
		switch i % 9 {
		case 0:
			removed = append(removed, d.Ref)
			delete(final, d.Ref)
		case 4: // published becomes draft, draft becomes published
			d.Status = map[string]string{"published": "draft", "draft": "published"}[d.Status]
			changed = append(changed, d)
			final[d.Ref] = d
		}
	}
	var published, all []Doc
	for _, d := range final {
		all = append(all, d)
		if d.Status != "draft" {
			published = append(published, d)
		}
	}
	drafts := len(all) - len(published)
	if drafts < 100 || len(published) < 100 {
		t.Fatalf("%d drafts of %d: the test compares too little", drafts, len(all))
	}

	segment, _ := roundTrip(t, build(first))
	segment.Apply(nil, analyzeAll(more))
	segment.Apply(removed, analyzeAll(changed))
	heap := build(first)
	heap.Apply(nil, analyzeAll(more))
	heap.Apply(removed, analyzeAll(changed))
	reloaded, _ := roundTrip(t, segment)

	answer := func(ix *Index, q string, staff bool) string {
		res := run(ix, Request{Node: parse(q), Limit: len(docs), Sort: search.SortDateAsc, Facets: true, Unpublished: staff})
		var hits []string
		for _, h := range res.Hits {
			hits = append(hits, h.ID)
		}
		slices.Sort(hits) // scores count the drafts' words: only the set is compared
		return fmt.Sprintf("%d %v %v", res.Total, hits, res.Facets)
	}
	readers, staff := build(published), build(all)
	queries := append(slices.Clone(segmentQueries), "status:published", "date:1950..1954 -loan", "soviet OR harbor", "co*", `"treaty m*"`)
	for name, ix := range map[string]*Index{"segment and heap": segment, "heap": heap, "reloaded": reloaded} {
		for _, q := range queries {
			if got, want := answer(ix, q, false), answer(readers, q, false); got != want {
				t.Errorf("%s, reader, %q:\n got %s\nwant %s", name, q, got, want)
			}
			if got, want := answer(ix, q, true), answer(staff, q, true); got != want {
				t.Errorf("%s, staff, %q:\n got %s\nwant %s", name, q, got, want)
			}
		}
		if got := run(ix, Request{Node: parse("status:draft")}).Total; got != 0 {
			t.Errorf("%s: a reader finds %d drafts by status", name, got)
		}
		if got := run(ix, Request{Node: parse("status:draft"), Unpublished: true}).Total; got != drafts {
			t.Errorf("%s: staff finds %d drafts by status, want %d", name, got, drafts)
		}
	}
}

// A reader's near spellings are those of what readers may see: a spelling
// held only in a draft neither takes a reader's correction nor keeps a
// published one out ("Haldea": "halden", one edit, only in a draft;
// "haldeman", two edits, published). Staff are offered the draft's.
func TestReadersCorrectedFromPublished(t *testing.T) {
	pub := bodyDoc("haldeman", "Mr. Haldeman called on the minister.")
	pub.Status = "published"
	draft := bodyDoc("halden", "The port of Halden.")
	draft.Status = "draft"
	ix := build([]Doc{pub, draft})
	ask := func(ix *Index, staff bool) string {
		res := run(ix, Request{Node: parse("Haldea"), Limit: 10, Match: search.MatchMost, Unpublished: staff})
		return fmt.Sprint(res.Total, hitIDs(res), res.Corrected)
	}
	if got, want := ask(ix, false), ask(build([]Doc{pub}), false); got != want || !strings.Contains(got, "haldeman") {
		t.Errorf("reader: %s, want %s (the published spelling)", got, want)
	}
	if got := ask(ix, true); !strings.Contains(got, "halden") {
		t.Errorf("staff: %s, want the draft's spelling", got)
	}
}
