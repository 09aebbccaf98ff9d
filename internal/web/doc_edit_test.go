package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// editorOnForm serves the access fixture (configured), signs an editor in
// and loads the published record's form, as the browser would submit it.
func editorOnForm(t *testing.T, configure func(*Server)) (store.Store, *client, url.Values) {
	t.Helper()
	ts, st, _ := newAccessServer(t, configure)
	ed := loginAs(t, ts.URL, store.RoleEditor)
	status, _, page := ed.get(t, "/documents/"+pubID+"/edit")
	if status != http.StatusOK {
		t.Fatalf("edit form: %d", status)
	}
	return st, ed, formValues(t, page)
}

func getRecord(t *testing.T, st store.Store, id string) record.Record {
	t.Helper()
	r, err := st.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The edit form shows every editable field under its JSON name with the
// revision it was loaded at; it is a valid page; submitting it unchanged
// saves nothing (the form reads back what it shows).
func TestDocEditFormRoundTrip(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	ed := loginAs(t, ts.URL, store.RoleEditor)
	status, _, page := ed.get(t, "/documents/"+pubID+"/edit")
	if status != http.StatusOK {
		t.Fatalf("edit form: %d", status)
	}
	if err := checkHTML(page); err != nil {
		t.Errorf("edit form: %v", err)
	}
	v := formValues(t, page)
	for _, name := range []string{"title", "doc_number", "summary", "type", "category", "date.edtf", "date.display", "date.qualifier", "date.note",
		"place", "classification", "languages.text", "languages.original", "sources.0.reference", "sources.0.fond", "sources.1.reference",
		"authors", "recipients", "participants", "translators", "donors", "rights", "record_id", "publisher", "collection.title",
		"url", "notes.0.text", "body", "revision"} {
		if _, ok := v[name]; !ok {
			t.Errorf("the form has no input %q", name)
		}
	}
	if v.Get("title") != "Telegram from Pyongyang on the loan" || v.Get("date.edtf") != "1950-03-03" || v.Get("participants") != "Stalin" ||
		v.Get("sources.0.fond") != "3" || v.Get("revision") != "1" {
		t.Errorf("the form does not show the record: %v", v)
	}
	status, h, _ := ed.postForm(t, "/documents/"+pubID+"/edit", v)
	if status != http.StatusSeeOther || h.Get("Location") != "/documents/"+pubID {
		t.Errorf("unchanged form: %d %s", status, h.Get("Location"))
	}
	if r := getRecord(t, st, pubID); r.Revision != 1 {
		t.Errorf("an unchanged form saved revision %d", r.Revision)
	}
}

// A change is one revision, by the person, with its field-level change, in
// the audit log; the form then says who set the field. The date's bounds are
// derived from its EDTF.
func TestDocEditSaves(t *testing.T) {
	st, ed, v := editorOnForm(t, nil)
	v.Set("title", "Telegram from Pyongyang on the credit")
	v.Set("date.edtf", "1950-04")
	v.Set("authors", "Kim Il Sung\r\n\r\n  Pak Hon Yong \r\n")
	v.Set("sources.1.reference", "AVPRF, f. 059a")
	v.Set("notes.0.text", "Translated from Russian.")
	v.Set("notes.0.kind", "translator")
	v.Set("revision_note", "checked against the scan")
	status, _, body := ed.postForm(t, "/documents/"+pubID+"/edit", v)
	if status != http.StatusSeeOther {
		t.Fatalf("save: %d %.300s", status, body)
	}
	r := getRecord(t, st, pubID)
	if r.Revision != 2 || r.Title != "Telegram from Pyongyang on the credit" || r.Date.Earliest != "1950-04-01" || r.Date.Latest != "1950-04-30" {
		t.Errorf("saved record: rev %d %q %+v", r.Revision, r.Title, r.Date)
	}
	if strings.Join(r.Authors, "|") != "Kim Il Sung|Pak Hon Yong" || len(r.Sources) != 2 || r.Sources[1].Reference != "AVPRF, f. 059a" ||
		len(r.Notes) != 1 || r.Notes[0].Kind != "translator" {
		t.Errorf("saved lists: %q %+v %+v", r.Authors, r.Sources, r.Notes)
	}
	if p := r.Provenance["title"]; p.By != "editor1" {
		t.Errorf("title provenance %+v", p)
	}
	hist, _ := st.History(context.Background(), pubID)
	if len(hist) == 0 || hist[0].Author != "editor1" || hist[0].Note != "checked against the scan" || hist[0].Action != store.ActionEdit {
		t.Errorf("history: %+v", hist)
	}
	log, _ := st.AuditLog(context.Background(), store.AuditQuery{Action: store.AuditEdit})
	if len(log) != 1 || log[0].Target != pubID || log[0].Actor != "editor1" || log[0].Detail != "revision 2: title, date, sources, authors, notes" {
		t.Errorf("audit: %+v", log)
	}
	_, _, page := ed.get(t, "/documents/"+pubID+"/edit")
	if !strings.Contains(page, "Set by editor1") {
		t.Error("the form does not say who set the title")
	}
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}
}

// A bad value is refused with 422: the field named beside its input, the
// form as typed, nothing saved.
func TestDocEditRefusesBadValues(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	ed := loginAs(t, ts.URL, store.RoleEditor)
	_, _, page := ed.get(t, "/documents/"+pubID+"/edit")
	for field, bad := range map[string][2]string{
		"date":      {"date.edtf", "1949-13-45"},
		"url":       {"url", "javascript:alert(1)"},
		"languages": {"languages.text", "Russian"},
		"category":  {"category", "tertiary"},
		"sources":   {"sources.x.fond", "1"},
		"revision":  {"revision", "none"},
	} {
		v := formValues(t, page)
		v.Set("title", "A typed title that must survive")
		v.Set(bad[0], bad[1])
		status, _, body := ed.postForm(t, "/documents/"+pubID+"/edit", v)
		if status != http.StatusUnprocessableEntity {
			t.Errorf("%s=%s: %d, want 422", bad[0], bad[1], status)
			continue
		}
		if !strings.Contains(body, `href="#f-`+field+`"`) {
			t.Errorf("%s: the summary does not link to the field", field)
		}
		if field != "sources" && field != "revision" && !strings.Contains(body, `id="f-`+field+`-error"`) {
			t.Errorf("%s: no message beside the field", field)
		}
		if field == "date" && !strings.Contains(body, `aria-describedby="f-date-error"`) {
			t.Error("the date input does not point to its message")
		}
		if !strings.Contains(body, `value="A typed title that must survive"`) {
			t.Errorf("%s: the typed title is lost", field)
		}
		if field != "sources" && field != "revision" && field != "category" && !strings.Contains(body, `value="`+strings.ReplaceAll(bad[1], `"`, "&#34;")+`"`) {
			t.Errorf("%s: the typed bad value is lost", field)
		}
		if err := checkHTML(body); err != nil {
			t.Errorf("%s: %v", field, err)
		}
	}
	if r := getRecord(t, st, pubID); r.Revision != 1 || r.Title != "Telegram from Pyongyang on the loan" {
		t.Errorf("a refused form saved: rev %d %q", r.Revision, r.Title)
	}
}

// Two browsers load the form; the second to save is told (409) with both
// versions, and nothing is lost: its values stay in a form against the new
// revision, which keeps the first one's change in the fields the second did
// not touch. Submitting that form saves both.
func TestDocEditStaleRevision(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	a := loginAs(t, ts.URL, store.RoleEditor)
	b := loginAs(t, ts.URL, store.RoleAdmin)
	_, _, pa := a.get(t, "/documents/"+pubID+"/edit")
	_, _, pb := b.get(t, "/documents/"+pubID+"/edit")
	va, vb := formValues(t, pa), formValues(t, pb)
	va.Set("title", "Title by A")
	va.Set("place", "Moscow")
	if status, _, _ := a.postForm(t, "/documents/"+pubID+"/edit", va); status != http.StatusSeeOther {
		t.Fatalf("first save: %d", status)
	}
	vb.Set("summary", "Summary by B")
	vb.Set("place", "Beijing")
	status, _, page := b.postForm(t, "/documents/"+pubID+"/edit", vb)
	if status != http.StatusConflict {
		t.Fatalf("stale save: %d, want 409", status)
	}
	if r := getRecord(t, st, pubID); r.Revision != 2 || r.Summary != "" || r.Place != "Moscow" {
		t.Errorf("the stale form saved something: rev %d %q %q", r.Revision, r.Summary, r.Place)
	}
	for _, want := range []string{"<td><pre>Moscow</pre></td><td><pre>Beijing</pre></td>", "changed by both", "Summary by B"} {
		if !strings.Contains(page, want) {
			t.Errorf("conflict page lacks %q", want)
		}
	}
	if !strings.Contains(page, "<td><pre>Title by A</pre></td><td><pre>Telegram from Pyongyang on the loan</pre></td><td>theirs</td>") {
		t.Error("the table does not show that the form keeps the other person's title")
	}
	for _, same := range []string{"doc_number", "date", "publisher", "url", "sources", "body"} {
		if strings.Contains(page, `<th scope="row">`+same+`<`) {
			t.Errorf("the conflict table lists %s, which neither form changed", same)
		}
	}
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}
	again := formValues(t, page)
	if again.Get("revision") != "2" || again.Get("title") != "Title by A" || again.Get("summary") != "Summary by B" || again.Get("place") != "Beijing" {
		t.Errorf("conflict form: revision %q title %q summary %q place %q", again.Get("revision"), again.Get("title"), again.Get("summary"), again.Get("place"))
	}
	if status, _, _ := b.postForm(t, "/documents/"+pubID+"/edit", again); status != http.StatusSeeOther {
		t.Fatalf("resubmitted: %d", status)
	}
	r := getRecord(t, st, pubID)
	if r.Revision != 3 || r.Title != "Title by A" || r.Summary != "Summary by B" || r.Place != "Beijing" {
		t.Errorf("after resubmitting: rev %d %q %q %q", r.Revision, r.Title, r.Summary, r.Place)
	}
}

// Contributors change drafts only; editors anything; readers are sent to
// sign in; a form without its token changes nothing.
func TestDocEditRoles(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	anon := loginAs(t, ts.URL, "")
	co := loginAs(t, ts.URL, store.RoleContributor)
	ed := loginAs(t, ts.URL, store.RoleEditor)
	if status, h, _ := anon.get(t, "/documents/"+draftID+"/edit"); status != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login") {
		t.Errorf("anonymous edit form: %d %s", status, h.Get("Location"))
	}
	if status, _, _ := co.get(t, "/documents/"+pubID+"/edit"); status != http.StatusForbidden {
		t.Errorf("contributor, published record: %d, want 403", status)
	}
	status, _, page := co.get(t, "/documents/"+draftID+"/edit")
	if status != http.StatusOK {
		t.Fatalf("contributor, draft: %d", status)
	}
	v := formValues(t, page)
	v.Set("title", "Draft title by a contributor")
	v.Set("csrf", "")
	if status, _, _ := co.do(t, http.MethodPost, "/documents/"+draftID+"/edit", v, nil); status != http.StatusForbidden {
		t.Errorf("no token: %d, want 403", status)
	}
	if r := getRecord(t, st, draftID); r.Revision != 1 {
		t.Errorf("a form without its token saved revision %d", r.Revision)
	}
	if status, _, _ := co.postForm(t, "/documents/"+draftID+"/edit", v); status != http.StatusSeeOther {
		t.Errorf("contributor saves a draft: %d", status)
	}
	if status, _, _ := co.postForm(t, "/documents/"+pubID+"/edit", v); status != http.StatusForbidden {
		t.Errorf("contributor posts to a published record: %d, want 403", status)
	}
	if r := getRecord(t, st, pubID); r.Revision != 1 {
		t.Errorf("a contributor changed a published record")
	}
	// The document page links staff to the form and the history.
	_, _, doc := ed.get(t, "/documents/"+pubID)
	if !strings.Contains(doc, `href="/documents/`+pubID+`/edit"`) || !strings.Contains(doc, `href="/documents/`+pubID+`/history"`) {
		t.Error("the document page does not link editors to edit and history")
	}
	_, _, doc = co.get(t, "/documents/"+pubID)
	if strings.Contains(doc, `/edit"`) || !strings.Contains(doc, `/history"`) {
		t.Error("a contributor is offered to edit a published record, or not its history")
	}
	_, _, doc = anon.get(t, "/documents/"+pubID)
	if strings.Contains(doc, `/edit"`) || strings.Contains(doc, `/history"`) {
		t.Error("readers see staff links")
	}
}

// The edit form's body is bounded by --max-edit-bytes (413), which may be far
// larger than --max-form-bytes, which still bounds other forms.
func TestEditBodyLimit(t *testing.T) {
	st, ed, v := editorOnForm(t, func(s *Server) {
		s.Limits.MaxFormBytes = 1 << 10
		s.Limits.MaxEditBytes = 64 << 10
	})
	v.Set("body", strings.Repeat("A text past the form limit. ", 200))
	if status, _, body := ed.postForm(t, "/documents/"+pubID+"/edit", v); status != http.StatusSeeOther {
		t.Errorf("a 5 KB text under --max-edit-bytes: %d %.200s", status, body)
	}
	v.Set("body", strings.Repeat("A text past the edit limit. ", 3000))
	v.Set("revision", "2")
	if status, _, _ := ed.postForm(t, "/documents/"+pubID+"/edit", v); status != http.StatusRequestEntityTooLarge {
		t.Errorf("an 84 KB form over --max-edit-bytes: %d, want 413", status)
	}
	if r := getRecord(t, st, pubID); r.Revision != 2 {
		t.Errorf("revision %d after the refused form", r.Revision)
	}
	big := url.Values{"reason": {strings.Repeat("x", 2<<10)}}
	if status, _, _ := ed.postForm(t, "/documents/"+otherID+"/withdraw", big); status != http.StatusRequestEntityTooLarge {
		t.Errorf("a 2 KB withdraw form over --max-form-bytes: %d, want 413", status)
	}
}

// The form marks what the machine was unsure of (a field's confidence under
// the review queue's 0.6, OCR text under 0.8), and stops once a person set it.
func TestDocEditMarksUnsureFields(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	ctx := context.Background()
	scan := record.Record{ID: "cccc0000cccc0000", Title: "Perhaps a title", Type: "Letter", Category: record.Primary, Body: "Read by OCR.",
		Place: "Moscow", TextFrom: "ocr", OCRConfidence: 0.5, Confidence: map[string]float64{"title": 0.3, "place": 0.85}}
	if _, err := st.PutFile(ctx, store.File{Path: "/in/scan.png", Format: "text", Status: record.Draft,
		Original: store.Original{Checksum: "sha256:scan", Name: "scan.png", Data: []byte("scan")}, Records: []record.Record{scan}}); err != nil {
		t.Fatal(err)
	}
	ed := loginAs(t, ts.URL, store.RoleEditor)
	_, _, page := ed.get(t, "/documents/"+scan.ID+"/edit")
	unsure := func(page, id string) bool {
		i := strings.Index(page, `id="`+id+`"`)
		if i < 0 {
			t.Fatalf("no input #%s", id)
		}
		j := strings.Index(page[i:], "</div>")
		return j >= 0 && strings.Contains(page[i:i+j], `class="unsure"`)
	}
	if !unsure(page, "f-title") || !unsure(page, "f-body") || unsure(page, "f-place") {
		t.Errorf("unsure marks: title %v body %v place %v", unsure(page, "f-title"), unsure(page, "f-body"), unsure(page, "f-place"))
	}
	if !strings.Contains(page, "(30%)") {
		t.Error("the title's confidence is not shown")
	}
	v := formValues(t, page)
	v.Set("title", "A letter on the loan")
	if status, _, _ := ed.postForm(t, "/documents/"+scan.ID+"/edit", v); status != http.StatusSeeOther {
		t.Fatalf("save: %d", status)
	}
	_, _, page = ed.get(t, "/documents/"+scan.ID+"/edit")
	if unsure(page, "f-title") || !strings.Contains(page, "Set by editor1") {
		t.Error("a title a person set is still marked unsure, or not as theirs")
	}
	// The source, read again, now gives another title: the person's stays,
	// and the form shows the new reading beside it.
	scan.Title = "Perhaps <another> title"
	if _, err := st.PutFile(ctx, store.File{Path: "/in/scan.png", Format: "text",
		Original: store.Original{Checksum: "sha256:scan2", Name: "scan.png", Data: []byte("scan, read again")}, Records: []record.Record{scan}}); err != nil {
		t.Fatal(err)
	}
	_, _, page = ed.get(t, "/documents/"+scan.ID+"/edit")
	if !strings.Contains(page, "The source now reads: <q>Perhaps &lt;another&gt; title</q>") || !strings.Contains(page, `value="A letter on the loan"`) {
		t.Error("the form does not show the source's new reading beside the person's title")
	}
}

// The note on a revision is bounded, in the form and the API.
func TestRevisionNoteBounded(t *testing.T) {
	st, ed, v := editorOnForm(t, nil)
	v.Set("title", "Another title")
	v.Set("revision_note", strings.Repeat("x", maxWhy+1))
	if status, _, body := ed.postForm(t, "/documents/"+pubID+"/edit", v); status != http.StatusUnprocessableEntity || !strings.Contains(body, `href="#f-revision_note"`) {
		t.Errorf("a 1,001-character note: %d", status)
	}
	api := newAPIClient(t, st, ed.base, "editor1")
	status, _, _ := api.call(t, http.MethodPatch, "/api/documents/"+pubID, `{"title":"x"}`,
		map[string]string{"Content-Type": "application/json", "If-Match": "*", "X-Fond-Note": strings.Repeat("x", maxWhy+1)})
	if status != http.StatusBadRequest {
		t.Errorf("a 1,001-character X-Fond-Note: %d", status)
	}
	if r := getRecord(t, st, pubID); r.Revision != 1 {
		t.Errorf("saved revision %d", r.Revision)
	}
}
