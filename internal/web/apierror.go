package web

import (
	"encoding/json"
	"net/http"
)

// apiError is the JSON API's error body (docs/api.md): a sentence for people,
// a stable code for programs, and the parameter at fault when there is one.
type apiError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	Param string `json:"param,omitempty"`
}

func writeAPIError(w http.ResponseWriter, status int, code, param, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(apiError{Error: msg, Code: code, Param: param})
}

// apiServerError logs an internal failure and tells the client only that it
// happened: an error's text can name files, tables and queries.
func (s *Server) apiServerError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		s.rejected("timeout")
		writeAPIError(w, http.StatusServiceUnavailable, "timeout", "", "the request took longer than this server allows, or was abandoned")
		return
	}
	s.log.Error("api request failed", "path", r.URL.Path, "err", err)
	writeAPIError(w, http.StatusInternalServerError, "internal", "", "internal error; it has been logged")
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func (s *Server) handleAPINotFound(w http.ResponseWriter, r *http.Request) {
	writeAPIError(w, http.StatusNotFound, "not_found", "", "no such API address: "+r.Method+" "+r.URL.Path+" (see docs/api.md)")
}
