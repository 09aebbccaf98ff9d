// Command corescale measures what a second thread gets from this machine:
// the same work done by one goroutine and then split over two, for four
// kinds of work a search does. It is the ceiling against which fondbench's
// -clients ratio (searches per second with eight clients against one) is
// read: no engine's searches scale past what the machine gives two threads
// of their kind of work.
//
//	corescale [-mb 1024] [-rounds 5] [-work 1]
//
// The kinds:
//   - alu: arithmetic on registers, nothing from memory (the ceiling of a
//     thread's core);
//   - stream: a sum over an array far larger than the caches, read in order
//     (a posting list's decoding);
//   - random: reads at random places of it, each independent of the last (a
//     search's per-document lookups: lengths, dates, facets);
//   - alloc: short-lived allocations, the collector running beside (what a
//     search's garbage costs).
//
// Rounds alternate one and two threads; the report gives each round's rates
// and the median ratio per kind, as JSON on stdout.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "corescale:", err)
		os.Exit(2)
	}
}

// Report is what one run measured.
type Report struct {
	GOMAXPROCS int                  `json:"gomaxprocs"`
	CPUs       int                  `json:"cpus"`
	ArrayMB    int                  `json:"array_mb"`
	Kinds      map[string]KindScale `json:"kinds"`
}

// KindScale is one kind's rates, in units of its work a second, alone and
// split over two goroutines, round by round, and the median of the rounds'
// ratios.
type KindScale struct {
	One         []float64 `json:"one_thread_per_s"`
	Two         []float64 `json:"two_threads_per_s"`
	MedianRatio float64   `json:"median_ratio"`
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("corescale", flag.ContinueOnError)
	mb := fs.Int("mb", 1024, "the array the memory kinds read, in MB (far past the caches: L3 is 32 MB here)")
	rounds := fs.Int("rounds", 5, "rounds of one thread then two, per kind")
	work := fs.Float64("work", 1, "scale of each round's work (1: about a second a round alone)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *mb < 1 || *rounds < 1 || *work <= 0 {
		return fmt.Errorf("-mb, -rounds and -work must be positive")
	}
	if *mb > maxMB {
		return fmt.Errorf("-mb %d: at most %d (random places are picked for arrays under 2^32 entries)", *mb, maxMB)
	}
	if runtime.GOMAXPROCS(0) < 2 {
		return fmt.Errorf("GOMAXPROCS is %d: two threads need two", runtime.GOMAXPROCS(0))
	}
	arr := make([]uint64, *mb<<20/8)
	for i := range arr {
		arr[i] = uint64(i) * 0x9E3779B97F4A7C15
	}
	kinds := map[string]func(lo, hi int) uint64{
		"alu": func(lo, hi int) uint64 {
			x := uint64(lo) | 1
			for i := lo; i < hi; i++ {
				x ^= x << 13
				x ^= x >> 7
				x ^= x << 17
			}
			return x
		},
		"stream": func(lo, hi int) uint64 {
			var s uint64
			j := lo % len(arr)
			for i := lo; i < hi; i++ {
				s += arr[j]
				if j++; j == len(arr) {
					j = 0
				}
			}
			return s
		},
		"random": func(lo, hi int) uint64 {
			var s uint64
			x := uint64(lo) | 1
			for i := lo; i < hi; i++ {
				x ^= x << 13
				x ^= x >> 7
				x ^= x << 17
				s += arr[(x>>32)*uint64(len(arr))>>32] // a place without dividing
			}
			return s
		},
		"alloc": func(lo, hi int) uint64 {
			var s uint64
			for i := lo; i < hi; i++ {
				b := make([]byte, 4096)
				b[i%4096] = byte(i)
				s += uint64(b[(i*7)%4096])
			}
			return s
		},
	}
	// Units a round does, about a second alone on this machine.
	units := map[string]int{"alu": 600e6, "stream": 400e6, "random": 60e6, "alloc": 6e6}
	rep := Report{GOMAXPROCS: runtime.GOMAXPROCS(0), CPUs: runtime.NumCPU(), ArrayMB: *mb, Kinds: map[string]KindScale{}}
	for _, name := range []string{"alu", "stream", "random", "alloc"} {
		f, n := kinds[name], int(float64(units[name])**work)
		var ks KindScale
		var ratios []float64
		for range *rounds {
			one := rate(f, n, 1)
			two := rate(f, n, 2)
			ks.One, ks.Two = append(ks.One, one), append(ks.Two, two)
			ratios = append(ratios, two/one)
		}
		slices.Sort(ratios)
		ks.MedianRatio = ratios[len(ratios)/2]
		rep.Kinds[name] = ks
		fmt.Fprintf(os.Stderr, "corescale: %s: two threads %.2f times one (median of %d)\n", name, ks.MedianRatio, *rounds)
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// maxMB keeps the array under 2^32 entries of 8 bytes, which the random
// kind's multiply-and-shift needs.
const maxMB = 32767

// sink keeps the kinds' results, so that the compiler cannot drop their work.
var sink uint64

// rate does n units of f split over threads goroutines and returns units a
// second.
func rate(f func(lo, hi int) uint64, n, threads int) float64 {
	runtime.GC()
	var wg sync.WaitGroup
	res := make([]uint64, threads)
	start := time.Now()
	for t := range threads {
		wg.Go(func() { res[t] = f(n*t/threads, n*(t+1)/threads) })
	}
	wg.Wait()
	took := time.Since(start)
	for _, r := range res {
		sink += r
	}
	return float64(n) / took.Seconds()
}
