package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// fond runs one fond command on the test's database and returns its
// standard output, or an error carrying its standard error.
func (l *loader) fond(ctx context.Context, args ...string) (string, error) {
	return l.fondWith(ctx, "", args...)
}

// fondWith is fond with stdin as the command's standard input.
func (l *loader) fondWith(ctx context.Context, stdin string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, l.cfg.Fond, append([]string{"--db", l.cfg.Database}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(stdin), &out, &errb
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("fond %s: %w\n%s", strings.Join(args, " "), err, tail(errb.String()))
	}
	return out.String() + errb.String(), nil
}

// server is one `fond serve` child process.
type server struct {
	addr, ops string // the readers' address and the metrics address
	cmd       *exec.Cmd
	log       string
	exited    chan error
}

// loopback is a free loopback address (a moment ago): the servers listen
// nowhere else.
func loopback() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// start starts server i with its own cache folder (its index snapshot) and
// log. Only the first runs the background fixity check, as docs/decisions.md
// advises for servers sharing a database.
func (l *loader) start(i int) (*server, error) {
	home := filepath.Join(l.cfg.Dir, fmt.Sprintf("server%d", i))
	if err := os.MkdirAll(home, 0o755); err != nil {
		return nil, err
	}
	addr, err := loopback()
	if err != nil {
		return nil, err
	}
	ops, err := loopback()
	if err != nil {
		return nil, err
	}
	rate := "0"
	if i == 0 {
		rate = "4194304"
	}
	s := &server{addr: addr, ops: ops, log: filepath.Join(home, "log"), exited: make(chan error, 1)}
	f, err := os.Create(s.log)
	if err != nil {
		return nil, err
	}
	s.cmd = exec.Command(l.cfg.Fond, "--db", l.cfg.Database, "serve", "--addr", addr, "--metrics-addr", ops,
		"--iiif-cache", filepath.Join(home, "iiif"), "--fixity-rate", rate)
	s.cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CACHE_HOME="+filepath.Join(home, "cache"))
	s.cmd.Stdout, s.cmd.Stderr = f, f
	if err := s.cmd.Start(); err != nil {
		f.Close()
		return nil, err
	}
	go func() { s.exited <- s.cmd.Wait(); f.Close() }()
	return s, nil
}

// ready waits until the server answers /readyz (its index loaded).
func (s *server) ready(ctx context.Context, c *http.Client) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-s.exited:
			s.exited <- err
			return fmt.Errorf("server on %s exited before it was ready: %v\n%s", s.addr, err, s.logTail())
		default:
		}
		if resp, err := c.Get("http://" + s.addr + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("server on %s not ready after 2 minutes\n%s", s.addr, s.logTail())
}

// stop sends SIGTERM and waits: a server must stop cleanly (exit 0).
func (s *server) stop() error {
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.exited:
		if err != nil {
			return fmt.Errorf("server on %s: %v after SIGTERM\n%s", s.addr, err, s.logTail())
		}
		return nil
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		return fmt.Errorf("server on %s did not stop within 30 s of SIGTERM", s.addr)
	}
}

func (s *server) logTail() string {
	b, _ := os.ReadFile(s.log)
	return tail(string(b))
}

// rejected sums the server's fond_http_rejected_total: requests its limits
// refused.
func (s *server) rejected(c *http.Client) (float64, error) {
	resp, err := c.Get("http://" + s.ops + "/metrics")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	sum := 0.0
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "fond_http_rejected_total{") {
			v, err := strconv.ParseFloat(line[strings.LastIndexByte(line, ' ')+1:], 64)
			if err != nil {
				return 0, fmt.Errorf("metrics line %q: %w", line, err)
			}
			sum += v
		}
	}
	return sum, sc.Err()
}

// tail is the last lines of a log, for an error message.
func tail(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-15):], "\n")
}
