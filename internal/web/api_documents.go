package web

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"fond/internal/record"
	"fond/internal/redact"
	"fond/internal/store"
	"fond/internal/subjects"
)

// etag names a record's revision: every change of its editable fields or
// its publication is a new revision (docs/api.md).
func etag(r record.Record) string { return `"rev-` + strconv.Itoa(r.Revision) + `"` }

// writeRecord answers a record as JSON with its ETag and every non-empty
// editable field's provenance.
func (s *Server) writeRecord(w http.ResponseWriter, r *http.Request, status int, rec record.Record) {
	rec.Provenance = provenanceOf(rec, viewerOf(r.Context()) != nil)
	w.Header().Set("ETag", etag(rec))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// The record as stored, with the release history its editions make up
	// and the subjects its text is assigned (in force where a person set none).
	assigned := subjects.Default().Assigned(&rec)
	if assigned == nil {
		assigned = []string{}
	}
	enc.Encode(struct {
		record.Record
		ReleaseHistory   []redact.Entry `json:"release_history"`
		SubjectsAssigned []string       `json:"subjects_assigned"`
	}{rec, s.releaseHistory(r.Context(), rec), assigned})
}

// provenanceOf fills the provenance of every non-empty editable field: what
// a person set as stored; the rest {"by": "extracted", "at": ingested_at}.
// Readers without a token see "staff" for a person: account names are
// sign-in names, and what the machine had read before is staff's business.
func provenanceOf(rec record.Record, staff bool) map[string]record.Provenance {
	values, err := record.Fields(rec)
	if err != nil {
		return nil
	}
	out := map[string]record.Provenance{}
	for _, name := range record.Editable {
		p, person := rec.Provenance[name]
		switch {
		case person && p.Person() && staff:
			out[name] = p
		case person && p.Person():
			out[name] = record.Provenance{By: "staff", At: p.At}
		case !emptyJSON(values[name]):
			out[name] = record.Provenance{By: record.ByMachine, At: rec.IngestedAt}
		}
	}
	return out
}

func (s *Server) handleAPIDocument(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.pathRecord(w, r)
	if !ok {
		return
	}
	s.writeRecord(w, r, http.StatusOK, rec)
}

// handleAPIHistory lists the record's revisions, newest first.
func (s *Server) handleAPIHistory(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.pathRecord(w, r)
	if !ok {
		return
	}
	hist, err := s.raw.History(r.Context(), rec.ID)
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	for i := range hist {
		if hist[i].Changes == nil {
			hist[i].Changes = []record.Change{}
		}
	}
	if hist == nil {
		hist = []store.Revision{}
	}
	writeJSON(w, hist)
}

// readPatchBody reads a JSON object body (bounded by --max-edit-bytes, as
// every edit's) of editable fields; it answers the request itself when it
// cannot.
func readPatchBody(w http.ResponseWriter, r *http.Request, types ...string) (map[string]json.RawMessage, bool) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	ok := false
	for _, t := range types {
		ok = ok || mt == t
	}
	if !ok {
		writeAPIError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "", "the body must be "+strings.Join(types, " or "))
		return nil, false
	}
	b, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeAPIError(w, http.StatusRequestEntityTooLarge, "too_large", "", "the body is over "+strconv.FormatInt(tooBig.Limit, 10)+" bytes (--max-edit-bytes)")
		return nil, false
	}
	if err != nil {
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", "", "the body could not be read")
		return nil, false
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil || fields == nil {
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", "", "the body must be a JSON object of the record's editable fields")
		return nil, false
	}
	for name := range fields {
		if !record.IsEditable(name) {
			writeAPIError(w, http.StatusBadRequest, "invalid_parameter", name, name+" is not a field a person may set (docs/record.md lists them)")
			return nil, false
		}
	}
	return fields, true
}

// handleAPIPatch applies a JSON merge patch (RFC 7396) to the record's
// editable fields, against the revision If-Match names: 428 without it, 412
// when another was saved since, 422 for a value its field refuses.
func (s *Server) handleAPIPatch(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.pathRecord(w, r)
	if !ok {
		return
	}
	v := viewerOf(r.Context())
	if !canEdit(v, rec) {
		writeAPIError(w, http.StatusForbidden, "forbidden", "", "contributors change drafts only; this record is "+rec.Status)
		return
	}
	match := r.Header.Get("If-Match")
	if match == "" {
		writeAPIError(w, http.StatusPreconditionRequired, "precondition_required", "If-Match", "send If-Match with the ETag of the revision the patch was made against (GET /api/documents/{id})")
		return
	}
	if !ifMatch(match, etag(rec)) {
		w.Header().Set("ETag", etag(rec))
		writeAPIError(w, http.StatusPreconditionFailed, "stale_revision", "If-Match", "the record is at revision "+strconv.Itoa(rec.Revision)+" now: fetch it again and redo the patch")
		return
	}
	note := strings.TrimSpace(r.Header.Get("X-Fond-Note"))
	if utf8.RuneCountInString(note) > maxWhy {
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", "X-Fond-Note", "the note may be at most 1,000 characters")
		return
	}
	patch, ok := readPatchBody(w, r, "application/merge-patch+json", "application/json")
	if !ok {
		return
	}
	current, err := record.Fields(rec)
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	fields := map[string]json.RawMessage{}
	for name, p := range patch {
		merged, err := mergeJSON(current[name], p)
		if err != nil {
			writeAPIError(w, http.StatusBadRequest, "invalid_parameter", name, name+" is not valid JSON")
			return
		}
		fields[name] = merged
	}
	after, err := s.raw.EditRecord(r.Context(), store.Edit{ID: rec.ID, Base: rec.Revision, Fields: fields, Author: v.Name, Action: store.ActionEdit,
		Note: note})
	var fe *record.FieldError
	var stale *store.StaleError
	switch {
	case errors.As(err, &fe):
		writeAPIError(w, http.StatusUnprocessableEntity, "invalid_value", fe.Field, fe.Error())
		return
	case errors.As(err, &stale):
		w.Header().Set("ETag", etag(stale.Current))
		writeAPIError(w, http.StatusPreconditionFailed, "stale_revision", "If-Match", "revision "+strconv.Itoa(stale.Current.Revision)+" was saved meanwhile: fetch the record again and redo the patch")
		return
	case err != nil:
		s.apiServerError(w, r, err)
		return
	}
	if after.Revision != rec.Revision {
		s.audit(r, store.AuditEdit, rec.ID, editDetail(rec, after)+" (API)")
	}
	s.writeRecord(w, r, http.StatusOK, after)
}

// ifMatch reports whether an If-Match header names the ETag: "*", or a list
// holding it (weak or strong: the revision is the same either way).
func ifMatch(header, tag string) bool {
	for t := range strings.SplitSeq(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == tag {
			return true
		}
	}
	return false
}

// mergeJSON applies one member of a merge patch to a field's value (RFC
// 7396): objects merge member by member, null removes, anything else
// replaces.
func mergeJSON(target, patch json.RawMessage) (json.RawMessage, error) {
	var t, p any
	if err := json.Unmarshal(patch, &p); err != nil {
		return nil, err
	}
	if len(target) > 0 {
		if err := json.Unmarshal(target, &t); err != nil {
			return nil, err
		}
	}
	return json.Marshal(mergeValue(t, p))
}

func mergeValue(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
		} else {
			t[k] = mergeValue(t[k], v)
		}
	}
	return t
}

// handleAPICreate stores a record made by hand from a JSON object of its
// editable fields: 201, a draft, Location its address.
func (s *Server) handleAPICreate(w http.ResponseWriter, r *http.Request) {
	fields, ok := readPatchBody(w, r, "application/json")
	if !ok {
		return
	}
	rec, err := s.createRecord(r, givenFields(fields))
	var fe *record.FieldError
	switch {
	case errors.As(err, &fe):
		writeAPIError(w, http.StatusUnprocessableEntity, "invalid_value", fe.Field, fe.Error())
		return
	case err != nil:
		s.apiServerError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/documents/"+url.PathEscape(rec.ID))
	s.writeRecord(w, r, http.StatusCreated, rec)
}
