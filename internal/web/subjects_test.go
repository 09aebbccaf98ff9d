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
	code, _, body = get(t, ts.URL+"/api/documents/"+pubID)
	if code != http.StatusOK || !strings.Contains(body, `"subjects_assigned": [
    "loans-debt"
  ]`) || strings.Contains(body, `"subjects":`) {
		t.Errorf("the API does not say the assigned subjects apart (%d): %s", code, body)
	}
	code, _, body = get(t, ts.URL+"/api/search?q=subject:loans-debt")
	if code != http.StatusOK || !strings.Contains(body, pubID) {
		t.Errorf("the API does not take subject: (%d)", code)
	}
}

// The edit form offers the subjects as assigned or set by hand: set, they
// replace the assigned ones on the page and in search; "assigned" again
// clears them; an untouched form changes nothing.
func TestDocEditSubjects(t *testing.T) {
	st, ed, v := editorOnForm(t, nil)
	if v.Get("subjects.by") != "assigned" || v.Get("subjects") != "loans-debt" {
		t.Fatalf("the form shows subjects %q by %q, want loans-debt assigned", v["subjects"], v.Get("subjects.by"))
	}
	if code, _, _ := ed.postForm(t, "/documents/"+pubID+"/edit", v); code != http.StatusSeeOther {
		t.Fatalf("unchanged form: %d", code)
	}
	if r := getRecord(t, st, pubID); r.Revision != 1 || r.Subjects != nil {
		t.Fatalf("an unchanged form saved subjects: revision %d %q", r.Revision, r.Subjects)
	}
	v.Set("subjects.by", "set")
	v["subjects"] = []string{"claims", "treaties"}
	if code, _, _ := ed.postForm(t, "/documents/"+pubID+"/edit", v); code != http.StatusSeeOther {
		t.Fatalf("set: %d", code)
	}
	_, _, page := ed.get(t, "/documents/"+pubID)
	if !strings.Contains(page, `>Claims and indemnities</a>; <a href="/search?subject=treaties&amp;sort=date">Treaties and conventions</a> <small>(set by a cataloguer)</small>`) {
		t.Error("the document page does not show the subjects set")
	}
	if _, _, body := ed.get(t, "/search?subject=loans-debt"); strings.Contains(body, "/documents/"+pubID) {
		t.Error("the assigned subject still finds the record")
	}
	_, _, form := ed.get(t, "/documents/"+pubID+"/edit")
	v = formValues(t, form)
	if v.Get("subjects.by") != "set" || strings.Join(v["subjects"], " ") != "claims treaties" {
		t.Fatalf("the form after setting: %q by %q", v["subjects"], v.Get("subjects.by"))
	}
	v["subjects"] = []string{"astrology"}
	if code, _, body := ed.postForm(t, "/documents/"+pubID+"/edit", v); code != http.StatusUnprocessableEntity || !strings.Contains(body, "astrology&#34; is not a subject of the vocabulary") {
		t.Errorf("an unknown subject: %d", code)
	}
	v.Set("subjects.by", "assigned")
	if code, _, _ := ed.postForm(t, "/documents/"+pubID+"/edit", v); code != http.StatusSeeOther {
		t.Fatalf("assigned again: %d", code)
	}
	if r := getRecord(t, st, pubID); r.Subjects != nil {
		t.Errorf("assigned again, yet the record keeps %q", r.Subjects)
	}
}
