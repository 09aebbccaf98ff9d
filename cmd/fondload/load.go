package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fond/internal/webclient"
)

// loader is one run's shared state.
type loader struct {
	cfg      Config
	log      io.Writer
	client   *http.Client
	servers  []*server
	readIDs  []string // records readers open (never edited)
	editIDs  []string
	requests atomic.Int64
	deadline time.Time
	writing  atomic.Bool // the ingest and the editor are still at work
}

// Run runs the load test that cfg describes and reports what it measured.
// An error means the test could not run; what it found wrong is in the report.
func Run(ctx context.Context, cfg Config, log io.Writer) (*Report, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	l := &loader{cfg: cfg, log: log, client: &http.Client{Timeout: 30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Readers + 2}}}
	rep := &Report{Config: cfg}

	fmt.Fprintf(log, "fondload: writing %d + %d×%d letters\n", cfg.Initial, cfg.Batches, cfg.BatchSize)
	if err := writeMemos(filepath.Join(cfg.Dir, "in", "0"), 0, cfg.Initial, cfg.Seed); err != nil {
		return nil, err
	}
	for b := 1; b <= cfg.Batches; b++ {
		if err := writeMemos(filepath.Join(cfg.Dir, "in", strconv.Itoa(b)), b, cfg.BatchSize, cfg.Seed); err != nil {
			return nil, err
		}
	}
	start := time.Now()
	if _, err := l.fond(ctx, "ingest", filepath.Join(cfg.Dir, "in", "0")); err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "fondload: initial ingest in %s\n", time.Since(start).Round(time.Millisecond))
	ids, err := l.ids(ctx)
	if err != nil {
		return nil, err
	}
	if len(ids) != cfg.Initial {
		return nil, fmt.Errorf("the initial ingest stored %d records of %d letters", len(ids), cfg.Initial)
	}
	l.editIDs, l.readIDs = ids[:cfg.Edits], ids[cfg.Edits:]
	if _, err := l.fondWith(ctx, editorPassword+"\n", "users", "add", "editor", "--role", "editor"); err != nil {
		return nil, err
	}

	for i := range cfg.Servers {
		s, err := l.start(i)
		if err != nil {
			return nil, err
		}
		l.servers = append(l.servers, s)
	}
	defer func() {
		for _, s := range l.servers {
			if err := s.stop(); err != nil {
				rep.Shutdown = append(rep.Shutdown, err.Error())
			}
		}
	}()
	for _, s := range l.servers {
		if err := s.ready(ctx, l.client); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(log, "fondload: %d servers ready; %d readers for at least %s\n", cfg.Servers, cfg.Readers, cfg.Duration)

	start = time.Now()
	l.deadline = start.Add(cfg.Duration)
	l.writing.Store(true)
	var wg sync.WaitGroup
	samples := make([][]sample, cfg.Readers)
	for i := range cfg.Readers {
		wg.Add(1)
		go func() { defer wg.Done(); samples[i] = l.reader(ctx, i) }()
	}
	var edits atomic.Int64
	editorDone := make(chan error, 1)
	editCtx, stopEditing := context.WithCancel(ctx)
	// Signed in before the ingest starts: an ingest quicker than a password
	// check (argon2id, on the server) would otherwise end the editor's
	// context while it signs in.
	editor, err := l.signIn(ctx)
	if err != nil {
		stopEditing()
		l.writing.Store(false)
		wg.Wait()
		return nil, err
	}
	go func() { editorDone <- l.editor(editCtx, editor, &edits) }()
	ingestStart := time.Now()
	ingestErr := l.ingestBatches(ctx)
	rep.IngestTime = time.Since(ingestStart)
	stopEditing()
	editErr := <-editorDone
	writersDone := time.Now()
	l.writing.Store(false)
	rep.Edits = int(edits.Load())
	if err := errors.Join(ingestErr, editErr); err != nil {
		wg.Wait()
		return nil, err
	}
	fmt.Fprintf(log, "fondload: writers done after %s (%d edits); waiting for the servers to agree\n", rep.IngestTime.Round(time.Millisecond), rep.Edits)
	rep.Records = cfg.Initial + cfg.Batches*cfg.BatchSize
	rep.Converged, rep.ConvergeDelay, rep.Disagreement = l.converge(ctx, writersDone, rep.Records)
	wg.Wait()
	rep.Elapsed = time.Since(start)
	rep.add(samples)
	for _, s := range l.servers {
		n, err := s.rejected(l.client)
		if err != nil {
			return nil, fmt.Errorf("metrics of %s: %w", s.addr, err)
		}
		rep.Rejected += n
	}
	return rep, nil
}

// ids lists the stored records' ids, in the store's order.
func (l *loader) ids(ctx context.Context) ([]string, error) {
	out, err := l.fond(ctx, "list", "--json")
	if err != nil {
		return nil, err
	}
	var recs []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out[:strings.LastIndexByte(out, ']')+1])), &recs); err != nil {
		return nil, fmt.Errorf("fond list --json: %w", err)
	}
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.ID
	}
	return ids, nil
}

// ingestBatches ingests each batch folder in turn, as another process would.
func (l *loader) ingestBatches(ctx context.Context) error {
	for b := 1; b <= l.cfg.Batches; b++ {
		if _, err := l.fond(ctx, "ingest", filepath.Join(l.cfg.Dir, "in", strconv.Itoa(b))); err != nil {
			return err
		}
	}
	return nil
}

// editorPassword is the load test's editor's, in its own throwaway schema.
const editorPassword = "fondload editor password"

// signIn signs the editor in on the first server (the session and its token
// are stored in the database, so one sign-in serves on all).
func (l *loader) signIn(ctx context.Context) (*webclient.Client, error) {
	c := webclient.New(30 * time.Second)
	if len(l.editIDs) == 0 {
		return c, nil
	}
	if err := c.SignIn(ctx, "http://"+l.servers[0].addr, "editor", editorPassword); err != nil {
		return nil, fmt.Errorf("editor: %w", err)
	}
	return c, nil
}

// editor, signed in as c, unpublishes and publishes its records through the
// web forms until ctx ends, each on the next server in turn; then it leaves
// them published. Every form must answer 303.
func (l *loader) editor(ctx context.Context, c *webclient.Client, edits *atomic.Int64) error {
	if len(l.editIDs) == 0 {
		return nil
	}
	post := func(i int, id, action string) error {
		u := "http://" + l.servers[i%len(l.servers)].addr + "/documents/" + id + "/" + action
		code, err := c.Post(context.Background(), u, nil)
		if err == nil && code != http.StatusSeeOther {
			err = fmt.Errorf("status %d", code)
		}
		if err != nil {
			return fmt.Errorf("editor: POST %s: %w", u, err)
		}
		edits.Add(1)
		return nil
	}
	i := 0
	for ; ctx.Err() == nil; i++ {
		id := l.editIDs[i%len(l.editIDs)]
		if err := post(i, id, "unpublish"); err != nil {
			return err
		}
		if err := post(i+1, id, "publish"); err != nil {
			return err
		}
	}
	for _, id := range l.editIDs {
		if err := post(i, id, "publish"); err != nil {
			return err
		}
	}
	return nil
}

// A reader's request kinds, and how often each is chosen (of 20).
var kinds = []struct {
	name   string
	weight int
}{{"search page", 6}, {"API search", 4}, {"document page", 6}, {"OAI-PMH page", 4}}

// sample is one request's kind, time and outcome ("" when it succeeded).
type sample struct {
	kind int
	took time.Duration
	err  string
}

var resumption = regexp.MustCompile(`<resumptionToken[^>]*>([^<]+)</resumptionToken>`)

// reader sends requests to its server (readers are spread evenly, so no
// server gets more at once than its limits allow) until the time is up and
// the writers are done, or the request bound is reached.
func (l *loader) reader(ctx context.Context, i int) []sample {
	srv := l.servers[i%len(l.servers)]
	rng := rand.New(rand.NewPCG(l.cfg.Seed, uint64(1000+i)))
	var out []sample
	token := ""
	for ctx.Err() == nil && (time.Now().Before(l.deadline) || l.writing.Load()) {
		if l.requests.Add(1) > int64(l.cfg.MaxRequests) {
			break
		}
		k, n := 0, rng.IntN(20)
		for n >= kinds[k].weight {
			n -= kinds[k].weight
			k++
		}
		var path string
		switch k {
		case 0:
			path = "/search?q=" + url.QueryEscape(searchWords[rng.IntN(len(searchWords))])
		case 1:
			path = "/api/search?q=" + url.QueryEscape(searchWords[rng.IntN(len(searchWords))]+" "+searchWords[rng.IntN(len(searchWords))])
		case 2:
			path = "/documents/" + l.readIDs[rng.IntN(len(l.readIDs))]
		case 3:
			path = "/oai?verb=ListRecords&metadataPrefix=oai_dc"
			if token != "" {
				path = "/oai?verb=ListRecords&resumptionToken=" + url.QueryEscape(token)
			}
		}
		t := time.Now()
		body, err := l.get(ctx, "http://"+srv.addr+path)
		s := sample{kind: k, took: time.Since(t)}
		switch {
		case err != nil:
			s.err = path + ": " + err.Error()
		case k == 1 && !json.Valid(body):
			s.err = path + ": not JSON"
		case k == 3 && strings.Contains(string(body), "<error "):
			s.err = path + ": OAI-PMH error: " + tail(string(body))
			token = ""
		case k == 3:
			token = ""
			if m := resumption.FindSubmatch(body); m != nil {
				token = string(m[1])
			}
		}
		if ctx.Err() != nil {
			break
		}
		out = append(out, s)
	}
	return out
}

// get fetches a URL; any status but 200 is an error.
func (l *loader) get(ctx context.Context, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return body, fmt.Errorf("status %d", resp.StatusCode)
	}
	return body, nil
}

// converge asks every server the same questions until they all give the
// same answers and the true counts: the archive's size, each folder's size,
// and the newest additions' ids in order. It returns how long that took
// after the writes stopped, or what still differed after three times the
// promised delay.
func (l *loader) converge(ctx context.Context, since time.Time, records int) (bool, time.Duration, string) {
	probes := []string{"/api/search?match=all&sort=-added&limit=100&q=" + commonWord}
	want := map[int]int{0: records}
	for b := 0; b <= l.cfg.Batches; b++ {
		probes = append(probes, "/api/search?match=all&limit=1&q="+marker(b))
		want[len(probes)-1] = l.cfg.BatchSize
		if b == 0 {
			want[len(probes)-1] = l.cfg.Initial
		}
	}
	var last string
	for time.Since(since) < 3*l.cfg.ConvergeWithin && ctx.Err() == nil {
		last = l.disagreement(ctx, probes, want)
		if last == "" {
			return true, time.Since(since), ""
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false, time.Since(since), last
}

// disagreement is "" when every server answers every probe alike with the
// wanted total, else what differed.
func (l *loader) disagreement(ctx context.Context, probes []string, want map[int]int) string {
	for p, probe := range probes {
		var first string
		for _, s := range l.servers {
			body, err := l.get(ctx, "http://"+s.addr+probe)
			if err != nil {
				return s.addr + probe + ": " + err.Error()
			}
			var res struct {
				Total int `json:"total"`
				Hits  []struct {
					ID string `json:"id"`
				} `json:"hits"`
			}
			if err := json.Unmarshal(body, &res); err != nil {
				return s.addr + probe + ": " + err.Error()
			}
			if res.Total != want[p] {
				return fmt.Sprintf("%s%s: %d found, %d stored", s.addr, probe, res.Total, want[p])
			}
			got := fmt.Sprint(res.Hits)
			if first == "" {
				first = got
			} else if got != first {
				return fmt.Sprintf("%s%s: other hits than the first server's", s.addr, probe)
			}
		}
	}
	return ""
}
