package web

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/store"
)

// part is one field of a multipart form: a file when name is set.
type part struct {
	field, name string
	data        []byte
}

// multipartBody encodes parts in order.
func multipartBody(t *testing.T, parts ...part) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.name != "" {
			w, err = mw.CreateFormFile(p.field, p.name)
		} else {
			w, err = mw.CreateFormField(p.field)
		}
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	mw.Close()
	return mw.FormDataContentType(), b.Bytes()
}

// upload posts a multipart form; chunked hides its length from the server.
func (c *client) upload(t *testing.T, path string, chunked bool, parts ...part) (int, string) {
	t.Helper()
	ctype, body := multipartBody(t, parts...)
	var r io.Reader = bytes.NewReader(body)
	if chunked {
		r = io.MultiReader(r) // not a type whose length http.NewRequest knows
	}
	req, err := http.NewRequest(http.MethodPost, c.base+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	resp, err := c.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (c *client) token() part { return part{field: "csrf", data: []byte(c.csrf)} }

const (
	uploadA = "Telegram from Pyongyang\n\n3 March 1950\n\nThe loan was discussed at length with the minister of finance.\n"
	uploadB = "Report on the harbour\n\n5 April 1951\n\nThe harbour works were delayed by the winter and the shortage of cement.\n"
)

// A contributor uploads two files: each becomes a draft by them, listed with
// links, audit-logged; an untrusted name is cleaned and shown escaped.
func TestUploadMakesDrafts(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	c := loginAs(t, ts.URL, store.RoleContributor)
	status, _, body := c.get(t, "/upload")
	if status != http.StatusOK || !strings.Contains(body, `enctype="multipart/form-data"`) {
		t.Fatalf("upload form: %d", status)
	}
	if err := checkHTML(body); err != nil {
		t.Errorf("upload form: %v", err)
	}
	evil := `../../<script>alert("x")</script>/a"b'<i>.txt`
	status, body = c.upload(t, "/upload", false, c.token(), part{"file", "telegram.txt", []byte(uploadA)}, part{"file", evil, []byte(uploadB)})
	if status != http.StatusOK {
		t.Fatalf("upload: %d %s", status, body)
	}
	if err := checkHTML(body); err != nil {
		t.Errorf("outcome page: %v", err)
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<i>") {
		t.Error("an uploaded file's name is shown unescaped")
	}
	ctx := context.Background()
	recs, _, err := st.List(ctx, store.ListQuery{Limit: 100, Recent: true})
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, r := range recs {
		if r.Title != "Telegram from Pyongyang" && r.Title != "Report on the harbour" {
			continue
		}
		found++
		if r.Status != record.Draft {
			t.Errorf("%s: %s, want draft", r.Title, r.Status)
		}
		if !strings.Contains(body, `href="/documents/`+r.ID+`?queue=draft"`) {
			t.Errorf("the page does not link %s", r.ID)
		}
		src, _ := st.Source(ctx, r.ID)
		if !strings.HasPrefix(src, "upload/") || strings.Contains(src, "..") || strings.ContainsAny(src, `<>"'`) {
			t.Errorf("stored path %q", src)
		}
		h, _ := st.History(ctx, r.ID)
		if len(h) == 0 || h[0].Author != "contributor1" || h[0].Action != store.ActionUpload {
			t.Errorf("history of %s: %+v", r.ID, h)
		}
	}
	if found != 2 {
		t.Fatalf("%d of 2 uploads stored", found)
	}
	log, _ := st.AuditLog(ctx, store.AuditQuery{Action: store.AuditUpload})
	if len(log) != 2 || log[0].Actor != "contributor1" {
		t.Errorf("audit: %+v", log)
	}
}

// Files that cannot be stored are named with the reason; the others are stored.
func TestUploadNamesEachFailure(t *testing.T) {
	ts, st, _ := newAccessServer(t, func(s *Server) { s.Ingest = ingest.Limits{MaxFileSize: 200} })
	c := loginAs(t, ts.URL, store.RoleEditor)
	c.get(t, "/upload")
	big := strings.Repeat("A long telegram. ", 20)
	status, body := c.upload(t, "/upload", false, c.token(),
		part{"file", "ok.txt", []byte(uploadA)},
		part{"file", "big.txt", []byte(big)},
		part{"file", "binary.dat", []byte{0, 0, 0, 1, 2, 0xff, 0, 0}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("mixed upload: %d", status)
	}
	for _, want := range []string{"big.txt: it is 340 bytes, over the 200 bytes limit", "binary.dat:"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if !strings.Contains(body, "Telegram from Pyongyang") {
		t.Error("the good file is not listed as stored")
	}
	if _, body := c.upload(t, "/upload?lang=ru", false, c.token(), part{"file", "big2.txt", []byte(big)}); !strings.Contains(body, "big2.txt: размер 340 байт превышает предел 200 байт") {
		t.Errorf("a file over the limit is not refused in Russian on a Russian page:\n%s", body)
	}
	c.get(t, "/upload?lang=en") // the choice is kept in a cookie: back to English
	// The same bytes under another name: refused, linking the record they made.
	status, body = c.upload(t, "/upload", false, c.token(), part{"file", "copy.txt", []byte(uploadA)})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "copy.txt: these bytes are already in the archive") || !strings.Contains(body, `<a href="/documents/`) {
		t.Errorf("same bytes again: %d", status)
	}
	if strings.Contains(body, "upload/") {
		t.Error("the page shows the server's store paths")
	}
	// Nothing chosen.
	if status, _ = c.upload(t, "/upload", false, c.token(), part{"file", "", nil}); status != http.StatusUnprocessableEntity {
		t.Errorf("empty upload: %d", status)
	}
	// Files in another field.
	if status, _ = c.upload(t, "/upload", false, c.token(), part{"document", "a.txt", []byte(uploadB)}); status != http.StatusBadRequest {
		t.Errorf("file in the wrong field: %d", status)
	}
	_, n, _ := st.List(context.Background(), store.ListQuery{Limit: 1})
	if n != 6 { // the fixture's five and ok.txt's one
		t.Errorf("%d records", n)
	}
}

// Past the number of files or the bytes of one upload, nothing is stored: 413
// stating the limit, whether the client declares its length or not.
func TestUploadLimits(t *testing.T) {
	l := DefaultLimits
	l.MaxUploadFiles = 2
	l.MaxUploadBytes = 4 << 10
	ts, st, _ := newAccessServer(t, func(s *Server) { s.Limits = l })
	c := loginAs(t, ts.URL, store.RoleContributor)
	c.get(t, "/upload")
	three := []part{c.token(), {"file", "a.txt", []byte(uploadA)}, {"file", "b.txt", []byte(uploadB)}, {"file", "c.txt", []byte(uploadA + "more")}}
	status, body := c.upload(t, "/upload", false, three...)
	if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "at most 2 files") {
		t.Errorf("three files against a limit of two: %d", status)
	}
	// The refusal is said in the reader's language.
	if _, body := c.upload(t, "/upload?lang=ru", false, three...); !strings.Contains(body, "не более 2 файлов") {
		t.Errorf("the refusal of three files is not in Russian on a Russian page:\n%s", body)
	}
	c.get(t, "/upload?lang=en") // the choice is kept in a cookie: back to English
	if status, _ = c.upload(t, "/upload", false, three[:3]...); status != http.StatusOK {
		t.Errorf("two files, at the limit: %d", status)
	}
	huge := bytes.Repeat([]byte("word "), 1000) // 5,000 bytes
	for _, chunked := range []bool{false, true} {
		status, body := c.upload(t, "/upload", chunked, c.token(), part{"file", "x.txt", []byte(uploadB + "x")}, part{"file", "huge.txt", huge})
		if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "4 KiB") && !strings.Contains(body, "4096 bytes") {
			t.Errorf("5 KB upload against 4 KiB (chunked %v): %d", chunked, status)
		}
	}
	if _, body := c.upload(t, "/upload?lang=ru", false, c.token(), part{"file", "x.txt", []byte(uploadB + "x")}, part{"file", "huge.txt", huge}); !strings.Contains(body, "4 КиБ") && !strings.Contains(body, "4096 байт") {
		t.Errorf("the refusal of a large upload is not in Russian, with its size in Russian units:\n%s", body)
	}
	_, n, _ := st.List(context.Background(), store.ListQuery{Limit: 1})
	if n != 7 { // the fixture's five and the two files at the limit
		t.Errorf("%d records: a refused upload stored something", n)
	}
}

// The anti-forgery token must be the upload's first part, and right.
func TestUploadNeedsItsToken(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	c := loginAs(t, ts.URL, store.RoleAdmin)
	c.get(t, "/upload")
	file := part{"file", "a.txt", []byte(uploadA)}
	for name, parts := range map[string][]part{
		"none":         {file},
		"after a file": {file, c.token()},
		"forged":       {{field: "csrf", data: []byte(strings.Repeat("0", 64))}, file},
	} {
		if status, _ := c.upload(t, "/upload", false, parts...); status != http.StatusForbidden {
			t.Errorf("token %s: %d, want 403", name, status)
		}
	}
	anon := loginAs(t, ts.URL, "")
	if status, _ := anon.upload(t, "/upload", false, anon.token(), file); status != http.StatusSeeOther {
		t.Errorf("anonymous upload: %d, want 303 to sign in", status)
	}
	if _, n, _ := st.List(context.Background(), store.ListQuery{Limit: 1}); n != 5 {
		t.Errorf("%d records after refused uploads", n)
	}
}

// Uploads have their own slots: with every one taken, an upload is a 503
// with Retry-After, and pages still answer. An upload slower than
// --upload-timeout is a 408 and stores nothing.
func TestUploadSlotsAndDeadline(t *testing.T) {
	l := DefaultLimits
	l.MaxUploads, l.QueueWait = 1, time.Millisecond
	ts, st, srv := newAccessServer(t, func(s *Server) { s.Limits = l })
	c := loginAs(t, ts.URL, store.RoleContributor)
	c.get(t, "/upload")
	srv.gates[uploads] <- struct{}{} // an upload in progress
	status, body := c.upload(t, "/upload", false, c.token(), part{"file", "a.txt", []byte(uploadA)})
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "too many upload requests") {
		t.Errorf("upload with its slot taken: %d", status)
	}
	if status, _, _ := c.get(t, "/review"); status != http.StatusOK {
		t.Errorf("the queue while uploads are busy: %d", status)
	}
	<-srv.gates[uploads]
	if status, _ = c.upload(t, "/upload", false, c.token(), part{"file", "a.txt", []byte(uploadA)}); status != http.StatusOK {
		t.Errorf("upload with its slot free: %d", status)
	}

	l.UploadTimeout = time.Nanosecond // past before the body is read
	ts, st, _ = newAccessServer(t, func(s *Server) { s.Limits = l })
	c = loginAs(t, ts.URL, store.RoleContributor)
	c.get(t, "/upload")
	status, body = c.upload(t, "/upload", false, c.token(), part{"file", "b.txt", bytes.Repeat([]byte(uploadB), 2000)})
	if status != http.StatusRequestTimeout || !strings.Contains(body, "--upload-timeout") {
		t.Errorf("upload past its deadline: %d", status)
	}
	if _, n, _ := st.List(context.Background(), store.ListQuery{Limit: 1}); n != 5 {
		t.Errorf("%d records after an upload past its deadline", n)
	}
}
