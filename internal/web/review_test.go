package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"fond/internal/auth"
	"fond/internal/record"
	"fond/internal/review"
	"fond/internal/store"
)

// The queue fixture, beside the access fixture's drafts: a published record
// whose title a person set and whose source now reads otherwise (both with
// markup and quotes), and one whose type the machine read without
// confidence. Ids sort before the fixture's drafts.
const (
	changedID = "1111000011110000"
	unsureID  = "1111222211112222"
	evilTitle = `Person's <script>alert("t")</script> title`
	evilNew   = `Source's <img src=x onerror=alert(1)> "reading"`
)

func queueFixture(t *testing.T, st store.Store) {
	t.Helper()
	ctx := context.Background()
	day := record.Date{EDTF: "1951-01-02", Display: "1951-01-02", Earliest: "1951-01-02", Latest: "1951-01-02", Qualifier: record.Exact}
	changed := record.Record{ID: changedID, Title: "Machine title", Type: "Letter", Category: record.Primary, Body: "A letter.", Date: day}
	unsure := record.Record{ID: unsureID, Title: "A memo", Type: "Memo <b>", Category: record.Primary, Body: "A memo.", Date: day,
		Confidence: map[string]float64{"type": 0.3}}
	file := func(title string) store.File {
		c := changed
		c.Title = title
		return store.File{Path: "/in/queue.txt", Format: "text", Original: store.Original{Checksum: "sha256:queue-" + title, Name: "queue.txt", Data: []byte(title)},
			Records: []record.Record{c, unsure}}
	}
	if _, err := st.PutFile(ctx, file("Machine title")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EditRecord(ctx, store.Edit{ID: changedID, Base: 1, Author: "editor1", Fields: map[string]json.RawMessage{"title": json.RawMessage(strconv.Quote(evilTitle))}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutFile(ctx, file(evilNew)); err != nil {
		t.Fatal(err)
	}
	r, err := st.Get(ctx, changedID)
	if err != nil || r.Title != evilTitle || len(r.Provenance["title"].SourceChanged) == 0 {
		t.Fatalf("fixture: %q %+v %v", r.Title, r.Provenance, err)
	}
}

func newQueueServer(t *testing.T) (string, store.Store) {
	ts, st, _ := newAccessServer(t, nil)
	queueFixture(t, st)
	return ts.URL, st
}

func TestReviewQueuePage(t *testing.T) {
	base, _ := newQueueServer(t)
	c := loginAs(t, base, store.RoleContributor)
	status, _, body := c.get(t, "/review")
	if status != http.StatusOK {
		t.Fatalf("queue: %d", status)
	}
	for _, want := range []string{
		`href="/documents/` + changedID + `?queue=all"`, `href="/documents/` + unsureID + `?queue=all"`, `href="/documents/` + draftID + `?queue=all"`,
		`<li class="reason-source-changed"`, `<li class="reason-field-unsure"`, `<li class="reason-draft"`,
		`<a href="/review?reason=draft">draft</a> <span class="count">2</span>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("queue page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>") {
		t.Error("a title is not escaped on the queue page")
	}
	if strings.Contains(body, `action="/documents/`+draftID+`/publish"`) {
		t.Error("a contributor is offered the publish button")
	}
	_, _, body = c.get(t, "/review?reason="+review.SourceChanged)
	if !strings.Contains(body, changedID) || strings.Contains(body, draftID) || !strings.Contains(body, `<span aria-current="page">source changed</span>`) {
		t.Error("the source-changed filter lists other records, or is not marked")
	}
	for _, bad := range []string{"?reason=nonsense", "?after=" + url.QueryEscape("a\x00b")} {
		if status, _, body := c.get(t, "/review"+bad); status != http.StatusBadRequest || !strings.Contains(body, "parameter") {
			t.Errorf("/review%s: %d, want 400", bad, status)
		}
	}
	if status, _, body := c.get(t, "/review?reason=no-title"); status != http.StatusOK || !strings.Contains(body, "Nothing in this queue") {
		t.Errorf("empty reason: %d", status)
	}
	ed := loginAs(t, base, store.RoleEditor)
	if _, _, body := ed.get(t, "/review?reason=draft"); !strings.Contains(body, `action="/documents/`+draftID+`/publish"`) || !strings.Contains(body, `name="next" value="/review?reason=draft"`) {
		t.Error("an editor is not offered the publish button, back to the queue")
	}
}

// The API pages the queue by id with after=; every record comes once.
func TestReviewQueueAPI(t *testing.T) {
	base, st := newQueueServer(t)
	id, tok, hash := auth.NewToken()
	if err := st.AddToken(context.Background(), store.Token{ID: id, Hash: hash, Account: "contributor1"}); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, base)
	bearer := http.Header{"Authorization": {"Bearer " + tok}}
	var seen []string
	after := ""
	for range 10 {
		status, _, body := c.do(t, http.MethodGet, "/api/review?limit=1&after="+url.QueryEscape(after), nil, bearer)
		if status != http.StatusOK {
			t.Fatalf("page after %q: %d %s", after, status, body)
		}
		var a struct {
			Items []struct {
				ID      string   `json:"id"`
				Title   string   `json:"title"`
				Reasons []string `json:"reasons"`
			} `json:"items"`
			Counts map[string]int `json:"counts"`
			Next   string         `json:"next"`
		}
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatal(err)
		}
		if len(a.Items) != 1 || len(a.Items[0].Reasons) == 0 || a.Counts[review.Draft] != 2 || a.Counts[review.SourceChanged] != 1 {
			t.Fatalf("page: %s", body)
		}
		seen = append(seen, a.Items[0].ID)
		if a.Next == "" {
			break
		}
		after = a.Next
	}
	want := []string{changedID, unsureID, draftID, draftArt}
	if strings.Join(seen, ",") != strings.Join(want, ",") {
		t.Errorf("paged through %v, want %v", seen, want)
	}
	status, _, body := c.do(t, http.MethodGet, "/api/review?reason=nonsense", nil, bearer)
	var e apiError
	if status != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || e.Param != "reason" || e.Code != "invalid_parameter" {
		t.Errorf("bad reason: %d %s", status, body)
	}
	if status, _, _ := c.do(t, http.MethodGet, "/api/review?limit=100000", nil, bearer); status != http.StatusBadRequest {
		t.Errorf("limit past the most: %d", status)
	}
	if status, _, _ := c.get(t, "/api/review"); status != http.StatusUnauthorized {
		t.Errorf("no token: %d", status)
	}
}

// From the queue, a record's page shows why it is there, both values of a
// field whose source changed (escaped), the answers, and the next record.
func TestQueueWalk(t *testing.T) {
	base, st := newQueueServer(t)
	ctx := context.Background()
	ed := loginAs(t, base, store.RoleEditor)
	status, _, body := ed.get(t, "/documents/"+changedID+"?queue=source-changed")
	if status != http.StatusOK {
		t.Fatalf("page from the queue: %d", status)
	}
	for _, want := range []string{"Review queue: source changed", `Person&#39;s &lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; title`,
		`Source&#39;s &lt;img src=x onerror=alert(1)&gt; &#34;reading&#34;`, `name="take" value="source"`, "This is the last record in the queue",
		`href="/documents/` + changedID + `/edit?queue=source-changed"`, `href="/documents/` + changedID + `/history"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
		t.Error("a value is shown unescaped")
	}
	_, _, body = ed.get(t, "/documents/"+changedID+"?queue=all")
	if !strings.Contains(body, `class="queue-next" href="/documents/`+unsureID+`?queue=all"`) {
		t.Error("no next record in the whole queue")
	}
	if status, _, _ := ed.get(t, "/documents/"+changedID+"?queue=nonsense"); status != http.StatusBadRequest {
		t.Errorf("bad queue: %d", status)
	}

	// A stale form changes nothing.
	confirm := func(c *client, id string, rev int, field, take string) (int, http.Header) {
		status, h, _ := c.postForm(t, "/documents/"+id+"/confirm", url.Values{"revision": {strconv.Itoa(rev)}, "field": {field}, "take": {take}, "queue": {"source-changed"}})
		return status, h
	}
	r, _ := st.Get(ctx, changedID)
	if status, _ := confirm(ed, changedID, r.Revision-1, "title", "person"); status != http.StatusConflict {
		t.Errorf("stale confirm: %d", status)
	}
	if status, _ := confirm(ed, changedID, r.Revision, "nonsense", "person"); status != http.StatusUnprocessableEntity {
		t.Errorf("confirm of no field: %d", status)
	}
	contrib := loginAs(t, base, store.RoleContributor)
	contrib.get(t, "/review")
	if status, _ := confirm(contrib, changedID, r.Revision, "title", "person"); status != http.StatusForbidden {
		t.Errorf("a contributor confirms on a published record: %d", status)
	}
	if now, _ := st.Get(ctx, changedID); now.Revision != r.Revision {
		t.Fatal("a refused confirmation saved a revision")
	}
	// Keep the person's value: the question goes, the value stays.
	status, h := confirm(ed, changedID, r.Revision, "title", "person")
	if status != http.StatusSeeOther || h.Get("Location") != "/documents/"+changedID+"?queue=source-changed" {
		t.Fatalf("confirm: %d %q", status, h.Get("Location"))
	}
	now, _ := st.Get(ctx, changedID)
	if now.Title != evilTitle || len(now.Provenance["title"].SourceChanged) != 0 || now.Revision != r.Revision+1 {
		t.Errorf("after keeping: %q %+v rev %d", now.Title, now.Provenance["title"], now.Revision)
	}
	hist, _ := st.History(ctx, changedID)
	if hist[0].Action != store.ActionConfirm || hist[0].Author != "editor1" {
		t.Errorf("history: %+v", hist[0])
	}
	if log, _ := st.AuditLog(ctx, store.AuditQuery{Action: store.AuditConfirm}); len(log) != 1 || log[0].Target != changedID {
		t.Errorf("audit: %+v", log)
	}
	// The machine's unsure reading, confirmed by a person.
	u, _ := st.Get(ctx, unsureID)
	confirm(ed, unsureID, u.Revision, "type", "")
	if u, _ = st.Get(ctx, unsureID); !u.Provenance["type"].Person() || len(review.Reasons(u)) != 0 {
		t.Errorf("after confirming the type: %+v %v", u.Provenance, review.Reasons(u))
	}
}

// Taking the source's new reading makes it the value, by the person.
func TestQueueTakeTheSourcesReading(t *testing.T) {
	base, st := newQueueServer(t)
	ctx := context.Background()
	ed := loginAs(t, base, store.RoleEditor)
	ed.get(t, "/review")
	r, _ := st.Get(ctx, changedID)
	status, _, _ := ed.postForm(t, "/documents/"+changedID+"/confirm", url.Values{"revision": {strconv.Itoa(r.Revision)}, "field": {"title"}, "take": {"source"}})
	if status != http.StatusSeeOther {
		t.Fatalf("take the source's: %d", status)
	}
	now, _ := st.Get(ctx, changedID)
	if now.Title != evilNew || len(review.Reasons(now)) != 0 {
		t.Errorf("after taking the source's reading: %q %v", now.Title, review.Reasons(now))
	}
	// Nothing left to take.
	if status, _, _ := ed.postForm(t, "/documents/"+changedID+"/confirm", url.Values{"revision": {strconv.Itoa(now.Revision)}, "field": {"title"}, "take": {"source"}}); status != http.StatusUnprocessableEntity {
		t.Errorf("taking a reading that is not there: %d", status)
	}
}

// An editor publishes from the queue and is sent back to it; a next that
// leaves the site goes home instead.
func TestPublishFromQueue(t *testing.T) {
	base, st := newQueueServer(t)
	ed := loginAs(t, base, store.RoleEditor)
	// From a record opened in the queue: publish, then the next record.
	_, _, page := ed.get(t, "/documents/"+draftID+"?queue=draft")
	if !strings.Contains(page, `<input type="hidden" name="next" value="/documents/`+draftArt+`?queue=draft"><button type="submit">Publish, then the next record</button>`) {
		t.Error("the record in the queue offers no publish-then-next")
	}
	ed.get(t, "/review?reason=draft")
	status, h, _ := ed.postForm(t, "/documents/"+draftID+"/publish", url.Values{"next": {"/review?reason=draft"}})
	if status != http.StatusSeeOther || h.Get("Location") != "/review?reason=draft" {
		t.Errorf("publish from the queue: %d %q", status, h.Get("Location"))
	}
	if r, _ := st.Get(context.Background(), draftID); r.Status != record.Published {
		t.Errorf("status %s", r.Status)
	}
	if _, _, body := ed.get(t, "/review?reason=draft"); strings.Contains(body, `href="/documents/`+draftID) {
		t.Error("a published record is still in the draft queue")
	}
	if _, h, _ := ed.postForm(t, "/documents/"+draftArt+"/publish", url.Values{"next": {"//evil.example/x"}}); h.Get("Location") != "/" {
		t.Errorf("next off the site: %q", h.Get("Location"))
	}
}

// The queue's pages are well-formed, with every control labelled.
func TestQueuePagesValidate(t *testing.T) {
	base, _ := newQueueServer(t)
	ed := loginAs(t, base, store.RoleEditor)
	for _, path := range []string{"/review", "/review?reason=draft", "/review?reason=no-title", "/documents/" + changedID + "?queue=all",
		"/documents/" + unsureID + "?queue=field-unsure", "/documents/" + draftID + "?queue=draft", "/documents/" + pubID} {
		status, _, body := ed.get(t, path)
		if status != http.StatusOK {
			t.Errorf("%s: %d", path, status)
			continue
		}
		if err := checkHTML(body); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// A record whose text is nearly identical to another's is asked about on its
// page from the queue; "not a duplicate" answers it, as a revision.
func TestQueuePossibleDuplicate(t *testing.T) {
	base, st := newQueueServer(t)
	ctx := context.Background()
	twin := record.Record{ID: "twin1", Title: "Telegram on the loan", Type: "Telegram", Category: record.Primary, Body: "The loan was discussed with Stalin."}
	if _, err := st.PutFile(ctx, store.File{Path: "/in/twin.txt", Format: "text", Records: []record.Record{twin},
		Original: store.Original{Checksum: "sha256:twin", Name: "twin.txt", Data: []byte("twin")},
		Editions: []store.EditionLink{{A: "twin1", B: pubID, Reason: store.NearTextReason + " (MinHash similarity 0.98)"}}}); err != nil {
		t.Fatal(err)
	}
	ed := loginAs(t, base, store.RoleEditor)
	_, _, body := ed.get(t, "/review?reason="+review.PossibleDuplicate)
	if !strings.Contains(body, `href="/documents/twin1?queue=possible-duplicate"`) || !strings.Contains(body, `href="/documents/`+pubID+`?queue=possible-duplicate"`) {
		t.Fatal("both records of a near-identical pair are not queued")
	}
	_, _, page := ed.get(t, "/documents/twin1?queue="+review.PossibleDuplicate)
	if !strings.Contains(page, `<li class="reason-possible-duplicate"`) || !strings.Contains(page, "Not a duplicate: keep both") {
		t.Fatal("the record's page does not ask whether it is a duplicate")
	}
	status, _, _ := ed.postForm(t, "/documents/twin1/confirm", url.Values{"revision": {"1"}, "field": {review.PossibleDuplicate}, "queue": {review.PossibleDuplicate}})
	if status != http.StatusSeeOther {
		t.Fatalf("not a duplicate: %d", status)
	}
	if _, _, body := ed.get(t, "/review?reason="+review.PossibleDuplicate); strings.Contains(body, "twin1") {
		t.Error("still queued after the answer")
	}
	if h, _ := st.History(ctx, "twin1"); h[0].Action != store.ActionConfirm || !strings.Contains(h[0].Note, "not a duplicate") {
		t.Errorf("the answer is not in the history: %+v", h[0])
	}
}
