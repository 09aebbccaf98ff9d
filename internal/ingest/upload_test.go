package ingest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

func TestCleanName(t *testing.T) {
	long := strings.Repeat("я", 300) + ".pdf"
	for in, want := range map[string]string{
		"telegram.pdf":             "telegram.pdf",
		"../../etc/passwd":         "passwd",
		`C:\Users\a\Desktop\x.txt`: "x.txt",
		"..":                       "file",
		"":                         "file",
		"/":                        "file",
		".hidden":                  "hidden",
		"a\x00b\r\nc\u202e.txt":    "a_b__c_.txt",
		"телеграмма 1950 (копия).txt": "телеграмма 1950 (копия).txt",
		"<script>alert(1)</script>":   "script_", // the last path element of "…</script>"
		"a\"b'c.txt":                  "a_b_c.txt",
		"\xff\xfe.txt":                "_.txt",
		long:                          strings.Repeat("я", maxNameRunes-4) + ".pdf",
	} {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
	p := UploadPath("sha256:abc", "../../x.txt")
	if p != "upload/abc/x.txt" {
		t.Errorf("upload path %q", p)
	}
}

const uploadText = "Telegram from Pyongyang\n\n3 March 1950\n\nThe loan was discussed at length with the minister.\n"

// An upload is a draft, by its uploader, from a path no name can steer; the
// same bytes uploaded again change nothing.
func TestDataStoresADraftByItsUploader(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	in := &Ingester{Store: st, Author: "cat", Action: store.ActionUpload, Status: record.Draft}
	outs, err := in.Data(ctx, "../../../etc/tele\x00gram.txt", []byte(uploadText))
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 || outs[0].Status != store.Added || outs[0].File != "tele_gram.txt" {
		t.Fatalf("outcomes %+v", outs)
	}
	r, err := st.Get(ctx, outs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != record.Draft || r.SourceFile != "tele_gram.txt" {
		t.Errorf("status %q, source file %q", r.Status, r.SourceFile)
	}
	src, err := st.Source(ctx, r.ID)
	if err != nil || src != UploadPath(r.Checksum, "tele_gram.txt") || strings.Contains(src, "..") {
		t.Errorf("stored path %q %v", src, err)
	}
	h, err := st.History(ctx, r.ID)
	if err != nil || len(h) != 1 || h[0].Author != "cat" || h[0].Action != store.ActionUpload {
		t.Errorf("history %+v %v", h, err)
	}
	again, err := in.Data(ctx, "telegram.txt", []byte(uploadText))
	if err != nil {
		// Another name for the same bytes is another path, whose records are
		// the first's: refused, naming the file.
		if !errors.Is(err, store.ErrConflict) || !strings.Contains(err.Error(), "telegram.txt") {
			t.Errorf("same bytes, other name: %v", err)
		}
	} else {
		t.Errorf("same bytes under another name stored again: %+v", again)
	}
	same, err := in.Data(ctx, "tele\x00gram.txt", []byte(uploadText))
	if err != nil || len(same) != 1 || same[0].Status != store.Unchanged {
		t.Errorf("same upload again: %+v %v", same, err)
	}
}

func TestDataRefusesWhatItCannotRead(t *testing.T) {
	st := openStore(t)
	in := &Ingester{Store: st, Status: record.Draft, Limits: Limits{MaxFileSize: 100}}
	if _, err := in.Data(context.Background(), "big.txt", []byte(strings.Repeat("word ", 30))); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.txt") {
		t.Errorf("over the file limit: %v", err)
	}
	if _, err := in.Data(context.Background(), "bin.dat", []byte{0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0}); err == nil || !strings.Contains(err.Error(), "bin.dat") {
		t.Errorf("binary: %v", err)
	}
	if _, n, _ := st.List(context.Background(), store.ListQuery{Limit: 10}); n != 0 {
		t.Errorf("%d records stored from refused uploads", n)
	}
}

// An attached text is its own draft, linked to the document as an edition
// with the person and the kind in the link's reason.
func TestAttachLinksAnEdition(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	in := &Ingester{Store: st, Author: "cat", Action: store.ActionUpload, Status: record.Draft}
	doc, err := in.Data(ctx, "telegram.txt", []byte(uploadText))
	if err != nil {
		t.Fatal(err)
	}
	id := doc[0].ID
	outs, err := in.Attach(ctx, id, "translation", "../перевод.txt", []byte("Телеграмма из Пхеньяна\n\n3 марта 1950\n\nЗаём обсуждался подробно с министром.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 {
		t.Fatalf("outcomes %+v", outs)
	}
	r, err := st.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(r.Editions, outs[0].ID) {
		t.Errorf("document's editions %v lack the attached %s", r.Editions, outs[0].ID)
	}
	a, err := st.Get(ctx, outs[0].ID)
	if err != nil || a.Status != record.Draft || !slices.Contains(a.Editions, id) {
		t.Errorf("attached record %+v %v", a.Editions, err)
	}
	src, _ := st.Source(ctx, a.ID)
	if !strings.HasPrefix(src, "attach/"+id+"/") || !strings.HasSuffix(src, "/перевод.txt") {
		t.Errorf("attached path %q", src)
	}
	if _, err := in.Attach(ctx, "0000000000000000", "scan", "x.txt", []byte(uploadText+"more")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("attach to no record: %v", err)
	}
}
