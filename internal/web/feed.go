package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"fond/internal/atom"
	"fond/internal/search"
)

// feedSize is how many entries a feed carries: a reader polling daily sees
// every addition of a busy day, and the answer stays small.
const feedSize = 50

// handleFeed is an Atom feed of the newest additions: of the whole archive at
// /feed.atom, of any search (filters, a collection) at /search.atom?… with
// the search page's parameters.
func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	p, perr := parseParams(v, 1)
	if perr != nil {
		s.badRequest(w, perr)
		return
	}
	p.Sort, p.Page, p.Limit = search.SortAddedDesc, 1, feedSize
	q := p.query()
	q.Facets = false
	if p.Match == "" {
		// A feed follows a search's documents as they arrive: every word,
		// newest first, not the reading room's partial matches.
		q.Match = search.MatchAll
	}
	res, err := s.search(r.Context(), q)
	if err != nil {
		s.searchError(w, r, err)
		return
	}
	base := s.baseURL(r)
	page := p
	page.Sort, page.Limit = search.SortAddedDesc, 0
	title := "New in the archive"
	if d := p.describe(); d != "" {
		title += ": " + d
	}
	self := base + r.URL.Path
	if e := v.Encode(); e != "" {
		self += "?" + e
	}
	f := atom.Feed{ID: self, Title: title, Self: self, Alternate: base + page.url(), Author: s.archiveName()}
	for _, h := range res.Hits {
		rec, err := s.store.Get(r.Context(), h.ID)
		if err != nil {
			continue // deleted since the search: not worth failing the feed
		}
		link := base + "/documents/" + url.PathEscape(h.ID)
		e := atom.Entry{ID: link, Link: link, Title: h.Title, Summary: h.Summary, Published: rec.IngestedAt, Updated: rec.IngestedAt}
		if e.Updated.IsZero() {
			e.Updated = time.Unix(0, 0)
		}
		if h.Date.Display != "" || h.Date.EDTF != "" {
			e.Summary = strings.TrimSpace(dateText(h.Date) + ". " + e.Summary)
		}
		if h.Type != "" {
			e.Categories = []string{h.Type}
		}
		if e.Updated.After(f.Updated) {
			f.Updated = e.Updated
		}
		f.Entries = append(f.Entries, e)
	}
	if f.Updated.IsZero() {
		f.Updated = time.Unix(0, 0) // an empty feed still needs a time; the epoch says "never"
	}
	b, err := atom.Write(f)
	if err != nil {
		s.serverError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write(b)
}

// describe says in words what a search asks, for a feed's title.
func (p searchParams) describe() string {
	var parts []string
	if p.Q != "" {
		parts = append(parts, "“"+p.Q+"”")
	}
	for _, f := range filterParams {
		for _, v := range p.Filters[f] {
			parts = append(parts, f+" "+v)
		}
	}
	if p.From != "" || p.To != "" {
		parts = append(parts, "dated "+p.From+"–"+p.To)
	}
	return strings.Join(parts, ", ")
}

// feedURL is the Atom feed of the same search, for the page's alternate link.
func (p searchParams) feedURL() string {
	c := p.clone()
	c.Page, c.Sort, c.Limit = 1, "", 0
	if e := c.values().Encode(); e != "" {
		return "/search.atom?" + e
	}
	return "/feed.atom"
}
