package ingest

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"fond/internal/store"
)

// maxNameRunes bounds a cleaned upload name: enough for any real file name,
// short enough for a store path and a page.
const maxNameRunes = 120

// CleanName makes a file name a browser sent safe to keep and to show: the
// last element of any path it carries (either slash), control and format
// characters and anything but letters, digits, marks and " .-_()" replaced,
// no leading dots, at most maxNameRunes runes (the extension kept). An
// empty result is "file".
func CleanName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	if !utf8.ValidString(name) {
		name = strings.ToValidUTF8(name, "_")
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune(" .-_()", r):
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	clean := strings.TrimSpace(strings.TrimLeft(b.String(), ". "))
	if r := []rune(clean); len(r) > maxNameRunes {
		ext := path.Ext(clean)
		if utf8.RuneCountInString(ext) > 16 {
			ext = ""
		}
		clean = string(r[:maxNameRunes-utf8.RuneCountInString(ext)]) + ext
	}
	if strings.Trim(clean, "_ .") == "" {
		return "file"
	}
	return clean
}

// UploadPath is the store path of uploaded bytes: under upload/, named by
// their checksum and cleaned name, so that no name a browser sends can make
// a path elsewhere, and the same bytes uploaded again are the same file.
func UploadPath(checksum, name string) string {
	return "upload/" + strings.TrimPrefix(checksum, "sha256:") + "/" + CleanName(name)
}

// AttachPath is the store path of a file attached to record id: like an
// upload's, under the record it belongs to.
func AttachPath(id, checksum, name string) string {
	return "attach/" + id + "/" + strings.TrimPrefix(checksum, "sha256:") + "/" + CleanName(name)
}

// Data ingests bytes received rather than read from this machine's files (a
// person's upload) as one file stored at UploadPath; name is the name the
// sender gave, cleaned before it is stored or shown.
func (in *Ingester) Data(ctx context.Context, name string, data []byte) ([]Outcome, error) {
	clean := CleanName(name)
	res, err := in.Limits.Extract(ctx, clean, data)
	if err != nil {
		return nil, err
	}
	outs, err := in.put(ctx, UploadPath(res.Checksum, clean), clean, clean, data, res)
	return withWarnings(outs, res), err
}

// Attach ingests bytes as another text of stored record id (a second
// translation, a transcript, a scan of the original): the file's records are
// stored as any upload's, at AttachPath, and linked to id as editions of the
// same document in the file's own transaction, with kind and the person in
// the link's reason. The edition link, not a new kind of record, is what
// makes it part of the document: pages, the API and compare already follow
// it (docs/decisions.md).
func (in *Ingester) Attach(ctx context.Context, id, kind, name string, data []byte) ([]Outcome, error) {
	if _, err := in.Store.Get(ctx, id); err != nil {
		return nil, fmt.Errorf("attach to %s: %w", id, err)
	}
	clean := CleanName(name)
	res, err := in.Limits.Extract(ctx, clean, data)
	if err != nil {
		return nil, err
	}
	reason := "attached as " + kind
	if in.Author != "" {
		reason += " by " + in.Author
	}
	f := store.File{
		Path:     AttachPath(id, res.Checksum, clean),
		Original: store.Original{Checksum: res.Checksum, Name: clean, Size: int64(len(data)), Data: data},
		Format:   res.Format,
		Records:  res.Records,
		Status:   in.Status,
		Author:   in.Author,
		Action:   in.Action,
	}
	var links []store.EditionLink
	for _, r := range res.Records {
		if r.ID == id {
			return nil, fmt.Errorf("%s: it is the document itself (the same text as record %s)", clean, id)
		}
		links = append(links, store.EditionLink{A: r.ID, B: id, Reason: reason})
	}
	outs, err := in.storeLinked(ctx, clean, f, links)
	return withWarnings(outs, res), err
}

// StoreFailed says whether err is the store's failure rather than the file's
// (its text may name tables and queries: log it, do not show it).
func StoreFailed(err error) bool { return errors.Is(err, errStore) }
