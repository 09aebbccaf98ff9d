package main

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

//go:embed xapian_worker.py
var xapianWorker []byte

// xapianPython is Debian's interpreter, which python3-xapian installs into
// (a python3 earlier on PATH, from pyenv say, may not have the module).
const xapianPython = "/usr/bin/python3"

// xapianCommitEvery is documents per Xapian commit while indexing (-xapian-commit);
// 0 leaves it to Xapian, which flushes every 10,000 documents. 100 (the default)
// was faster in paired runs and is durable per file, as fond (docs/decisions.md).
var xapianCommitEvery int

// xapianEngine is Xapian 1.4 through its Python bindings (Debian's
// python3-xapian): a worker process (xapian_worker.py) indexes with
// TermGenerator (original Porter stemmer, fond's field weights as
// within-document frequencies, positions for phrases) and answers with
// Enquire and BM25, exact totals, snippets from the document data and, for
// facet_date, a value-range filter and two ValueCountMatchSpy facets.
type xapianEngine struct {
	dir, script string
	worker      *exec.Cmd
	done        chan error
	in          io.WriteCloser
	out         *bufio.Reader
	started     time.Time
	first       time.Duration
	peak        int64
}

// xapianDoc is a document as the worker reads it.
type xapianDoc struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Summary  string `json:"summary"`
	Body     string `json:"body"`
	People   string `json:"people"`
	Places   string `json:"places"`
	Archive  string `json:"archive"`
	Type     string `json:"type"`
	Year     string `json:"year"`
	Earliest string `json:"earliest"`
	Latest   string `json:"latest"`
}

func toXapian(d Doc) xapianDoc {
	return xapianDoc{ID: d.ID, Title: d.Title, Summary: d.Summary, Body: d.Body, People: strings.Join(d.names(), "\n"),
		Places: d.Place, Archive: d.archiveText(), Type: d.Type, Year: d.year(),
		Earliest: sphinxDay(d.Earliest), Latest: sphinxDay(d.Latest)}
}

func openXapian(ctx context.Context, dir string) (*xapianEngine, error) {
	return openXapianIn(ctx, dir, "index")
}

// openXapianIn starts the worker in mode ("index", or "kiindex" for the
// known-item evaluation's fields).
func openXapianIn(ctx context.Context, dir, mode string) (*xapianEngine, error) {
	if err := exec.Command(xapianPython, "-c", "import xapian").Run(); err != nil {
		return nil, fmt.Errorf("xapian: %s cannot import xapian (Debian package python3-xapian; bench/search.sh installs it): %w", xapianPython, err)
	}
	e := &xapianEngine{dir: dir, script: filepath.Join(dir, "xapian_worker.py")}
	if err := os.WriteFile(e.script, xapianWorker, 0o644); err != nil {
		return nil, fmt.Errorf("xapian: %w", err)
	}
	return e, e.start(ctx, mode)
}

func (e *xapianEngine) db() string { return filepath.Join(e.dir, "db") }

// start runs the worker in mode (index or serve).
func (e *xapianEngine) start(ctx context.Context, mode string) error {
	args := []string{e.script, mode, e.db()}
	if mode == "index" {
		args = append(args, strconv.Itoa(xapianCommitEvery))
	}
	cmd := exec.CommandContext(ctx, xapianPython, args...)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("xapian: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("xapian: %w", err)
	}
	e.started = time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("xapian: %w", err)
	}
	e.worker, e.in, e.out = cmd, in, bufio.NewReader(out)
	e.done = make(chan error, 1)
	go func() { e.done <- cmd.Wait() }()
	return nil
}

// call sends one message and reads the worker's one-line answer into reply.
func (e *xapianEngine) call(msg any, reply any) error {
	data, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	if _, err := e.in.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("xapian: worker: %w", err)
	}
	line, err := e.out.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("xapian: worker answered nothing: %w", err)
	}
	if err := json.Unmarshal(line, reply); err != nil {
		return fmt.Errorf("xapian: worker answered %q: %w", bytes.TrimSpace(line), err)
	}
	return nil
}

func (e *xapianEngine) add(ctx context.Context, docs []Doc) error {
	for len(docs) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(batchSize, len(docs))
		batch := make([]xapianDoc, n)
		for i, d := range docs[:n] {
			batch[i] = toXapian(d)
		}
		var ok struct{ OK bool }
		if err := e.call(map[string]any{"docs": batch}, &ok); err != nil {
			return err
		}
		docs = docs[n:]
	}
	return nil
}

func (e *xapianEngine) finish(context.Context) error {
	var ok struct{ OK bool }
	if err := e.call(map[string]string{"op": "close"}, &ok); err != nil {
		return err
	}
	return e.stop()
}

// stop ends the worker (closing its input ends its loop) and keeps its peak RSS.
func (e *xapianEngine) stop() error {
	if e.worker == nil {
		return nil
	}
	e.in.Close()
	err := <-e.done
	e.peak = max(e.peak, maxRSS(e.worker.ProcessState))
	e.worker = nil
	if err != nil {
		return fmt.Errorf("xapian: worker: %w", err)
	}
	return nil
}

func (e *xapianEngine) reopen(ctx context.Context) error { return e.start(ctx, "serve") }

func (e *xapianEngine) query(_ context.Context, q Query) (int, error) {
	var r struct{ Total int }
	if err := e.call(map[string]Query{"q": q}, &r); err != nil {
		return 0, err
	}
	if e.first == 0 {
		e.first = time.Since(e.started)
	}
	return r.Total, nil
}

func (e *xapianEngine) serverStats(context.Context, []Query) (time.Duration, int64, error) {
	if e.worker == nil || e.first == 0 {
		return 0, 0, errNotMeasured
	}
	return e.first, procField(e.worker.Process.Pid, "RssAnon"), nil
}

// addOne runs a fresh worker that opens the database, adds d and commits, as
// a one-document update script would; the serving worker (a reader) sees it
// when it reopens.
func (e *xapianEngine) addOne(ctx context.Context, d Doc, _ string) (time.Duration, int64, error) {
	data, err := json.Marshal(toXapian(d))
	if err != nil {
		return 0, 0, err
	}
	cmd := exec.CommandContext(ctx, xapianPython, e.script, "addone", e.db())
	cmd.Stdin, cmd.Stderr = bytes.NewReader(data), os.Stderr
	return runWritten(cmd)
}

func (e *xapianEngine) peakRSS() int64 { return e.peak }

func (e *xapianEngine) close() error { return e.stop() }
