package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// serverEngine is an engine that is also measured as a server: how soon a
// fresh serving process answers, how much anonymous memory it holds once it
// has answered the query list, and what adding one document costs.
type serverEngine interface {
	// serverStats is called after the timed queries, before close. firstAnswer
	// runs from the serving process's start to its first answer; rssAnon is
	// that process's RssAnon (bytes) after answering qs.
	serverStats(ctx context.Context, qs []Query) (firstAnswer time.Duration, rssAnon int64, err error)
	// addOne adds d to the built index the way the engine's users add one
	// document, and returns the time until it is searchable and the bytes the
	// processes involved wrote to storage (write_bytes of /proc/PID/io).
	addOne(ctx context.Context, d Doc, dir string) (time.Duration, int64, error)
}

// externalEngine runs its indexing and serving in processes of its own; its
// peak RSS is theirs, not fondbench's (which only generates and sends).
type externalEngine interface {
	peakRSS() int64
}

// errNotMeasured is returned by a serverEngine that lacks what a measure needs
// (fond without its binary); the field is left out of the report.
var errNotMeasured = errors.New("not measured")

// procField reads a kB field of /proc/PID/status ("RssAnon", "VmHWM") in bytes.
func procField(pid int, field string) int64 {
	return statusField(fmt.Sprintf("/proc/%d/status", pid), field)
}

// ioWriteBytes is write_bytes of /proc/PID/io ("self" for this process): the
// bytes the process caused to be sent to storage. A reaped child's count is
// added to its parent's, so this process's count read before and after a
// child ran gives the child's.
func ioWriteBytes(pid string) (int64, error) {
	data, err := os.ReadFile("/proc/" + pid + "/io")
	if err != nil {
		return 0, fmt.Errorf("read I/O counts: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "write_bytes:"); ok {
			return strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		}
	}
	return 0, fmt.Errorf("/proc/%s/io has no write_bytes", pid)
}

// runWritten runs cmd to its end and returns its wall time and the bytes it
// (with its children) wrote to storage.
func runWritten(cmd *exec.Cmd) (time.Duration, int64, error) {
	before, err := ioWriteBytes("self")
	if err != nil {
		return 0, 0, err
	}
	t := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", cmd.Path, err)
	}
	d := time.Since(t)
	after, err := ioWriteBytes("self")
	return d, after - before, err
}

// maxRSS is the peak resident memory of a finished child (and the children it
// waited for), from the kernel's accounting at wait.
func maxRSS(ps *os.ProcessState) int64 {
	if ps == nil {
		return 0
	}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}

// freePort asks the system for a loopback port nobody holds now.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// poll calls try every few milliseconds until it succeeds, the process it
// waits on has exited (exited reports so), or limit passes.
func poll(ctx context.Context, limit time.Duration, exited func() bool, try func() error) error {
	deadline := time.Now().Add(limit)
	for {
		err := try()
		if err == nil {
			return nil
		}
		if exited != nil && exited() {
			return fmt.Errorf("process exited before answering: %w", err)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no answer within %s: %w", limit, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// startLimit bounds how long a serving process may take to answer at start.
const startLimit = 5 * time.Minute

// stopProcess asks a serving process to end (SIGTERM), waits for it, and
// returns its peak RSS.
func stopProcess(cmd *exec.Cmd, done <-chan error) int64 {
	if cmd == nil || cmd.Process == nil {
		return 0
	}
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
	}
	return maxRSS(cmd.ProcessState)
}

// measureServer takes an engine's server measures after its timed queries,
// then adds one document (next: the one after the archive's last). A measure
// the engine cannot take is left out, said on stderr.
func measureServer(ctx context.Context, s serverEngine, qs []Query, next Doc, dir string, stderr io.Writer) (EngineResult, error) {
	var r EngineResult
	mb := func(n int64) float64 { return float64(n) / (1 << 20) }
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	first, rss, err := s.serverStats(ctx, qs)
	switch {
	case errors.Is(err, errNotMeasured):
		fmt.Fprintln(stderr, "fondbench: serving process not measured (for fond: no -fond binary)")
	case err != nil:
		return r, err
	default:
		r.OpenToFirstAnswerMs, r.RSSAnonServingMB = ms(first), mb(rss)
	}
	took, wrote, err := s.addOne(ctx, next, dir)
	switch {
	case errors.Is(err, errNotMeasured):
		fmt.Fprintln(stderr, "fondbench: adding one document not measured")
	case err != nil:
		return r, err
	default:
		r.AddOneMs, r.AddOneWrittenMB = ms(took), mb(wrote)
	}
	return r, nil
}
