// Command fondbench measures fond's ingest and search against Bleve, a bare
// SQLite FTS5 table, Sphinx and Xapian on the same generated documents and the
// same queries. Each
// engine runs in its own child process so that peak memory is its own. It is a
// separate main package so Bleve never links into the fond binary.
//
//	fondbench -docs 10000 [-queries 200] [-seed 1] [-engines fond,bleve,fts5,sphinx,xapian] [-dir DIR] [-corpus DIR] [-fond PATH] [-clients 8]
//
// One JSON object goes to stdout; progress goes to stderr.
//
//	fondbench -eval knownitem [-engines fond,bleve,fts5,sphinx,xapian] [-queries 100] [-seed 1] [-volumes a.xml,b.xml] [-out report.json]
//
// runs the known-item evaluation on the FRUS volumes in -corpus instead: the
// JSON report goes to -out, a markdown table of it to stdout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"fond/internal/testutil"
)

type options struct {
	docs, queries int
	seed          uint64
	engines       []string
	dir, corpus   string
	counts        bool
	clients       int
	// child mode: run one engine and print its result.
	child     bool
	engine    string
	model     string
	queryOnly bool
	// serveMemMB: with it, fond serve answers the query list again inside a
	// memory cgroup of this many MB (memlimit.go)
	serveMemMB int64
	// known-item evaluation
	eval    string
	volumes []string
	out     string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "fondbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if o.child {
		return runChild(ctx, o, stdout, stderr)
	}
	if o.eval == "knownitem" {
		return runKnownItemCmd(ctx, o, stdout, stderr)
	}
	return runParent(ctx, o, stdout, stderr)
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("fondbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.docs, "docs", 10000, "number of documents to generate")
	fs.IntVar(&o.queries, "queries", 200, "queries per class")
	fs.Uint64Var(&o.seed, "seed", 1, "seed for documents and queries")
	engines := fs.String("engines", strings.Join(engineNames, ","), "engines to run, comma-separated")
	fs.StringVar(&o.dir, "dir", "", "work directory (default: a temporary one, removed at the end)")
	fs.StringVar(&o.corpus, "corpus", defaultCorpus(), "FRUS TEI directory to train the text model on (empty: built-in vocabulary)")
	fs.BoolVar(&o.counts, "counts", false, "include every query's hit count in the output")
	fs.IntVar(&o.clients, "clients", 0, "after the timed queries, searches per second over the query list with 1 and with this many concurrent clients (fond engines; 0: not measured)")
	fs.IntVar(&xapianCommitEvery, "xapian-commit", batchSize, "documents per Xapian commit while indexing (0: Xapian's own flush every 10,000)")
	fs.Int64Var(&o.serveMemMB, "serve-memory-mb", 0, "after the server measures, run the query list against fond serve inside a memory cgroup of this many MB and compare its totals (0: not run)")
	fs.Int64Var(&fondMemoryLimitMB, "fond-memory-limit-mb", fondMemoryLimitMB, "fond's --memory-limit-mb for its ingest and server, and for the fond engines of this benchmark's own process (0: none)")
	fs.Int64Var(&fondMergeMaxMB, "fond-merge-max-mb", 0, "fond's --index-merge-max-mb for its ingest and server (0: fond's default)")
	fs.StringVar(&fondBinary, "fond", besideSelf("fond"), "the fond command, for the server measures (fond serve, fond ingest of one file); empty: not measured")
	fs.BoolVar(&o.child, "child", false, "internal: run one engine (-engine) and print its JSON")
	fs.StringVar(&o.engine, "engine", "", "internal: the engine a child runs")
	fs.StringVar(&o.model, "model", "", "internal: the saved text model a child loads")
	fs.BoolVar(&o.queryOnly, "query-only", false, "with -child: reuse the index in -dir and only run the queries (to profile them)")
	fs.StringVar(&o.eval, "eval", "", `"knownitem": run the known-item evaluation on the FRUS volumes in -corpus`)
	volumes := fs.String("volumes", "", "with -eval: the volume files of -corpus to use, comma-separated (default: all)")
	fs.StringVar(&o.out, "out", "knownitem.json", "with -eval: where the JSON report goes")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.eval != "" && o.eval != "knownitem" {
		return o, fmt.Errorf("-eval %q: the only evaluation is knownitem", o.eval)
	}
	// A known-item query costs more to check by hand than a benchmark query,
	// and 100 a form already gives a success rate to within a few points.
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "queries" })
	if o.eval != "" && !set {
		o.queries = 100
	}
	for _, v := range strings.Split(*volumes, ",") {
		if v = strings.TrimSpace(v); v != "" {
			o.volumes = append(o.volumes, v)
		}
	}
	if o.serveMemMB < 0 {
		return o, errors.New("-serve-memory-mb must be 0 or more")
	}
	if fondMemoryLimitMB < 0 {
		return o, errors.New("-fond-memory-limit-mb must be 0 or more")
	}
	if fondMergeMaxMB < 0 {
		return o, errors.New("-fond-merge-max-mb must be 0 or more")
	}
	if xapianCommitEvery < 0 {
		return o, errors.New("-xapian-commit must be 0 or more")
	}
	if o.docs <= 0 || o.queries <= 0 {
		return o, errors.New("-docs and -queries must be positive")
	}
	for _, e := range strings.Split(*engines, ",") {
		if e = strings.TrimSpace(e); e != "" {
			o.engines = append(o.engines, e)
		}
	}
	if o.child {
		return o, checkClients(o.clients, []string{o.engine})
	}
	return o, checkClients(o.clients, o.engines)
}

// besideSelf is the path of name in this binary's folder when there (as
// bench/search.sh builds fond and fondbench together), else "".
func besideSelf(name string) string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	p := filepath.Join(filepath.Dir(exe), name)
	if fi, err := os.Stat(p); err != nil || fi.IsDir() {
		return ""
	}
	return p
}

// defaultCorpus is ../shared/corpus/frus beside the repository root, when there.
func defaultCorpus() string {
	root, err := testutil.Root()
	if err != nil {
		return ""
	}
	c := filepath.Join(root, "..", "shared", "corpus", "frus")
	if fi, err := os.Stat(c); err == nil && fi.IsDir() {
		return filepath.Clean(c)
	}
	return ""
}

func runKnownItemCmd(ctx context.Context, o options, stdout, stderr io.Writer) error {
	dir := o.dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "fondbench-ki-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	rep, err := runKnownItem(ctx, kiOptions{corpus: o.corpus, volumes: o.volumes, engines: o.engines,
		perForm: o.queries, seed: o.seed, dir: dir}, stderr)
	if err != nil {
		return err
	}
	if err := writeKIReport(o.out, rep); err != nil {
		return err
	}
	rep.Markdown(stdout)
	return nil
}
