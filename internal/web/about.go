package web

import (
	"net/http"

	"fond/internal/search"
)

// handleAbout says what the archive holds (counts by collection, language,
// decade, kind), how to cite a document, and which interfaces it offers: what
// a new reader, a librarian or a harvester asks first.
func (s *Server) handleAbout(w http.ResponseWriter, r *http.Request) {
	res, err := s.search(r.Context(), search.Query{Facets: true, Limit: 1})
	if err != nil {
		s.serverError(w, err)
		return
	}
	p := searchParams{Filters: map[string][]string{}}
	groups := s.titledFacets(r.Context(), printer(w).Lang, facetGroups(p, res))
	s.render(w, http.StatusOK, "about", map[string]any{
		"Title": printer(w).T("about.h1", s.archiveName()), "Name": s.archiveName(), "Total": res.Total, "Facets": groups,
		"Decades": decadeLinks(res.Facets["decade"]), "Base": s.baseURL(r),
	})
}
