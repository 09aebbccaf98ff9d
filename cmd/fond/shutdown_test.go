package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// SIGTERM while a reader is downloading a large original: the server stops
// taking connections, the download in flight finishes whole (every byte,
// the right SHA-256), and the server then exits 0. The reader holds the
// request in flight by not reading until the shutdown has begun; the
// server's own in-flight gauge says when the handler is at work.
func TestServeFinishesRequestsInFlight(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fond.db")
	// 32 MiB: more than loopback's socket buffers hold, so the handler is
	// still writing when the shutdown begins.
	data := make([]byte, 32<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = 'a' + byte(rng.IntN(26))
	}
	sum := sha256.Sum256(data)
	checksum := "sha256:" + hex.EncodeToString(sum[:])
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	r := record.Record{ID: "0123456789abcdef", Title: "A long register", Type: "Register", Category: record.Primary, Body: "A long register.", Checksum: checksum}
	if _, err := st.PutFile(context.Background(), store.File{Path: "/in/register.txt", Format: "text", Records: []record.Record{r},
		Original: store.Original{Checksum: checksum, Name: "register.txt", Data: data}}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	addr, ops := freeAddr(t), freeAddr(t)
	srv := serveInProcess("--db", db, "serve", "--addr", addr, "--metrics-addr", ops, "--iiif-cache", t.TempDir(), "--fixity-rate", "0")
	var conn net.Conn
	for i := 0; i < 400 && conn == nil; i++ {
		if conn, err = net.Dial("tcp", addr); err != nil {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if conn == nil {
		t.Fatalf("server never listened: %s", srv.errb.String())
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /documents/"+r.ID+"/original HTTP/1.1\r\nHost: "+addr+"\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	// In flight: the download and the scrape that asks.
	inFlight := false
	for i := 0; i < 400 && !inFlight; i++ {
		m, err := scrapeMetrics(t, "http://"+ops+"/metrics")
		inFlight = err == nil && m["fond_http_requests_in_flight"] >= 2
		if !inFlight {
			time.Sleep(25 * time.Millisecond)
		}
	}
	if !inFlight {
		t.Fatalf("the download never was in flight: %s", srv.errb.String())
	}

	srv.cancel() // as SIGTERM
	refused := false
	for i := 0; i < 200 && !refused; i++ {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err != nil {
			refused = true
		} else {
			c.Close()
			time.Sleep(10 * time.Millisecond)
		}
	}
	if !refused {
		t.Fatal("the server still took connections after SIGTERM")
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the download in flight was cut off: %v", err)
	}
	got := sha256.New()
	n, err := io.Copy(got, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || n != int64(len(data)) || hex.EncodeToString(got.Sum(nil)) != checksum[len("sha256:"):] {
		t.Errorf("the download in flight: status %d, %d of %d bytes, %v", resp.StatusCode, n, len(data), err)
	}
	if code := srv.stop(t); code != 0 {
		t.Errorf("serve ended with %d after finishing the download: %s", code, srv.errb.String())
	}
}
