package web

import (
	"errors"
	"net/http"
	"os"

	"fond/internal/i18n"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/store"
)

// uploadOutcome is what became of one uploaded file: its records, or why it
// was refused.
type uploadOutcome struct {
	File    string // the cleaned name
	Records []ingest.Outcome
	Error   string
	Warning string
	// Existing are records the same bytes already made (stored from another
	// file): the upload is refused, and the page links to them.
	Existing []string
}

// handleUpload shows the upload form.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	s.uploadPage(w, http.StatusOK, nil, "")
}

func (s *Server) uploadPage(w http.ResponseWriter, status int, outs []uploadOutcome, msg string) {
	l := s.Limits
	s.render(w, status, "upload", map[string]any{"Title": printer(w).T("upload.h1"), "Outcomes": outs, "Message": msg,
		"MaxFiles": l.MaxUploadFiles, "MaxBytes": byteCountIn(printer(w), l.MaxUploadBytes), "MaxFile": byteCountIn(printer(w), s.maxFileBytes())})
}

// handleUploadPost receives the files (refusing the whole upload past its
// limits before anything is stored), then ingests each as drafts by the
// signed-in person, each file in its own transaction: 200 when every file
// was stored, 422 when any was refused, listing each file either way.
func (s *Server) handleUploadPost(w http.ResponseWriter, r *http.Request) {
	files, _, done, ok := s.receiveFiles(w, r, func(status int, msg string) { s.uploadPage(w, status, nil, msg) })
	if !ok {
		return
	}
	defer done()
	if len(files) == 0 {
		s.uploadPage(w, http.StatusUnprocessableEntity, nil, printer(w).T("upload.none"))
		return
	}
	in := s.uploader(r)
	outs := make([]uploadOutcome, 0, len(files))
	failed := 0
	for _, f := range files {
		o := s.ingestReceived(r, printer(w), f, func(data []byte) ([]ingest.Outcome, error) {
			return in.Data(r.Context(), f.Name, data)
		})
		if o.Error != "" {
			failed++
		}
		for _, rec := range o.Records {
			s.audit(r, store.AuditUpload, rec.ID, o.File+": "+rec.Status)
		}
		outs = append(outs, o)
		if r.Context().Err() != nil {
			break // past the upload's deadline: the files not reached are not listed as stored
		}
	}
	status := http.StatusOK
	msg := ""
	if failed > 0 || len(outs) < len(files) {
		status = http.StatusUnprocessableEntity
		msg = printer(w).T("upload.some")
		if len(outs) < len(files) {
			msg += " " + printer(w).T("upload.timeout", len(outs), len(files))
		}
	}
	s.uploadPage(w, status, outs, msg)
}

// uploader is the ingester of a person's files: drafts, by them, under the
// configured ingest limits.
func (s *Server) uploader(r *http.Request) *ingest.Ingester {
	author := ""
	if v := viewerOf(r.Context()); v != nil {
		author = v.Name
	}
	return &ingest.Ingester{Store: s.raw, Log: s.log, Author: author, Action: store.ActionUpload, Status: record.Draft, Limits: s.Ingest}
}

// ingestReceived reads one received file and stores it with put, saying
// what became of it in words that name the file and never this server's
// paths.
func (s *Server) ingestReceived(r *http.Request, p i18n.Printer, f received, put func([]byte) ([]ingest.Outcome, error)) uploadOutcome {
	o := uploadOutcome{File: ingest.CleanName(f.Name)}
	if f.TooLarge {
		o.Error = p.T("upload.file.big", o.File, sizeMsg(f.Size), sizeMsg(s.maxFileBytes()))
		return o
	}
	data, err := os.ReadFile(f.Path)
	if err != nil {
		s.log.Error("upload: reading the received copy", "file", o.File, "err", err)
		o.Error = p.T("upload.file.readback", o.File)
		return o
	}
	recs, err := put(data)
	var conflict *store.ConflictError
	switch {
	case errors.As(err, &conflict):
		o.Error = p.T("upload.file.dup", o.File)
		for _, c := range conflict.Owners {
			o.Existing = append(o.Existing, c.ID)
		}
	case errors.Is(err, store.ErrNotFound):
		o.Error = p.T("upload.file.gone", o.File)
	case r.Context().Err() != nil:
		o.Error = p.T("upload.file.slow", o.File)
	case err != nil && ingest.StoreFailed(err):
		s.log.Error("upload: storing", "file", o.File, "err", err)
		o.Error = p.T("upload.file.store", o.File)
	case err != nil:
		o.Error = err.Error() // ingest's own words: they name the file, by its cleaned name
	}
	o.Records = recs
	for _, rec := range recs {
		if rec.Warning != "" {
			o.Warning = rec.Warning
		}
	}
	return o
}
