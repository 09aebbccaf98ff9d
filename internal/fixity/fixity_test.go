package fixity

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"fond/internal/metrics"
	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// archive is a SQLite store of n originals, 100 bytes each, the seventh of
// them changed behind the store's back (one byte, in the database).
func archive(t *testing.T, n int) *sqlite.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fond.db")
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i := range n {
		data := []byte(fmt.Sprintf("%-100s", fmt.Sprintf("letter %d", i)))
		sum := sha256.Sum256(data)
		r := record.Record{ID: fmt.Sprintf("%016x", i+1), Title: "Letter", Type: "Letter", Category: record.Primary, Body: "Text."}
		if _, err := st.PutFile(context.Background(), store.File{Path: fmt.Sprintf("/in/%02d.txt", i), Format: "text", Records: []record.Record{r},
			Original: store.Original{Checksum: "sha256:" + hex.EncodeToString(sum[:]), Name: fmt.Sprintf("%02d.txt", i), Data: data}}); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE originals SET data = ? WHERE name = ?`, []byte(fmt.Sprintf("%-100s", "letter 6!")), "06.txt"); err != nil {
		t.Fatal(err)
	}
	return st
}

// A pass names the damaged original once in the audit log however often it
// is found, counts every original and byte in the metrics, and is held to
// its rate: the waits it asks for, with the time it spent, are at least the
// bytes over the rate.
func TestPassFindsDamageAtItsRate(t *testing.T) {
	ctx := context.Background()
	const n, rate = 20, 300 // 2,000 bytes at 300 bytes/s: 6.7 s at least
	st := archive(t, n)
	m := metrics.New(nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	var waited time.Duration
	c := &Checker{Store: st, Audit: st.Audit, Rate: rate, Metrics: m, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		sleep: func(ctx context.Context, d time.Duration) error { waited += max(d, 0); return ctx.Err() }}
	for pass := 1; pass <= 2; pass++ {
		start := time.Now()
		waited = 0
		if err := c.Pass(ctx); err != nil {
			t.Fatal(err)
		}
		if least := time.Duration(n * 100 * int64(time.Second) / rate); waited+time.Since(start) < least {
			t.Errorf("pass %d took %s with its waits, less than %s: over its rate", pass, waited+time.Since(start), least)
		}
		if got := testutil.ToFloat64(m.FixityProblems); got != float64(pass) {
			t.Errorf("after pass %d, %v problems counted", pass, got)
		}
	}
	if got := testutil.ToFloat64(m.FixityOriginals); got != 2*n {
		t.Errorf("%v originals checked, want %d", got, 2*n)
	}
	if got := testutil.ToFloat64(m.FixityBytes); got != 2*n*100 {
		t.Errorf("%v bytes checked, want %d", got, 2*n*100)
	}
	if testutil.ToFloat64(m.FixityDamaged) != 1 || testutil.ToFloat64(m.FixityPasses) != 2 || testutil.ToFloat64(m.FixityLastPass) == 0 {
		t.Errorf("damaged %v, passes %v, last pass %v", testutil.ToFloat64(m.FixityDamaged), testutil.ToFloat64(m.FixityPasses), testutil.ToFloat64(m.FixityLastPass))
	}
	damaged, err := st.AuditLog(ctx, store.AuditQuery{Limit: 10, Action: AuditDamaged})
	if err != nil {
		t.Fatal(err)
	}
	if len(damaged) != 1 || !strings.HasPrefix(damaged[0].Detail, "06.txt: ") || !strings.HasPrefix(damaged[0].Target, "sha256:") || damaged[0].Actor != Actor {
		t.Errorf("audit log of damage: %+v; want one entry naming 06.txt", damaged)
	}
	passes, err := st.AuditLog(ctx, store.AuditQuery{Limit: 10, Action: AuditPass})
	if err != nil {
		t.Fatal(err)
	}
	if len(passes) != 2 || !strings.Contains(passes[0].Detail, "20 originals, 2000 bytes") || !strings.HasSuffix(passes[0].Detail, "; 1 problems") {
		t.Errorf("audit log of passes: %+v", passes)
	}
}

// Run waits Every between the starts of passes, stops when its context ends,
// and refuses a rate that is no rate.
func TestRunStopsAndRefusesNoRate(t *testing.T) {
	st := archive(t, 3)
	if err := (&Checker{Store: st, Audit: st.Audit}).Run(context.Background()); err == nil {
		t.Error("a rate of 0 was accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var waits []time.Duration
	c := &Checker{Store: st, Audit: st.Audit, Rate: 1 << 30, Every: time.Hour, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		sleep: func(ctx context.Context, d time.Duration) error {
			waits = append(waits, d)
			if d > time.Minute { // the pause between passes: end here
				cancel()
			}
			return ctx.Err()
		}}
	if err := c.Run(ctx); err != nil {
		t.Fatalf("Run ended with %v when its context ended", err)
	}
	if len(waits) == 0 || waits[len(waits)-1] < 59*time.Minute {
		t.Errorf("waits %v: want the pass's, then about an hour before the next", waits)
	}
}
