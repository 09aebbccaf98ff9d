package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// fondBinary is the fond command the server measures run (`fond serve`,
// `fond ingest`); empty leaves them out. Set from -fond.
var fondBinary string

// serverStats closes the benchmark's own handle on the archive (saving the
// index snapshot, as the end of an ingest does), starts `fond serve` on it,
// times its first answer from the process's start, runs the query list
// through /api/search, and reads the server's RssAnon.
func (e *fondEngine) serverStats(ctx context.Context, qs []Query) (time.Duration, int64, error) {
	if fondBinary == "" || e.path == "" || len(qs) == 0 {
		return 0, 0, errNotMeasured
	}
	if err := e.close(); err != nil {
		return 0, 0, err
	}
	port, err := freePort()
	if err != nil {
		return 0, 0, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	log, err := os.Create(filepath.Join(filepath.Dir(e.path), "serve.log"))
	if err != nil {
		return 0, 0, fmt.Errorf("fond serve: %w", err)
	}
	defer log.Close()
	cmd := exec.CommandContext(ctx, fondBinary, "--db", e.path, "serve", "--addr", addr)
	cmd.Stdout, cmd.Stderr = log, log
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, fmt.Errorf("fond serve: %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer stopProcess(cmd, done)

	client := &http.Client{Timeout: time.Minute}
	get := func(q Query) error {
		u := "http://" + addr + "/api/search?limit=" + strconv.Itoa(pageSize) + "&q=" + url.QueryEscape(fondText(q))
		if q.Class == "facet_date" {
			u += "&facets=1"
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("%s: %s", u, resp.Status)
		}
		return nil
	}
	exited := func() bool { return cmd.ProcessState != nil }
	if err := poll(ctx, startLimit, exited, func() error { return get(qs[0]) }); err != nil {
		return 0, 0, fmt.Errorf("fond serve (log in %s): %w", log.Name(), err)
	}
	first := time.Since(start)
	for _, q := range qs {
		if err := get(q); err != nil {
			return 0, 0, fmt.Errorf("fond serve: %w", err)
		}
	}
	return first, procField(cmd.Process.Pid, "RssAnon"), nil
}

// addOne runs `fond ingest` of one text file holding d into the archive, as an
// archivist adds one document: the time is the command's, start to exit, and
// the bytes are what it wrote to storage.
func (e *fondEngine) addOne(ctx context.Context, d Doc, dir string) (time.Duration, int64, error) {
	if fondBinary == "" || e.path == "" {
		return 0, 0, errNotMeasured
	}
	if err := e.close(); err != nil {
		return 0, 0, err
	}
	file := filepath.Join(dir, "add-one.txt")
	if err := os.WriteFile(file, []byte(d.original()), 0o644); err != nil {
		return 0, 0, fmt.Errorf("fond: %w", err)
	}
	cmd := exec.CommandContext(ctx, fondBinary, "--db", e.path, "ingest", file)
	cmd.Stderr = os.Stderr
	return runWritten(cmd)
}
