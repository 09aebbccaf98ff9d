package main

import (
	"bufio"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// scrapeMetrics reads a /metrics answer's samples by name and labels.
func scrapeMetrics(t *testing.T, url string) (map[string]float64, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("%s: %d %s", url, resp.StatusCode, b)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out, sc.Err()
}

// While it serves, fond re-reads the originals in the background: one whose
// bytes were changed in the database is found, named in the audit log and
// counted in the metrics on --metrics-addr, with the ingest serve did at start.
func TestServeFindsDamageInBackground(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fond.db")
	writeLetters(t, filepath.Join(dir, "in"), 8, 3)
	if _, errs, code := fond(t, db, "ingest", filepath.Join(dir, "in")); code != 0 {
		t.Fatalf("ingest: exit %d %s", code, errs)
	}
	raw := sqliteDB(t, db)
	var victim string
	if err := raw.QueryRow(`SELECT name FROM originals ORDER BY name LIMIT 1`).Scan(&victim); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE originals SET data = CAST(replace(CAST(data AS TEXT), 'Letter', 'Lettex') AS BLOB) WHERE name = ?`, victim); err != nil {
		t.Fatal(err)
	}
	writeLetters(t, filepath.Join(dir, "more"), 3, 4)

	addr, ops := freeAddr(t), freeAddr(t)
	srv := serveInProcess("--db", db, "serve", "--addr", addr, "--metrics-addr", ops, "--iiif-cache", t.TempDir(),
		"--fixity-rate", "65536", "--fixity-every", "1h", filepath.Join(dir, "more"))
	defer func() {
		if code := srv.stop(t); code != 0 {
			t.Errorf("serve ended with %d: %s", code, srv.errb.String())
		}
	}()
	var m map[string]float64
	for i := 0; i < 600; i++ {
		var err error
		if m, err = scrapeMetrics(t, "http://"+ops+"/metrics"); err == nil && m["fond_fixity_passes_total"] >= 1 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if m["fond_fixity_passes_total"] < 1 {
		t.Fatalf("no fixity pass finished while serving: %v\n%s", m, srv.errb.String())
	}
	for k, want := range map[string]float64{
		"fond_fixity_damaged_originals":             1,
		"fond_fixity_originals_checked_total":       11,
		`fond_ingest_files_total{outcome="stored"}`: 3,
		"fond_records": 11,
	} {
		if m[k] != want {
			t.Errorf("%s = %v, want %v", k, m[k], want)
		}
	}
	if m[`fond_http_requests_total{code="200",route="GET /metrics"}`] < 1 {
		t.Errorf("the scrapes themselves are not counted: %v", m)
	}
	if m["fond_ingest_records_total"] < 3 {
		t.Errorf("ingest records counted: %v", m["fond_ingest_records_total"])
	}
	// The readers' address does not serve metrics to anyone.
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if resp, err := noFollow.Get("http://" + addr + "/metrics"); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("/metrics on the readers' address, anonymous: %d, want 303 to sign in", resp.StatusCode)
	}
	audit, _, code := fond(t, db, "audit", "--json", "--action", "fixity.damaged")
	if code != 0 || strings.Count(audit, "\n") != 1 || !strings.Contains(audit, victim+": stored bytes hash to sha256:") {
		t.Errorf("audit log of the damage (exit %d):\n%s", code, audit)
	}
	if !strings.Contains(srv.errb.String(), "fixity: original damaged") {
		t.Errorf("the server's log does not report the damage:\n%s", srv.errb.String())
	}
}

// The background check's flags are refused when they make no sense.
func TestFixityRateFlag(t *testing.T) {
	_, errs, code := fond(t, filepath.Join(t.TempDir(), "fond.db"), "serve", "--addr", freeAddr(t), "--fixity-rate", "-1")
	if code == 0 || !strings.Contains(errs, "--fixity-rate -1") {
		t.Errorf("a negative rate: exit %d %s", code, errs)
	}
}
