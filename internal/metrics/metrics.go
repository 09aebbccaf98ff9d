// Package metrics holds what a fond server counts, for Prometheus
// (client_golang): requests, refusals, the search index's lag behind the
// store, ingests and the background fixity check. Each server has its own
// registry, so several in one process (tests) do not mix their counts.
package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"fond/internal/store"
)

// Set is one server's metrics.
type Set struct {
	reg     *prometheus.Registry
	handler http.Handler

	// Requests by route pattern (never the raw path, whose values are
	// unbounded) and status; "unrouted" for those refused before routing.
	Requests *prometheus.CounterVec
	Latency  *prometheus.HistogramVec
	InFlight prometheus.Gauge
	// Rejected counts requests refused by a limit, by the limit's name.
	Rejected *prometheus.CounterVec

	IngestFiles   *prometheus.CounterVec // outcome: stored, failed
	IngestRecords prometheus.Counter

	FixityOriginals prometheus.Counter
	FixityBytes     prometheus.Counter
	FixityProblems  prometheus.Counter // each problem each time it is found
	FixityDamaged   prometheus.Gauge   // problems found by the last whole pass
	FixityPasses    prometheus.Counter
	FixityLastPass  prometheus.Gauge // unix time the last whole pass ended
	FixityErrors    prometheus.Counter
}

// stateTimeout bounds the store queries one scrape makes.
const stateTimeout = 5 * time.Second

// New makes a Set; st, when it can tell (store.IndexStater), is asked at each
// scrape for its generation, its index's and its record count.
func New(st any, log *slog.Logger) *Set {
	reg := prometheus.NewRegistry()
	f := func(c prometheus.Collector) { reg.MustRegister(c) }
	m := &Set{
		reg: reg,
		Requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "fond_http_requests_total",
			Help: "HTTP requests answered, by route pattern and status code."}, []string{"route", "code"}),
		Latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "fond_http_request_duration_seconds",
			Help:    "Time from a request's headers to the end of its answer, by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 15}}, []string{"route"}),
		InFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "fond_http_requests_in_flight", Help: "Requests being handled."}),
		Rejected: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "fond_http_rejected_total",
			Help: "Requests refused by a limit, by limit: requests (the global cap), a cost class (search, render, ...), timeout, body, signin."}, []string{"limit"}),
		IngestFiles: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "fond_ingest_files_total",
			Help: "Files this process ingested, by outcome (stored, failed)."}, []string{"outcome"}),
		IngestRecords:   prometheus.NewCounter(prometheus.CounterOpts{Name: "fond_ingest_records_total", Help: "Records this process stored by ingesting."}),
		FixityOriginals: prometheus.NewCounter(prometheus.CounterOpts{Name: "fond_fixity_originals_checked_total", Help: "Originals re-read and hashed by the background fixity check."}),
		FixityBytes:     prometheus.NewCounter(prometheus.CounterOpts{Name: "fond_fixity_bytes_checked_total", Help: "Bytes of originals re-read by the background fixity check."}),
		FixityProblems:  prometheus.NewCounter(prometheus.CounterOpts{Name: "fond_fixity_problems_total", Help: "Originals found not to match their SHA-256 (or size), counted each time found."}),
		FixityDamaged:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "fond_fixity_damaged_originals", Help: "Problems found by the last complete fixity pass (0 is sound)."}),
		FixityPasses:    prometheus.NewCounter(prometheus.CounterOpts{Name: "fond_fixity_passes_total", Help: "Complete passes of the fixity check over every original."}),
		FixityLastPass:  prometheus.NewGauge(prometheus.GaugeOpts{Name: "fond_fixity_last_pass_end_timestamp_seconds", Help: "Unix time the last complete fixity pass ended."}),
		FixityErrors:    prometheus.NewCounter(prometheus.CounterOpts{Name: "fond_fixity_errors_total", Help: "Fixity batches that could not run (the store did not answer)."}),
	}
	for _, c := range []prometheus.Collector{m.Requests, m.Latency, m.InFlight, m.Rejected, m.IngestFiles, m.IngestRecords,
		m.FixityOriginals, m.FixityBytes, m.FixityProblems, m.FixityDamaged, m.FixityPasses, m.FixityLastPass, m.FixityErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		f(c)
	}
	if is, ok := st.(store.IndexStater); ok {
		f(&stateCollector{st: is, log: log})
	}
	// A figure that cannot be read (the store did not answer) is left out
	// and the rest is served: one slow query should not blind monitoring.
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
	return m
}

// Handler answers a scrape in the Prometheus text format.
func (m *Set) Handler() http.Handler { return m.handler }

// Gather is the registry's Gatherer, for tests that read values.
func (m *Set) Gather() prometheus.Gatherer { return m.reg }

var (
	genDesc     = prometheus.NewDesc("fond_store_generation", "Writes committed to the store, by any process.", nil, nil)
	indexedDesc = prometheus.NewDesc("fond_index_generation", "The store generation this server's search index reflects (0 before it is loaded).", nil, nil)
	lagDesc     = prometheus.NewDesc("fond_index_lag_generations", "Generations the search index is behind the store; it catches up at the next search.", nil, nil)
	recordsDesc = prometheus.NewDesc("fond_records", "Records stored.", nil, nil)
)

// stateCollector asks the store at each scrape, so the figures are never
// older than the scrape.
type stateCollector struct {
	st  store.IndexStater
	log *slog.Logger
}

func (c *stateCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- genDesc
	ch <- indexedDesc
	ch <- lagDesc
	ch <- recordsDesc
}

func (c *stateCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), stateTimeout)
	defer cancel()
	s, err := c.st.IndexState(ctx)
	if err != nil {
		// The metrics are left out rather than reported as zeros: an
		// absent series alerts as "no data", a zero lag would reassure.
		c.log.Warn("metrics: store state unavailable", "err", err)
		ch <- prometheus.NewInvalidMetric(genDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(genDesc, prometheus.GaugeValue, float64(s.Generation))
	ch <- prometheus.MustNewConstMetric(indexedDesc, prometheus.GaugeValue, float64(s.Indexed))
	ch <- prometheus.MustNewConstMetric(lagDesc, prometheus.GaugeValue, float64(s.Generation-s.Indexed))
	ch <- prometheus.MustNewConstMetric(recordsDesc, prometheus.GaugeValue, float64(s.Records))
}
