package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// procStatus reads a kB field of /proc/self/status ("VmHWM", "VmRSS") in bytes;
// 0 where /proc is absent.
func procStatus(field string) int64 { return statusField("/proc/self/status", field) }

func statusField(path, field string) int64 {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(v)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n * 1024
			}
		}
	}
	return 0
}

// dirSize is the bytes of every regular file under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return n, nil
}

// Latency is one query class's distribution.
type Latency struct {
	N        int     `json:"n"`
	P50      float64 `json:"p50_ms"`
	P99      float64 `json:"p99_ms"`
	Mean     float64 `json:"mean_ms"`
	MeanHits float64 `json:"mean_hits"`
}

func summarize(ds []time.Duration, hits []int) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	var h int
	for _, n := range hits {
		h += n
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return Latency{
		N:        len(s),
		P50:      ms(percentile(s, 0.50)),
		P99:      ms(percentile(s, 0.99)),
		Mean:     ms(sum / time.Duration(len(s))),
		MeanHits: float64(h) / float64(len(hits)),
	}
}

// percentile uses the nearest-rank method on sorted durations.
func percentile(s []time.Duration, p float64) time.Duration {
	k := int(p*float64(len(s))+0.999999) - 1
	return s[min(max(k, 0), len(s)-1)]
}

// Machine describes where the numbers were taken.
type Machine struct {
	CPU       string `json:"cpu"`
	Cores     int    `json:"cores"`
	MemBytes  int64  `json:"mem_bytes"`
	GoVersion string `json:"go_version"`
	OS        string `json:"os"`
}

func machine() Machine {
	m := Machine{Cores: runtime.NumCPU(), GoVersion: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				if f := strings.Fields(v); len(f) > 0 {
					n, _ := strconv.ParseInt(f[0], 10, 64)
					m.MemBytes = n * 1024
				}
			}
		}
	}
	return m
}

// peakSampler keeps the highest value of a /proc/self/status field, read every
// interval until stopped: RssAnon's peak, which VmHWM cannot give (it counts
// mapped files, the page cache's business), is only seen by sampling.
type peakSampler struct {
	stop chan struct{}
	done chan int64
}

func samplePeak(field string, every time.Duration) *peakSampler {
	s := &peakSampler{stop: make(chan struct{}), done: make(chan int64, 1)}
	go func() {
		peak := procStatus(field)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				s.done <- max(peak, procStatus(field))
				return
			case <-t.C:
				peak = max(peak, procStatus(field))
			}
		}
	}()
	return s
}

// Stop ends the sampling and returns the peak in bytes (0 without /proc, or
// for a nil sampler: nothing sampled).
func (s *peakSampler) Stop() int64 {
	if s == nil {
		return 0
	}
	close(s.stop)
	return <-s.done
}
