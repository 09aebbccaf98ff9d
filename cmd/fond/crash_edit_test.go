package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"fond/internal/testutil"
	"fond/internal/webclient"
)

// A server killed (SIGKILL) while editors publish and unpublish through it
// leaves a sound archive: SQLite's integrity check and fond verify pass,
// every record is published or a draft, as its last audit entry says, and a
// server started afterwards shows readers exactly the published ones, in its
// search index too.
//
//	FOND_CRASH_EDIT_ROUNDS=20 go test ./cmd/fond -run TestCrashWhileEditing -v
func TestCrashWhileEditing(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	rounds := envInt(t, "FOND_CRASH_EDIT_ROUNDS", 3)
	rng := rand.New(rand.NewPCG(uint64(envInt(t, "FOND_CRASH_SEED", 21)), 2))
	dir := t.TempDir()
	bin := filepath.Join(dir, "fond")
	testutil.GoBuild(t, ".", bin)
	db := filepath.Join(dir, "fond.db")
	writeLetters(t, filepath.Join(dir, "in"), 40, 9)
	if out, code := fondBin(t, bin, db, "ingest", filepath.Join(dir, "in")); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	add := exec.Command(bin, "--db", db, "users", "add", "ed", "--role", "editor")
	add.Stdin = strings.NewReader(staffPassword + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("users add: %v %s", err, out)
	}
	var ids []string
	if err := sqliteDB(t, db).QueryRow(`SELECT json_group_array(id) FROM records`).Scan(jsonInto(&ids)); err != nil || len(ids) != 40 {
		t.Fatalf("ids: %v %v", ids, err)
	}

	for round := range rounds {
		addr := freeAddr(t)
		cmd := exec.Command(bin, "--db", db, "serve", "--addr", addr, "--fixity-rate", "0", "--iiif-cache", t.TempDir())
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		c := signedIn(t, "http://"+addr)
		var edits atomic.Int64
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for e := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(uint64(round), uint64(e)))
				for {
					select {
					case <-stop:
						return
					default:
					}
					action := []string{"publish", "unpublish"}[r.IntN(2)]
					if code, _ := c.Post(context.Background(), "http://"+addr+"/documents/"+ids[r.IntN(len(ids))]+"/"+action, nil); code == http.StatusSeeOther {
						edits.Add(1)
					}
				}
			}()
		}
		time.Sleep(time.Duration(100+rng.IntN(900)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		close(stop)
		wg.Wait()
		t.Logf("round %d: server killed after %d edits", round, edits.Load())
		if edits.Load() == 0 {
			t.Fatalf("round %d: no edit went through before the kill", round)
		}
		checkArchive(t, bin, db, len(ids), len(ids))
		published := checkStatuses(t, db)
		checkReaders(t, bin, db, ids, published)
		// A change and its audit entry are one transaction: every record's
		// status is what its last entry says (published when it has none).
		var unaudited int
		if err := sqliteDB(t, db).QueryRow(`SELECT count(*) FROM records r WHERE r.status <> coalesce((SELECT CASE a.action WHEN 'publish' THEN 'published' ELSE 'draft' END
			FROM audit a WHERE a.target = r.id AND a.action IN ('publish', 'unpublish') ORDER BY a.seq DESC LIMIT 1), 'published')`).Scan(&unaudited); err != nil || unaudited != 0 {
			t.Errorf("round %d: %d records whose status is not what their last audit entry says (%v)", round, unaudited, err)
		}
	}
}

const staffPassword = "a password for the crash test"

// jsonInto scans a JSON text into v.
type jsonScanner struct{ v any }

func jsonInto(v any) *jsonScanner { return &jsonScanner{v} }

func (j *jsonScanner) Scan(src any) error {
	s, ok := src.(string)
	if !ok {
		return fmt.Errorf("not text: %T", src)
	}
	return json.Unmarshal([]byte(s), j.v)
}

// signedIn waits for the server at base and signs the editor in.
func signedIn(t *testing.T, base string) *webclient.Client {
	t.Helper()
	c := webclient.New(10 * time.Second)
	var err error
	for i := 0; i < 400; i++ {
		if err = c.SignIn(context.Background(), base, "ed", staffPassword); err == nil {
			return c
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("sign-in at %s: %v", base, err)
	return nil
}

// checkStatuses asserts every record is published or a draft and returns
// the published ones.
func checkStatuses(t *testing.T, db string) map[string]bool {
	t.Helper()
	rows, err := sqliteDB(t, db).Query(`SELECT id, status FROM records`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	published := map[string]bool{}
	for rows.Next() {
		var id, status string
		if err := rows.Scan(&id, &status); err != nil {
			t.Fatal(err)
		}
		switch status {
		case "published":
			published[id] = true
		case "draft":
		default:
			t.Errorf("record %s has the status %q after the crash", id, status)
		}
	}
	return published
}

// checkReaders starts a server on the crashed archive and asks it, as an
// anonymous reader, for each record and for a search that finds them all:
// exactly the published ones are shown.
func checkReaders(t *testing.T, bin, db string, ids []string, published map[string]bool) {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(bin, "--db", db, "serve", "--addr", addr, "--fixity-rate", "0", "--iiif-cache", t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	base := "http://" + addr
	var body string
	var err error
	for i := 0; i < 400; i++ {
		if body, err = getBody(base + "/api/search?match=all&limit=1000&q=Comrade"); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	var res struct {
		Total int `json:"total"`
	}
	if err != nil || json.Unmarshal([]byte(body), &res) != nil || res.Total != len(published) {
		t.Errorf("an anonymous search finds %d records (%v), %d are published", res.Total, err, len(published))
	}
	for _, id := range ids {
		resp, err := http.Get(base + "/api/documents/" + id)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if want := map[bool]int{true: 200, false: 404}[published[id]]; resp.StatusCode != want {
			t.Errorf("record %s (published %v): %d to a reader", id, published[id], resp.StatusCode)
		}
	}
}

func getBody(u string) (string, error) {
	resp, err := http.Get(u)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
