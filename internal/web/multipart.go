package web

import (
	"context"
	"errors"
	"fond/internal/i18n"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"

	"fond/internal/ingest"
)

// Bounds on an upload's fields other than its files (the kind of an
// attachment): a few short values.
const (
	maxFieldBytes = 4 << 10
	maxFields     = 16
)

// isMultipart says whether a request's body is a multipart form (an upload).
func isMultipart(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "multipart/form-data"
}

type multipartKey struct{}

// checkUploadCSRF is checkCSRF for uploads: the token is the multipart
// form's first part, read before any file is (the form puts it first), so a
// forged upload is refused without being received. The handler reads the
// rest from multipartOf. A body that cannot be read is refused as such.
func (s *Server) checkUploadCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isMultipart(r) {
			// Not an upload's body (the handler says so): the usual check.
			s.checkCSRF(next).ServeHTTP(w, r)
			return
		}
		mr, ok, err := s.multipartCSRF(r)
		var refused *uploadRefused
		if errors.As(err, &refused) {
			s.render(w, refused.Status, "error", map[string]any{"Title": printer(w).T("err.notreceived"), "Message": printer(w).Err(refused.Msg)})
			return
		}
		if !ok {
			s.forbidden(w, r, "err.csrf.upload")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), multipartKey{}, mr)))
	})
}

// multipartCSRF reads an upload's first part, which must be the form's
// anti-forgery token, and returns the reader positioned after it; ok is
// false for a missing or wrong token, err is set when the body could not be
// read (too large, too slow: uploadReadError says which).
func (s *Server) multipartCSRF(r *http.Request) (mr *multipart.Reader, ok bool, err error) {
	mr, err = r.MultipartReader()
	if err != nil {
		return nil, false, nil
	}
	p, err := mr.NextPart()
	if err != nil && !isMultipartSyntax(err) {
		return nil, false, s.uploadReadError(err)
	}
	if err != nil || p.FormName() != "csrf" || p.FileName() != "" {
		return nil, false, nil
	}
	tok, err := io.ReadAll(io.LimitReader(p, 256))
	if err != nil {
		return nil, false, s.uploadReadError(err)
	}
	return mr, s.validCSRFToken(r, tok), nil
}

// isMultipartSyntax says whether err is the form's own fault (no parts, a
// bad boundary), not the connection's.
func isMultipartSyntax(err error) bool {
	var big *http.MaxBytesError
	return !errors.As(err, &big) && !errors.Is(err, os.ErrDeadlineExceeded) && !errors.Is(err, io.ErrUnexpectedEOF)
}

// multipartOf is the upload's reader that checkCSRF opened, past the token.
func multipartOf(r *http.Request) *multipart.Reader {
	mr, _ := r.Context().Value(multipartKey{}).(*multipart.Reader)
	return mr
}

// received is one file of an upload, kept in a temporary folder until it is
// ingested.
type received struct {
	Name string // as the browser sent it: untrusted, cleaned before any use
	Path string // the temporary copy
	Size int64
	// TooLarge: over the ingest limit for one file; not kept.
	TooLarge bool
}

// uploadRefused refuses a whole upload before anything of it is stored.
type uploadRefused struct {
	Status int
	Msg    *i18n.Msg // in the catalogue, so the page says it in its reader's language
}

func (e *uploadRefused) Error() string { return e.Msg.Error() }

func refusal(status int, key string, args ...any) *uploadRefused {
	return &uploadRefused{status, &i18n.Msg{Key: key, Args: args}}
}

// maxFileBytes is the ingest limit on one file.
func (s *Server) maxFileBytes() int64 {
	if s.Ingest.MaxFileSize > 0 {
		return s.Ingest.MaxFileSize
	}
	return ingest.DefaultMaxFileSize
}

// receive reads the rest of an upload: each file of field into dir (streamed,
// so memory stays flat whatever the size), the other fields into values. The
// upload is refused whole (*uploadRefused) past the body limit (which
// checkCSRF's reader is under) or MaxUploadFiles; a file over the per-file
// limit is drained and marked, for its own error.
func (s *Server) receive(r *http.Request, dir, field string) ([]received, url.Values, error) {
	mr := multipartOf(r)
	if mr == nil {
		return nil, nil, refusal(http.StatusBadRequest, "upload.err.notform")
	}
	var files []received
	values := url.Values{}
	fields := 0
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return files, values, nil
		}
		if err != nil {
			return nil, nil, s.uploadReadError(err)
		}
		if p.FileName() == "" && p.FormName() != field {
			fields++
			v, err := io.ReadAll(io.LimitReader(p, maxFieldBytes+1))
			if err != nil {
				return nil, nil, s.uploadReadError(err)
			}
			if fields > maxFields || len(v) > maxFieldBytes {
				return nil, nil, refusal(http.StatusBadRequest, "upload.err.fields")
			}
			values.Add(p.FormName(), string(v))
			continue
		}
		if p.FormName() != field {
			return nil, nil, refusal(http.StatusBadRequest, "upload.err.field", field, p.FormName())
		}
		if p.FileName() == "" {
			// A file input left empty: browsers send it without a name.
			io.Copy(io.Discard, p)
			continue
		}
		if len(files) == s.Limits.MaxUploadFiles {
			return nil, nil, refusal(http.StatusRequestEntityTooLarge, "upload.err.files", s.Limits.MaxUploadFiles)
		}
		f, err := s.keep(p, filepath.Join(dir, strconv.Itoa(len(files))))
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
	}
}

// keep copies one part to path, at most the per-file limit; past it the rest
// is drained and the copy removed.
func (s *Server) keep(p *multipart.Part, path string) (received, error) {
	limit := s.maxFileBytes()
	got := received{Name: p.FileName(), Path: path}
	out, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return got, err
	}
	got.Size, err = io.Copy(out, io.LimitReader(p, limit+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return got, s.uploadReadError(err)
	}
	if got.Size > limit {
		got.TooLarge = true
		n, err := io.Copy(io.Discard, p)
		got.Size += n
		os.Remove(path)
		if err != nil {
			return got, s.uploadReadError(err)
		}
	}
	return got, nil
}

// uploadReadError says why an upload could not be read: past the body limit
// (413, stating it), or a broken form or connection (400).
func (s *Server) uploadReadError(err error) error {
	var big *http.MaxBytesError
	if errors.As(err, &big) {
		return refusal(http.StatusRequestEntityTooLarge, "upload.err.big", sizeMsg(big.Limit))
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return refusal(http.StatusRequestTimeout, "upload.err.slow")
	}
	return refusal(http.StatusBadRequest, "upload.err.unreadable", err.Error())
}

// receiveFiles receives an upload into a temporary folder that done removes;
// a refused upload is answered by refuse (its status and message) and ok is
// false.
func (s *Server) receiveFiles(w http.ResponseWriter, r *http.Request, refuse func(status int, msg string)) (files []received, values url.Values, done func(), ok bool) {
	dir, err := os.MkdirTemp("", "fond-upload-")
	if err != nil {
		s.serverError(w, err)
		return nil, nil, nil, false
	}
	done = func() { os.RemoveAll(dir) }
	files, values, err = s.receive(r, dir, "file")
	var refused *uploadRefused
	switch {
	case errors.As(err, &refused):
		refuse(refused.Status, printer(w).Err(refused.Msg))
	case err != nil:
		s.serverError(w, err)
	default:
		return files, values, done, true
	}
	done()
	return nil, nil, nil, false
}

// sizeMsg is a size as a message, written in whole binary units in the
// language of the page that prints it: 256 MiB, 64 KiB, 100 bytes.
func sizeMsg(n int64) *i18n.Msg {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return &i18n.Msg{Key: "size.mib", Args: []any{strconv.FormatInt(n>>20, 10)}}
	case n >= 1<<10 && n%(1<<10) == 0:
		return &i18n.Msg{Key: "size.kib", Args: []any{strconv.FormatInt(n>>10, 10)}}
	}
	return &i18n.Msg{Key: "size.bytes", Args: []any{strconv.FormatInt(n, 10)}}
}

// byteCountIn is a size in whole binary units, as p's language writes them.
func byteCountIn(p i18n.Printer, n int64) string { return p.Err(sizeMsg(n)) }
