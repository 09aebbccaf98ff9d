package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"fond/internal/metrics"
)

// routeKey carries a request's routeLabel from the outermost handler, which
// logs and counts, down to the route that matched, which names it.
type routeKey struct{}

// routeLabel is the pattern of the route that answered: metrics and logs are
// labelled by it, never by the raw path, whose values are unbounded.
type routeLabel struct{ pattern string }

// unrouted labels requests answered before the mux chose a route: refused by
// the global cap, the host check or cross-origin protection.
const unrouted = "unrouted"

// named notes the route's pattern for observe.
func named(pattern string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if l, ok := r.Context().Value(routeKey{}).(*routeLabel); ok {
			l.pattern = pattern
		}
		next.ServeHTTP(w, r)
	})
}

// observe is the outermost handler: it sees every answer, a recovered
// panic's 500 and the refusals of every limit included, and logs and counts
// each request by route pattern, status and time taken.
func (s *Server) observe(next http.Handler) http.Handler {
	if s.Metrics == nil {
		// A Server not made by New (some tests) still counts.
		s.Metrics = metrics.New(s.raw, s.log)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		label := &routeLabel{pattern: unrouted}
		sw := &statusWriter{ResponseWriter: w}
		m := s.Metrics
		m.InFlight.Inc()
		defer func() {
			m.InFlight.Dec()
			took := time.Since(start)
			if sw.status == 0 {
				// Nothing written: net/http answers 200 with no body.
				sw.status = http.StatusOK
			}
			code := strconv.Itoa(sw.status)
			m.Requests.WithLabelValues(label.pattern, code).Inc()
			m.Latency.WithLabelValues(label.pattern).Observe(took.Seconds())
			s.log.Info("request", "method", r.Method, "route", label.pattern, "path", r.URL.Path, "status", sw.status,
				"bytes", sw.bytes, "ms", float64(took.Microseconds())/1000, "addr", clientAddr(r))
		}()
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), routeKey{}, label)))
	})
}

// statusWriter remembers the status and counts the bytes of an answer.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (flushes,
// deadlines) through this writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// rejected counts a request refused by a limit (Metrics' fond_http_rejected_total).
func (s *Server) rejected(limit string) {
	if s.Metrics != nil {
		s.Metrics.Rejected.WithLabelValues(limit).Inc()
	}
}
