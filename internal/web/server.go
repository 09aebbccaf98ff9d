// Package web serves the reading room: server-rendered pages that work without
// JavaScript, and a small JSON API, over any store.Store.
package web

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"fond/internal/compare"
	"fond/internal/i18n"
	"fond/internal/ingest"
	"fond/internal/ingest/scan"
	"fond/internal/metrics"
	"fond/internal/record"
	"fond/internal/store"
)

//go:embed templates/*.html templates/partials/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server holds what handlers share.
type Server struct {
	// store is what handlers read: the store as the request's viewer may see
	// it (gatedStore). raw is the store itself, for accounts, sessions and
	// changes, which decide their own permissions.
	store store.Store
	raw   store.Store
	log   *slog.Logger
	// tmpl holds each page parsed once per interface language, its words
	// bound to that language's catalogue.
	tmpl map[i18n.Lang]map[string]*template.Template
	// OAI names the archive to OAI-PMH harvesters (/oai).
	OAI OAIConfig
	// PublicURL is the archive's address as readers reach it (scheme, host,
	// optional path), the base of every absolute link; empty means the
	// request's own Host, checked.
	PublicURL string
	// Limits bound every request (set before Handler is called).
	Limits Limits
	// Access bounds sessions and sign-in attempts (set before Handler).
	Access Access
	csrf   csrfKey
	// Scan renders PDF pages for the page images (pdftoppm, pdftotext).
	Scan scan.Tools
	// Ingest bounds each uploaded file as fond ingest bounds one
	// (--max-file-size, --max-pixels; the zero value: the defaults).
	Ingest ingest.Limits
	iiif   iiifState
	gates  map[class]gate // slots per cost class
	// authMu makes this server's authority saves one at a time: the file is
	// saved whole (store.SetAuthorities).
	authMu sync.Mutex
	all    gate // slots for requests of any class
	// Metrics counts requests, refusals and the index's lag (/metrics);
	// serve adds its ingest and fixity figures to the same set.
	Metrics *metrics.Set
}

var errPublicURL = errors.New("the public URL must be an absolute http or https URL with a host, and no user, query or fragment")

// New builds a server; it parses the templates once.
func New(st store.Store, log *slog.Logger) (*Server, error) {
	s := &Server{store: gatedStore{st}, raw: st, log: log, tmpl: map[i18n.Lang]map[string]*template.Template{}, Limits: DefaultLimits, Access: DefaultAccess, Scan: scan.RenderTools(),
		Metrics: metrics.New(st, log)}
	pages, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, lang := range i18n.Langs {
		s.tmpl[lang] = map[string]*template.Template{}
		for _, p := range pages {
			name := strings.TrimSuffix(strings.TrimPrefix(p, "templates/"), ".html")
			if name == "layout" {
				continue
			}
			t, err := template.New("layout.html").Funcs(funcs).Funcs(langFuncs(i18n.For(lang))).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html", p)
			if err != nil {
				return nil, err
			}
			s.tmpl[lang][name] = t
		}
	}
	return s, nil
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
	lang := printer(w).Lang
	t, ok := s.tmpl[lang][name]
	if !ok {
		http.Error(w, "no template "+name, http.StatusInternalServerError)
		return
	}
	if m, ok := data.(map[string]any); ok {
		// The layout shows who is signed in, and a sign-out form with its token.
		if vw, ok := unwrapTo[*viewerWriter](w); ok {
			m["Viewer"] = vw.v
		}
		// <html lang> and the language switch.
		m["Lang"] = string(lang)
		if lw, ok := unwrapTo[*langWriter](w); ok {
			m["Switch"] = switchLinks(lw)
		}
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

// notFound answers 404; key and args say what was not found.
func (s *Server) notFound(w http.ResponseWriter, key string, args ...any) {
	p := printer(w)
	s.render(w, http.StatusNotFound, "error", map[string]any{"Title": p.T("err.notfound.title"), "Message": p.T(key, args...)})
}

func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.notFound(w, "notfound.page", r.URL.Path)
}

// badRequest explains a parameter that cannot be served.
func (s *Server) badRequest(w http.ResponseWriter, e *paramError) {
	p := printer(w)
	s.render(w, http.StatusBadRequest, "error", map[string]any{"Title": p.T("err.badrequest.title"), "Message": p.T("err.badrequest", e.Param, e.reason(p))})
}

func (s *Server) serverError(w http.ResponseWriter, err error) {
	if errors.Is(err, context.DeadlineExceeded) {
		// The request's deadline (--request-timeout) passed: the server's
		// limit, not a fault, and worth trying again.
		s.rejected("timeout")
		w.Header().Set("Retry-After", retryAfter(s.Limits.QueueWait))
		p := printer(w)
		s.render(w, http.StatusServiceUnavailable, "error", map[string]any{"Title": p.T("err.slow.title"), "Message": p.T("err.slow")})
		return
	}
	s.log.Error("request failed", "err", err)
	p := printer(w)
	s.render(w, http.StatusInternalServerError, "error", map[string]any{"Title": p.T("err.internal.title"), "Message": p.T("err.internal")})
}

var funcs = template.FuncMap{
	"join": strings.Join,
	// compareRow hands a row of the comparison table its table and index.
	"compareRow": func(table any, i int) map[string]any { return map[string]any{"R": table, "I": i} },
	"hasFootnotes": func(res compare.Result) bool {
		return slices.ContainsFunc(res.Pairs, func(p compare.Pair) bool { return p.Footnote })
	},
	"percent":    func(f float64) string { return strconv.Itoa(int(math.Round(f*100))) + "%" },
	"pathEscape": url.PathEscape,
	// snippet marks up a store snippet: stores return it HTML-escaped with only
	// <mark> elements added, so it is safe to render as HTML.
	"snippet":  func(s string) template.HTML { return template.HTML(s) },
	"dateText": dateText,
	"list":     func(s ...string) []string { return s },
	"inc":      func(i int) int { return i + 1 },
	// collectionQuery is the search of a collection's withheld releases.
	"collectionQuery": func(id string) string { return url.Values{"collection": {id}, "q": {"withheld:yes"}}.Encode() },
}

// dateText is a record's date as a reader should read it, qualifier included.
func dateText(d record.Date) string {
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
}

// archiveName is the archive's name as harvesters and feed readers show it.
func (s *Server) archiveName() string {
	if s.OAI.Name != "" {
		return s.OAI.Name
	}
	return "fond archive"
}
