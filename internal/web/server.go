// Package web serves the reading room: server-rendered pages that work without
// JavaScript, and a small JSON API, over any store.Store.
package web

import (
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"fond/internal/record"
	"fond/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server holds what handlers share.
type Server struct {
	store store.Store
	log   *slog.Logger
	tmpl  map[string]*template.Template
	// OAI names the archive to OAI-PMH harvesters (/oai).
	OAI OAIConfig
	// CompareBudget bounds the work of one /compare, in compare's units; past
	// it the page shows the rest unaligned. 0 means compare.DefaultBudget.
	CompareBudget int64
}

// New builds a server; it parses the templates once.
func New(st store.Store, log *slog.Logger) (*Server, error) {
	s := &Server{store: st, log: log, tmpl: map[string]*template.Template{}}
	pages, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		name := strings.TrimSuffix(strings.TrimPrefix(p, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", p)
		if err != nil {
			return nil, err
		}
		s.tmpl[name] = t
	}
	return s, nil
}

// Handler routes requests.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", s.handleHome)
	mux.HandleFunc("GET /search", s.handleSearch)
	mux.HandleFunc("GET /documents/{id}", s.handleDocument)
	mux.HandleFunc("GET /documents/{id}/original", s.handleOriginal)
	mux.HandleFunc("GET /documents/{id}/cite/{style}", s.handleCite)
	mux.HandleFunc("GET /documents/{id}/tei", s.handleTEI)
	mux.HandleFunc("GET /api/search", s.handleAPISearch)
	mux.HandleFunc("GET /api/documents/{id}", s.handleAPIDocument)
	mux.HandleFunc("GET /api/documents/{id}/links", s.handleAPILinks)
	mux.HandleFunc("GET /api/documents/{id}/names", s.handleAPINames)
	mux.HandleFunc("GET /compare", s.handleCompare)
	mux.HandleFunc("GET /people/{name}", s.handleName("person"))
	mux.HandleFunc("GET /places/{name}", s.handleName("place"))
	mux.HandleFunc("GET /collections", s.handleCollections)
	mux.HandleFunc("GET /timeline", s.handleTimeline)
	mux.HandleFunc("GET /oai", s.handleOAI)
	mux.HandleFunc("POST /oai", s.handleOAI)
	mux.HandleFunc("GET /robots.txt", s.handleRobots)
	mux.HandleFunc("GET /sitemap.xml", s.handleSitemap)
	return securityHeaders(mux)
}

// securityHeaders forbids inline script and framing: documents are third-party
// text, and a stored title must never run as code.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	t, ok := s.tmpl[name]
	if !ok {
		http.Error(w, "no template "+name, http.StatusInternalServerError)
		return
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		s.log.Error("render", "template", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write([]byte(b.String()))
}

func (s *Server) notFound(w http.ResponseWriter, what string) {
	s.render(w, http.StatusNotFound, "error", map[string]any{"Title": "Not found", "Message": what + " was not found in this archive."})
}

func (s *Server) serverError(w http.ResponseWriter, err error) {
	s.log.Error("request failed", "err", err)
	s.render(w, http.StatusInternalServerError, "error", map[string]any{"Title": "Error", "Message": "Something went wrong; the error has been logged."})
}

var funcs = template.FuncMap{
	"join":       strings.Join,
	"percent":    func(f float64) string { return strconv.Itoa(int(math.Round(f*100))) + "%" },
	"pathEscape": url.PathEscape,
	// snippet marks up a store snippet: stores return it HTML-escaped with only
	// <mark> elements added, so it is safe to render as HTML.
	"snippet": func(s string) template.HTML { return template.HTML(s) },
	"dateText": func(d record.Date) string {
		s := d.Display
		if s == "" {
			s = d.EDTF
		}
		if s == "" {
			return "Undated"
		}
		switch d.Qualifier {
		case record.Approximate:
			return "circa " + s
		case record.Inferred:
			return s + " (inferred)"
		case record.Uncertain:
			return s + "?"
		}
		return s
	},
}

// baseURL is the address the request reached this server at, for absolute links
// (sitemaps, OAI-PMH, TEI). Behind a proxy, set the Host header it forwards.
func baseURL(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}
