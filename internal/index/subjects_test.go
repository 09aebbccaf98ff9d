package index

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unsafe"

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

// A pooled bitmap is clean for the next result.
func TestBitmapReleasedClean(t *testing.T) {
	b := newBitmap(1000, []uint32{1, 500})
	if b.count([]uint32{1, 2, 500}) != 2 {
		t.Fatal("a bitmap does not count what it marks")
	}
	b.release()
	if b = newBitmap(1000, nil); b.count([]uint32{1, 500}) != 0 {
		t.Fatal("a pooled bitmap kept an earlier result's marks")
	}
	b.release()
}

// The subject facet counts a small result and a large one alike.
func TestSubjectFacetSmallResult(t *testing.T) {
	var docs []Doc
	for i := range 100 {
		r := record.Record{ID: fmt.Sprintf("d%03d", i), Category: record.Primary, Title: "The tariff on wool", Body: "wool"}
		if i == 37 {
			r.Body = "wool and a rare word, zebu"
		}
		docs = append(docs, FromRecord(int64(i+1), &r))
	}
	ix := build(docs)
	for q, want := range map[string]string{"zebu": "[{trade-tariffs 1}]", "wool": "[{trade-tariffs 100}]"} {
		res := run(ix, Request{Node: parse(q), Limit: 10, Facets: true})
		if got := fmt.Sprint(res.Facets["subject"]); got != want {
			t.Errorf("subject facet of %s = %s, want %s", q, got, want)
		}
	}
}

// The subjects' bits, built by the first search that counts them, follow the
// index through what changes it after: documents added (the bits extended),
// replaced and removed, a merge into a new segment (built again); an index
// searched at every step answers as one searched only at the end.
func TestSubjectMasksFollowChanges(t *testing.T) {
	docs := genDocs(600, 9)
	removed, replaced := changes(docs[:300])
	facetsOf := func(ix *Index) string {
		var b strings.Builder
		for _, q := range []string{"", "loan", "subject:claims", "treaty -subject:treaties"} {
			res := run(ix, Request{Node: parse(q), Limit: 1, Facets: true, Unpublished: true})
			fmt.Fprintf(&b, "%s: %d %v\n", q, res.Total, res.Facets["subject"])
		}
		return b.String()
	}
	steps := []func(ix *Index){
		func(ix *Index) { ix.Apply(nil, analyzeAll(docs[300:450])) },
		func(ix *Index) { ix.Apply(removed, analyzeAll(replaced)) },
		func(ix *Index) { ix.Apply(nil, analyzeAll(docs[450:])) },
	}
	searched, _ := roundTrip(t, build(docs[:300]))
	if facetsOf(searched) != facetsOf(build(docs[:300])) {
		t.Fatal("a segment's subject facet differs from the heap's")
	}
	for i, step := range steps {
		step(searched)
		// The same index through the same steps, searched only now.
		quiet, _ := roundTrip(t, build(docs[:300]))
		for _, s := range steps[:i+1] {
			s(quiet)
		}
		if got, want := facetsOf(searched), facetsOf(quiet); got != want {
			t.Fatalf("after step %d, searched at every step:\n%s\nsearched once:\n%s", i, got, want)
		}
	}
	merged, _ := roundTrip(t, searched) // numbered anew
	if got, want := facetsOf(merged), facetsOf(searched); got != want {
		t.Errorf("after the merge:\n%s\nbefore:\n%s", got, want)
	}
	if !strings.Contains(facetsOf(merged), "treaties") {
		t.Error("no document counted under treaties: the test counts nothing")
	}
}

// The facet pass reads one 40-byte row a document: the year rides in what
// was the row's padding, and a field added later should be a decision, not
// an accident.
func TestFacetRowSize(t *testing.T) {
	if n := unsafe.Sizeof(facetDoc{}); n != 40 {
		t.Errorf("facetDoc is %d bytes, want 40", n)
	}
	for _, c := range []struct {
		earliest int32
		want     uint16
	}{{0, 0}, {-5, 0}, {101, 1}, {19530305, 1954}, {99991231, 10000}} {
		if got := facetYear(c.earliest); got != c.want {
			t.Errorf("facetYear(%d) = %d, want %d", c.earliest, got, c.want)
		}
	}
}
