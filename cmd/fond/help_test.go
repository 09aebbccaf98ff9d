package main

import (
	"context"
	"net"
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
