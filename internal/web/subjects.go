package web

import (
	"net/http"
	"net/url"

	"fond/internal/i18n"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/subjects"
)

// subjectLink is one subject as a page shows it: its label, scope note, and
// a search of its documents.
type subjectLink struct {
	ID, Label, Scope, URL string
	Count                 int
	ByPerson              bool // set by a person, not assigned
}

func subjectURL(id string) string { return "/search?subject=" + url.QueryEscape(id) + "&sort=date" }

// recordSubjects are a record's subjects for its page: a person's, or those
// its text and collection are assigned (the index assigns the same).
func recordSubjects(r *record.Record, lang i18n.Lang) []subjectLink {
	v := subjects.Default()
	var out []subjectLink
	for _, id := range v.Of(r) {
		out = append(out, subjectLink{ID: id, Label: v.LabelIn(id, string(lang)), URL: subjectURL(id), ByPerson: len(r.Subjects) > 0})
	}
	return out
}

// handleSubjects lists the vocabulary with each subject's scope note and how
// many documents the reader may see have it, from one facet count.
func (s *Server) handleSubjects(w http.ResponseWriter, r *http.Request) {
	res, err := s.search(r.Context(), search.Query{Facets: true, Limit: 1})
	if err != nil {
		s.serverError(w, err)
		return
	}
	counts := map[string]int{}
	for _, c := range res.Facets["subject"] {
		counts[c.Value] = c.Count
	}
	var list []subjectLink
	lang := string(printer(w).Lang)
	for _, sub := range subjects.Default().Subjects {
		list = append(list, subjectLink{ID: sub.ID, Label: sub.LabelIn(lang), Scope: sub.ScopeIn(lang), URL: subjectURL(sub.ID), Count: counts[sub.ID]})
	}
	s.render(w, http.StatusOK, "subjects", map[string]any{"Title": printer(w).T("nav.subjects"), "Subjects": list, "Total": res.Total})
}
