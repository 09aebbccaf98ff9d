package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/store"
)

const attachText = "Telegram from Pyongyang, a second translation\n\n3 March 1950\n\nThe credit was talked over at length with the finance minister.\n"

// A contributor attaches a second translation to a published record: it is a
// draft of its own, listed with the record's editions for staff and not for
// readers until published; the audit log names it.
func TestAttachAnotherText(t *testing.T) {
	ts, st, _ := newAccessServer(t, func(s *Server) { s.Ingest = ingest.Limits{MaxFileSize: 1000} })
	ctx := context.Background()
	c := loginAs(t, ts.URL, store.RoleContributor)
	_, _, page := c.get(t, "/documents/"+pubID)
	if !strings.Contains(page, `action="/documents/`+pubID+`/attach" enctype="multipart/form-data"`) {
		t.Fatal("no attach form on the record's page")
	}
	if err := checkHTML(page); err != nil {
		t.Errorf("page with the attach form: %v", err)
	}
	status, body := c.upload(t, "/documents/"+pubID+"/attach", false, c.token(), part{field: "kind", data: []byte("translation")},
		part{"file", `..\..\<b>second</b>.txt`, []byte(attachText)})
	if status != http.StatusSeeOther {
		t.Fatalf("attach: %d %s", status, body)
	}
	r, _ := st.Get(ctx, pubID)
	var added string
	for _, e := range r.Editions {
		if e != draftID {
			added = e
		}
	}
	a, err := st.Get(ctx, added)
	if err != nil || a.Status != record.Draft || !slices.Contains(a.Editions, pubID) || a.SourceFile != "b_.txt" { // multipart keeps what follows the last slash
		t.Fatalf("attached record %+v %v", a, err)
	}
	_, _, page = c.get(t, "/documents/"+pubID)
	if !strings.Contains(page, `href="/documents/`+added+`"`) {
		t.Error("staff do not see the attached text among the editions")
	}
	if _, _, page := newClient(t, ts.URL).get(t, "/documents/"+pubID); strings.Contains(page, added) {
		t.Error("readers see the attached draft")
	}
	log, _ := st.AuditLog(ctx, store.AuditQuery{Action: store.AuditAttach})
	if len(log) != 1 || log[0].Target != pubID || !strings.Contains(log[0].Detail, added) || log[0].Actor != "contributor1" {
		t.Errorf("audit %+v", log)
	}

	// Refused, naming the file, and nothing stored: no kind, no file, too large.
	_, before, _ := st.List(ctx, store.ListQuery{Limit: 1})
	for name, parts := range map[string][]part{
		"no kind":   {c.token(), {"file", "x.txt", []byte(attachText + "x")}},
		"bad kind":  {c.token(), {field: "kind", data: []byte("<script>")}, {"file", "x.txt", []byte(attachText + "x")}},
		"no file":   {c.token(), {field: "kind", data: []byte("scan")}},
		"two files": {c.token(), {field: "kind", data: []byte("scan")}, {"file", "x.txt", []byte(attachText + "x")}, {"file", "y.txt", []byte(attachText + "y")}},
		"too large": {c.token(), {field: "kind", data: []byte("scan")}, {"file", "big.txt", []byte(strings.Repeat("word ", 300))}},
	} {
		status, body := c.upload(t, "/documents/"+pubID+"/attach", false, parts...)
		if status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d", name, status)
		}
		if name == "too large" && !strings.Contains(body, "big.txt: it is 1500 bytes, over the 1000 bytes limit") {
			t.Errorf("too large: the page does not name the file and the limit")
		}
	}
	if status, _ := c.upload(t, "/documents/"+pubID+"/attach", false, part{field: "kind", data: []byte("scan")}, c.token(), part{"file", "x.txt", []byte(attachText + "x")}); status != http.StatusForbidden {
		t.Errorf("token not first: %d", status)
	}
	if status, _ := c.upload(t, "/documents/nosuchrecord/attach", false, c.token(), part{field: "kind", data: []byte("scan")}, part{"file", "x.txt", []byte(attachText + "x")}); status != http.StatusNotFound {
		t.Errorf("attach to no record: %d", status)
	}
	if _, after, _ := st.List(ctx, store.ListQuery{Limit: 1}); after != before {
		t.Errorf("refused attachments stored %d records", after-before)
	}
}
