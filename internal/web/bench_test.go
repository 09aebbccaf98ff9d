package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// BenchmarkPages measures server-side rendering of search and document pages on
// an archive of FOND_BENCH_DOCS synthetic records (default 100,000), reporting the
// 50th and 95th percentile per page kind, and of 50 consecutive OAI-PMH
// ListRecords pages (100 records each) of a harvest. The archive is built once and kept at
// FOND_BENCH_DB if set (building 100k records takes about a minute).
//
//	go test -run=^$ -bench=Pages -benchtime=1x ./internal/web/
func BenchmarkPages(b *testing.B) {
	n := 100000
	if v, err := strconv.Atoi(os.Getenv("FOND_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	path := os.Getenv("FOND_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "pages.db")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	// As fond serve does: the index is loaded (or built) before the first request.
	if err := st.LoadIndex(ctx); err != nil {
		b.Fatal(err)
	}
	if _, total, _ := st.List(ctx, store.ListQuery{Limit: 1}); total < n {
		b.Logf("building an archive of %d records at %s", n, path)
		if err := fill(ctx, st, n); err != nil {
			b.Fatal(err)
		}
	}
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	rng := rand.New(rand.NewSource(1))
	queries := []string{"loan", "telegram", "credit railway", `"joint stock"`, "ship*", "cotton date:1950", "person:Shtykov", "type:letter tungsten"}
	kinds := map[string][]time.Duration{}
	for b.Loop() {
		for i := 0; i < 200; i++ {
			q := queries[rng.Intn(len(queries))]
			kinds["search"] = append(kinds["search"], timeGet(b, h, "/search?q="+strings.ReplaceAll(q, " ", "+")))
			id := fmt.Sprintf("%016x", rng.Intn(n))
			kinds["document"] = append(kinds["document"], timeGet(b, h, "/documents/"+synthID(id)))
		}
	}
	// A harvester walking the archive: OAI-PMH ListRecords pages of 100 records,
	// following resumption tokens from the start.
	next := "/oai?verb=ListRecords&metadataPrefix=oai_dc"
	for range 50 {
		start := time.Now()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", next, nil))
		kinds["oai-page"] = append(kinds["oai-page"], time.Since(start))
		body := rec.Body.String()
		j := strings.LastIndex(body, "</resumptionToken>")
		k := strings.LastIndex(body[:max(j, 0)], ">")
		if j < 0 || k < 0 {
			b.Fatalf("no resumption token in a page of %d records", n)
		}
		if body[k+1:j] == "" {
			break // the end of the list
		}
		next = "/oai?verb=ListRecords&resumptionToken=" + body[k+1:j]
	}
	for _, k := range []string{"search", "document", "oai-page"} {
		d := kinds[k]
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, k+"-p50-ms")
		b.ReportMetric(float64(d[len(d)*95/100].Microseconds())/1000, k+"-p95-ms")
	}
}

func timeGet(b *testing.B, h interface {
	ServeHTTP(w http.ResponseWriter, r *http.Request)
}, url string) time.Duration {
	start := time.Now()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
	if rec.Code != 200 {
		b.Fatalf("%s: %d", url, rec.Code)
	}
	return time.Since(start)
}

func synthID(s string) string { return "s" + s[1:] }

var benchWords = strings.Fields(`the of and to in that was for on with by as his at from this which be had their were have are not they also
	loan credit railway telegram cotton tungsten harbor treaty embassy minister ambassador government delegation plan aid
	machines equipment specialists trade agreement army navy planes border parallel south north joint stock company
	ship port metallurgical plant coal lead gold silver tractors locomotives textile mills students teachers academy`)

func fill(ctx context.Context, st store.Store, n int) error {
	rng := rand.New(rand.NewSource(42))
	people := []string{"Stalin", "Kim Il Sung", "Shtykov", "Vyshinsky", "Molotov", "Zhou Enlai", "Mao Zedong", "Pak Heon-yeong"}
	types := []string{"Letter", "Ciphered Telegram", "Minutes of Conversation", "Report", "Memorandum"}
	const batch = 500
	for start := 0; start < n; start += batch {
		var recs []record.Record
		for i := start; i < min(n, start+batch); i++ {
			words := func(k int) string {
				var w []string
				for j := 0; j < k; j++ {
					w = append(w, benchWords[rng.Intn(len(benchWords))])
				}
				return strings.Join(w, " ")
			}
			var paras []string
			for p := 0; p < 6; p++ {
				paras = append(paras, words(90))
			}
			y, m, d := 1945+rng.Intn(10), 1+rng.Intn(12), 1+rng.Intn(28)
			date := fmt.Sprintf("%d-%02d-%02d", y, m, d)
			recs = append(recs, record.Record{
				ID: synthID(fmt.Sprintf("%016x", i)), Title: words(6), Summary: words(20), Body: strings.Join(paras, "\n\n"),
				Type: types[rng.Intn(len(types))], Category: record.Primary,
				Date:         record.Date{EDTF: date, Display: date, Earliest: date, Latest: date, Qualifier: record.Exact},
				Participants: []string{people[rng.Intn(len(people))], people[rng.Intn(len(people))]},
				Sources:      []record.Source{{Repository: "Archive of the President of the Russian Federation", Abbreviation: "APRF", Fond: "45", Opis: "1", Delo: strconv.Itoa(rng.Intn(500)), Reference: "APRF, f. 45, op. 1"}},
				Languages:    record.Languages{Text: "en", Original: "ru"},
			})
		}
		sum := fmt.Sprintf("sha256:bench%d", start)
		if _, err := st.PutFile(ctx, store.File{Path: "/bench/" + strconv.Itoa(start), Format: "text", Records: recs,
			Original: store.Original{Checksum: sum, Name: "bench", Data: []byte(sum)}}); err != nil {
			return err
		}
	}
	return nil
}
