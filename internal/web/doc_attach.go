package web

import (
	"net/http"
	"net/url"
	"slices"

	"fond/internal/ingest"
	"fond/internal/store"
)

// attachKinds are what a file attached to a record may be; the kind is kept
// in the edition link's reason, for readers and the history.
var attachKinds = []string{"translation", "transcript", "scan", "other text"}

// handleAttach stores one uploaded file as another text of the record (a
// second translation, a transcript, the original's scan): its own draft,
// linked to the record as an edition of the same document (docs/decisions.md).
// Then back to the record (303); a file that cannot be read is refused with
// the reason, naming it (422).
func (s *Server) handleAttach(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.visibleRecord(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	files, values, done, ok := s.receiveFiles(w, r, func(status int, msg string) {
		s.render(w, status, "error", map[string]any{"Title": printer(w).T("err.notattached"), "Message": msg})
	})
	if !ok {
		return
	}
	defer done()
	if len(files) != 1 {
		s.unprocessable(w, "attach.one")
		return
	}
	kind := values.Get("kind")
	if !slices.Contains(attachKinds, kind) {
		s.unprocessable(w, "attach.kindneeded")
		return
	}
	in := s.uploader(r)
	o := s.ingestReceived(r, printer(w), files[0], func(data []byte) ([]ingest.Outcome, error) {
		return in.Attach(r.Context(), rec.ID, kind, files[0].Name, data)
	})
	if o.Error != "" {
		s.unprocessable(w, "attach.failed", o.Error)
		return
	}
	for _, a := range o.Records {
		s.audit(r, store.AuditAttach, rec.ID, kind+": "+o.File+" → "+a.ID)
	}
	http.Redirect(w, r, "/documents/"+url.PathEscape(rec.ID)+"#editions-h", http.StatusSeeOther)
}
