package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"fond/internal/memlimit"
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
	srv, err := e.serve(ctx, nil, qs[0])
	if err != nil {
		return 0, 0, err
	}
	defer srv.stop()
	for _, q := range qs {
		if _, err := srv.search(q); err != nil {
			return 0, 0, fmt.Errorf("fond serve: %w", err)
		}
	}
	return srv.first, procField(srv.cmd.Process.Pid, "RssAnon"), nil
}

// served is a running `fond serve` on the benchmark's archive.
type served struct {
	ctx    context.Context
	addr   string
	cmd    *exec.Cmd
	done   chan error
	first  time.Duration // from the process's start to its first answer
	client *http.Client
}

// fondArgs begins a fond command on the archive at path. The memory limit is
// given only when it is not fond's default, so that the builds before the
// flag can still be measured.
func fondArgs(path string) []string {
	argv := []string{fondBinary, "--db", path}
	if fondMemoryLimitMB != memlimit.DefaultMB {
		argv = append(argv, "--memory-limit-mb", strconv.FormatInt(fondMemoryLimitMB, 10))
	}
	return argv
}

// serve starts `fond serve` on the archive, through wrap when given (a
// command that ends by running its arguments: how the memory-limited run puts
// the server in its group from its first instruction), and returns once it
// has answered first.
func (e *fondEngine) serve(ctx context.Context, wrap []string, first Query) (*served, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	log, err := os.Create(filepath.Join(filepath.Dir(e.path), "serve.log"))
	if err != nil {
		return nil, fmt.Errorf("fond serve: %w", err)
	}
	defer log.Close()
	argv := append(append(append([]string(nil), wrap...), fondArgs(e.path)...), "serve", "--addr", addr)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = log, log
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("fond serve: %w", err)
	}
	s := &served{ctx: ctx, addr: addr, cmd: cmd, done: make(chan error, 1), client: &http.Client{Timeout: time.Minute}}
	go func() { s.done <- cmd.Wait() }()
	exited := func() bool { return cmd.ProcessState != nil }
	if err := poll(ctx, startLimit, exited, func() error { _, err := s.search(first); return err }); err != nil {
		s.stop()
		return nil, fmt.Errorf("fond serve (log in %s): %w", log.Name(), err)
	}
	s.first = time.Since(start)
	return s, nil
}

// query is search, for runQueries.
func (s *served) query(_ context.Context, q Query) (int, error) { return s.search(q) }

// search runs q through /api/search and returns the answer's total.
func (s *served) search(q Query) (int, error) {
	// match=all: the web's default (most: partial matches after the exact)
	// does more than the in-process query, whose totals the answers must equal.
	u := "http://" + s.addr + "/api/search?match=all&limit=" + strconv.Itoa(pageSize) + "&q=" + url.QueryEscape(fondText(q))
	if q.Class == "facet_date" {
		u += "&facets=1"
	}
	req, err := http.NewRequestWithContext(s.ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, resp.Body)
		return 0, fmt.Errorf("%s: %s", u, resp.Status)
	}
	var body struct {
		Total int `json:"total"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return 0, fmt.Errorf("%s: %w", u, err)
	}
	return body.Total, nil
}

// stop ends the server and returns its peak RSS.
func (s *served) stop() int64 { return stopProcess(s.cmd, s.done) }

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
	argv := append(fondArgs(e.path), "ingest", file)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stderr = os.Stderr
	return runWritten(cmd)
}
