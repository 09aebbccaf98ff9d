package main

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// freeAddr is a loopback address nothing listens on (a moment ago).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// served is a `fond serve` running in this process.
type served struct {
	cancel context.CancelFunc
	done   chan int
	errb   *syncBuilder
}

// serveInProcess runs run(args) until stop.
func serveInProcess(args ...string) *served {
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{cancel: cancel, done: make(chan int, 1), errb: &syncBuilder{}}
	go func() { s.done <- run(ctx, args, &syncBuilder{}, s.errb) }()
	return s
}

// stop ends the server as SIGTERM would and returns its exit code; a server
// that does not stop fails the test.
func (s *served) stop(t *testing.T) int {
	t.Helper()
	s.cancel()
	select {
	case code := <-s.done:
		return code
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop after its context ended")
		return -1
	}
}

// syncBuilder is a strings.Builder the server may write while a test reads.
type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *syncBuilder) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncBuilder) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}
