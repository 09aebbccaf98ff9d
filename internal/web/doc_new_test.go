package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// A contributor makes a record by hand: a draft whose given fields are
// theirs, and the browser goes to it. A bad value creates nothing.
func TestDocNew(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	anon := loginAs(t, ts.URL, "")
	if status, h, _ := anon.get(t, "/documents/new"); status != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login") {
		t.Errorf("anonymous new form: %d", status)
	}
	co := loginAs(t, ts.URL, store.RoleContributor)
	status, _, page := co.get(t, "/documents/new")
	if status != http.StatusOK {
		t.Fatalf("new form: %d", status)
	}
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}
	_, before, _ := st.List(context.Background(), store.ListQuery{Limit: 1})

	v := formValues(t, page)
	v.Set("title", "Note of a conversation")
	v.Set("date.edtf", "1949-13-45")
	status, _, body := co.postForm(t, "/documents/new", v)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, `id="f-date-error"`) || !strings.Contains(body, `value="Note of a conversation"`) {
		t.Errorf("bad date: %d", status)
	}
	if _, n, _ := st.List(context.Background(), store.ListQuery{Limit: 1}); n != before {
		t.Errorf("a refused form created a record: %d, before %d", n, before)
	}

	v.Set("date.edtf", "1949-03-05")
	v.Set("participants", "Stalin\nKim Il Sung")
	status, h, body := co.postForm(t, "/documents/new", v)
	if status != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/documents/") {
		t.Fatalf("create: %d %.300s", status, body)
	}
	id := strings.TrimPrefix(h.Get("Location"), "/documents/")
	r := getRecord(t, st, id)
	if r.Status != record.Draft || r.Title != "Note of a conversation" || r.Date.Earliest != "1949-03-05" || len(r.Participants) != 2 || r.Format != "manual" {
		t.Errorf("created: %+v", r)
	}
	if r.Provenance["title"].By != "contributor1" {
		t.Errorf("title provenance: %+v", r.Provenance["title"])
	}
	if _, ok := r.Provenance["summary"]; ok {
		t.Error("a field left blank is marked as set by the person")
	}
	log, _ := st.AuditLog(context.Background(), store.AuditQuery{Action: store.AuditCreate})
	if len(log) != 1 || log[0].Target != id {
		t.Errorf("audit: %+v", log)
	}
	// Its creator sees it, may edit it (a draft), readers do not.
	if status, _, _ := co.get(t, "/documents/"+id+"/edit"); status != http.StatusOK {
		t.Errorf("the creator's edit form: %d", status)
	}
	if status, _, _ := anon.get(t, "/documents/"+id); status != http.StatusNotFound {
		t.Errorf("a reader sees the new draft: %d", status)
	}
}
