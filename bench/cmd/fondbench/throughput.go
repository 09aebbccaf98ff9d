package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"fond/internal/search"
)

// concurrentEngines are those whose query may be called from several
// goroutines at once: fond's store serves fond serve's concurrent requests.
// The other peers' drivers here keep one connection or pipe each.
// Sphinx is queried over a pool of SphinxQL connections, searchd answering
// each on a thread of its own (workers = threads), as its users serve it.
var concurrentEngines = []string{"fond", "fond-postgres", "sphinx"}

// cpuEngine is an engine whose searches run in a process of its own, whose CPU
// time counts with this process's.
type cpuEngine interface{ cpuSeconds() float64 }

// Throughput is searches per second over the whole query list, with one
// client and with Clients clients calling the engine at once. A search fond
// stops at its time limit (search.Limits.MaxDuration, refused as fond serve
// refuses it) counts as done but is counted apart: with more clients than
// cores each search's wall time grows, and the slowest can pass the limit.
type Throughput struct {
	Clients        int     `json:"clients"`
	OneClientPerS  float64 `json:"one_client_searches_per_s"`
	ClientsPerS    float64 `json:"clients_searches_per_s"`
	OneClientSecs  float64 `json:"one_client_seconds"`
	ClientsSeconds float64 `json:"clients_seconds"`
	OneClientStop  int     `json:"one_client_stopped,omitempty"`
	ClientsStopped int     `json:"clients_stopped,omitempty"`
	// CPU seconds (user and system) this process spent in each run, and the
	// engine's server for one that runs apart (Sphinx's searchd): on a
	// shared machine, CPU over wall time says how many cores the run got,
	// which tells a lock that serializes the clients from cores taken by
	// other work.
	OneClientCPU float64 `json:"one_client_cpu_seconds"`
	ClientsCPU   float64 `json:"clients_cpu_seconds"`
}

// measureThroughput runs qs once with one client, then once with clients,
// each query's hit count checked against want (the timed run's): answers
// must not change with concurrency.
func measureThroughput(ctx context.Context, e engine, qs []Query, clients int, want map[string][]int) (Throughput, error) {
	cpu := cpuSeconds
	if ce, ok := e.(cpuEngine); ok {
		cpu = func() float64 { return cpuSeconds() + ce.cpuSeconds() }
	}
	cpu0 := cpu()
	one, stop1, err := runClients(ctx, e, qs, 1, want)
	if err != nil {
		return Throughput{}, err
	}
	cpu1 := cpu()
	many, stopN, err := runClients(ctx, e, qs, clients, want)
	if err != nil {
		return Throughput{}, err
	}
	cpu2 := cpu()
	return Throughput{Clients: clients,
		OneClientPerS: float64(len(qs)) / one.Seconds(), ClientsPerS: float64(len(qs)) / many.Seconds(),
		OneClientSecs: one.Seconds(), ClientsSeconds: many.Seconds(), OneClientStop: stop1, ClientsStopped: stopN,
		OneClientCPU: cpu1 - cpu0, ClientsCPU: cpu2 - cpu1}, nil
}

// runClients has clients goroutines take the queries of qs in list order,
// each the next one not yet taken, and returns the wall time until all are
// answered or stopped at the time limit, and how many were stopped.
func runClients(ctx context.Context, e engine, qs []Query, clients int, want map[string][]int) (time.Duration, int, error) {
	// pos[i] is query i's place within its class, where want keeps its count.
	pos := make([]int, len(qs))
	seen := map[string]int{}
	for i, q := range qs {
		pos[i] = seen[q.Class]
		seen[q.Class]++
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var next, stopped atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(qs) || ctx.Err() != nil {
					return
				}
				q := qs[i]
				n, err := e.query(ctx, q)
				if le := (*search.LimitError)(nil); errors.As(err, &le) && le.Param == "MaxDuration" {
					stopped.Add(1)
					continue
				}
				if err == nil && n != want[q.Class][pos[i]] {
					err = fmt.Errorf("%s query %v: %d hits with %d clients, %d alone", q.Class, q.Words, n, clients, want[q.Class][pos[i]])
				}
				if err != nil {
					errs <- err
					cancel()
					return
				}
			}
		})
	}
	wg.Wait()
	took := time.Since(start)
	close(errs)
	if err := <-errs; err != nil {
		return 0, 0, err
	}
	return took, int(stopped.Load()), nil
}

// checkClients refuses -clients for engines not safe to query concurrently.
func checkClients(clients int, engines []string) error {
	if clients < 0 {
		return fmt.Errorf("-clients must be 0 or more")
	}
	if clients == 0 {
		return nil
	}
	for _, e := range engines {
		if !slices.Contains(concurrentEngines, e) {
			return fmt.Errorf("-clients: engine %s is not measured concurrently (only %v)", e, concurrentEngines)
		}
	}
	return nil
}

// cpuSeconds is this process's user and system CPU time so far; 0 where
// getrusage is not available.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// procCPUSeconds is a process's user and system CPU time so far, from
// /proc/PID/stat (in clock ticks, 100 a second on Linux); 0 when it cannot
// be read.
func procCPUSeconds(pid string) float64 {
	data, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// The command's name, field 2, is in parentheses and may hold spaces:
	// the fields are counted from the last ')'.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(data[i+1:]))
	if len(f) < 13 {
		return 0
	}
	// utime and stime are fields 14 and 15: the 12th and 13th after the name.
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return float64(u+st) / clockTicks
}

// clockTicks is Linux's USER_HZ, the unit of /proc/PID/stat's times: 100 on
// every architecture Go builds for.
const clockTicks = 100
