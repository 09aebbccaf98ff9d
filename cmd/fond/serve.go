package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"fond/internal/fixity"
	"fond/internal/ingest"
	"fond/internal/store"
	"fond/internal/web"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := e.flags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	name := fs.String("name", "", "the archive's name, for OAI-PMH harvesters (default \"fond archive\")")
	oaiID := fs.String("oai-id", "", "the archive's domain, the namespace of its OAI identifiers oai:DOMAIN:ID; keep it once harvested (default: made from the database's random name)")
	admin := fs.String("admin-email", "", "the archivist's address, for OAI-PMH Identify (default archivist@DOMAIN)")
	publicURL := fs.String("public-url", "", "the archive's address as readers reach it (https://archive.example.org), the base of absolute links; default: the request's Host, checked")
	metricsAddr := fs.String("metrics-addr", "", "address for Prometheus's scrapes (/metrics, /healthz, /readyz) with no sign-in: loopback or a private network only (default: none; an admin can read /metrics on --addr)")
	fixityRate := fs.Int64("fixity-rate", fixity.DefaultRate, "bytes of originals re-read and hashed per second in the background, to find any that changed (0: no background check)")
	fixityEvery := fs.Duration("fixity-every", fixity.DefaultEvery, "least time between the starts of two background fixity passes")
	grace := fs.Duration("shutdown-grace", 30*time.Second, "on SIGTERM or ^C, how long requests in flight may take to finish before the server stops anyway (exit 1); it must exceed 5 s, the time net/http gives a connection opened but not yet used")
	limits := web.DefaultLimits
	limits.RegisterFlags(fs)
	access := web.DefaultAccess
	access.RegisterFlags(fs)
	searchLimits := searchLimitFlags(fs)
	ingestLimits := ingestLimitFlags(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *publicURL != "" {
		if err := web.ValidPublicURL(*publicURL); err != nil {
			return fmt.Errorf("--public-url %q: %w", *publicURL, err)
		}
	}
	// The address is taken first: a port in use is an error at once, not
	// after a minute of loading, and nothing says "serving" that is not.
	ln, err := web.Listen(*addr, limits.MaxConnections)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", *addr, err)
	}
	defer ln.Close()
	var opsLn net.Listener
	if *metricsAddr != "" {
		if opsLn, err = web.Listen(*metricsAddr, 16); err != nil {
			return fmt.Errorf("cannot listen on --metrics-addr %s: %w", *metricsAddr, err)
		}
		defer opsLn.Close()
	}
	if *grace <= 5*time.Second {
		return fmt.Errorf("%w: --shutdown-grace %s: more than 5s (net/http waits 5 s for a connection opened but not yet used)", errUsage, *grace)
	}
	if *fixityRate < 0 {
		return fmt.Errorf("--fixity-rate %d: a rate is 0 (off) or more bytes per second", *fixityRate)
	}
	// A server searches at once: the index is loaded before it serves, so the
	// first reader does not wait for it and the ingest below indexes as it stores.
	fmt.Fprintf(e.stderr, "fond: opening %s and its search index…\n", e.dbName())
	start := time.Now()
	st, err := e.openIndexedStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(e.stderr, "fond: search index ready in %s\n", time.Since(start).Round(time.Millisecond))
	// Counting the records reads the whole table (0.7 s at 100k records):
	// said once serving has begun, not before.
	counted := make(chan struct{})
	defer func() { <-counted }()
	go func() {
		defer close(counted)
		if _, total, err := st.List(ctx, store.ListQuery{Limit: 1, IDsOnly: true}); err == nil {
			fmt.Fprintf(e.stderr, "fond: %d records\n", total)
		}
	}()
	srv, err := web.New(st, e.log)
	if err != nil {
		return err
	}
	m := srv.Metrics
	if len(paths) > 0 {
		// Serving a folder ingests it first, so one command shows a folder's documents.
		fmt.Fprintf(e.stderr, "fond: ingesting %s…\n", strings.Join(paths, ", "))
		in := &ingest.Ingester{Store: st, Log: e.log, Limits: *ingestLimits}
		n, stored := 0, map[string]bool{}
		failed, err := in.Paths(ctx, paths, func(o ingest.Outcome) {
			if o.Error != "" {
				e.log.Warn("not ingested", "error", o.Error)
				return
			}
			n++
			m.IngestRecords.Inc()
			if !stored[o.File] {
				stored[o.File] = true
				m.IngestFiles.WithLabelValues("stored").Inc()
			}
		})
		if err != nil {
			return err
		}
		m.IngestFiles.WithLabelValues("failed").Add(float64(failed))
		e.log.Info("ingested", "records", n, "failed_files", failed)
	}
	srv.OAI = web.OAIConfig{Name: *name, RepositoryID: *oaiID, AdminEmail: *admin}
	limits.Search = *searchLimits
	srv.PublicURL, srv.Limits, srv.Access = *publicURL, limits, access
	srv.Ingest = *ingestLimits
	hs := srv.HTTPServer(srv.Handler())
	errc := make(chan error, 2)
	go func() { errc <- hs.Serve(ln) }()
	fmt.Fprintf(e.stderr, "fond: serving %s on http://%s/\n", e.dbName(), *addr)
	var ops *http.Server
	if opsLn != nil {
		ops = srv.HTTPServer(srv.OpsHandler())
		go func() { errc <- ops.Serve(opsLn) }()
		fmt.Fprintf(e.stderr, "fond: metrics on http://%s/metrics\n", *metricsAddr)
	}
	if *fixityRate > 0 {
		fc, ok := st.(store.FixityChecker)
		if !ok {
			return fmt.Errorf("--fixity-rate: this store cannot check its originals in the background; use --fixity-rate 0")
		}
		c := &fixity.Checker{Store: fc, Audit: st.Audit, Rate: *fixityRate, Every: *fixityEvery, Metrics: m, Log: e.log}
		fixCtx, stopFixity := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); c.Run(fixCtx) }()
		// Runs before the store closes (deferred earlier): the check ends
		// first, rather than failing on a closed store.
		defer func() { stopFixity(); <-done }()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), *grace)
		defer cancel()
		if ops != nil {
			ops.Shutdown(sctx)
		}
		if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}
