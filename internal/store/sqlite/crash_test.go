package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fond/internal/index"
	"fond/internal/record"
)

// TestIndexSurvivesKill: a process killed (SIGKILL) while it writes a new
// segment of its index leaves a file that opens at the last segment it
// finished, and the next process catches up from the change log: every
// record committed before the kill is found, and no other.
func TestIndexSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for some seconds; not in -short")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "fond.db")
	var committed []string
	midWrite := 0
	const rounds = 4
	for round := range rounds {
		ids, tmp := crashChild(t, db, round)
		committed = append(committed, ids...)
		if tmp {
			midWrite++
		}
		if fi, err := os.Stat(db + "-index"); err == nil && fi.Size() > 0 {
			ix, err := index.Open(db+"-index", index.Options{})
			if err != nil {
				t.Fatalf("round %d: the index file left by a killed process does not open: %v", round, err)
			}
			ix.Close()
		}
	}
	if midWrite == 0 {
		t.Errorf("no child of %d was killed while writing a segment", rounds)
	}
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	var records int
	err = raw.QueryRow(`SELECT count(*) FROM records`).Scan(&records)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	s := open(t, db)
	defer s.Close()
	if n := total(t, s, "crashword"); n != records || records < len(committed) {
		t.Errorf("after the kills: %d found, %d records, %d reported committed", n, records, len(committed))
	}
	for _, id := range committed {
		if n := total(t, s, "id:"+id); n != 1 {
			t.Errorf("record %s, committed before a kill, found %d times", id, n)
		}
	}
	t.Logf("%d records over %d kills, %d of them while a segment was being written", records, rounds, midWrite)
}

// crashChild runs TestCrashChild on db until it has committed a few records
// and is writing a segment (a temporary file beside the index), then kills
// it. It returns the records the child reported committed, and whether a
// segment was being written when it died.
func crashChild(t *testing.T, db string, round int) ([]string, bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "FOND_CRASH_CHILD="+db, fmt.Sprintf("FOND_CRASH_ROUND=%d", round))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var ids []string
	deadline := time.After(20 * time.Second)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	tmp := false
wait:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				break wait
			}
			if id, found := strings.CutPrefix(l, "committed "); found {
				ids = append(ids, id)
			}
		case <-tick.C:
			if len(ids) < 20+10*round {
				continue
			}
			if m, _ := filepath.Glob(db + "-index.*.tmp"); len(m) > 0 {
				tmp = true
				break wait
			}
		case <-deadline:
			break wait
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	for l := range lines { // what it printed before it died
		if id, found := strings.CutPrefix(l, "committed "); found {
			ids = append(ids, id)
		}
	}
	cmd.Wait()
	if len(ids) == 0 {
		t.Fatalf("round %d: the child committed nothing", round)
	}
	return ids, tmp
}

// TestCrashChild is TestIndexSurvivesKill's child: it stores records, one a
// transaction, with the index loaded and merging after every change, until
// it is killed.
func TestCrashChild(t *testing.T) {
	db := os.Getenv("FOND_CRASH_CHILD")
	if db == "" {
		t.Skip("run by TestIndexSurvivesKill as its child process")
	}
	round := os.Getenv("FOND_CRASH_ROUND")
	s := open(t, db)
	s.SetIndexOptions(index.Options{MergeBytes: 1, SaveDocs: 1})
	if err := s.LoadIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	filler := strings.Repeat("the minister replied to the telegram about the loan and the railway ", 30)
	for i := 0; ; i++ {
		id := fmt.Sprintf("c%sn%d", round, i)
		put(t, s, "/in/"+id+".txt", "sha256:"+id, record.Record{ID: id, Title: "Crash " + id, Body: "crashword " + id + " " + filler})
		fmt.Println("committed", id)
	}
}
