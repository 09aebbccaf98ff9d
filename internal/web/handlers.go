package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"fond/internal/cite"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
)

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	p, perr := parseParams(r.URL.Query(), s.Limits.MaxPage)
	if perr != nil {
		s.badRequest(w, perr)
		return
	}
	q := p.query()
	res, err := s.search(r.Context(), q)
	if err != nil {
		s.searchError(w, r, err)
		return
	}
	pr := printer(w)
	data := map[string]any{
		"Title": pr.T("search.h1"), "Params": p, "Query": q, "Result": res, "Page": p.Page,
		"Permalink": p.url(), "Active": p.activeFilters(), "Facets": s.titledFacets(r.Context(), printer(w).Lang, facetGroups(p, res)),
		"Histogram": histogram(p, res.Facets["year"]), "Feed": p.feedURL(), "AllWords": p.withMatch(search.MatchAll),
	}
	if p.Q != "" {
		data["Title"] = pr.T("search.title.q", p.Q)
		data["DidYouMean"], data["DidYouMeanURL"] = s.didYouMean(r.Context(), p, q, res)
	}
	if p.Page > 1 {
		data["Prev"] = p.withPage(p.Page - 1)
	}
	if last := (res.Total + q.Limit - 1) / q.Limit; p.Page > 1 && p.Page > last {
		// Past the end is an empty page that says so, never another page's hits.
		data["PastEnd"] = true
		data["Prev"] = nil
		if last > 0 {
			data["Last"] = p.withPage(last)
		}
	}
	if q.Offset+len(res.Hits) < res.Total {
		data["Next"] = p.withPage(p.Page + 1)
	}
	s.render(w, http.StatusOK, "search", data)
}

// facetGroup is one facet as the search page shows it.
type facetGroup struct {
	Name, Label string
	Links       []facetLink
}

var facetLabels = map[string]string{
	"type": "Type", "category": "Category", "repository": "Archive", "language": "Language",
	"person": "People", "place": "Places", "collection": "Collection", "subject": "Subjects",
	"withheld": "Text withheld", "exemption": "Exemption cited", "released_later": "Text released later",
}

func facetGroups(p searchParams, res search.Result) []facetGroup {
	var out []facetGroup
	for _, name := range filterParams {
		counts := res.Facets[name]
		if len(counts) == 0 {
			continue
		}
		g := facetGroup{Name: name, Label: facetLabels[name]}
		for _, c := range counts {
			g.Links = append(g.Links, facetLink{Field: name, Value: c.Value, Label: c.Value, Count: c.Count, URL: p.toggle(name, c.Value), Active: p.active(name, c.Value)})
		}
		out = append(out, g)
	}
	return out
}

// chart is a bar chart of counts over time (the search's years, the
// timeline's decades, years or months): each bar a link narrowing to its
// span, and RangeURL the same address without dates, to which the page's
// script adds from and to when a reader drags across bars.
type chart struct {
	ID       string
	Caption  string // message keys: the chart's caption and its time axis
	XLabel   string
	RangeURL string
	Peak     int
	Bars     []bar
}

// bar is one span of a chart; From and To are its first and last date as the
// date fields take them (1950, 1950-04).
type bar struct {
	Link     facetLink
	From, To string
	Percent  int
}

// newChart draws links (Field decade, year or month) as bars; nil when
// there are none.
func newChart(id, caption, xlabel, rangeURL string, links []facetLink) *chart {
	if len(links) == 0 {
		return nil
	}
	c := &chart{ID: id, Caption: caption, XLabel: xlabel, RangeURL: rangeURL}
	for _, l := range links {
		c.Peak = max(c.Peak, l.Count)
	}
	for _, l := range links {
		from, to := l.Value, l.Value
		if l.Field == "decade" {
			y := strings.TrimSuffix(l.Value, "0s")
			from, to = y+"0", y+"9"
		}
		c.Bars = append(c.Bars, bar{Link: l, From: from, To: to, Percent: max(2, l.Count*100/max(c.Peak, 1))})
	}
	return c
}

func histogram(p searchParams, years []search.FacetCount) *chart {
	var links []facetLink
	for _, y := range years {
		links = append(links, facetLink{Field: "year", Value: y.Value, Label: y.Value, Count: y.Count, URL: p.withDates(y.Value, y.Value)})
	}
	return newChart("hist", "hist.search", "hist.years", p.withDates("", ""), links)
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rec, ok := s.visibleRecord(w, r, id)
	if !ok {
		return
	}
	if rec.ID != id { // an old id: send readers to the permanent one
		http.Redirect(w, r, "/documents/"+rec.ID, http.StatusMovedPermanently)
		return
	}
	cuts := textParts(rec.Body, s.Limits.TextPartBytes)
	part, perr := wholeNumber(r.URL.Query(), "part", 1, len(cuts)-1)
	if perr != nil {
		s.badRequest(w, perr)
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
	// Citations and the page's metadata give the document's permanent address
	// whole: a relative link means nothing once copied into a reference manager.
	permanent := cite.PermanentURL(s.baseURL(r), rec.ID)
	citations := map[string]string{}
	for _, style := range cite.Styles() {
		if c, err := cite.FormatWith(style, &rec, cite.Options{URL: permanent}); err == nil {
			citations[style] = c
		}
	}
	var parent []record.Record
	if rec.Parent != "" {
		parent = related([]string{rec.Parent})
	}
	allLinks, err := s.store.Links(r.Context(), rec.ID)
	if err != nil {
		s.serverError(w, err)
		return
	}
	var offered []linkView
	for _, l := range allLinks {
		if l.Asserted {
			continue
		}
		other := l.To
		if other == rec.ID {
			other = l.From
		}
		if x, err := s.store.Get(r.Context(), other); err == nil {
			offered = append(offered, linkView{R: x, Score: l.Score, Evidence: l.Evidence})
		}
	}
	paras := s.linkedParagraphs(r.Context(), printer(w), &rec, cuts[part-1], cuts[part])
	hl := highlightWords(r.URL.Query().Get("hl"))
	marked := markWords(paras, hl)
	editions := related(rec.Editions)
	sideBySide := map[string]string{}
	for _, ed := range editions {
		if l := sideBySideLabel(rec, ed); l != "" {
			sideBySide[ed.ID] = l
		}
	}
	data := map[string]any{
		"Title": rec.Title, "R": rec, "Paragraphs": paras, "Marked": marked, "Pages": s.pageImages(r.Context(), rec, hl), "HL": r.URL.Query().Get("hl"), "Parts": partLinks(rec.ID, part, len(cuts)-1), "Citations": citations, "Styles": cite.Styles(), "JSONLD": jsonLD(&rec, permanent),
		"Meta": cite.PageMeta(&rec, permanent), "Canonical": permanent,
		"Editions": editions, "SideBySide": sideBySide, "Contains": related(rec.Contains), "Parent": parent,
		"Discusses": related(rec.Discusses), "DiscussedIn": related(rec.DiscussedIn), "Offered": offered,
		"Releases": s.releaseHistory(r.Context(), rec), "Subjects": recordSubjects(&rec, printer(w).Lang),
	}
	if !s.cataloguing(w, r, rec, data) {
		return
	}
	s.render(w, http.StatusOK, "document", data)
}

// partLink is one part of a long text in the document page's part navigation.
type partLink struct {
	N       int
	URL     string
	Current bool
}

// partLinks lists the parts of a text cut in n; nil when it is whole.
func partLinks(id string, current, n int) []partLink {
	if n <= 1 {
		return nil
	}
	out := make([]partLink, n)
	for i := range out {
		out[i] = partLink{N: i + 1, URL: "/documents/" + url.PathEscape(id) + "?part=" + strconv.Itoa(i+1), Current: i+1 == current}
	}
	return out
}

// pathRecord loads the record named in the path as the viewer may see it,
// answering the request itself (404, 410 or 500) when it cannot.
func (s *Server) pathRecord(w http.ResponseWriter, r *http.Request) (record.Record, bool) {
	return s.visibleRecord(w, r, r.PathValue("id"))
}

func (s *Server) handleOriginal(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.pathRecord(w, r)
	if !ok {
		return
	}
	o, err := s.store.Original(r.Context(), rec.Checksum)
	if err != nil {
		s.serverError(w, err)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// A scan or PDF may be viewed in the browser; anything else is served as a
	// download, never rendered: originals may be untrusted HTML.
	if kind := http.DetectContentType(o.Data); r.URL.Query().Get("view") != "" && viewable[kind] {
		w.Header().Set("Content-Type", kind)
		w.Header().Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", o.Name))
		w.Write(o.Data)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", o.Name))
	w.Write(o.Data)
}

// viewable are the originals' types a browser shows without running anything
// of theirs.
var viewable = map[string]bool{"application/pdf": true, "image/png": true, "image/jpeg": true}

var citeTypes = map[string]string{
	"chicago": "text/plain; charset=utf-8", "bibtex": "application/x-bibtex; charset=utf-8",
	"ris": "application/x-research-info-systems; charset=utf-8", "csl-json": "application/vnd.citationstyles.csl+json",
}

var citeExt = map[string]string{"chicago": "txt", "bibtex": "bib", "ris": "ris", "csl-json": "json"}

func (s *Server) handleCite(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.pathRecord(w, r)
	if !ok {
		return
	}
	style := r.PathValue("style")
	out, err := cite.FormatWith(style, &rec, cite.Options{URL: cite.PermanentURL(s.baseURL(r), rec.ID)})
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
	perr := checkAPIParams(r.URL.Query())
	var p searchParams
	if perr == nil {
		p, perr = parseParams(r.URL.Query(), s.Limits.MaxPage)
	}
	if perr != nil {
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", perr.Param, perr.Error())
		return
	}
	q := p.query()
	q.Facets = r.URL.Query().Get("facets") == "1" || r.URL.Query().Get("facets") == "true"
	res, err := s.search(r.Context(), q)
	if err != nil {
		s.apiSearchError(w, r, err)
		return
	}
	if res.Hits == nil {
		res.Hits = []search.Hit{}
	}
	writeJSON(w, res)
}

// linkView is a suggested link as the document page shows it.
type linkView struct {
	R        record.Record
	Score    float64
	Evidence string
}

func (s *Server) handleAPILinks(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.pathRecord(w, r); !ok {
		return
	}
	links, err := s.store.Links(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	if links == nil {
		links = []store.Link{}
	}
	writeJSON(w, links)
}

// handleAPINames lists the names found in a document with the authorities they
// point to, their spans and confidence, and any archivist's decision.
func (s *Server) handleAPINames(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.pathRecord(w, r); !ok {
		return
	}
	f, err := s.store.Authorities(r.Context())
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	ms, err := store.RecordMentions(r.Context(), s.store, f, r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		writeAPIError(w, http.StatusNotFound, "not_found", "id", "no such document")
		return
	}
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	writeJSON(w, ms)
}

func (s *Server) handleRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprint(w, "User-agent: *\nDisallow: /api/\nDisallow: /oai\nDisallow: /documents/*/original\n")
}

// jsonLD describes the document in schema.org terms for search engines. json.Marshal
// escapes <, > and &, so the result is safe inside a script element.
func jsonLD(r *record.Record, permanent string) template.JS {
	person := func(names []string) []map[string]string {
		var out []map[string]string
		for _, n := range names {
			out = append(out, map[string]string{"@type": "Person", "name": n})
		}
		return out
	}
	doc := map[string]any{
		"@context": "https://schema.org", "@type": "ArchiveComponent", "name": r.Title,
		"identifier": r.ID, "genre": r.Type, "description": r.Summary, "inLanguage": r.Languages.Text,
	}
	if permanent != "" {
		doc["url"] = permanent
	}
	if r.Date.EDTF != "" {
		doc["dateCreated"] = r.Date.EDTF
	}
	if a := person(r.Authors); a != nil {
		doc["author"] = a
	}
	if t := person(r.Translators); t != nil {
		doc["translator"] = t
	}
	if r.Place != "" {
		doc["locationCreated"] = map[string]string{"@type": "Place", "name": r.Place}
	}
	for _, s := range r.Sources {
		doc["holdingArchive"] = map[string]string{"@type": "ArchiveOrganization", "name": s.Repository}
		break
	}
	b, _ := json.Marshal(doc)
	return template.JS(b)
}
