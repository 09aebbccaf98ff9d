package web

import (
	"io/fs"
	"net/http"
)

// route is one entry of the route table: the whole truth about what the server
// answers and what each answer may cost.
type route struct {
	pattern string
	class   class
	handler http.HandlerFunc
	// role says what the route is for, in the words of docs/api.md.
	role string
}

// routes is the table. Every route is public today (fond has no accounts yet);
// its class decides which slots it waits for (Limits) and every route gets the
// request deadline and the body bound.
func (s *Server) routes() []route {
	return []route{
		{"GET /{$}", searches, s.handleHome, "home: counts, collections, latest additions"},
		{"GET /search", searches, s.handleSearch, "search page with facets"},
		{"GET /documents/{id}", renders, s.handleDocument, "document page (long texts in parts)"},
		{"GET /documents/{id}/original", download, s.handleOriginal, "the original file, as a download"},
		{"GET /documents/{id}/cite/{style}", renders, s.handleCite, "a citation: chicago, bibtex, ris, csl-json"},
		{"GET /documents/{id}/tei", renders, s.handleTEI, "the record as TEI P5"},
		{"GET /api/search", searches, s.handleAPISearch, "JSON search"},
		{"GET /api/documents/{id}", renders, s.handleAPIDocument, "JSON record"},
		{"GET /api/documents/{id}/links", renders, s.handleAPILinks, "JSON discussion links"},
		{"GET /api/documents/{id}/names", renders, s.handleAPINames, "JSON names found in a record"},
		{"GET /feed.atom", searches, s.handleFeed, "Atom feed of the newest additions"},
		{"GET /search.atom", searches, s.handleFeed, "Atom feed of a search's newest additions (the search page's parameters)"},
		{"GET /compare", compares, s.handleCompare, "two editions aligned (work budgeted)"},
		{"GET /people/{name}", searches, s.handleName("person"), "a person's documents"},
		{"GET /places/{name}", searches, s.handleName("place"), "a place's documents"},
		{"GET /collections", searches, s.handleCollections, "collections and their sizes"},
		{"GET /timeline", searches, s.handleTimeline, "records on a time axis"},
		{"GET /oai", exports, s.handleOAI, "OAI-PMH 2.0"},
		{"POST /oai", exports, s.handleOAI, "OAI-PMH 2.0 by form (body bounded)"},
		{"GET /robots.txt", cheap, s.handleRobots, "crawler rules"},
		{"GET /sitemap.xml", exports, s.handleSitemap, "every document's address"},
		{"/api/", cheap, s.handleAPINotFound, "any other API address: JSON 404"},
		{"/", cheap, s.handleNotFound, "any other address: the 404 page"},
	}
}

// Handler builds the chain, outermost first: panics recovered, security
// headers, the global request cap, then the mux with each route's own limits.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", s.limit(cheap, nil, http.StripPrefix("/static/", http.FileServerFS(static))))
	s.makeGates()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, s.limit(rt.class, s.gates[rt.class], rt.handler))
	}
	return s.recoverPanics(securityHeaders(s.checkHost(s.admit(mux))))
}
