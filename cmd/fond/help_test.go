package main

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestHelpExitsZero(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		if out, _, code := fond(t, db, args...); code != 0 || !strings.Contains(out, "commands:") {
			t.Errorf("fond %v: exit %d, usage on stdout: %v", args, code, strings.Contains(out, "commands:"))
		}
	}
	for name := range commands {
		if _, errs, code := fond(t, db, name, "--help"); code != 0 || !strings.Contains(errs, "-") {
			t.Errorf("fond %s --help: exit %d, %q", name, code, errs)
		}
	}
	if _, errs, code := fond(t, db, "nope"); code != 2 || !strings.Contains(errs, "serve") {
		t.Errorf("unknown command: exit %d, should list the commands: %q", code, errs)
	}
}

// A port in use is an error before anything says the archive is served.
func TestServeOnBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	db := filepath.Join(t.TempDir(), "fond.db")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out, errb strings.Builder
	code := run(ctx, []string{"--db", db, "serve", "--addr", ln.Addr().String()}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "cannot listen on "+ln.Addr().String()) || strings.Contains(errb.String(), "serving") {
		t.Errorf("serve on a busy port: exit %d, stderr %q", code, errb.String())
	}
}

// The summary counts files as well as records, so re-ingesting an unchanged
// folder says so in words, and a non-terminal gets plain progress lines.
func TestIngestSummaryAndProgress(t *testing.T) {
	dir := t.TempDir()
	for i, body := range []string{"Telegram.\n\nMoscow, 5 March 1949.\n\nText one.", "Report.\n\nText two.", "\x00binary"} {
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "fond.db")
	_, errs, code := fond(t, db, "ingest", dir)
	if code != 1 || !strings.Contains(errs, "files: 2 new, 0 updated, 0 unchanged, 1 refused") {
		t.Errorf("first ingest: exit %d, %q", code, errs)
	}
	_, errs, _ = fond(t, db, "ingest", dir)
	if !strings.Contains(errs, "files: 0 new, 0 updated, 2 unchanged, 1 refused") {
		t.Errorf("re-ingest: %q", errs)
	}
	var b strings.Builder
	p := newProgress(&b, 4, 4000)
	clock := p.start
	p.now = func() time.Time { return clock }
	for i := range 4 {
		clock = clock.Add(3 * time.Second)
		p.done(filepath.Join(dir, string(rune('a'+i%3))+".txt"))
	}
	p.finish()
	if lines := strings.Count(b.String(), "\n"); lines != 2 || !strings.Contains(b.String(), "2/4 files") || !strings.Contains(b.String(), "left") {
		t.Errorf("progress every 5 s of 12, not a terminal: %q", b.String())
	}
}

// A served archive stops when its context ends (^C, SIGTERM): run returns 0
// and the port is closed.
func TestServeStopsGracefully(t *testing.T) {
	addr := freeAddr(t)
	srv := serveInProcess("--db", filepath.Join(t.TempDir(), "fond.db"), "serve", "--addr", addr, "--iiif-cache", t.TempDir())
	// The port is taken before the store opens; ready is when it serves.
	ready := false
	for i := 0; i < 400 && !ready; i++ {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			ready = resp.StatusCode == 200
		}
		if !ready {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if !ready {
		t.Fatalf("server never listened: %s", srv.errb.String())
	}
	if code := srv.stop(t); code != 0 {
		t.Errorf("serve ended with %d: %s", code, srv.errb.String())
	}
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Error("the port still accepts connections after shutdown")
	}
}
