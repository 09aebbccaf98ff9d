package web

import (
	"errors"
	"io/fs"
	"net/http"
	"strconv"

	"fond/internal/auth"
	"fond/internal/i18n"
	"fond/internal/record"
)

// Minimum roles, from the least trusted. The zero value (auth.Unset) is no
// decision at all: register refuses it, so a route cannot be added without
// saying who may call it.
const (
	public      = auth.Public
	contributor = auth.Contributor
	editor      = auth.Editor
	admin       = auth.Admin
)

// route is one entry of the route table: the whole truth about what the server
// answers, who may ask and what each answer may cost.
type route struct {
	pattern string
	// min is the least role that may call the route; below it anonymous
	// readers are sent to sign in (401 on the API) and staff get 403.
	min     auth.Role
	class   class
	handler http.HandlerFunc
	// about says what the route is for, in the words of docs/api.md.
	about string
	// noCSRF exempts a state-changing method from the anti-forgery token:
	// only for what changes nothing (POST /oai) or never reads cookies (/api/).
	noCSRF bool
}

// routes is the table. Its class decides which slots a route waits for
// (Limits); every route gets the request deadline and the body bound, and
// every POST not exempt the anti-forgery check.
func (s *Server) routes() []route {
	static, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	return []route{
		{"GET /static/", public, cheap, files.ServeHTTP, "stylesheet and script", false},
		{"GET /{$}", public, searches, s.handleHome, "home: counts, collections, latest additions", false},
		{"GET /search", public, searches, s.handleSearch, "search page with facets", false},
		{"GET /people", public, searches, s.handleNameIndex("person"), "index of people: by letter or by count, with their other forms", false},
		{"GET /places", public, searches, s.handleNameIndex("place"), "index of places: by letter or by count, with their other forms", false},
		{"GET /map", public, searches, s.handleMap, "map of places with coordinates, each a search of its documents (one count per place, at most 500)", false},
		{"GET /healthz", public, cheap, s.handleHealthz, "liveness: the process answers", false},
		{"GET /readyz", public, searches, s.handleReadyz, "readiness: the store answers and the index is up to date (503 otherwise)", false},
		{"GET /subjects", public, searches, s.handleSubjects, "the subject vocabulary: each subject's scope note and document count, a search of its documents", false},
		{"GET /about", public, searches, s.handleAbout, "what the archive holds, how to cite it, its interfaces", false},
		{"GET /documents/{id}", public, renders, s.handleDocument, "document page (long texts in parts)", false},
		{"GET /documents/{id}/original", public, download, s.handleOriginal, "the original file, as a download", false},
		{"GET /documents/{id}/cite/{style}", public, renders, s.handleCite, "a citation: chicago, bibtex, ris, csl-json", false},
		{"GET /documents/{id}/tei", public, renders, s.handleTEI, "the record as TEI P5", false},
		{"GET /documents/new", contributor, cheap, s.handleDocNew, "the form for a record made by hand", false},
		{"POST /documents/new", contributor, edits, s.handleDocNewPost, "create a record by hand (a draft): 303 to it, 422 naming a refused field", false},
		{"GET /documents/{id}/edit", contributor, renders, s.handleDocEdit, "the record form (contributors: drafts only)", false},
		{"POST /documents/{id}/edit", contributor, edits, s.handleDocEditPost, "save the form as a revision: 303; 422 naming a refused field; 409 with both versions when stale", false},
		{"GET /documents/{id}/history", contributor, renders, s.handleDocHistory, "revisions with field-level changes, newest first (?before=N pages)", false},
		{"POST /documents/{id}/revert", contributor, edits, s.handleDocRevert, "restore revision (form: revision, base) as a new revision (contributors: drafts only)", false},

		{"POST /documents/{id}/publish", editor, renders, s.handleSetStatus(record.Published), "publish a draft or withdrawn record", false},
		{"POST /documents/{id}/unpublish", editor, renders, s.handleSetStatus(record.Draft), "return a record to draft", false},
		{"POST /documents/{id}/withdraw", editor, renders, s.handleSetStatus(record.Withdrawn), "withdraw a record, with a reason (410 Gone to readers)", false},
		{"GET /api/search", public, searches, s.handleAPISearch, "JSON search", false},
		{"GET /api/documents/{id}", public, renders, s.handleAPIDocument, "JSON record", false},
		{"PATCH /api/documents/{id}", contributor, edits, s.handleAPIPatch, "JSON merge patch of editable fields; If-Match the ETag (428 without, 412 stale)", true},
		{"POST /api/documents", contributor, edits, s.handleAPICreate, "create a record by hand from JSON: 201 and Location", true},
		{"GET /api/documents/{id}/history", contributor, renders, s.handleAPIHistory, "JSON revisions, newest first, with field changes", false},
		{"GET /api/names/suggest", public, searches, s.handleNameSuggest, "names of the authority file with a word beginning with q (kind person or place), for the record form's suggestions", false},
		{"GET /api/documents/{id}/links", public, renders, s.handleAPILinks, "JSON discussion links", false},
		{"GET /api/documents/{id}/names", public, renders, s.handleAPINames, "JSON names found in a record", false},
		{"GET /feed.atom", public, searches, s.handleFeed, "Atom feed of the newest additions", false},
		{"GET /search.atom", public, searches, s.handleFeed, "Atom feed of a search's newest additions (the search page's parameters)", false},
		{"GET /iiif/image/{id}/{page}", public, images, s.handleIIIFBase, "IIIF Image API 3.0 service of a page: redirects to info.json", false},
		{"GET /iiif/image/{id}/{page}/info.json", public, images, s.handleIIIFInfo, "IIIF Image API 3.0 (level 2) description of a page image", false},
		{"GET /iiif/image/{id}/{page}/{region}/{size}/{rotation}/{file}", public, images, s.handleIIIFImage, "a region of a page image, scaled, rotated (tiles cached on disk)", false},
		{"GET /iiif/{id}/manifest", public, images, s.handleIIIFManifest, "IIIF Presentation 3.0 manifest of a scanned record's pages", false},
		{"GET /iiif/{id}/search", public, searches, s.handleIIIFSearch, "IIIF Content Search 2.0 within a record's pages: ?q=words, lines where they are", false},
		{"GET /compare", public, compares, s.handleCompare, "two editions aligned (work budgeted)", false},
		{"GET /documents/{id}/side-by-side", public, compares, s.handleSideBySide, "the original beside its translation (?with= the other edition), paragraph against paragraph, with the original's place on its scan (work budgeted)", false},
		{"GET /documents/{id}/releases", public, compares, s.handleReleases, "release comparison: the latest release's text marked with what earlier releases withheld (work budgeted, releases bounded)", false},
		{"GET /releases/stats", public, exports, s.handleReleaseStats, "release statistics: withholding and later release by collection, releasing body and year, with a chart (releases read bounded)", false},
		{"GET /releases/stats.csv", public, exports, s.handleReleaseStatsCSV, "release statistics as CSV, formula-guarded (releases read bounded)", false},
		{"GET /api/releases/stats", public, exports, s.handleReleaseStats, "JSON release statistics", false},
		{"GET /people/{name}", public, searches, s.handleName("person"), "a person's documents", false},
		{"GET /places/{name}", public, searches, s.handleName("place"), "a place's documents", false},
		{"GET /collections", public, searches, s.handleCollections, "collections and their sizes", false},
		{"GET /timeline", public, searches, s.handleTimeline, "records on a time axis", false},
		{"GET /oai", public, exports, s.handleOAI, "OAI-PMH 2.0", false},
		{"POST /oai", public, exports, s.handleOAI, "OAI-PMH 2.0 by form (body bounded; read-only, so no anti-forgery token)", true},
		{"GET /robots.txt", public, cheap, s.handleRobots, "crawler rules", false},
		{"GET /sitemap.xml", public, exports, s.handleSitemap, "every published document's address", false},
		{"GET /login", public, cheap, s.handleLogin, "the sign-in form", false},
		{"POST /login", public, signin, s.handleLoginPost, "sign in: username, password, csrf; 303 and a session cookie", false},
		{"POST /logout", contributor, cheap, s.handleLogout, "sign out: the session ends on every server", false},
		{"GET /review", contributor, searches, s.handleReview, "the review queue: records that need a person, with their reasons; ?reason= filters (with counts), ?after= pages", false},
		{"GET /api/review", contributor, searches, s.handleAPIReview, "JSON review queue (staff token): {items: [{id, title, status, reasons}], counts, next}", false},
		{"POST /documents/{id}/confirm", contributor, renders, s.handleConfirm, "answer a queue's question on one field: keep the value (confirm) or take=source (the source's new reading); revision as loaded", false},
		{"POST /documents/{id}/attach", contributor, uploads, s.handleAttach, "attach a file to a record (multipart: csrf, kind, file): its own draft, linked as an edition", false},
		{"GET /authorities/{id}/edit", editor, cheap, s.handleAuthorityEdit, "the edit form of one authority record (person, place, organisation)", false},
		{"POST /authorities/{id}/edit", editor, cheap, s.handleAuthorityEditPost, "save an authority: kind, preferred, dates, variants and roles (one a line), version as loaded (409 when changed since)", false},
		{"POST /authorities/{id}/split", editor, cheap, s.handleAuthoritySplit, "split a wrong merge: a variant becomes an authority of its own (variant, new_id, version)", false},
		{"GET /authorities/{id}/history", contributor, cheap, s.handleAuthorityHistory, "who changed an authority record, when and how", false},
		{"GET /upload", contributor, cheap, s.handleUpload, "the upload form: files become drafts", false},
		{"POST /upload", contributor, uploads, s.handleUploadPost, "upload (multipart: csrf first, then files in field file): each file ingested as drafts by the uploader; the page lists each file's records or its error", false},
		{"GET /admin/audit", admin, cheap, s.handleAdminAudit, "the audit log", false},
		{"GET /metrics", admin, scrape, s.handleMetrics, "Prometheus metrics, for an admin's browser; scrapers use --metrics-addr", false},
		{"GET /admin/users", admin, cheap, s.handleAdminUsers, "staff accounts and API tokens (changed with fond users and fond tokens)", false},
		{"/api/", public, cheap, s.handleAPINotFound, "any other API address: JSON 404", true},
		{"/", public, cheap, s.handleNotFound, "any other address: the 404 page", false},
	}
}

// Handler builds the chain, outermost first: panics recovered, security
// headers, cross-origin refusal, host check, the global request cap, who is
// asking, then the mux with each route's own checks and limits.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.makeGates()
	for _, rt := range s.routes() {
		s.register(mux, rt)
	}
	// Browsers say where a request comes from (Sec-Fetch-Site, Origin): a
	// cross-site POST is refused before anything else looks at it. Programs
	// that send neither header (harvesters, scripts) pass, and POST /oai
	// changes nothing, so may come from anywhere.
	cop := http.NewCrossOriginProtection()
	cop.AddInsecureBypassPattern("POST /oai")
	return s.observe(s.recoverPanics(securityHeaders(cop.Handler(s.checkHost(s.admit(s.identify(s.localize(mux))))))))
}

// opsRoutes are served on the operations address (--metrics-addr), apart
// from readers: a scraper there needs no account, so the address must be one
// only the monitoring can reach (loopback or a private network).
func (s *Server) opsRoutes() []route {
	return []route{
		{"GET /metrics", public, scrape, s.handleMetrics, "Prometheus metrics", false},
		{"GET /healthz", public, cheap, s.handleHealthz, "liveness", false},
		{"GET /readyz", public, searches, s.handleReadyz, "readiness", false},
		{"/", public, cheap, http.NotFound, "nothing else", false},
	}
}

// OpsHandler serves opsRoutes with the same limits, logs and counts as
// Handler (call Handler first when both serve, so they share one set of slots).
func (s *Server) OpsHandler() http.Handler {
	if s.gates == nil {
		s.makeGates()
	}
	mux := http.NewServeMux()
	for _, rt := range s.opsRoutes() {
		s.register(mux, rt)
	}
	return s.observe(s.recoverPanics(mux))
}

// register is the only code that adds to the mux: the role is checked first
// (no body is read for a caller who may not post), then the route's limits,
// then the anti-forgery token, then the handler.
func (s *Server) register(mux *http.ServeMux, rt route) {
	if rt.min == auth.Unset {
		panic("web: route " + rt.pattern + " has no minimum role: every route must say who may call it")
	}
	var h http.Handler = rt.handler
	switch {
	case rt.class == uploads:
		h = s.checkUploadCSRF(h) // the token is the upload's first part
	case !rt.noCSRF:
		h = s.checkCSRF(h)
	}
	h = s.limit(rt.class, s.gates[rt.class], h)
	mux.Handle(rt.pattern, named(rt.pattern, s.requireRole(rt.min, h)))
}

// requireRole lets through viewers of at least min. Below it, an anonymous
// reader is sent to sign in (a page) or told to authenticate (401, API); a
// signed-in viewer whose role is too low gets 403.
func (s *Server) requireRole(min auth.Role, next http.Handler) http.Handler {
	if min == public {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := viewerOf(r.Context())
		switch {
		case v != nil && v.Role >= min:
			next.ServeHTTP(w, r)
		case v == nil && isAPI(r):
			w.Header().Set("WWW-Authenticate", `Bearer realm="fond"`)
			writeAPIError(w, http.StatusUnauthorized, "unauthorized", "", "this address needs an API token (Authorization: Bearer …)")
		case v == nil:
			next := r.URL.Path
			if r.Method != http.MethodGet {
				next = "/"
			}
			http.Redirect(w, r, "/login?next="+urlQueryEscape(next), http.StatusSeeOther)
		default:
			s.forbidden(w, r, "err.role", msgKey("role."+v.Role.String()), msgKey("role."+min.String()))
		}
	})
}

// checkCSRF refuses a state-changing request without the form's anti-forgery
// token (403), before the handler can change anything.
func (s *Server) checkCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
		default:
			// A form past its body limit cannot show its token: say it was
			// too large (413), not that it was forged.
			if err := r.ParseForm(); err != nil {
				var tooBig *http.MaxBytesError
				if errors.As(err, &tooBig) {
					s.tooLarge(w, r, tooBig.Limit)
					return
				}
			}
			if !s.validCSRF(r) {
				s.forbidden(w, r, "err.csrf")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// forbidden answers 403, saying why (key and args): in English under /api/,
// in the page's language elsewhere.
func (s *Server) forbidden(w http.ResponseWriter, r *http.Request, key string, args ...any) {
	if isAPI(r) {
		writeAPIError(w, http.StatusForbidden, "forbidden", "", say(i18n.For(i18n.EN), key, args...))
		return
	}
	p := printer(w)
	s.render(w, http.StatusForbidden, "error", map[string]any{"Title": p.T("err.forbidden.title"), "Message": say(p, key, args...)})
}

// tooLarge answers 413 stating the limit, as JSON under /api/ or as a page.
func (s *Server) tooLarge(w http.ResponseWriter, r *http.Request, limit int64) {
	if isAPI(r) {
		writeAPIError(w, http.StatusRequestEntityTooLarge, "too_large", "", i18n.For(i18n.EN).T("err.toolarge", strconv.FormatInt(limit, 10)))
		return
	}
	p := printer(w)
	s.render(w, http.StatusRequestEntityTooLarge, "error", map[string]any{"Title": p.T("err.toolarge.title"), "Message": p.T("err.toolarge", strconv.FormatInt(limit, 10))})
}
