package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fond/internal/record"
	"fond/internal/store"
)

func testHarvest(t *testing.T, s store.Store) {
	ctx := context.Background()
	before := time.Now().UTC().Truncate(time.Second)
	var recs []record.Record
	for i := range 7 {
		r := rec(fmt.Sprintf("h%d", i), fmt.Sprintf("Harvested %d", i), "Text.")
		if i%2 == 1 {
			r.Category = record.Secondary
			r.Type = "Article"
		}
		if i < 3 {
			r.Collection = &record.Collection{ID: "vol1", Title: "Volume 1"}
		}
		recs = append(recs, r)
	}
	mustPut(t, s, file("/in/h.txt", "sha256:h", recs...))
	after := time.Now().UTC()

	// Paging by cursor returns every record once, in (datestamp, id) order.
	var got []string
	q := store.HarvestQuery{Limit: 3}
	for page := 0; ; page++ {
		q.Count = page == 0
		items, total, err := s.Harvest(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if page == 0 && total != 7 {
			t.Fatalf("total %d, want 7", total)
		}
		for _, it := range items {
			if it.Datestamp.Before(before) || it.Datestamp.After(after) || it.Datestamp.Nanosecond() != 0 {
				t.Errorf("%s: datestamp %v outside [%v, %v] or finer than seconds", it.Record.ID, it.Datestamp, before, after)
			}
			if it.Record.Title == "" || it.Record.Body != "Text." {
				t.Errorf("%s: harvested without its contents: %+v", it.Record.ID, it.Record)
			}
			got = append(got, it.Record.ID)
		}
		if len(items) < q.Limit {
			break
		}
		last := items[len(items)-1]
		q.After = store.HarvestCursor{Datestamp: last.Datestamp, ID: last.Record.ID}
		if page > 5 {
			t.Fatal("paging does not end")
		}
	}
	if fmt.Sprint(got) != "[h0 h1 h2 h3 h4 h5 h6]" {
		t.Errorf("harvested %v", got)
	}

	count := func(q store.HarvestQuery) int {
		t.Helper()
		q.Count = true
		items, n, err := s.Harvest(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != min(n, 100) {
			t.Errorf("%+v: %d items on the page, count %d", q, len(items), n)
		}
		return n
	}
	tests := []struct {
		name string
		q    store.HarvestQuery
		want int
	}{
		{"from before", store.HarvestQuery{From: before}, 7},
		{"until before", store.HarvestQuery{Until: before.Add(-time.Second)}, 0},
		{"from after", store.HarvestQuery{From: after.Add(2 * time.Second)}, 0},
		{"the second itself, both ends", store.HarvestQuery{From: before, Until: after}, 7},
		{"collection", store.HarvestQuery{Collection: "vol1"}, 3},
		{"category", store.HarvestQuery{Category: record.Secondary}, 3},
		{"collection and category", store.HarvestQuery{Collection: "vol1", Category: record.Primary}, 2},
		{"one record", store.HarvestQuery{ID: "h4"}, 1},
		{"no such record", store.HarvestQuery{ID: "h9"}, 0},
	}
	for _, tc := range tests {
		if n := count(tc.q); n != tc.want {
			t.Errorf("%s: %d records, want %d", tc.name, n, tc.want)
		}
	}
	// A deleted record stays harvestable, as deleted, in its sets, until it is
	// added again.
	if err := s.Delete(ctx, "h0"); err != nil {
		t.Fatal(err)
	}
	if n := count(store.HarvestQuery{}); n != 7 {
		t.Errorf("after a delete: %d records, want 7 (one deleted)", n)
	}
	items, _, err := s.Harvest(ctx, store.HarvestQuery{ID: "h0"})
	if err != nil || len(items) != 1 || !items[0].Deleted || items[0].Record.Category != record.Primary ||
		items[0].Record.Collection == nil || items[0].Record.Collection.ID != "vol1" || items[0].Datestamp.Before(before) {
		t.Fatalf("deleted record harvested as %+v (%v)", items, err)
	}
	if n := count(store.HarvestQuery{Collection: "vol1"}); n != 3 {
		t.Errorf("collection after a delete: %d, want 3", n)
	}
	mustPut(t, s, file("/in/h0.txt", "sha256:h0", recs[0]))
	items, total, err := s.Harvest(ctx, store.HarvestQuery{ID: "h0", Count: true})
	if err != nil || total != 1 || items[0].Deleted || items[0].Record.Title != "Harvested 0" {
		t.Errorf("re-added record harvested as %+v (%v)", items, err)
	}

	// A collection whose records are all deleted is still a set: its harvesters
	// must hear of the deletions.
	other := rec("h9", "Alone", "Text.")
	other.Collection = &record.Collection{ID: "vol2", Title: "Volume 2"}
	mustPut(t, s, file("/in/h9.txt", "sha256:h9", other))
	if err := s.Delete(ctx, "h9"); err != nil {
		t.Fatal(err)
	}
	sets, err := s.HarvestSets(ctx)
	if err != nil || fmt.Sprint(sets) != "[vol1 vol2]" {
		t.Errorf("HarvestSets = %v, %v", sets, err)
	}
}
