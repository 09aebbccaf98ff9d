package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fond/internal/store/sqlite"
	"fond/internal/testutil"
)

// BenchmarkImportFRUS imports all 13 FRUS volumes (5,825 documents) into a fresh
// embedded store per iteration: reading, extraction, storage of originals,
// indexing, edition and discussion linking. Reports documents/s, MB/s and the
// process's peak resident memory.
//
//	go test -run=^$ -bench=ImportFRUS -benchtime=3x ./internal/ingest/
func BenchmarkImportFRUS(b *testing.B) {
	dir := testutil.Shared(b, "corpus/frus")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	var size int64
	for _, f := range files {
		st, _ := os.Stat(f)
		size += st.Size()
	}
	b.SetBytes(size)
	docs := 0
	for i := 0; b.Loop(); i++ {
		st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench"+strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		// Indexed as it is stored, as under fond serve, so the import includes
		// search indexing (and Close saving the index).
		if err := st.LoadIndex(context.Background()); err != nil {
			b.Fatal(err)
		}
		in := &Ingester{Store: st}
		docs = 0
		if _, err := in.Paths(context.Background(), []string{dir}, func(o Outcome) {
			if o.Error != "" {
				b.Fatal(o.Error)
			}
			docs++
		}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
	b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(peakRSS()), "peak-rss-bytes")
}

// peakRSS reads the process's high-water resident set size (Linux).
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// FuzzExtract feeds arbitrary bytes through detection and every reader: it must
// return records or an error, never panic.
func FuzzExtract(f *testing.F) {
	samples, _ := filepath.Glob("../../testdata/sample/*")
	bad, _ := filepath.Glob("testdata/bad/*")
	for _, p := range append(samples, bad...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("Subject: x\nFrom: a@b\nDate: Mon, 2 Jan 2006 15:04:05 -0700\n\n[note]\n\nTitle\n\nby Some One\n\nDocument 1: A, Moscow, 5 March 1949\n\ntext [Source: AVP RF, f. 1]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		res, err := Extract(context.Background(), "fuzz.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, r := range res.Records {
			if r.ID == "" || r.Title == "" {
				t.Fatalf("record without id or title: %+v", r)
			}
			// What reaches a store is valid text without control characters,
			// whatever the input was.
			if bad := testutil.BadText(r); bad != "" {
				t.Fatalf("record: %s", bad)
			}
			if hasControl(r.Title + r.Body) {
				t.Fatalf("record keeps control characters: %q", r.Title+r.Body)
			}
		}
	})
}
