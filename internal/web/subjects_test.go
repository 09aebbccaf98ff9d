package web

import (
	"net/http"
	"strings"
	"testing"
)

// Subjects: /subjects lists the vocabulary with what readers may see of each,
// the search page filters and counts by them, and the document page shows a
// record's with links to their searches.
func TestSubjectPages(t *testing.T) {
	ts, _, _ := newAccessServer(t, nil)
	code, _, body := get(t, ts.URL+"/subjects")
	if code != http.StatusOK {
		t.Fatalf("/subjects: %d", code)
	}
	for _, want := range []string{
		`<a href="/search?subject=loans-debt&amp;sort=date">Loans and debt</a> <span class="count">1 document</span>`,
		`<a href="/search?subject=korean-war&amp;sort=date">Korean War</a> <span class="count">0 documents</span>`,
		"Loans between states and to governments", // a scope note
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/subjects lacks %s", want)
		}
	}
	code, _, body = get(t, ts.URL+"/search?subject=loans-debt&sort=date")
	if code != http.StatusOK || !strings.Contains(body, "/documents/"+pubID) || strings.Contains(body, "/documents/"+otherID) {
		t.Errorf("subject=loans-debt: %d, or not the loan's telegram alone", code)
	}
	code, _, body = get(t, ts.URL+"/search?q=loan")
	if code != http.StatusOK || !strings.Contains(body, ">Subjects<") || !strings.Contains(body, "Loans and debt") {
		t.Errorf("no Subjects facet beside a search for loan (%d)", code)
	}
	if strings.Contains(body, leakWord) {
		t.Error("a draft shows through the facets")
	}
	code, _, body = get(t, ts.URL+"/documents/"+pubID)
	if code != http.StatusOK || !strings.Contains(body, `<dt>Subjects</dt><dd><a href="/search?subject=loans-debt&amp;sort=date">Loans and debt</a></dd>`) {
		t.Errorf("the document page does not show its subject (%d)", code)
	}
	code, _, body = get(t, ts.URL+"/api/search?q=subject:loans-debt")
	if code != http.StatusOK || !strings.Contains(body, pubID) {
		t.Errorf("the API does not take subject: (%d)", code)
	}
}
