package web

import (
	"fmt"
	"net/http"

	"fond/internal/tei"
)

// handleTEI serves a document as TEI P5, for editions and text analysis tools.
func (s *Server) handleTEI(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.pathRecord(w, r)
	if !ok {
		return
	}
	doc, err := tei.Document(rec, s.baseURL(r)+"/documents/"+rec.ID)
	if err != nil {
		s.serverError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/tei+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", rec.ID+".xml"))
	w.Write(doc)
}
