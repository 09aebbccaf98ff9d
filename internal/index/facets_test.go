package index

import (
	"fmt"
	"path/filepath"
	"testing"
)

// A result holding most of what its search may see has its facets counted
// as every such document's, kept between searches, less those of the
// documents it lacks: they must be the facets counted document by document,
// for readers and for staff (drafts counted or not), after documents are
// added, replaced and removed, and after a merge renumbers them.
func TestFacetsByLack(t *testing.T) {
	defer func(s float64) { wholeShare = s }(wholeShare)
	dir := t.TempDir()
	ix, _ := Open(filepath.Join(dir, "index"), Options{})
	defer ix.Close()
	docs := genDocs(1500, 8)
	ix.Apply(nil, analyzeAll(docs))
	queries := []string{"", "NOT cipher", "loan OR railway OR harbor OR treaty", "date:1940..1960", "loan"}
	check := func(when string) {
		t.Helper()
		for _, q := range queries {
			for _, staff := range []bool{false, true} {
				req := Request{Node: parse(q), Limit: 5, Facets: true, Unpublished: staff}
				wholeShare = 2 // never by lack
				want := run(ix, req)
				wholeShare = 0 // always
				got := run(ix, req)
				if fmt.Sprint(got.Total, got.Facets) != fmt.Sprint(want.Total, want.Facets) {
					t.Errorf("%s, %q staff %v: by lack\n%v\ndocument by document\n%v", when, q, staff, got.Facets, want.Facets)
				}
			}
		}
	}
	check("first")
	more := genDocs(1700, 9)[1500:] // ids and refs of their own: new documents
	for i := range more {
		more[i].Type = "Note of a new type"
		more[i].Persons = append(more[i].Persons, "Someone New")
	}
	replaced := docs[10]
	replaced.Status = "published"
	replaced.Type = "Replaced type"
	ix.Apply([]int64{docs[1].Ref, docs[2].Ref, docs[3].Ref}, append(analyzeAll(more), analyzeAll([]Doc{replaced})...))
	check("after a change")
	if err := ix.Save(); err != nil {
		t.Fatal(err)
	}
	check("after a merge")
}
