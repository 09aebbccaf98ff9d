package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/go-sql-driver/mysql" // SphinxQL speaks the MySQL protocol

	"fond/internal/index"
)

// sphinxEngine is Sphinx 2.2 (Debian's sphinxsearch) as its users run it: the
// documents written out as an xmlpipe2 stream, a plain index built by
// `indexer`, served by `searchd` and queried over SphinxQL. Bodies are kept as
// one file per document, from which searchd builds snippets itself
// (CALL SNIPPETS with load_files), as fond reads bodies from its store.
// One more document goes in as Sphinx's main+delta scheme has it: a delta
// index rebuilt by `indexer --rotate`, searched beside the main one.
type sphinxEngine struct {
	dir  string
	xml  *os.File
	w    *bufio.Writer
	n    int // documents written; a document's Sphinx id is its number from 1
	port int

	searchd     *exec.Cmd
	searchdDone chan error
	started     time.Time
	first       time.Duration
	firstOnce   sync.Once // -clients calls query from several goroutines
	db          *sql.DB
	peak        int64

	// schema heads the xmlpipe2 streams (sphinxSchema unless another
	// evaluation indexes other fields); extra is appended to sphinx.conf.
	schema, extra string
}

// sphinxSchema declares the fields (full-text) and attributes (filters,
// facets, the stored title) of the xmlpipe2 stream.
const sphinxSchema = `<?xml version="1.0" encoding="utf-8"?>
<sphinx:docset>
<sphinx:schema>
<sphinx:field name="title" attr="string"/>
<sphinx:field name="summary"/>
<sphinx:field name="body"/>
<sphinx:field name="people"/>
<sphinx:field name="places"/>
<sphinx:field name="archive"/>
<sphinx:attr name="type" type="string"/>
<sphinx:attr name="year" type="int" bits="32"/>
<sphinx:attr name="earliest" type="int" bits="32"/>
<sphinx:attr name="latest" type="int" bits="32"/>
</sphinx:schema>
`

// sphinxConns bounds the SphinxQL connections: more than the -clients the
// runs here ask (8).
const sphinxConns = 32

// sphinxRank is BM25 with fond's column weights, so ranks are comparable.
const sphinxRank = `OPTION ranker=bm25, field_weights=(title=10, summary=5, people=3, places=2)`

func openSphinx(ctx context.Context, dir string) (*sphinxEngine, error) {
	return openSphinxWith(ctx, dir, sphinxSchema, "")
}

// openSphinxWith opens Sphinx with streams headed by schema and extra
// sections (more indexes of the same source) in its configuration.
func openSphinxWith(_ context.Context, dir, schema, extra string) (*sphinxEngine, error) {
	if _, err := exec.LookPath("indexer"); err != nil {
		return nil, fmt.Errorf("sphinx: indexer not found (Debian package sphinxsearch; bench/search.sh installs it): %w", err)
	}
	e := &sphinxEngine{dir: dir, schema: schema, extra: extra}
	for _, d := range []string{"idx", "bodies"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return nil, fmt.Errorf("sphinx: %w", err)
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	e.port = port
	if err := os.WriteFile(e.path("sphinx.conf"), []byte(e.config()), 0o644); err != nil {
		return nil, fmt.Errorf("sphinx: config: %w", err)
	}
	f, err := os.Create(e.path("main.xml"))
	if err != nil {
		return nil, fmt.Errorf("sphinx: %w", err)
	}
	e.xml, e.w = f, bufio.NewWriterSize(f, 1<<20)
	e.w.WriteString(schema)
	return e, nil
}

func (e *sphinxEngine) path(name string) string { return filepath.Join(e.dir, name) }

// config writes sphinx.conf: English Porter stemming (stem_en) as fond, prefix
// search from three letters, the letters fond folds (Latin with diacritics)
// folded the same way, and searchd on a loopback port without its watchdog
// process, so the process started is the one that serves.
func (e *sphinxEngine) config() string {
	return fmt.Sprintf(`source main
{
	type = xmlpipe2
	xmlpipe_command = cat %[1]s/main.xml
}
source delta : main
{
	xmlpipe_command = cat %[1]s/delta.xml
}
index main
{
	source = main
	path = %[1]s/idx/main
	docinfo = extern
	dict = keywords
	morphology = stem_en
	min_prefix_len = 3
	min_word_len = 1
	html_strip = 0
	charset_table = %[2]s
}
index delta : main
{
	source = delta
	path = %[1]s/idx/delta
}
indexer
{
	mem_limit = 256M
}
searchd
{
	listen = 127.0.0.1:%[3]d:mysql41
	log = %[1]s/searchd.log
	pid_file = %[1]s/searchd.pid
	binlog_path =
	workers = threads
	watchdog = 0
	snippets_file_prefix = %[1]s/bodies/
}
%[4]s`, e.dir, sphinxCharset(), e.port, e.extra)
}

// sphinxCharset maps ASCII letters and digits as Sphinx's default does and
// folds every Latin letter with a diacritic that fond's index.Fold turns into
// one ASCII letter ("é" → "e"), so both engines see the same words.
func sphinxCharset() string {
	parts := []string{"0..9", "A..Z->a..z", "_", "a..z"}
	for r := rune(0xC0); r <= 0x24F; r++ {
		f := index.Fold(string(r))
		if len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
			parts = append(parts, fmt.Sprintf("U+%X->%s", r, f))
		}
	}
	return strings.Join(parts, ", ")
}

// bodyName is where document n's body is kept, a thousand to a folder.
func bodyName(n int) string { return fmt.Sprintf("%d/%d.txt", n/1000, n) }

func (e *sphinxEngine) add(ctx context.Context, docs []Doc) error {
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		e.n++
		if err := e.writeDoc(e.w, e.n, d); err != nil {
			return err
		}
	}
	return nil
}

// writeDoc writes document n as xmlpipe2 to w and its body to its file.
func (e *sphinxEngine) writeDoc(w io.Writer, n int, d Doc) error {
	body := filepath.Join(e.dir, "bodies", bodyName(n))
	if err := os.MkdirAll(filepath.Dir(body), 0o755); err != nil {
		return fmt.Errorf("sphinx: %w", err)
	}
	if err := os.WriteFile(body, []byte(d.Body), 0o644); err != nil {
		return fmt.Errorf("sphinx: body: %w", err)
	}
	fmt.Fprintf(w, "<sphinx:document id=\"%d\">", n)
	for _, f := range [][2]string{{"title", d.Title}, {"summary", d.Summary}, {"body", d.Body},
		{"people", strings.Join(d.names(), "\n")}, {"places", d.Place}, {"archive", d.archiveText()},
		{"type", d.Type}, {"year", d.year()}, {"earliest", sphinxDay(d.Earliest)}, {"latest", sphinxDay(d.Latest)}} {
		fmt.Fprintf(w, "<%s>", f[0])
		if err := xml.EscapeText(w, []byte(f[1])); err != nil {
			return fmt.Errorf("sphinx: write %s: %w", d.ID, err)
		}
		fmt.Fprintf(w, "</%s>", f[0])
	}
	_, err := io.WriteString(w, "</sphinx:document>\n")
	return err
}

// sphinxDay is a day as the integer yyyymmdd, which orders as dates do.
func sphinxDay(d string) string { return strings.ReplaceAll(d, "-", "") }

// finish closes the stream and runs indexer over it (timed as ingest), with an
// empty delta index beside the main one for addOne to rebuild.
func (e *sphinxEngine) finish(ctx context.Context) error {
	e.w.WriteString("</sphinx:docset>\n")
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("sphinx: %w", err)
	}
	if err := e.xml.Close(); err != nil {
		return fmt.Errorf("sphinx: %w", err)
	}
	if err := os.WriteFile(e.path("delta.xml"), []byte(e.schema+"</sphinx:docset>\n"), 0o644); err != nil {
		return fmt.Errorf("sphinx: %w", err)
	}
	cmd := e.indexer(ctx, "--all")
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("sphinx: indexer: %w", err)
	}
	e.peak = max(e.peak, maxRSS(cmd.ProcessState))
	// The stream has served its purpose; it is not part of the index.
	return os.Remove(e.path("main.xml"))
}

func (e *sphinxEngine) indexer(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "indexer", append([]string{"--config", e.path("sphinx.conf"), "--quiet"}, args...)...)
	cmd.Stderr = os.Stderr
	return cmd
}

// reopen starts searchd and waits until it accepts SphinxQL connections.
func (e *sphinxEngine) reopen(ctx context.Context) error {
	log, err := os.Create(e.path("searchd.out"))
	if err != nil {
		return fmt.Errorf("sphinx: %w", err)
	}
	defer log.Close()
	e.searchd = exec.CommandContext(ctx, "searchd", "--config", e.path("sphinx.conf"), "--nodetach")
	e.searchd.Stdout, e.searchd.Stderr = log, log
	e.started = time.Now()
	if err := e.searchd.Start(); err != nil {
		return fmt.Errorf("sphinx: searchd: %w", err)
	}
	e.searchdDone = make(chan error, 1)
	go func() { e.searchdDone <- e.searchd.Wait() }()
	// interpolateParams: SphinxQL has no server-side prepared statements.
	db, err := sql.Open("mysql", fmt.Sprintf("tcp(127.0.0.1:%d)/?interpolateParams=true", e.port))
	if err != nil {
		return fmt.Errorf("sphinx: %w", err)
	}
	// One connection a client: -clients queries searchd from several at once,
	// each search on a connection of its own (SHOW META), as a server's
	// clients would; kept open, so that no search pays for connecting.
	db.SetMaxOpenConns(sphinxConns)
	db.SetMaxIdleConns(sphinxConns)
	e.db = db
	exited := func() bool { return e.searchd.ProcessState != nil }
	if err := poll(ctx, startLimit, exited, func() error { return db.PingContext(ctx) }); err != nil {
		return fmt.Errorf("sphinx: searchd (log in %s): %w", e.path("searchd.out"), err)
	}
	return nil
}

// sphinxMatch writes q in Sphinx's extended query syntax.
func sphinxMatch(q Query) string {
	switch q.Class {
	case "and":
		return strings.Join(q.Words, " ")
	case "phrase":
		return `"` + strings.Join(q.Words, " ") + `"`
	case "prefix":
		return q.Prefix + "*"
	}
	return q.Words[0]
}

// query fetches the page (ids, titles), the exact total (SHOW META's
// total_found), snippets of the page's bodies, and for facet_date the date
// filter and two facets (type, year) in the same batch.
func (e *sphinxEngine) query(ctx context.Context, q Query) (int, error) {
	total, err := e.search(ctx, "main", q)
	if err == nil {
		e.firstOnce.Do(func() { e.first = time.Since(e.started) })
	}
	return total, err
}

func (e *sphinxEngine) search(ctx context.Context, from string, q Query) (int, error) {
	match := sphinxMatch(q)
	where := `MATCH(?)`
	if q.Class == "facet_date" {
		where += fmt.Sprintf(` AND earliest <= %d1231 AND latest >= %d0101`, q.To, q.From)
	}
	stmt := `SELECT id, title FROM ` + from + ` WHERE ` + where + ` LIMIT ` + strconv.Itoa(pageSize) + ` ` + sphinxRank
	if q.Class == "facet_date" {
		stmt += ` FACET type ORDER BY COUNT(*) DESC LIMIT 30 FACET year ORDER BY COUNT(*) DESC LIMIT 100`
	}
	conn, err := e.db.Conn(ctx) // SHOW META answers for the connection's last query
	if err != nil {
		return 0, fmt.Errorf("sphinx: %w", err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, stmt, match)
	if err != nil {
		return 0, fmt.Errorf("sphinx: %q: %w", match, err)
	}
	var ids []int
	for first := true; first || rows.NextResultSet(); first = false {
		for rows.Next() {
			var a, b sql.NullString
			if err := rows.Scan(&a, &b); err != nil {
				rows.Close()
				return 0, fmt.Errorf("sphinx: %w", err)
			}
			if first {
				id, _ := strconv.Atoi(a.String)
				ids = append(ids, id)
			}
		}
	}
	if err := rows.Close(); err != nil {
		return 0, fmt.Errorf("sphinx: %w", err)
	}
	total, err := showMeta(ctx, conn)
	if err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return total, nil
	}
	args := make([]any, 0, len(ids)+1)
	marks := make([]string, len(ids))
	for i, id := range ids {
		args, marks[i] = append(args, bodyName(id)), "?"
	}
	args = append(args, match)
	snip, err := conn.QueryContext(ctx, `CALL SNIPPETS((`+strings.Join(marks, ",")+`), 'main', ?, 1 AS load_files, 1 AS query_mode,
		'<mark>' AS before_match, '</mark>' AS after_match, 200 AS limit)`, args...)
	if err != nil {
		return 0, fmt.Errorf("sphinx: snippets: %w", err)
	}
	if err := drain(snip, 1); err != nil {
		return 0, fmt.Errorf("sphinx: snippets: %w", err)
	}
	return total, nil
}

func showMeta(ctx context.Context, conn *sql.Conn) (int, error) {
	rows, err := conn.QueryContext(ctx, `SHOW META`)
	if err != nil {
		return 0, fmt.Errorf("sphinx: meta: %w", err)
	}
	defer rows.Close()
	total := -1
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return 0, fmt.Errorf("sphinx: meta: %w", err)
		}
		if k == "total_found" {
			total, _ = strconv.Atoi(v)
		}
	}
	if total < 0 {
		return 0, fmt.Errorf("sphinx: SHOW META has no total_found")
	}
	return total, rows.Err()
}

// cpuSeconds is searchd's CPU time so far, which throughput adds to this
// process's: the searches' work is done there.
func (e *sphinxEngine) cpuSeconds() float64 {
	if e.searchd == nil || e.searchd.Process == nil {
		return 0
	}
	return procCPUSeconds(strconv.Itoa(e.searchd.Process.Pid))
}

func (e *sphinxEngine) serverStats(context.Context, []Query) (time.Duration, int64, error) {
	if e.searchd == nil || e.first == 0 {
		return 0, 0, errNotMeasured
	}
	return e.first, procField(e.searchd.Process.Pid, "RssAnon"), nil
}

// addOne rebuilds the delta index with d alone and has searchd rotate to it
// (indexer --rotate signals searchd), then waits until a search of the delta
// finds it. Written bytes are indexer's and searchd's.
func (e *sphinxEngine) addOne(ctx context.Context, d Doc, _ string) (time.Duration, int64, error) {
	if e.searchd == nil {
		return 0, 0, errNotMeasured
	}
	pid := strconv.Itoa(e.searchd.Process.Pid)
	served, err := ioWriteBytes(pid)
	if err != nil {
		return 0, 0, err
	}
	t := time.Now()
	n := e.n + 1
	var b strings.Builder
	b.WriteString(sphinxSchema)
	if err := e.writeDoc(&b, n, d); err != nil {
		return 0, 0, err
	}
	b.WriteString("</sphinx:docset>\n")
	if err := os.WriteFile(e.path("delta.xml"), []byte(b.String()), 0o644); err != nil {
		return 0, 0, fmt.Errorf("sphinx: %w", err)
	}
	_, wrote, err := runWritten(e.indexer(ctx, "--rotate", "delta"))
	if err != nil {
		return 0, 0, err
	}
	err = poll(ctx, time.Minute, nil, func() error {
		var id int
		return e.db.QueryRowContext(ctx, `SELECT id FROM delta WHERE id = `+strconv.Itoa(n)).Scan(&id)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("sphinx: delta not served: %w", err)
	}
	took := time.Since(t)
	after, err := ioWriteBytes(pid)
	if err != nil {
		return 0, 0, err
	}
	return took, wrote + after - served, nil
}

func (e *sphinxEngine) peakRSS() int64 { return e.peak }

func (e *sphinxEngine) close() error {
	if e.db != nil {
		e.db.Close()
		e.db = nil
	}
	if e.searchd != nil {
		e.peak = max(e.peak, stopProcess(e.searchd, e.searchdDone))
		e.searchd = nil
	}
	return nil
}
