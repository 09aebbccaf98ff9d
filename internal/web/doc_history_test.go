package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"fond/internal/store"
)

func edit(t *testing.T, st store.Store, id string, base int, author string, fields map[string]string) {
	t.Helper()
	f := map[string]json.RawMessage{}
	for k, v := range fields {
		f[k] = json.RawMessage(v)
	}
	if _, err := st.EditRecord(context.Background(), store.Edit{ID: id, Base: base, Fields: f, Author: author}); err != nil {
		t.Fatal(err)
	}
}

// The history shows each revision's changes (a long text word by word), who,
// when and why; restoring an earlier revision is a new revision.
func TestDocHistoryAndRevert(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	long := strings.Repeat("The loan was discussed at length. ", 5)
	edit(t, st, pubID, 1, "editor1", map[string]string{"title": `"Second title"`, "body": strconv.Quote(long + "Stalin agreed.")})
	edit(t, st, pubID, 2, "admin1", map[string]string{"body": strconv.Quote(long + "Stalin refused.")})
	ed := loginAs(t, ts.URL, store.RoleEditor)
	status, _, page := ed.get(t, "/documents/"+pubID+"/history")
	if status != http.StatusOK {
		t.Fatalf("history: %d", status)
	}
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}
	for _, want := range []string{"Revision 3: edit", "admin1", "Revision 2: edit", "editor1", "<del>Telegram from Pyongyang on the loan</del>",
		"<ins>Second title</ins>", "<del>agreed.</del><ins>refused.</ins>", "Revision 1: ingest"} {
		if !strings.Contains(page, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	if strings.Index(page, "Revision 3") > strings.Index(page, "Revision 2") {
		t.Error("history is not newest first")
	}
	// Restore revision 1 against revision 3.
	status, h, _ := ed.postForm(t, "/documents/"+pubID+"/revert", url.Values{"revision": {"1"}, "base": {"3"}})
	if status != http.StatusSeeOther || h.Get("Location") != "/documents/"+pubID+"/history" {
		t.Fatalf("revert: %d %s", status, h.Get("Location"))
	}
	r := getRecord(t, st, pubID)
	if r.Revision != 4 || r.Title != "Telegram from Pyongyang on the loan" || r.Body != "The loan was discussed with Stalin." {
		t.Errorf("after revert: rev %d %q %q", r.Revision, r.Title, r.Body)
	}
	hist, _ := st.History(context.Background(), pubID)
	if hist[0].Action != store.ActionRevert || hist[0].Author != "editor1" {
		t.Errorf("revert revision: %+v", hist[0])
	}
	log, _ := st.AuditLog(context.Background(), store.AuditQuery{Action: store.AuditRevert})
	if len(log) != 1 {
		t.Errorf("audit: %+v", log)
	}
	// A revert against a revision no longer the latest restores nothing.
	if status, _, _ := ed.postForm(t, "/documents/"+pubID+"/revert", url.Values{"revision": {"2"}, "base": {"3"}}); status != http.StatusConflict {
		t.Errorf("stale revert: %d, want 409", status)
	}
	if status, _, _ := ed.postForm(t, "/documents/"+pubID+"/revert", url.Values{"revision": {"9"}, "base": {"4"}}); status != http.StatusUnprocessableEntity {
		t.Errorf("revert to a revision that does not exist: %d, want 422", status)
	}
	if r := getRecord(t, st, pubID); r.Revision != 4 {
		t.Errorf("a refused revert saved revision %d", r.Revision)
	}
	// Contributors may not restore a published record, and see no such form.
	co := loginAs(t, ts.URL, store.RoleContributor)
	_, _, page = co.get(t, "/documents/"+pubID+"/history")
	if strings.Contains(page, "/revert") {
		t.Error("a contributor is offered to restore a published record")
	}
	if status, _, _ := co.postForm(t, "/documents/"+pubID+"/revert", url.Values{"revision": {"1"}, "base": {"4"}}); status != http.StatusForbidden {
		t.Errorf("contributor revert of a published record: %d, want 403", status)
	}
	// They may restore a draft.
	edit(t, st, draftID, 1, "editor1", map[string]string{"title": `"Draft, retitled"`})
	if status, _, _ := co.postForm(t, "/documents/"+draftID+"/revert", url.Values{"revision": {"1"}, "base": {"2"}}); status != http.StatusSeeOther {
		t.Errorf("contributor revert of a draft: %d, want 303", status)
	}
	if r := getRecord(t, st, draftID); r.Revision != 3 || r.Title != "Telegram on the "+leakWord+" affair" {
		t.Errorf("draft after the contributor's revert: rev %d %q", r.Revision, r.Title)
	}
	// Readers have no history.
	if status, h, _ := loginAs(t, ts.URL, "").get(t, "/documents/"+pubID+"/history"); status != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login") {
		t.Errorf("anonymous history: %d", status)
	}
}

// A long history pages by revision (?before=N), so one page stays bounded.
func TestDocHistoryPages(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	for i := 1; i <= historyPage+5; i++ {
		edit(t, st, pubID, i, "editor1", map[string]string{"title": strconv.Quote("Title " + strconv.Itoa(i))})
	}
	ed := loginAs(t, ts.URL, store.RoleEditor)
	_, _, page := ed.get(t, "/documents/"+pubID+"/history")
	if n := strings.Count(page, "<h2>Revision "); n != historyPage {
		t.Errorf("first page: %d revisions, want %d", n, historyPage)
	}
	// 26 revisions: the ingest and 25 edits; the first page shows 26 to 7.
	older := "/documents/" + pubID + "/history?before=7"
	if !strings.Contains(page, `href="`+older+`"`) {
		t.Fatalf("no link to older revisions")
	}
	_, _, page = ed.get(t, older)
	if n := strings.Count(page, "<h2>Revision "); n != 6 || !strings.Contains(page, "Revision 1: ingest") {
		t.Errorf("older page: %d revisions", n)
	}
	if status, _, _ := ed.get(t, "/documents/"+pubID+"/history?before=x"); status != http.StatusBadRequest {
		t.Errorf("before=x: %d, want 400", status)
	}
}

// Word-level differences keep every byte and mark only what changed.
func TestWordDiff(t *testing.T) {
	d := wordDiff("the loan was discussed with Stalin", "the credit was discussed with Stalin and Kim")
	var from, to, marked strings.Builder
	for _, p := range d {
		if p.Op != "ins" {
			from.WriteString(p.Text)
		}
		if p.Op != "del" {
			to.WriteString(p.Text)
		}
		if p.Op != "" {
			marked.WriteString(p.Op + ":" + p.Text + "|")
		}
	}
	if from.String() != "the loan was discussed with Stalin" || to.String() != "the credit was discussed with Stalin and Kim" {
		t.Errorf("diff loses text: %q %q", from.String(), to.String())
	}
	if marked.String() != "del:loan |ins:credit |del:Stalin|ins:Stalin and Kim|" {
		t.Errorf("diff marks %q", marked.String())
	}
	// Past the bound the middle is removed and added whole, not aligned.
	a := strings.Repeat("a ", 2000)
	b := strings.Repeat("b ", 2000)
	if d := wordDiff(a, b); len(d) != 2 || d[0].Op != "del" || d[1].Op != "ins" {
		t.Errorf("unbounded diff: %d pieces", len(d))
	}
}
