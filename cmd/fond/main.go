// Command fond is the archive: ingest documents, search, read and cite them, and
// serve the reading room. Run "fond help" for the subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"fond/internal/index"
	"fond/internal/memlimit"
	"fond/internal/record"
)

// command is one subcommand; run gets the arguments after its name.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

var commands = map[string]command{
	"ingest":  {"store files or folders of documents (published, or drafts with --draft): fond ingest [--json] [--replace] [--draft] [--max-file-size 64MiB] [--max-pixels N] PATH...", runIngest},
	"extract": {"show the records a file would produce, without storing: fond extract --json FILE", runExtract},
	"show":    {"print one record: fond show [--json] ID", runShow},
	"list":    {"list records in date order: fond list [--json] [--limit N] [--offset N]", runList},
	"search":  {"full-text search: fond search [--json] [--limit N] [--offset N] [--sort relevance|date|-date] [--person P] [--place P] [--type T] [--repository R] [--fond F] [--language L] [--category C] [--collection C] [--title T] [--from D] [--to D] [--dates overlap|within] [QUERY]", runSearch},
	"cite":    {"print a citation: fond cite --style chicago|bibtex|ris|csl-json [--public-url URL] ID (--json: any number of ids and styles)", runCite},
	"serve":   {"serve the reading room: fond serve [--addr 127.0.0.1:8080] [PATH...]", runServe},
	"compare": {"align two editions sentence by sentence and mark differences: fond compare [--json] ID ID", runCompare},
	"names":   {"the authority file and names in records: fond names list|show NAME|suggest NAME|mentions RECORD|confirm RECORD START AUTHORITY|reject RECORD START|learn|export [--format csv]|import FILE|add ID VARIANT|merge ID ID|split ID VARIANT NEWID", runNames},
	"eval":    {"measure extraction against TEI markup: fond eval [--json] frus|names|printed|redactions DIR; OCR of typed pages: fond eval ocr", runEval},
	"edtf":    {"check EDTF dates: validity, level, canonical form, earliest and latest day, precision: fond edtf [--json] DATE...", runEDTF},
	"backup":  {"copy an SQLite archive, consistently, while it is served and written to; never overwrites FILE: fond backup FILE (PostgreSQL: pg_dump)", runBackup},
	"export":  {"write records, their originals, JSON and TEI as a BagIt bag: fond export --bagit DIR [--collection ID] [--query Q] [--source-organization NAME]; or records' metadata as a spreadsheet: fond export --csv FILE|- [--with-body] [--status S] [--collection ID] [--bom=false] [ID...]", runExport},
	"import":  {"validate a bag written by fond export and store its records, same ids, into an empty archive: fond import --bagit DIR [--json]; or apply a spreadsheet's edited cells, one revision per record by account NAME: fond import --csv FILE --as NAME [--dry-run] [--all-or-nothing] [--note WHY] [--max-file-size 64MiB] [--max-rows 100000]", runImport},
	"verify":  {"check every stored original against its SHA-256, every record's parts, and the search index against the records; exit 1 naming what is wrong: fond verify [--json]", runVerify},
	"reindex": {"re-derive every record from its stored original: fond reindex [--json]", runReindex},

	"users":     {"staff accounts: fond users add NAME --role admin|editor|contributor | list [--json] | passwd NAME | remove NAME (passwords from standard input, or asked at a terminal)", runUsers},
	"tokens":    {"API tokens for scripts: fond tokens create ACCOUNT (printed once) | list [--json] | revoke ID", runTokens},
	"publish":   {"publish drafts: fond publish ID...", runStatus(record.Published)},
	"unpublish": {"return records to draft: fond unpublish ID...", runStatus(record.Draft)},
	"withdraw":  {"withdraw records, with the reason their addresses will show: fond withdraw --reason R ID...", runStatus(record.Withdrawn)},
	"audit":     {"the audit log, newest first: fond audit [--json] [--limit N] [--action A]", runAudit},

	"romanize": {"spell names in each romanization scheme: fond romanize [--json] [--name] [--scheme rr|mr|mr1984|alalc|bgn|scholarly|popular|pinyin|wade-giles] TEXT...", runRomanize},
}

// env carries what every subcommand shares.
type env struct {
	dbPath string
	// indexOpts are the search index file's limits (--index-merge-mb,
	// --index-save-docs).
	indexOpts index.Options
	stdout    io.Writer
	stderr    io.Writer
	log       *slog.Logger
}

// errFailed means the command reported its own failures and should exit 1.
var errFailed = errors.New("some inputs failed")

func main() {
	// SIGTERM is how service managers and orchestrators stop a server: it
	// ends like ^C, letting requests in flight finish (fond serve's shutdown).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	global := flag.NewFlagSet("fond", flag.ContinueOnError)
	global.SetOutput(stderr)
	defaultDB := os.Getenv("FOND_DB")
	if defaultDB == "" {
		defaultDB = "fond.db"
	}
	db := global.String("db", defaultDB, "database: an SQLite file, or a postgres:// URL (default $FOND_DB, else ./fond.db)")
	verbose := global.Bool("v", false, "log debug messages")
	mergeMB := global.Int64("index-merge-mb", index.DefaultMergeBytes>>20, "MB of postings the search index holds in memory before it merges them into its file")
	mergeMaxMB := global.Int64("index-merge-max-mb", index.DefaultMaxMergeBytes>>20, "MB of postings the search index's memory grows to at most before it merges, however large its file (the bound otherwise grows to a quarter of the file's postings)")
	saveDocs := global.Int("index-save-docs", index.DefaultSaveDocs, "records held in memory for which closing writes the search index's file (fewer are caught up from the change log at the next start)")
	memMB := global.Int64("memory-limit-mb", memlimit.DefaultMB, "MB of memory past which Go's collector works harder to stay under (a soft limit: 0 for none; $GOMEMLIMIT wins unless this is given)")
	global.Usage = func() {}
	if err := global.Parse(args); errors.Is(err, flag.ErrHelp) {
		usage(stdout)
		return 0
	} else if err != nil {
		usage(stderr)
		return 2
	}
	rest := global.Args()
	if len(rest) == 0 || rest[0] == "help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "fond: unknown command %q\n", rest[0])
		usage(stderr)
		return 2
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	if *mergeMB <= 0 || *mergeMaxMB <= 0 || *saveDocs <= 0 {
		fmt.Fprintln(stderr, "fond: --index-merge-mb, --index-merge-max-mb and --index-save-docs must be positive")
		return 2
	}
	memSet := false
	global.Visit(func(f *flag.Flag) { memSet = memSet || f.Name == "memory-limit-mb" })
	if _, err := memlimit.Apply(*memMB, memSet); err != nil {
		fmt.Fprintf(stderr, "fond: --memory-limit-mb: %v\n", err)
		return 2
	}
	e := &env{dbPath: *db, indexOpts: index.Options{MergeBytes: *mergeMB << 20, MaxMergeBytes: *mergeMaxMB << 20, SaveDocs: *saveDocs}, stdout: stdout, stderr: stderr, log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))}
	// Subcommands accept --db after their name too ("fond ingest --db x.db ...").
	err := cmd.run(ctx, e, rest[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errFailed):
		return 1
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "fond %s: %v\n", rest[0], err)
		return 2
	default:
		fmt.Fprintf(stderr, "fond %s: %v\n", rest[0], err)
		return 1
	}
}

var errUsage = errors.New("usage")

func usage(w io.Writer) {
	fmt.Fprintln(w, "fond: an archive of declassified historical documents")
	fmt.Fprintln(w, "\nusage: fond [--db PATH] COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nThe database (--db) is an SQLite file or a postgres:// URL; it defaults to $FOND_DB, else ./fond.db.")
}

// flags makes a subcommand's flag set with the shared --db flag.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("fond "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.dbPath, "db", e.dbPath, "database: an SQLite file, or a postgres:// URL")
	return fs
}

// parseInterspersed parses flags that may come after positional arguments
// ("fond search stalin --json"), which the flag package alone does not allow.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
		for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			pos = append(pos, args[0])
			args = args[1:]
		}
		if len(args) == 0 {
			return pos, nil
		}
	}
}
