package web

import (
	"context"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"fond/internal/i18n"
)

// class is a route's cost class: requests of one class share a bounded number
// of slots, so a flood of one costly kind cannot starve the rest of the site.
type class string

const (
	cheap    class = "cheap"    // static files, robots.txt: no store work
	searches class = "search"   // anything that runs a search
	compares class = "compare"  // aligning two editions
	renders  class = "render"   // a record rendered: page, TEI, citation, API
	exports  class = "export"   // OAI-PMH and sitemap pages
	download class = "download" // an original file, whole
	images   class = "image"    // IIIF page images, tiles and manifests
	signin   class = "signin"   // a password checked: argon2id takes 64 MiB and a core
	scrape   class = "scrape"   // metrics: a few store queries per scrape
	edits    class = "edit"     // a record changed by a person: a form or patch may carry a whole text
	uploads  class = "upload"   // files received and ingested: a large body, minutes of work
)

// signinSlots is how many passwords are checked at once: argon2id's memory
// times this is what a flood of sign-ins can take.
const signinSlots = 4

// scrapeSlots is how many metrics scrapes run at once: one Prometheus asks
// every few seconds, so more at once is a loop or a stranger.
const scrapeSlots = 2

// gate is a counting semaphore that waits a bounded time.
type gate chan struct{}

func newGate(n int) gate { return make(gate, max(n, 1)) }

// enter takes a slot, waiting at most wait; false means busy (or the client left).
func (g gate) enter(ctx context.Context, wait time.Duration) bool {
	select {
	case g <- struct{}{}:
		return true
	default:
	}
	if wait <= 0 {
		return false
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case g <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (g gate) leave() { <-g }

// makeGates sizes each class's slots from Limits (when Handler is built).
func (s *Server) makeGates() {
	l := s.Limits
	s.all = newGate(l.MaxRequests)
	s.gates = map[class]gate{
		searches: newGate(l.MaxSearches), compares: newGate(l.MaxCompares), renders: newGate(l.MaxRenders),
		exports: newGate(l.MaxExports), download: newGate(l.MaxDownloads), images: newGate(l.MaxImages), signin: newGate(signinSlots), scrape: newGate(scrapeSlots),
		edits: newGate(l.MaxEdits), uploads: newGate(l.MaxUploads),
	}
}

// busy answers 503 with Retry-After, in JSON under /api/ and as a page
// elsewhere, and counts the refusal under the limit's name.
func (s *Server) busy(w http.ResponseWriter, r *http.Request, limit string) {
	s.rejected(limit)
	w.Header().Set("Retry-After", retryAfter(s.Limits.QueueWait))
	say := func(p i18n.Printer) string {
		if limit == "requests" { // the global cap, not a class's
			return p.T("err.busy.all")
		}
		return p.T("err.busy", p.T("class."+limit))
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeAPIError(w, http.StatusServiceUnavailable, "busy", "", say(i18n.For(i18n.EN)))
		return
	}
	p := printer(w)
	s.render(w, http.StatusServiceUnavailable, "error", map[string]any{"Title": p.T("err.busy.title"), "Message": say(p)})
}

// limit wraps one route: a slot of its class, a deadline on its context, and a
// bound on any body it reads.
func (s *Server) limit(c class, g gate, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g != nil {
			if !g.enter(r.Context(), s.Limits.QueueWait) {
				s.busy(w, r, string(c))
				return
			}
			defer g.leave()
		}
		timeout := s.Limits.RequestTimeout
		if c == uploads {
			timeout = s.Limits.UploadTimeout
			// The server's read and write deadlines are for pages; an upload
			// has its own, as long as its context's.
			rc := http.NewResponseController(w)
			rc.SetReadDeadline(time.Now().Add(timeout))
			rc.SetWriteDeadline(time.Now().Add(timeout + time.Minute))
		}
		if r.ContentLength > s.bodyLimit(c) {
			// Refused on what the client declares, before a byte is read.
			s.tooLarge(w, r, s.bodyLimit(c))
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, s.bodyLimit(c))
		}
		if timeout > 0 {
			ctx, cancel := context.WithTimeout(r.Context(), timeout)
			defer cancel()
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}

// admit caps requests in flight across all routes; past the cap the answer is
// an immediate 503, which costs nothing but the headers already read.
func (s *Server) admit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.all.enter(r.Context(), 0) {
			s.busy(w, r, "requests")
			return
		}
		defer s.all.leave()
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a handler's panic into a logged 500 rather than a
// dropped connection, so that one bad record cannot take pages down silently.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "value", v, "stack", string(debug.Stack()))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// retryAfter is the Retry-After a busy answer carries, in seconds.
func retryAfter(d time.Duration) string { return strconv.Itoa(max(1, int(d.Seconds()))) }

// bodyLimit is the largest body a route of class c may send: an edit carries a
// document's whole text, an upload files, both far past any other form.
func (s *Server) bodyLimit(c class) int64 {
	switch c {
	case edits:
		return s.Limits.MaxEditBytes
	case uploads:
		return s.Limits.MaxUploadBytes
	}
	return s.Limits.MaxFormBytes
}
