package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fond/internal/ingest/tei"
	"fond/internal/search"
	"fond/internal/testutil"
)

var frus struct {
	once sync.Once
	ix   *Index
	err  error
}

// frusIndex indexes the 5,825 documents of the FRUS corpus once per process,
// as the store would (index.FromRecord of each record the TEI reader makes).
func frusIndex(b *testing.B) *Index {
	frus.once.Do(func() {
		var as []*Analyzed
		frus.err = eachFRUSDoc(b, func(d Doc) { as = append(as, Analyze(d)) })
		frus.ix = New()
		frus.ix.Apply(nil, as)
	})
	if frus.err != nil {
		b.Fatal(frus.err)
	}
	return frus.ix
}

// eachFRUSDoc calls fn with each document of the FRUS corpus as the store
// gives it to the index, numbered from 1.
func eachFRUSDoc(tb testing.TB, fn func(Doc)) error {
	dir := testutil.Shared(tb, "corpus/frus")
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no FRUS volumes in %s (%v)", dir, err)
	}
	n := 0
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		_, docs, err := tei.Read(context.Background(), f, filepath.Base(path))
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, d := range docs {
			r := d.Record()
			n++
			fn(FromRecord(int64(n), &r))
		}
	}
	return nil
}

// BenchmarkAttackQueries measures the queries of the attack on the FRUS corpus:
// those now refused (their cost is the refusal's), a one-letter prefix with the
// default cap and without it, and the costliest queries the defaults still
// admit, with facets, as the web page asks.
//
//	go test -run=^$ -bench=AttackQueries -benchmem ./internal/index/
func BenchmarkAttackQueries(b *testing.B) {
	ix := frusIndex(b)
	b.Logf("FRUS index: %d documents", ix.Len())
	ctx := context.Background()
	var letters []string
	for c := 'a'; c <= 'z'; c++ {
		letters = append(letters, string(c)+"*")
	}
	for c := '0'; c <= '9'; c++ {
		letters = append(letters, string(c)+"*")
	}
	// 64 one-character prefixes (every letter and digit, then again), each
	// capped at the default expansion.
	var prefixes64 []string
	for len(prefixes64) < search.DefaultLimits.MaxTerms {
		prefixes64 = append(prefixes64, letters[len(prefixes64)%len(letters)])
	}
	// 64 of the corpus's commonest words, nested 16 deep.
	common := strings.Fields("government united states department secretary minister foreign affairs president american british french " +
		"german russian treaty embassy legation consul telegram letter note memorandum general ambassador state war peace conference " +
		"commission question matter information instructions regard report received sent upon order present time made " +
		"plenipotentiary excellency majesty imperial republic congress senate navy army vessel port trade commerce claims citizens " +
		"property rights island territory boundary convention protocol")
	if len(common) != search.DefaultLimits.MaxTerms {
		b.Fatalf("%d common words, want %d", len(common), search.DefaultLimits.MaxTerms)
	}
	// w1 OR (w2 OR (… (w16 OR w17 OR … w64))): as deep and as long as allowed.
	d := search.DefaultLimits.MaxDepth
	nested := ""
	for _, w := range common[:d] {
		nested += w + " OR ("
	}
	nested += strings.Join(common[d:], " OR ") + strings.Repeat(")", d)
	cases := []struct {
		name   string
		q      string
		lim    search.Limits
		refuse string // the limit that must refuse it, or ""
		offset int
	}{
		{name: "60000-terms", q: strings.TrimSpace(strings.Repeat("loan ", 60000)), refuse: "MaxQueryBytes"},
		{name: "60000-terms-1MB-allowed", q: strings.TrimSpace(strings.Repeat("loan ", 60000)), lim: search.Limits{MaxQueryBytes: 1 << 20}, refuse: "MaxTerms"},
		{name: "100000-parens", q: strings.Repeat("(", 100000) + "loan", lim: search.Limits{MaxQueryBytes: 1 << 20}, refuse: "MaxDepth"},
		{name: "a*-capped", q: "a*"},
		{name: "a*-uncapped", q: "a*", lim: search.Limits{MaxPrefixExpansion: 1 << 30}},
		{name: "64-prefixes-OR", q: strings.Join(prefixes64, " OR ")},
		{name: "64-prefixes-AND", q: strings.Join(prefixes64, " ")},
		{name: "64-times-a*-OR", q: strings.TrimSuffix(strings.Repeat("a* OR ", 64), " OR ")},
		{name: "64-times-a*-nested", q: strings.Repeat("a* OR (", 15) + strings.TrimSuffix(strings.Repeat("a* OR ", 49), " OR ") + strings.Repeat(")", 15)},
		{name: "64-common-words-OR-depth-16", q: nested},
		{name: "64-common-words-phrase", q: `"` + strings.Join(common, " ") + `"`},
		{name: "64-NOT-common", q: "-" + strings.Join(common, " -")},
		{name: "64-prefixes-OR-last-page", q: strings.Join(prefixes64, " OR "), offset: search.DefaultLimits.MaxOffset - 20},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var capped, matched, total int
			for b.Loop() {
				q := search.Query{Text: c.q, Limit: 20, Offset: c.offset, Limits: c.lim}
				if err := q.CheckPage(); err != nil {
					b.Fatal(err)
				}
				node, err := search.Parse(c.q, c.lim)
				if c.refuse != "" {
					var le *search.LimitError
					if !errors.As(err, &le) || le.Param != c.refuse {
						b.Fatalf("want refused by %s, got %v", c.refuse, err)
					}
					continue
				}
				if err != nil {
					b.Fatal(err)
				}
				res, err := ix.Search(ctx, Request{Node: node, Limit: 20, Offset: c.offset, Facets: true, Limits: c.lim})
				if err != nil {
					b.Fatal(err)
				}
				capped, matched, total = len(res.Capped), 0, res.Total
				for _, c := range res.Capped {
					matched += c.Matched
				}
			}
			b.ReportMetric(float64(capped), "capped-prefixes")
			b.ReportMetric(float64(matched), "terms-matched-by-capped")
			b.ReportMetric(float64(total), "results")
		})
	}
}

// BenchmarkPlainQueries measures the reading room's match=most on the FRUS
// corpus for each known-item form: title words, a surname with place and
// year, a remembered wording of common words with one wrong (the path that
// reads pairs in a row among a thousand candidates), a respelled name.
//
//	go test -run=^$ -bench=PlainQueries -benchmem ./internal/index/
func BenchmarkPlainQueries(b *testing.B) {
	ix := frusIndex(b)
	ctx := context.Background()
	for _, c := range []struct{ name, q string }{
		{"title-words", "Ambassador Britain Houghton"},
		{"surname-place-year", "Mangabeira Rio de Janeiro 1930"},
		{"wording-common", "translation is inclosed present copy"},
		{"wording-long", "between the two peace or of any law"},
		{"respelled", "Tsitsikar 1929"},
		{"respelled-russian", "Azbetev Omsk 1918"},
	} {
		node, err := search.Parse(c.q, search.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		req := Request{Node: node, Limit: 20, Match: search.MatchMost, Facets: true, Typed: search.TypedWords(c.q)}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(ctx, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSegmentQueries measures queries of each class on the FRUS corpus's
// index written as a segment and read back, so that their walks read a
// segment's posting lists (as a store's index does once merged), with facets
// and the snippets' positions, as the web page asks.
//
//	go test -run=^$ -bench=SegmentQueries -benchmem ./internal/index/
func BenchmarkSegmentQueries(b *testing.B) {
	ix := asSegment(b, frusIndex(b))
	for _, c := range []struct {
		name, q string
		match   string
	}{
		{"term", "treaty", ""},
		{"and", "minister treaty", ""},
		{"phrase", `"united states"`, ""},
		{"phrase-rare-common", `"foreign affairs"`, ""},
		{"prefix", "gov*", ""},
		{"plain-wording-common", "translation is inclosed present copy", search.MatchMost},
	} {
		node, err := search.Parse(c.q, search.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		req := Request{Node: node, Limit: 20, Facets: true, Match: c.match}
		if c.match != "" {
			req.Typed = search.TypedWords(c.q)
		}
		b.Run(c.name, func(b *testing.B) { benchSearch(b, ix, req) })
	}
}

// asSegment is ix written as a segment and read back.
func asSegment(b *testing.B, ix *Index) *Index {
	var buf bytes.Buffer
	if _, err := ix.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	back, err := ReadSnapshot(&buf)
	if err != nil {
		b.Fatal(err)
	}
	return back
}

// benchSearch times req on ix and reports its total as "results".
func benchSearch(b *testing.B, ix *Index, req Request) {
	total := 0
	for b.Loop() {
		res, err := ix.Search(context.Background(), req)
		if err != nil {
			b.Fatal(err)
		}
		total = res.Total
	}
	b.ReportMetric(float64(total), "results")
}

// BenchmarkReaderDrafts measures a reader's searches on 100,000 generated
// documents, all published and then with one draft among them (the same
// document replaced, published the first time): the draft should cost a
// reader's search nothing.
//
//	go test -run=^$ -bench=ReaderDrafts -benchmem ./internal/index/
func BenchmarkReaderDrafts(b *testing.B) {
	docs := genDocs(100000, 11)
	for i := range docs {
		docs[i].Status = "published"
	}
	ix := asSegment(b, build(docs))
	queries := []string{"loan", "telegram railway", `"soviet army"`, "co*", "date:1947..1950 treaty"}
	for _, drafts := range []string{"none", "one"} {
		// The same document replaced each time, so that both have one in the heap.
		d := docs[len(docs)/2]
		if drafts == "one" {
			d.Status = "draft"
		}
		ix.Apply([]int64{d.Ref}, []*Analyzed{Analyze(d)})
		for _, q := range queries {
			req := Request{Node: parse(q), Limit: 20, Facets: true}
			b.Run(drafts+"/"+q, func(b *testing.B) { benchSearch(b, ix, req) })
		}
	}
}

// BenchmarkArchivePlainQueries measures the reading room's plain searches
// (match=most, facets, a page of twenty) of common words on an archive's own
// index file, named by $FOND_BENCH_INDEX: a 1M archive is what fondbench
// leaves in DIR/fond (fondbench -docs 1000000 -engines fond -dir DIR), and
// its generated text has FRUS's common words. The ones named …/no-facets ask
// for no facets, to tell their share; those named …/all-words are searches
// as fondbench's classes make them (every word, no facets), timed alone
// where fondbench times each once.
//
//	FOND_BENCH_INDEX=DIR/fond/fond.db-index go test -run=^$ -bench=ArchivePlainQueries ./internal/index/
func BenchmarkArchivePlainQueries(b *testing.B) {
	path := os.Getenv("FOND_BENCH_INDEX")
	if path == "" {
		b.Skip("FOND_BENCH_INDEX names no index file (an archive's fond.db-index)")
	}
	if _, err := os.Stat(path); err != nil {
		b.Fatal(err)
	}
	ix, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	ix.file.verify.Wait() // its check reads the whole file: not beside the timings
	type query struct {
		q      string
		most   bool // search.MatchMost, as the reading room asks
		facets bool
	}
	var queries []query
	for _, q := range []string{"", "present", "united states", "secretary of state", "foreign minister", "soviet union", "kim il sung", `"secretary of state"`, `"minister of foreign affairs"`} {
		queries = append(queries, query{q, true, true})
	}
	queries = append(queries, query{"", true, false}, query{"present", true, false}, query{"united states", true, false},
		query{"pres*", false, false}, query{"state*", false, false}, query{"will*", false, false}, query{"meeting", false, false}, query{"wills paris", false, false}, query{"conferences converse", false, false},
		query{"department partiality", false, false}, query{"made", false, false},
		query{"time date:1951..1952", false, true}, query{"stated date:1966..1967", false, true})
	for _, c := range queries {
		node, err := search.Parse(c.q, search.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		req := Request{Node: node, Limit: 20, Facets: c.facets}
		if c.most {
			req.Match, req.Typed = search.MatchMost, search.TypedWords(c.q)
		}
		name := strings.ReplaceAll(c.q, " ", "-")
		if c.q == "" {
			name = "everything" // the archive browsed, facets and all
		}
		if !c.facets {
			name += "/no-facets"
		}
		if !c.most {
			name += "/all-words"
		}
		b.Run(name, func(b *testing.B) { benchSearch(b, ix, req) })
	}
}

// BenchmarkAnalyzeFRUS measures the analyzer alone (words, terms, positions)
// over the FRUS corpus's documents, an op a document, with one Analyzer as
// one ingest worker keeps it: its allocations are what the ingest's
// collector pays for.
//
//	go test -run=^$ -bench=AnalyzeFRUS -benchmem ./internal/index/
func BenchmarkAnalyzeFRUS(b *testing.B) {
	var docs []Doc
	if err := eachFRUSDoc(b, func(d Doc) { docs = append(docs, d) }); err != nil {
		b.Fatal(err)
	}
	z := &Analyzer{cache: &wordIDs{}}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		z.Analyze(docs[i%len(docs)])
	}
}
