package web

import (
	"context"
	"encoding/xml"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"fond/internal/i18n"
	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
	"fond/internal/subjects"
)

// handleHome shows what the archive holds: counts by type, archive and decade,
// collections, the latest additions, and a search box.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	all, err := s.search(r.Context(), search.Query{Facets: true, Limit: 1})
	if err != nil {
		s.searchError(w, r, err)
		return
	}
	recent, _, err := s.store.List(r.Context(), store.ListQuery{Limit: 10, Recent: true})
	if err != nil {
		s.serverError(w, err)
		return
	}
	p := searchParams{Filters: map[string][]string{}}
	groups := s.titledFacets(r.Context(), printer(w).Lang, facetGroups(p, all))
	s.render(w, http.StatusOK, "home", map[string]any{
		"Title": "fond", "Total": all.Total, "Recent": recent,
		"Facets": groups, "Decades": decadeLinks(all.Facets["decade"]),
	})
}

func decadeLinks(decades []search.FacetCount) []facetLink {
	var out []facetLink
	for _, d := range decades {
		y := strings.TrimSuffix(d.Value, "0s")
		out = append(out, facetLink{Field: "decade", Value: d.Value, Label: d.Value, Count: d.Count, URL: "/timeline?from=" + y + "0&to=" + y + "9"})
	}
	return out
}

// handleName is a person's or place's page: documents in date order and who
// appears with them most.
func (s *Server) handleName(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimSpace(r.PathValue("name"))
		if strings.TrimSpace(strings.ReplaceAll(name, `"`, "")) == "" {
			// A blank name would be no filter at all, and list every record.
			s.notFound(w, "notfound.blank."+kind)
			return
		}
		p := searchParams{Filters: map[string][]string{kind: {name}}, Sort: search.SortDateAsc, Page: 1}
		q := p.query()
		q.Limit = 200
		auth, _ := s.store.Authorities(r.Context())
		if auth != nil {
			// A place asked for as a person (or the reverse) is sent to its page.
			if m, ok := auth.Resolve(name); ok && m.Authority.Kind != "" && m.Authority.Kind != kind {
				if other, ok := map[string]string{"person": "/people/", "place": "/places/"}[m.Authority.Kind]; ok {
					http.Redirect(w, r, other+url.PathEscape(name), http.StatusSeeOther)
					return
				}
			}
		}
		q.Text = nameQuery(kind, name, auth)
		res, err := s.search(r.Context(), q)
		if err != nil {
			s.searchError(w, r, err)
			return
		}
		if res.Total == 0 {
			s.notFound(w, "notfound.naming", name)
			return
		}
		var with []facetLink
		for _, c := range res.Facets["person"] {
			if !strings.EqualFold(c.Value, name) && len(with) < 15 {
				with = append(with, facetLink{Label: c.Value, Count: c.Count, URL: "/people/" + url.PathEscape(c.Value)})
			}
		}
		data := map[string]any{"Title": name, "Kind": kind, "Name": name, "Result": res, "With": with, "SearchURL": p.url()}
		if auth != nil {
			if m, ok := auth.Resolve(name); ok {
				data["Authority"] = m.Authority
				data["Title"] = m.Authority.Preferred
			}
		}
		s.render(w, http.StatusOK, "name", data)
	}
}

// nameQuery finds every document that names a person or place: tagged with
// it (person:, which the authority file resolves to every form), or writing any
// of its forms in the text, as a phrase. A page that listed only the tagged
// documents undercounted: Stalin is named in documents whose people list him
// under another form, or not at all.
func nameQuery(kind, name string, auth *names.File) string {
	forms := []string{name}
	if auth != nil {
		if m, ok := auth.Resolve(name); ok {
			forms = append([]string{m.Authority.Preferred}, m.Authority.Variants...)
		}
	}
	clean := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, `"`, "")) }
	parts := []string{kind + `:"` + clean(name) + `"`}
	words := 1
	for _, f := range forms {
		f = clean(f)
		// Each form is a phrase of its words; the query's term limit (64) is
		// kept well clear of, longest-listed forms last.
		if n := len(strings.Fields(f)); f != "" && words+n <= 40 {
			parts = append(parts, `"`+f+`"`)
			words += n
		}
	}
	return strings.Join(parts, " OR ")
}

// handleCollections lists collections (FRUS volumes and the like).
func (s *Server) handleCollections(w http.ResponseWriter, r *http.Request) {
	res, err := s.search(r.Context(), search.Query{Facets: true, Limit: 1})
	if err != nil {
		s.searchError(w, r, err)
		return
	}
	var links []facetLink
	for _, c := range res.Facets["collection"] {
		links = append(links, facetLink{Label: s.collectionTitle(r.Context(), c.Value), Count: c.Count, URL: "/search?" + url.Values{"collection": {c.Value}, "sort": {"date"}}.Encode()})
	}
	s.render(w, http.StatusOK, "collections", map[string]any{"Title": printer(w).T("nav.collections"), "Collections": links})
}

// span is one record on the timeline, positioned as a percentage of the range so
// that uncertain dates show as bars as wide as their uncertainty.
type span struct {
	R           record.Record
	Left, Width float64
	Approximate bool
}

// handleTimeline draws records in a date range on a time axis; decades link to
// years, years to months: zooming is following links.
func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	from, to := r.URL.Query().Get("from"), r.URL.Query().Get("to")
	// The same checks as the search page's dates: they go into the query.
	if _, perr := parseParams(url.Values{"from": {from}, "to": {to}}, 1); perr != nil {
		s.badRequest(w, perr)
		return
	}
	p := searchParams{Filters: map[string][]string{}, From: from, To: to, Sort: search.SortDateAsc, Page: 1}
	if from == "" && to == "" {
		p.From = "0001" // only dated records belong on a time axis
	}
	q := p.query()
	q.Limit = 500
	res, err := s.search(r.Context(), q)
	if err != nil {
		s.searchError(w, r, err)
		return
	}
	lo, hi := rangeBounds(from, to, res.Hits)
	var spans []span
	for _, h := range res.Hits {
		if h.Date.Earliest == "" {
			continue
		}
		a, b := dayNumber(h.Date.Earliest), dayNumber(h.Date.Latest)
		left := 100 * float64(a-lo) / float64(max(hi-lo, 1))
		width := 100 * float64(b-a+1) / float64(max(hi-lo, 1))
		spans = append(spans, span{R: record.Record{ID: h.ID, Title: h.Title, Date: h.Date, Type: h.Type}, Left: left, Width: max(width, 0.4), Approximate: h.Date.Qualifier != record.Exact && h.Date.Qualifier != ""})
	}
	zoom := zoomLinks(res.Facets, from, to)
	if len(from) == 4 && from == to {
		// Within one year, zoom by month; a month's page places records by day.
		zoom = monthLinks(res.Hits, from)
	}
	start, end := axisEnds(from, to, res.Hits)
	unit := "hist.decades"
	if len(zoom) > 0 {
		unit = map[string]string{"decade": "hist.decades", "year": "hist.years", "month": "hist.months"}[zoom[0].Field]
	}
	s.render(w, http.StatusOK, "timeline", map[string]any{
		"Title": printer(w).T("nav.timeline"), "From": from, "To": to, "Spans": spans, "Total": res.Total, "Zoom": newChart("tl-chart", "hist.timeline", unit, "/timeline", zoom),
		"Shown": len(spans), "SearchURL": p.url(), "AxisStart": start, "AxisEnd": end,
	})
}

// zoomLinks offers the next level down: decades, then years, then nothing finer
// than the documents themselves.
func zoomLinks(f map[string][]search.FacetCount, from, to string) []facetLink {
	var out []facetLink
	if from == "" && to == "" || len(from) < 4 || len(to) < 4 || from[:3] != to[:3] {
		for _, d := range f["decade"] {
			y := strings.TrimSuffix(d.Value, "0s")
			out = append(out, facetLink{Field: "decade", Value: d.Value, Label: d.Value, Count: d.Count, URL: "/timeline?from=" + y + "0&to=" + y + "9"})
		}
		if len(out) > 1 || from == "" {
			return out
		}
		out = nil
	}
	for _, y := range f["year"] {
		out = append(out, facetLink{Field: "year", Value: y.Value, Label: y.Value, Count: y.Count, URL: "/timeline?from=" + y.Value + "&to=" + y.Value})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

// axisEnds are the first and last day of the axis, as rangeBounds places
// them, for its scale: the typed range, else the records' earliest and latest.
func axisEnds(from, to string, hits []search.Hit) (string, string) {
	if d, ok := search.ParseDateRange(from + ".." + to); ok && d.From != "" && d.To != "" {
		return d.From, d.To
	}
	lo, hi := "", ""
	for _, h := range hits {
		if h.Date.Earliest == "" {
			continue
		}
		if lo == "" || h.Date.Earliest < lo {
			lo = h.Date.Earliest
		}
		hi = max(hi, h.Date.Latest)
	}
	return lo, hi
}

func rangeBounds(from, to string, hits []search.Hit) (int, int) {
	lo, hi := 0, 0
	if d, ok := search.ParseDateRange(from + ".." + to); ok && d.From != "" && d.To != "" {
		return dayNumber(d.From), dayNumber(d.To)
	}
	for _, h := range hits {
		if h.Date.Earliest == "" {
			continue
		}
		a, b := dayNumber(h.Date.Earliest), dayNumber(h.Date.Latest)
		if lo == 0 || a < lo {
			lo = a
		}
		hi = max(hi, b)
	}
	return lo, hi
}

// dayNumber counts days from year 0 well enough to place dates on an axis.
func dayNumber(ymd string) int {
	var y, m, d int
	if len(ymd) < 10 {
		return 0
	}
	for _, c := range ymd[0:4] {
		y = y*10 + int(c-'0')
	}
	m = int(ymd[5]-'0')*10 + int(ymd[6]-'0')
	d = int(ymd[8]-'0')*10 + int(ymd[9]-'0')
	return y*372 + (m-1)*31 + d
}

// sitemapSize is the most addresses one sitemap may hold (sitemaps.org); a
// variable so that tests can split a small archive.
var sitemapSize = 50000

// handleSitemap lists every document's permanent address for search engines:
// one sitemap while they fit, else an index of sitemaps (?page=N) of 50,000 each.
func (s *Server) handleSitemap(w http.ResponseWriter, r *http.Request) {
	page, perr := wholeNumber(r.URL.Query(), "page", 0, math.MaxInt32)
	if perr != nil {
		s.badRequest(w, perr)
		return
	}
	if page > 0 {
		n, err := s.sitemapPages(r)
		if err != nil {
			s.serverError(w, err)
			return
		}
		if page > n {
			s.notFound(w, "notfound.sitemap", page)
			return
		}
	}
	recs, total, err := s.store.List(r.Context(), store.ListQuery{Limit: sitemapSize, Offset: max(page-1, 0) * sitemapSize, IDsOnly: true})
	if err != nil {
		s.serverError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	base := s.baseURL(r)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if page == 0 && total > sitemapSize {
		b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for p := 1; (p-1)*sitemapSize < total; p++ {
			fmt.Fprintf(&b, "<sitemap><loc>%s/sitemap.xml?page=%d</loc></sitemap>\n", xmlText(base), p)
		}
		b.WriteString("</sitemapindex>\n")
		w.Write([]byte(b.String()))
		return
	}
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, rec := range recs {
		b.WriteString("<url><loc>" + xmlText(base+"/documents/"+url.PathEscape(rec.ID)) + "</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	w.Write([]byte(b.String()))
}

// sitemapPages is how many sitemap pages the archive fills.
func (s *Server) sitemapPages(r *http.Request) (int, error) {
	_, total, err := s.store.List(r.Context(), store.ListQuery{Limit: 1, IDsOnly: true, PublishedOnly: true})
	if err != nil {
		return 0, err
	}
	return (total + sitemapSize - 1) / sitemapSize, nil
}

// xmlText escapes s for XML character data.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// collectionTitle is a collection's title, read from one of its records; facets
// carry the stable id.
func (s *Server) collectionTitle(ctx context.Context, id string) string {
	res, err := s.search(ctx, search.Query{Text: `collection:"` + id + `"`, Limit: 1})
	if err != nil || len(res.Hits) == 0 {
		return id
	}
	if rec, err := s.store.Get(ctx, res.Hits[0].ID); err == nil && rec.Collection != nil && rec.Collection.Title != "" {
		return rec.Collection.Title
	}
	return id
}

// monthLinks counts a year's records by month, from the hits' earliest dates.
func monthLinks(hits []search.Hit, year string) []facetLink {
	counts := map[string]int{}
	for _, h := range hits {
		if strings.HasPrefix(h.Date.Earliest, year) && h.Date.Earliest[:7] == h.Date.Latest[:7] {
			counts[h.Date.Earliest[:7]]++
		}
	}
	months := make([]string, 0, len(counts))
	for m := range counts {
		months = append(months, m)
	}
	sort.Strings(months)
	var out []facetLink
	for _, m := range months {
		out = append(out, facetLink{Field: "month", Value: m, Label: m, Count: counts[m], URL: "/timeline?from=" + m + "&to=" + m})
	}
	return out
}

// titledFacets shows collections by title and subjects by label; their facet
// values are ids.
func (s *Server) titledFacets(ctx context.Context, lang i18n.Lang, groups []facetGroup) []facetGroup {
	for gi := range groups {
		if groups[gi].Name == "subject" {
			for li := range groups[gi].Links {
				groups[gi].Links[li].Label = subjects.Default().LabelIn(groups[gi].Links[li].Value, string(lang))
			}
		}
		if groups[gi].Name == "collection" {
			for li := range groups[gi].Links {
				groups[gi].Links[li].Label = s.collectionTitle(ctx, groups[gi].Links[li].Value)
			}
		}
	}
	return groups
}
