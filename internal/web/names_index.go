package web

import (
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fond/internal/names"
	"fond/internal/search"
)

// maxIndexCounts bounds the searches one index page runs (one per entry): an
// authority file past it is listed without counts beyond the first entries.
const maxIndexCounts = 500

// indexEntry is one person or place in the index.
type indexEntry struct {
	names.Authority
	URL   string
	Count int
}

// handleNameIndex lists the people (or places) of the authority file with their
// other forms and dates, by letter or by how many documents name them.
func (s *Server) handleNameIndex(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth, err := s.store.Authorities(r.Context())
		if err != nil {
			s.serverError(w, err)
			return
		}
		order := r.URL.Query().Get("sort")
		if order != "" && order != "count" {
			s.badRequest(w, &paramError{"sort", "param.namesort", nil})
			return
		}
		letter := strings.ToUpper(r.URL.Query().Get("letter"))
		if utf8.RuneCountInString(letter) > 1 {
			s.badRequest(w, &paramError{"letter", "param.letter", nil})
			return
		}
		prefix := map[string]string{"person": "/people/", "place": "/places/"}[kind]
		var entries []indexEntry
		letters := map[string]bool{}
		for _, a := range auth.Authorities {
			if a.Kind != kind {
				continue
			}
			first := initial(a.Preferred)
			letters[first] = true
			if letter != "" && first != letter {
				continue
			}
			entries = append(entries, indexEntry{Authority: a, URL: prefix + url.PathEscape(a.Preferred)})
		}
		for i := range entries {
			if i == maxIndexCounts {
				break
			}
			q := search.Query{Text: nameQuery(kind, entries[i].Preferred, auth), Limit: 1, Match: search.MatchAll}
			if res, err := s.search(r.Context(), q); err == nil {
				entries[i].Count = res.Total
			}
		}
		sort.SliceStable(entries, func(i, j int) bool {
			if order == "count" && entries[i].Count != entries[j].Count {
				return entries[i].Count > entries[j].Count
			}
			return strings.ToLower(entries[i].Preferred) < strings.ToLower(entries[j].Preferred)
		})
		var links []facetLink
		for _, l := range sortedKeys(letters) {
			links = append(links, facetLink{Label: l, URL: strings.TrimSuffix(prefix, "/") + "?letter=" + url.QueryEscape(l), Active: l == letter})
		}
		title := printer(w).T("names.title." + kind)
		if letter != "" {
			title = printer(w).T("names.title."+kind+".letter", letter)
		}
		s.render(w, http.StatusOK, "names_index", map[string]any{"Title": title, "Kind": kind, "Entries": entries,
			"Letters": links, "Letter": letter, "ByCount": order == "count", "Base": strings.TrimSuffix(prefix, "/")})
	}
}

// initial is the letter an entry is filed under.
func initial(s string) string {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return string(unicode.ToUpper(r))
		}
	}
	return "#"
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
