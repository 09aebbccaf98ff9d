package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"fond/internal/testutil"
)

// TestCrashDuringIngest builds fond, runs "fond ingest" (or "fond serve",
// which ingests its folder before serving) on folders of synthetic letters as
// a child process and kills it with SIGKILL at seeded random moments. After each kill the database must pass SQLite's integrity
// check, hold no half-written record (each has its body, its original, its
// archival reference rows and its file's row), and pass fond verify (which
// also compares the index, caught up from whatever snapshot the killed
// process left, with the records); then a re-run of the same folder must
// finish with every file stored once.
//
// The short form (CI) is 5 rounds of 150 files. FOND_CRASH_ROUNDS and
// FOND_CRASH_FILES make it longer, FOND_CRASH_SEED chooses the moments:
//
//	FOND_CRASH_ROUNDS=40 FOND_CRASH_FILES=1000 go test ./cmd/fond -run TestCrashDuringIngest -v -timeout 30m
func TestCrashDuringIngest(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	rounds, files := envInt(t, "FOND_CRASH_ROUNDS", 5), envInt(t, "FOND_CRASH_FILES", 150)
	seed := uint64(envInt(t, "FOND_CRASH_SEED", 21))
	dir := t.TempDir()
	bin := filepath.Join(dir, "fond")
	testutil.GoBuild(t, ".", bin)
	db := filepath.Join(dir, "fond.db")
	rng := rand.New(rand.NewPCG(seed, 8493))
	// The first round measures how long an uninterrupted ingest of one folder
	// takes, so that the kills fall anywhere in one.
	var whole time.Duration
	stored := 0
	killedWith := make([]int, 0, rounds)
	kills := 0
	for round := range rounds {
		folder := filepath.Join(dir, fmt.Sprintf("round%02d", round))
		writeLetters(t, folder, files, seed*1000+uint64(round))
		if round == 0 {
			start := time.Now()
			if out, code := fondBin(t, bin, db, "ingest", folder); code != 0 {
				t.Fatalf("round 0, uninterrupted: exit %d\n%s", code, out)
			}
			whole = time.Since(start)
			stored += files
			t.Logf("round 0: %d files ingested uninterrupted in %v", files, whole.Round(time.Millisecond))
			checkArchive(t, bin, db, stored, stored)
			continue
		}
		// The first run also created the database: later ones are quicker,
		// so the moments are drawn from the first three fifths of it.
		at := time.Duration(rng.Int64N(int64(whole) * 3 / 5))
		// Every other round it is a server that ingests its folder at start
		// and then serves: killed while writing or, later, while serving.
		args := []string{"--db", db, "ingest", folder}
		if round%2 == 0 {
			args = []string{"--db", db, "serve", "--addr", "127.0.0.1:0", folder}
			at *= 2
		}
		cmd := exec.Command(bin, args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(at)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		n := countRecords(t, db)
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			kills++
			t.Logf("round %d: fond %s killed after %v with %d of %d records stored", round, args[2], at.Round(time.Millisecond), n-stored, files)
		} else {
			t.Logf("round %d: finished before the kill at %v (%v)", round, at.Round(time.Millisecond), err)
		}
		killedWith = append(killedWith, n-stored)
		checkArchive(t, bin, db, n, -1)

		// A re-run stores the rest: what the killed run committed is
		// unchanged, nothing is stored twice, nothing is missing.
		res, code := fondBin(t, bin, db, "ingest", folder)
		if code != 0 {
			t.Fatalf("round %d, re-run: exit %d\n%s", round, code, res)
		}
		m := regexp.MustCompile(`files: (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) refused; records: (\d+) added, (\d+) updated, (\d+) unchanged`).FindStringSubmatch(res)
		if m == nil {
			t.Fatalf("round %d, re-run: no summary in\n%s", round, res)
		}
		newFiles, updated, unchanged, refused := atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4])
		added, same := atoi(m[5]), atoi(m[7])
		if newFiles+unchanged != files || updated != 0 || refused != 0 || added != files-(n-stored) || same != n-stored {
			t.Errorf("round %d, re-run after %d were stored: %s", round, n-stored, m[0])
		}
		stored += files
		checkArchive(t, bin, db, stored, stored)
	}
	t.Logf("%d of %d runs killed; records each had stored: %v", kills, rounds-1, killedWith)
	if rounds > 1 && kills == 0 {
		t.Errorf("no run was killed before it finished: the moments missed every ingest")
	}
}

// checkArchive asserts what a crash may not break; want >= 0 is the number of
// records the archive must hold.
func checkArchive(t *testing.T, bin, db string, records, want int) {
	t.Helper()
	raw := sqliteDB(t, db)
	defer raw.Close()
	var integrity string
	if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check: %q %v", integrity, err)
	}
	var half int
	var example string
	err := raw.QueryRow(`SELECT count(*), coalesce(min(id), '') FROM records r WHERE body = ''
		OR NOT EXISTS (SELECT 1 FROM originals o WHERE o.checksum = r.checksum)
		OR NOT EXISTS (SELECT 1 FROM files f WHERE f.path = r.path AND f.checksum = r.checksum)
		OR (SELECT count(*) FROM sources s WHERE s.rid = r.rid) <> json_array_length(r.doc, '$.sources')
		OR json_array_length(r.doc, '$.sources') = 0`).Scan(&half, &example)
	if err != nil || half != 0 {
		t.Fatalf("%d half-written records (%s), %v", half, example, err)
	}
	var orphans int
	if err := raw.QueryRow(`SELECT count(*) FROM files f WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.path = f.path)`).Scan(&orphans); err != nil || orphans != 0 {
		t.Fatalf("%d files stored without their records, %v", orphans, err)
	}
	raw.Close()
	if want >= 0 && records != want {
		t.Fatalf("%d records, want %d", records, want)
	}
	out, code := fondBin(t, bin, db, "verify")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d records checked, %d index entries: all sound", records, records)) {
		t.Fatalf("verify: exit %d\n%s", code, out)
	}
}

func fondBin(t *testing.T, bin, db string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return string(out), cmd.ProcessState.ExitCode()
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("$%s=%q is not a positive number", name, v)
	}
	return n
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
