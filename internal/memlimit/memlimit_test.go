package memlimit

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// restore puts back the runtime's settings a test changes.
func restore(t *testing.T) {
	limit, gc := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1)
	debug.SetGCPercent(gc)
	t.Cleanup(func() { debug.SetMemoryLimit(limit); debug.SetGCPercent(gc) })
}

func TestApply(t *testing.T) {
	restore(t)
	t.Setenv("GOMEMLIMIT", "")
	for _, c := range []struct {
		mb   int64
		want int64
	}{{3072, 3072 << 20}, {1, 1 << 20}, {0, None}} {
		got, err := Apply(c.mb, false)
		if err != nil || got != c.want || debug.SetMemoryLimit(-1) != c.want {
			t.Errorf("Apply(%d): %d, %v; the runtime's limit %d; want %d", c.mb, got, err, debug.SetMemoryLimit(-1), c.want)
		}
	}
	for _, mb := range []int64{-1, 1 << 50} {
		before := debug.SetMemoryLimit(-1)
		if _, err := Apply(mb, true); err == nil || debug.SetMemoryLimit(-1) != before {
			t.Errorf("Apply(%d): no error, or the limit changed", mb)
		}
	}
}

// TestEnvironmentWins: GOMEMLIMIT stays in force unless the flag was given.
func TestEnvironmentWins(t *testing.T) {
	restore(t)
	t.Setenv("GOMEMLIMIT", "500MiB")
	debug.SetMemoryLimit(500 << 20) // as the runtime read it at start
	if got, _ := Apply(DefaultMB, false); got != 500<<20 || debug.SetMemoryLimit(-1) != 500<<20 {
		t.Errorf("the default replaced GOMEMLIMIT: %d", got)
	}
	if got, _ := Apply(64, true); got != 64<<20 || debug.SetMemoryLimit(-1) != 64<<20 {
		t.Errorf("an explicit limit did not replace GOMEMLIMIT: %d", got)
	}
}

// TestLimitBinds: the limit set is the one the collector works to. With
// collections spaced far apart (GOGC 1000) and 16 MB live, the collector's
// goal is over 100 MB; under a 48 MB limit it must stay under it.
func TestLimitBinds(t *testing.T) {
	restore(t)
	debug.SetGCPercent(1000)
	live := make([][]byte, 16)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	goal := func() uint64 {
		runtime.GC()
		s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	if _, err := Apply(0, true); err != nil {
		t.Fatal(err)
	}
	if g := goal(); g < 100<<20 {
		t.Fatalf("without a limit the goal is %d MB, not the 100+ this test needs", g>>20)
	}
	if _, err := Apply(48, true); err != nil {
		t.Fatal(err)
	}
	if g := goal(); g > 48<<20 {
		t.Errorf("under a 48 MB limit the collector's goal is %d MB", g>>20)
	}
	runtime.KeepAlive(live)
}
