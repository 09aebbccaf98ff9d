package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"fond/internal/cite"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	recent, total, err := s.store.List(r.Context(), store.ListQuery{Limit: 50})
	if err != nil {
		s.serverError(w, err)
		return
	}
	s.render(w, http.StatusOK, "home", map[string]any{"Title": "fond", "Total": total, "Records": recent})
}

func queryFrom(r *http.Request) search.Query {
	v := r.URL.Query()
	q := search.Query{Text: v.Get("q"), Sort: v.Get("sort"), DateMode: v.Get("dates"), Facets: v.Get("facets") != ""}
	q.Limit, _ = strconv.Atoi(v.Get("limit"))
	page, _ := strconv.Atoi(v.Get("page"))
	q.Normalize()
	if page > 1 {
		q.Offset = (page - 1) * q.Limit
	}
	return q
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := queryFrom(r)
	res, err := s.store.Search(r.Context(), q)
	if err != nil {
		s.serverError(w, err)
		return
	}
	page := q.Offset/q.Limit + 1
	link := func(p int) string {
		v := url.Values{"q": {q.Text}, "sort": {q.Sort}, "page": {strconv.Itoa(p)}}
		return "/search?" + v.Encode()
	}
	data := map[string]any{"Title": "Search: " + q.Text, "Query": q, "Result": res, "Page": page}
	if q.Offset > 0 {
		data["Prev"] = link(page - 1)
	}
	if q.Offset+len(res.Hits) < res.Total {
		data["Next"] = link(page + 1)
	}
	s.render(w, http.StatusOK, "search", data)
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rec, err := s.store.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, "Document "+id)
		return
	}
	if err != nil {
		s.serverError(w, err)
		return
	}
	if rec.ID != id { // an old id: send readers to the permanent one
		http.Redirect(w, r, "/documents/"+rec.ID, http.StatusMovedPermanently)
		return
	}
	related := func(ids []string) []record.Record {
		var out []record.Record
		for _, id := range ids {
			if x, err := s.store.Get(r.Context(), id); err == nil {
				out = append(out, x)
			}
		}
		return out
	}
	citations := map[string]string{}
	for _, style := range cite.Styles() {
		if c, err := cite.Format(style, &rec); err == nil {
			citations[style] = c
		}
	}
	var parent []record.Record
	if rec.Parent != "" {
		parent = related([]string{rec.Parent})
	}
	s.render(w, http.StatusOK, "document", map[string]any{
		"Title": rec.Title, "R": rec, "Citations": citations, "Styles": cite.Styles(),
		"Editions": related(rec.Editions), "Contains": related(rec.Contains), "Parent": parent,
	})
}

func (s *Server) handleOriginal(w http.ResponseWriter, r *http.Request) {
	rec, err := s.store.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, "Document")
		return
	}
	if err != nil {
		s.serverError(w, err)
		return
	}
	o, err := s.store.Original(r.Context(), rec.Checksum)
	if err != nil {
		s.serverError(w, err)
		return
	}
	// Served as a download, never rendered: originals may be untrusted HTML.
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", o.Name))
	w.Write(o.Data)
}

var citeTypes = map[string]string{
	"chicago": "text/plain; charset=utf-8", "bibtex": "application/x-bibtex; charset=utf-8",
	"ris": "application/x-research-info-systems; charset=utf-8", "csl-json": "application/vnd.citationstyles.csl+json",
}

var citeExt = map[string]string{"chicago": "txt", "bibtex": "bib", "ris": "ris", "csl-json": "json"}

func (s *Server) handleCite(w http.ResponseWriter, r *http.Request) {
	rec, err := s.store.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, "Document")
		return
	}
	if err != nil {
		s.serverError(w, err)
		return
	}
	style := r.PathValue("style")
	out, err := cite.Format(style, &rec)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", citeTypes[style])
	if r.URL.Query().Has("download") {
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", rec.ID+"."+citeExt[style]))
	}
	fmt.Fprint(w, out)
}

func (s *Server) handleAPISearch(w http.ResponseWriter, r *http.Request) {
	res, err := s.store.Search(r.Context(), queryFrom(r))
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, res)
}

func (s *Server) handleAPIDocument(w http.ResponseWriter, r *http.Request) {
	rec, err := s.store.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		writeJSONError(w, http.StatusNotFound, "no such document")
		return
	}
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, rec)
}

func (s *Server) handleRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprint(w, "User-agent: *\nDisallow: /api/\nDisallow: /documents/*/original\n")
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
