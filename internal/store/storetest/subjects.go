package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// testEditSubjects: a record's subjects are assigned from its text until a
// person sets them; theirs are checked against the vocabulary, searched with
// subject:, and kept when the file is read again.
func testEditSubjects(t *testing.T, s store.Store) {
	ctx := context.Background()
	f := file("/in/s.txt", "sha256:s", rec("s1", "Extradition of a fugitive", "The request for his surrender."))
	mustPut(t, s, f)
	if n := total(t, s, "subject:extradition"); n != 1 {
		t.Fatalf("assigned from the title: subject:extradition finds %d", n)
	}
	var fe *record.FieldError
	if _, err := edit(t, s, "s1", 1, map[string]any{"subjects": []string{"astrology"}}); !errors.As(err, &fe) || fe.Field != "subjects" {
		t.Fatalf("a subject the vocabulary lacks: %v", err)
	}
	r, err := edit(t, s, "s1", 1, map[string]any{"subjects": []string{"Treaties and conventions", "claims"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Subjects, []string{"treaties", "claims"}) || !r.Provenance["subjects"].Person() {
		t.Fatalf("subjects %q provenance %+v", r.Subjects, r.Provenance["subjects"])
	}
	for q, want := range map[string]int{"subject:treaties": 1, "subject:claims": 1, "subject:extradition": 0} {
		if n := total(t, s, q); n != want {
			t.Errorf("after the edit %s finds %d, want %d", q, n, want)
		}
	}
	f.Original.Checksum, f.Original.Data = "sha256:s2", []byte("changed")
	f.Records[0].Body += " Again."
	mustPut(t, s, f)
	if got, _ := s.Get(ctx, "s1"); !slices.Equal(got.Subjects, []string{"treaties", "claims"}) {
		t.Errorf("re-ingest lost the person's subjects: %q", got.Subjects)
	}
}
