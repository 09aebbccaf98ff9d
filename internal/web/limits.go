package web

import (
	"flag"
	"log/slog"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"

	"fond/internal/compare"
	"fond/internal/search"
)

// Limits bound what one client can make the server do. Each is a flag of
// `fond serve` (RegisterFlags) and is listed, with its default and the test that
// tries to pass it, in docs/security.md.
type Limits struct {
	// Connections and their phases. ReadHeaderTimeout drops clients that
	// trickle headers; ReadTimeout those that trickle a body; WriteTimeout a
	// reader that never drains its answer; IdleTimeout idle keep-alives.
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	MaxHeaderBytes    int
	MaxConnections    int

	// MaxRequests is the number of requests handled at once, of any kind; past
	// it a request is answered 503 at once, before it touches the store.
	MaxRequests int
	// Costly requests (searching, comparing, rendering a document, exporting)
	// also wait for a slot of their class; QueueWait is how long they may wait
	// before a 503 with Retry-After.
	MaxSearches  int
	MaxCompares  int
	MaxRenders   int
	MaxExports   int
	MaxDownloads int
	QueueWait    time.Duration
	// RequestTimeout ends the context of every request after it; the store,
	// the index and compare give up when it ends.
	RequestTimeout time.Duration
	// MaxFormBytes bounds a request body (POST /oai is the only one read today).
	MaxFormBytes int64
	// MaxEditBytes bounds the body of a record's edit (the form, a merge
	// patch, a record made by hand), which carries its whole text; MaxEdits
	// how many are saved at once.
	MaxEditBytes int64
	MaxEdits     int
	// MaxPage is the deepest search page a reader may ask for; deeper pages are
	// refused rather than computed (each costs the pages before it).
	MaxPage int
	// CompareBudget bounds the work of one comparison, in compare's units
	// (a word looked at, an alignment cell); past it the rest is shown unaligned.
	CompareBudget int64
	// MaxReleases bounds the releases one release comparison aligns with the
	// latest (each a comparison of CompareBudget); older ones are listed, not
	// compared, and the page says so.
	MaxReleases int
	// MaxStatsRecords bounds the withheld releases the statistics page reads
	// (each a record and its editions); past it the page counts those and
	// says how many it left out.
	MaxStatsRecords int
	// MaxImages bounds the IIIF image and manifest requests answered at once
	// (a viewer asks for many tiles; the renders themselves are bounded apart).
	MaxImages int
	// IIIFCacheDir holds rendered tiles ("" : the user's cache folder,
	// fond/iiif); IIIFCacheBytes bounds it, least recently used evicted.
	IIIFCacheDir   string
	IIIFCacheBytes int64
	// MaxIIIFHits bounds the hits one search within a document answers
	// (each is a line and a highlight); the query itself is bounded by
	// Search's MaxQueryBytes and MaxTerms.
	MaxIIIFHits int
	// Search bounds each query (terms, nesting, prefix expansion, depth,
	// time): package search's limits, flags of their own (searchFlags).
	Search search.Limits
	// TextPartBytes is how much of a document's text one page shows; longer
	// texts are shown in parts (?part=N) so a page stays a bounded response.
	TextPartBytes int
	// Uploads (POST /upload, a file attached to a record): the body of one
	// (MaxUploadBytes, all its files), the files in it, how many run at once
	// and how long one may take to arrive and be read (UploadTimeout replaces
	// ReadTimeout, WriteTimeout and RequestTimeout for these routes alone: a
	// scan read by OCR takes minutes, not seconds). Each file is also bounded
	// by the ingest limits (--max-file-size, --max-pixels).
	MaxUploadBytes int64
	MaxUploadFiles int
	MaxUploads     int
	UploadTimeout  time.Duration
}

// DefaultLimits suit one laptop or a small server facing the internet: a
// search takes milliseconds, so eight at once keep two cores busy without a
// queue that grows without end.
var DefaultLimits = Limits{
	ReadHeaderTimeout: 10 * time.Second,
	ReadTimeout:       30 * time.Second,
	WriteTimeout:      2 * time.Minute,
	IdleTimeout:       2 * time.Minute,
	MaxHeaderBytes:    32 << 10,
	MaxConnections:    512,
	MaxRequests:       256,
	MaxSearches:       8,
	MaxCompares:       2,
	MaxRenders:        16,
	MaxExports:        4,
	MaxDownloads:      8,
	QueueWait:         2 * time.Second,
	RequestTimeout:    15 * time.Second,
	MaxFormBytes:      64 << 10,
	MaxEditBytes:      4 << 20,
	MaxEdits:          4,
	MaxPage:           500,
	TextPartBytes:     256 << 10,
	MaxUploadBytes:    256 << 20,
	MaxUploadFiles:    20,
	MaxUploads:        2,
	UploadTimeout:     10 * time.Minute,
	CompareBudget:     compare.DefaultBudget,
	MaxReleases:       8,
	MaxStatsRecords:   2000,
	MaxImages:         16,
	IIIFCacheBytes:    1 << 30,
	MaxIIIFHits:       500,
	Search:            search.DefaultLimits,
}

// RegisterFlags adds one flag per limit to fs, defaulting to l's values.
func (l *Limits) RegisterFlags(fs *flag.FlagSet) {
	fs.DurationVar(&l.ReadHeaderTimeout, "read-header-timeout", l.ReadHeaderTimeout, "time a client has to send a request's headers")
	fs.DurationVar(&l.ReadTimeout, "read-timeout", l.ReadTimeout, "time a client has to send a whole request")
	fs.DurationVar(&l.WriteTimeout, "write-timeout", l.WriteTimeout, "time an answer may take to be written, from the end of the request's headers")
	fs.DurationVar(&l.IdleTimeout, "idle-timeout", l.IdleTimeout, "time an idle keep-alive connection is kept")
	fs.IntVar(&l.MaxHeaderBytes, "max-header-bytes", l.MaxHeaderBytes, "largest request line and headers, in bytes (431 past it)")
	fs.IntVar(&l.MaxConnections, "max-connections", l.MaxConnections, "connections served at once; others wait to be accepted")
	fs.IntVar(&l.MaxRequests, "max-requests", l.MaxRequests, "requests handled at once (503 past it)")
	fs.IntVar(&l.MaxSearches, "max-searches", l.MaxSearches, "searches (search pages, API, name and timeline pages) run at once")
	fs.IntVar(&l.MaxCompares, "max-compares", l.MaxCompares, "edition comparisons run at once")
	fs.IntVar(&l.MaxRenders, "max-renders", l.MaxRenders, "document pages, TEI and citations rendered at once")
	fs.IntVar(&l.MaxExports, "max-exports", l.MaxExports, "OAI-PMH and sitemap pages written at once")
	fs.IntVar(&l.MaxDownloads, "max-downloads", l.MaxDownloads, "original files sent at once")
	fs.DurationVar(&l.QueueWait, "queue-wait", l.QueueWait, "how long a costly request waits for a slot before a 503")
	fs.DurationVar(&l.RequestTimeout, "request-timeout", l.RequestTimeout, "deadline of every request's work")
	fs.Int64Var(&l.MaxFormBytes, "max-form-bytes", l.MaxFormBytes, "largest request body, in bytes (413 past it)")
	fs.Int64Var(&l.MaxEditBytes, "max-edit-bytes", l.MaxEditBytes, "largest body of a record's edit, patch or hand-made record, in bytes (413 past it)")
	fs.IntVar(&l.MaxEdits, "max-edits", l.MaxEdits, "record edits saved at once")
	fs.IntVar(&l.MaxPage, "max-page", l.MaxPage, "deepest search results page served (400 past it)")
	fs.Int64Var(&l.CompareBudget, "compare-budget", l.CompareBudget, "work units one comparison may spend (about 2.5 ns each); past it the rest is shown unaligned")
	fs.IntVar(&l.MaxReleases, "max-releases-compared", l.MaxReleases, "earlier releases one release comparison aligns with the latest; older ones are listed, not compared")
	fs.IntVar(&l.MaxStatsRecords, "max-stats-records", l.MaxStatsRecords, "withheld releases the release statistics read; past it they count those and say so")
	fs.IntVar(&l.MaxImages, "max-images", l.MaxImages, "IIIF page images, tiles and manifests answered at once")
	fs.StringVar(&l.IIIFCacheDir, "iiif-cache", l.IIIFCacheDir, "folder for rendered page tiles (default: the user's cache folder, fond/iiif)")
	fs.Int64Var(&l.IIIFCacheBytes, "iiif-cache-bytes", l.IIIFCacheBytes, "largest size of the tile folder, in bytes; the least recently used tiles go first")
	fs.IntVar(&l.MaxIIIFHits, "max-iiif-hits", l.MaxIIIFHits, "hits one search within a document's pages answers (IIIF Content Search)")
	fs.IntVar(&l.TextPartBytes, "text-part-bytes", l.TextPartBytes, "bytes of a document's text shown on one page; longer texts are paged")
	fs.Int64Var(&l.MaxUploadBytes, "max-upload-bytes", l.MaxUploadBytes, "largest upload, all its files together, in bytes (413 past it)")
	fs.IntVar(&l.MaxUploadFiles, "max-upload-files", l.MaxUploadFiles, "most files in one upload (413 past it; nothing is stored)")
	fs.IntVar(&l.MaxUploads, "max-uploads", l.MaxUploads, "uploads received and ingested at once")
	fs.DurationVar(&l.UploadTimeout, "upload-timeout", l.UploadTimeout, "time one upload may take to arrive and be ingested")
}

// HTTPServer is an http.Server for h with the connection limits set: without
// them a client that trickles bytes, or never reads, holds a connection forever.
func (s *Server) HTTPServer(h http.Handler) *http.Server {
	l := s.Limits
	return &http.Server{Handler: h, ReadHeaderTimeout: l.ReadHeaderTimeout, ReadTimeout: l.ReadTimeout,
		WriteTimeout: l.WriteTimeout, IdleTimeout: l.IdleTimeout, MaxHeaderBytes: l.MaxHeaderBytes,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelDebug)}
}

// Listen opens addr accepting at most maxConns connections at once (the
// MaxConnections limit); past that, new connections wait in the kernel's
// queue rather than each taking a goroutine and buffers.
func Listen(addr string, maxConns int) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return netutil.LimitListener(ln, max(maxConns, 1)), nil
}
