package web

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// maxSuggestions bounds one answer of the name suggestions, and maxSuggestQuery
// what is typed (the authority file is scanned once per request).
const (
	maxSuggestions  = 10
	maxSuggestQuery = 100
)

// nameSuggestion is an authority whose name or other form begins with what
// was typed: the form to enter (its preferred name) and the form matched.
type nameSuggestion struct {
	Name    string `json:"name"`
	Matched string `json:"matched,omitempty"`
	Dates   string `json:"dates,omitempty"`
}

// handleNameSuggest answers the record form's suggestions as one types a
// person or a place: the authority file is public (the people and places
// indexes show it), so this asks for no account.
func (s *Server) handleNameSuggest(w http.ResponseWriter, r *http.Request) {
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	kind := r.URL.Query().Get("kind")
	if kind == "" {
		kind = "person"
	}
	switch {
	case kind != "person" && kind != "place":
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", "kind", "kind must be person or place")
		return
	case utf8.RuneCountInString(q) > maxSuggestQuery:
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", "q", "q may be at most 100 characters")
		return
	}
	out := []nameSuggestion{}
	if q == "" {
		writeJSON(w, out)
		return
	}
	f, err := s.store.Authorities(r.Context())
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	for _, a := range f.Authorities {
		if a.Kind != kind || len(out) == maxSuggestions {
			continue
		}
		for _, form := range append([]string{a.Preferred}, a.Variants...) {
			// A form begins with what was typed, or one of its words does
			// ("stal" finds Joseph Stalin).
			if lf := strings.ToLower(form); strings.HasPrefix(lf, q) || strings.Contains(lf, " "+q) {
				sg := nameSuggestion{Name: a.Preferred, Dates: a.Dates}
				if form != a.Preferred {
					sg.Matched = form
				}
				out = append(out, sg)
				break
			}
		}
	}
	writeJSON(w, out)
}
