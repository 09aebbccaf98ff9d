package main

import (
	"bytes"
	"encoding/json"
	"runtime"
	"testing"
)

// TestReportsEveryKind runs a small measure and checks that each kind has its
// rounds' rates and a ratio between them.
func TestReportsEveryKind(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one core: corescale refuses to run")
	}
	var out bytes.Buffer
	if err := run([]string{"-mb", "4", "-rounds", "2", "-work", "0.001"}, &out); err != nil {
		t.Fatal(err)
	}
	var rep Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"alu", "stream", "random", "alloc"} {
		ks, ok := rep.Kinds[k]
		if !ok || len(ks.One) != 2 || len(ks.Two) != 2 || ks.MedianRatio <= 0 || ks.One[0] <= 0 || ks.Two[1] <= 0 {
			t.Errorf("%s: %+v", k, ks)
		}
	}
}

// TestRefusesBadFlags passes values the command refuses.
func TestRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-mb", "0"}, {"-mb", "32768"}, {"-rounds", "0"}, {"-work", "-1"}} {
		if err := run(args, &bytes.Buffer{}); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
