package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// largeText is a synthetic plain-text file of about size bytes: a heading, a
// dateline and paragraphs of prose, the shape of a long transcript; its
// paragraphs are wrapped at eol-ended lines when wrap is set.
func largeText(size int, wrap bool, eol string) []byte {
	words := strings.Fields("the ambassador said that the government would consider the proposal of the delegation in Moscow on March and report to the minister before the conference opened in Geneva")
	var b bytes.Buffer
	b.Grow(size + 1024)
	b.WriteString("Memorandum of a Long Conversation" + eol + eol + "Washington, October 27, 1962." + eol + eol)
	for i := 0; b.Len() < size; i++ {
		for j := 0; j < 60; j++ {
			switch {
			case j > 0 && wrap && j%12 == 0:
				b.WriteString(eol)
			case j > 0:
				b.WriteByte(' ')
			}
			b.WriteString(words[(i*7+j)%len(words)])
		}
		fmt.Fprintf(&b, " (%d).%s%s", i, eol, eol)
	}
	return b.Bytes()
}

// allocFactor is the bytes Extract allocates per byte of input.
func allocFactor(t testing.TB, name string, data []byte) float64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if _, err := Extract(context.Background(), name, data); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc-before.TotalAlloc) / float64(len(data))
}

// A long text costs a small multiple of its size, not the thirty times it
// once did (the text split into words, lowercased and joined again, whole,
// by several heuristics in turn). Allocation is counted, not peak memory:
// it bounds the peak and does not vary from run to run.
func TestExtractMemoryIsProportional(t *testing.T) {
	const k = 5 // measured: 2.8 to 3.8
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"long-lines.txt", largeText(4<<20, false, "\n")},
		{"wrapped.txt", largeText(4<<20, true, "\n")},
		{"wrapped-crlf.txt", largeText(4<<20, true, "\r\n")},
	} {
		if f := allocFactor(t, tc.name, tc.data); f > k {
			t.Errorf("%s: Extract allocated %.1f bytes per input byte, want under %d", tc.name, f, k)
		} else {
			t.Logf("%s: %.2f bytes allocated per input byte", tc.name, f)
		}
	}
}

// BenchmarkExtractLargeText reports the bytes allocated per input byte for
// extracting a 20 MB plain-text file (35 before the streaming heuristics,
// 2.8 to 3.8 after), BenchmarkIngestLargeText the same for reading and
// storing it, and the process's peak resident memory.
//
//	go test -run=^$ -bench=LargeText -benchtime=3x ./internal/ingest/
func BenchmarkExtractLargeText(b *testing.B) {
	data := largeText(20<<20, true, "\n")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if _, err := Extract(context.Background(), "large.txt", data); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(data)), "alloc-bytes/input-byte")
}

func BenchmarkIngestLargeText(b *testing.B) {
	data := largeText(20<<20, true, "\n")
	path := filepath.Join(b.TempDir(), "large.txt")
	os.WriteFile(path, data, 0o644)
	b.SetBytes(int64(len(data)))
	var total uint64
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		st := openStore(b)
		in := &Ingester{Store: st}
		b.StartTimer()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := in.File(context.Background(), path); err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		total += after.TotalAlloc - before.TotalAlloc
	}
	b.ReportMetric(float64(total)/float64(b.N)/float64(len(data)), "alloc-bytes/input-byte")
	b.ReportMetric(float64(peakRSS()), "peak-rss-bytes")
}
