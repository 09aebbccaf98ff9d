package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"fond/internal/ingest"
	"fond/internal/web"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := e.flags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	name := fs.String("name", "", "the archive's name, for OAI-PMH harvesters (default \"fond archive\")")
	oaiID := fs.String("oai-id", "", "the archive's domain, the namespace of its OAI identifiers oai:DOMAIN:ID; keep it once harvested (default: made from the database's random name)")
	admin := fs.String("admin-email", "", "the archivist's address, for OAI-PMH Identify (default archivist@DOMAIN)")
	limits := limitFlags(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	// A server searches at once: the index is loaded before it listens, so the
	// first reader does not wait for it and the ingest below indexes as it stores.
	st, err := e.openIndexedStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(paths) > 0 {
		// Serving a folder ingests it first, so one command shows a folder's documents.
		in := &ingest.Ingester{Store: st, Log: e.log, Limits: *limits}
		n := 0
		failed, err := in.Paths(ctx, paths, func(o ingest.Outcome) {
			if o.Error != "" {
				e.log.Warn("not ingested", "error", o.Error)
			} else {
				n++
			}
		})
		if err != nil {
			return err
		}
		e.log.Info("ingested", "records", n, "failed_files", failed)
	}
	srv, err := web.New(st, e.log)
	if err != nil {
		return err
	}
	srv.OAI = web.OAIConfig{Name: *name, RepositoryID: *oaiID, AdminEmail: *admin}
	hs := &http.Server{Addr: *addr, Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.ListenAndServe() }()
	fmt.Fprintf(e.stderr, "fond: serving %s on http://%s/\n", e.dbName(), *addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}
