package index

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/subjects"
)

// TestSubjects: subject: finds records by the subjects assigned from their
// text or collection, or set by a person, by id or label; the facet counts them.
func TestSubjects(t *testing.T) {
	mk := func(ref int64, id string, r record.Record) Doc {
		r.ID, r.Category = id, record.Primary
		return FromRecord(ref, &r)
	}
	ix := build([]Doc{
		mk(1, "tariff", record.Record{Title: "The tariff on wool", Body: "wool"}),
		mk(2, "seal", record.Record{Title: "Mr. Smith to Mr. Hay", Body: "wool",
			Collection: &record.Collection{ID: "c1", Title: "Whaling and Sealing Claims"}}),
		mk(3, "set", record.Record{Title: "The tariff on wool", Body: "wool", Subjects: []string{"treaties"}}),
		mk(4, "none", record.Record{Title: "A visit", Body: "wool"}),
	})
	for q, want := range map[string]string{
		"subject:trade-tariffs":                   "1 [tariff]",
		`subject:"Trade and tariffs"`:             "1 [tariff]",
		"subject:claims":                          "1 [seal]",
		"subject:shipping":                        "1 [seal]",
		"subject:treaties":                        "1 [set]", // a person's subjects replace the assigned
		"subject:astrology":                       "0 []",
		"wool -subject:claims":                    "3 [none set tariff]",
		"subject:claims OR subject:trade-tariffs": "2 [seal tariff]",
	} {
		if got := ids(ix, q); got != want {
			t.Errorf("%s = %s, want %s", q, got, want)
		}
	}
	res := run(ix, Request{Node: parse("wool"), Limit: 10, Facets: true})
	var counts []string
	for _, c := range res.Facets["subject"] {
		counts = append(counts, fmt.Sprint(c.Value, "=", c.Count))
	}
	if got := strings.Join(counts, " "); got != "claims=1 shipping=1 trade-tariffs=1 treaties=1" {
		t.Errorf("subject facet = %s", got)
	}
	res = run(ix, Request{Node: parse("subject:claims"), Limit: 10, Facets: true})
	if got := fmt.Sprint(res.Facets["subject"]); got != "[{claims 1} {shipping 1}]" {
		t.Errorf("subject facet of subject:claims = %s", got)
	}
}

// A snapshot made under another subject vocabulary is refused, so that the
// index is rebuilt under the one in force.
func TestSnapshotKeepsTheVocabulary(t *testing.T) {
	ix := build(testDocs())
	var buf bytes.Buffer
	if _, err := ix.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadSnapshot(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("a snapshot of this vocabulary: %v", err)
	}
	b := buf.Bytes()
	at := bytes.Index(b, []byte(subjects.Default().Version))
	if at < 0 {
		t.Fatal("the vocabulary's version is not in the file")
	}
	b[at] ^= 1 // another vocabulary's version
	if _, err := ReadSnapshot(bytes.NewReader(b)); err == nil || !strings.Contains(err.Error(), "subject vocabulary") {
		t.Fatalf("another vocabulary's snapshot: %v", err)
	}
}
