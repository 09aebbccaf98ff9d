// Package store defines the one storage interface every backend (SQLite, PostgreSQL)
// implements; storetest holds the conformance suite they all must pass.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/search"
)

// ErrNotFound is returned when an id or checksum is not in the store.
var ErrNotFound = errors.New("not found")

// ErrConflict is what a ConflictError wraps: a file would change records that
// another file owns.
var ErrConflict = errors.New("conflict")

// ConflictError refuses a file that derives records another source owns. A
// record's source is the path (File.Path) it was last stored from; only that
// path may change it, or a file put with Replace. Ids that are aliases of
// another source's records count as that source's: taking one would turn an
// old permalink of its document to this file's.
type ConflictError struct {
	Path   string     // the file refused
	Owners []Conflict // one per record in conflict, in the file's order
}

// Conflict is one record a refused file would have changed, and its source.
type Conflict struct {
	ID    string
	Owner string // the path the record was stored from
}

func (e *ConflictError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "conflict: %s would change records of other files:", e.Path)
	byOwner := map[string][]string{}
	var owners []string
	for _, c := range e.Owners {
		if byOwner[c.Owner] == nil {
			owners = append(owners, c.Owner)
		}
		byOwner[c.Owner] = append(byOwner[c.Owner], c.ID)
	}
	for i, o := range owners {
		if i > 0 {
			b.WriteString(";")
		}
		ids := byOwner[o]
		fmt.Fprintf(&b, " %d from %s (%s", len(ids), o, ids[0])
		if len(ids) > 1 {
			fmt.Fprintf(&b, ", %s", ids[1])
		}
		if len(ids) > 2 {
			b.WriteString(", …")
		}
		b.WriteString(")")
	}
	return b.String()
}

func (e *ConflictError) Unwrap() error { return ErrConflict }

// Record statuses reported by PutFile.
const (
	Added     = "added"
	Updated   = "updated"
	Unchanged = "unchanged"
	// Replaced: the record came from another file and this one took it over
	// (File.Replace); its content may or may not have changed.
	Replaced = "replaced"
)

// Original is an input file's bytes as received, kept so records can be re-derived
// when extraction improves.
type Original struct {
	Checksum string // "sha256:<hex>"
	Name     string // base name at first ingest
	Size     int64
	Data     []byte
	// AddedAt is when the bytes were first stored; PutFile stamps the time
	// of the put, unless a restore (a bag's import) gives the original one.
	AddedAt time.Time
}

// File is one ingested input: where it came from and what was derived from it.
type File struct {
	Path     string
	Original Original
	Format   string
	// Records in document order, ids already assigned. A new record's
	// IngestedAt, when set, is kept as the time it was first stored (a record
	// carried over from another archive); when zero, the put stamps its own.
	// Records derived earlier from
	// the same Path but absent now are removed; their ids become aliases of the
	// record now at the same position, so old permalinks keep resolving.
	Records []record.Record
	// Replace lets the file take over records (and aliases) another path owns,
	// instead of being refused with a ConflictError: for a corpus that moved,
	// or a file an operator means to supersede another's.
	Replace bool
	// Status is the publication state of records the file adds (record.Draft
	// or record.Published; "" publishes). Records already stored keep theirs.
	Status string
	// Author and Action are who stored the file and why, for the records'
	// history: a person's upload, or "" and ActionIngest (the default) or
	// ActionReindex from the command line. Fields a person set on a stored
	// record keep their values whatever the file now says.
	Author string
	Action string

	// What the records are linked by, computed from the store before the put
	// and written in its transaction, so that a file is stored with its links
	// or not at all. Every id named must be a record once the file's own are
	// written (else PutFile fails, wrapping ErrNotFound), except records the
	// put itself removes, whose links are dropped with them.
	Signatures  []Signature   // the text signatures of the file's records, for NearText
	Editions    []EditionLink // links naming at least one of the file's records
	Discussions []Discussion  // secondary records (the file's or stored ones) relinked
}

// Signature is a record's MinHash text signature and its band keys.
type Signature struct {
	ID    string
	Sig   []uint64
	Bands []uint64
}

// Discussion replaces what secondary record From mentions and discusses. From
// may be another file's record: a document arriving may be one that an
// article already stored narrates.
type Discussion struct {
	From     string
	Mentions []Mention
	Links    []Link
}

// PutResult says what happened to one record.
type PutResult struct {
	ID     string
	Title  string
	Status string
}

// NearTextReason begins the reason of an edition link found by nearly
// identical text: the link the review queue asks a person about (a duplicate,
// or another release of one document).
const NearTextReason = "near-identical text"

// EditionLink joins two records of the same archival document.
type EditionLink struct {
	A, B   string
	Reason string
}

// Link joins a secondary record to a primary record it discusses. Links under the
// assertion threshold are kept as suggestions (Asserted false).
type Link struct {
	From     string  `json:"from"`
	To       string  `json:"to"`
	Score    float64 `json:"score"`
	Evidence string  `json:"evidence"`
	Asserted bool    `json:"asserted"`
}

// Mention is a dated event a secondary record narrates, kept so that a primary
// record ingested later can find the writing that discusses it.
type Mention struct {
	Earliest, Latest string
}

// NameDecision is an archivist's word on one name in one record.
type NameDecision struct {
	RecordID   string `json:"record_id"`
	Start, End int
	Authority  string `json:"authority"`
	Status     string `json:"status"` // confirmed | rejected
	// By is who decided, for the record's history ("" from the command line
	// or a bag); not stored with the decision.
	By string `json:"-"`
}

// Near is a record whose text may be nearly identical to another's.
type Near struct {
	Record    record.Record
	Signature []uint64
}

// ListQuery pages through records in a stable order.
type ListQuery struct {
	Limit  int
	Offset int
	// Recent lists the most recently ingested first instead of in date order.
	Recent bool
	// IDsOnly fills in only each record's ID: enough for a sitemap of a million.
	IDsOnly bool
	// PublishedOnly leaves drafts and withdrawn records out (and out of the
	// total): what an anonymous reader may list.
	PublishedOnly bool
}

// HarvestQuery selects records by when they last changed, for harvesters
// (OAI-PMH): datestamps are UTC seconds, From and Until inclusive (zero values
// leave that side open), in (datestamp, id) order after the cursor After.
type HarvestQuery struct {
	From, Until time.Time
	ID          string // one record, or "" for any
	Collection  string // a collection id, or "" for any
	Category    string // record.Primary, record.Secondary, or "" for any
	After       HarvestCursor
	Limit       int
	// Count asks for the number of matching records too (a full count: once per
	// harvest, not per page).
	Count bool
}

// HarvestCursor is where a page of harvested records ended.
type HarvestCursor struct {
	Datestamp time.Time
	ID        string
}

// Harvested is a record with the datestamp of its last change. A deleted record
// (Deleted) has only its ID, Category and Collection.ID set, and the time it
// went as its datestamp.
type Harvested struct {
	Record    record.Record
	Datestamp time.Time
	Deleted   bool
}

// Store is fond's persistence. Every method takes a context; implementations are
// safe for concurrent use.
type Store interface {
	// PutFile stores one file's original, records and links in one transaction:
	// either all of it is visible afterwards or none of it. A file that would
	// change records another path owns is refused with a ConflictError unless
	// f.Replace.
	PutFile(ctx context.Context, f File) ([]PutResult, error)
	// FileChecksum returns the checksum last ingested from path, or ErrNotFound.
	FileChecksum(ctx context.Context, path string) (string, error)
	// HasOriginal reports whether records derived from this checksum are stored.
	HasOriginal(ctx context.Context, checksum string) (bool, error)
	Get(ctx context.Context, id string) (record.Record, error)
	List(ctx context.Context, q ListQuery) ([]record.Record, int, error)
	Delete(ctx context.Context, id string) error
	Search(ctx context.Context, q search.Query) (search.Result, error)
	Original(ctx context.Context, checksum string) (Original, error)
	// Files lists every ingested path with its checksum, for reindexing.
	Files(ctx context.Context) ([]File, error)
	// SameFile returns primary records whose sources share repository and file parts
	// with src (candidates for edition grouping), without their bodies.
	SameFile(ctx context.Context, src record.Source) ([]record.Record, error)
	// Links returns the links from and to a record, strongest first.
	Links(ctx context.Context, id string) ([]Link, error)
	// Mentioning returns secondary records with a mention overlapping [earliest, latest].
	Mentioning(ctx context.Context, earliest, latest string) ([]string, error)
	// NearText returns the records whose stored signature (File.Signatures)
	// shares a band key with bands, with their signatures, for edition
	// detection by content.
	NearText(ctx context.Context, bands []uint64) ([]Near, error)
	// Source returns the path a record was stored from (File.Path): the only
	// source that may change it without File.Replace.
	Source(ctx context.Context, id string) (string, error)
	// NameDecisions returns an archivist's decisions on a record's name mentions;
	// DecideName records one (replacing a decision at the same start).
	NameDecisions(ctx context.Context, recordID string) ([]NameDecision, error)
	DecideName(ctx context.Context, d NameDecision) error
	// Authorities is the archive's authority file: the starter file until an
	// archivist imports or edits one. Name searches and facets use it at once.
	Authorities(ctx context.Context) (*names.File, error)
	SetAuthorities(ctx context.Context, f *names.File) error
	// Harvest returns a page of records, deleted ones included, by datestamp, and
	// how many match in all when q.Count asks. Harvesters are the public:
	// drafts never published are left out, and withdrawn records, and drafts
	// that were published once, are reported deleted.
	Harvest(ctx context.Context, q HarvestQuery) ([]Harvested, int, error)
	// HarvestSets lists the collection ids of records, live or deleted, for
	// harvesters' sets.
	HarvestSets(ctx context.Context) ([]string, error)
	// ArchiveID is a random name the database was given when it was created: the
	// same for every server sharing it, whatever their host names.
	ArchiveID(ctx context.Context) (string, error)
	Accounts
	Editor
	Close() error
}

// IndexLoader is a store whose search index loads on first use; a server calls
// LoadIndex at start instead.
type IndexLoader interface {
	LoadIndex(ctx context.Context) error
}

// Verifier is a store that can prove it still holds what it was given: every
// original's bytes against the SHA-256 recorded when they arrived, every
// record's parts, and the search index against the records (fond verify).
type Verifier interface {
	// Verify reads everything once and reports what is wrong; err is for a
	// check that could not run (a lost connection), not for what it found.
	// progress, when not nil, is told after each original.
	Verify(ctx context.Context, progress func(VerifyProgress)) (VerifyReport, error)
}

// VerifyProgress is how far a Verify has read.
type VerifyProgress struct {
	Originals, OriginalsDone int
	Bytes, BytesDone         int64
}

// VerifyReport is what a Verify read and what it found wrong.
type VerifyReport struct {
	Originals int       `json:"originals"` // originals re-read
	Bytes     int64     `json:"bytes"`     // their bytes
	Records   int       `json:"records"`   // records checked
	Indexed   int       `json:"indexed"`   // live entries in the search index
	Problems  []Problem `json:"problems"`
}

// OK reports whether nothing was found wrong.
func (r VerifyReport) OK() bool { return len(r.Problems) == 0 }

// Problem is one thing Verify found wrong, naming what it is about.
type Problem struct {
	Kind     string `json:"kind"`               // one of the Problem* kinds
	Checksum string `json:"checksum,omitempty"` // the original concerned
	Name     string `json:"name,omitempty"`     // its file name at first ingest
	ID       string `json:"id,omitempty"`       // the record concerned
	Detail   string `json:"detail"`
}

// Kinds of Problem.
const (
	ProblemOriginal = "original" // bytes that no longer hash to their checksum, or are missing
	ProblemRecord   = "record"   // a record missing one of its parts
	ProblemIndex    = "index"    // the search index disagrees with the records
)

func (p Problem) String() string {
	var who []string
	if p.ID != "" {
		who = append(who, "record "+p.ID)
	}
	if p.Name != "" {
		who = append(who, p.Name)
	}
	if p.Checksum != "" {
		who = append(who, p.Checksum)
	}
	return fmt.Sprintf("%-8s %s: %s", p.Kind, strings.Join(who, " "), p.Detail)
}

// FileLister is a store that can list the records stored from one path, in
// the file's order, for exporting a file's records as one.
type FileLister interface {
	FileRecords(ctx context.Context, path string) ([]string, error)
}

// AliasKeeper is a store whose replaced ids can be listed and given back, so
// that an archive carried elsewhere (a bag) keeps its old permalinks.
type AliasKeeper interface {
	// Aliases lists the old ids that resolve to record id.
	Aliases(ctx context.Context, id string) ([]string, error)
	// AddAliases makes each old id resolve to record id. An old id that is a
	// stored record is refused: a live id is never an alias.
	AddAliases(ctx context.Context, id string, old []string) error
}

// FixityChecker is a store whose originals can be re-hashed a few at a time,
// so that a server can keep checking them at a bounded rate while it serves
// (Verify reads them all at once).
type FixityChecker interface {
	// CheckOriginals re-reads the originals whose checksums sort after
	// after, in checksum order, until about maxBytes are read (at least one
	// original), and reports what it read and found. Last is "" when no
	// original is left after the ones read: the pass is complete.
	CheckOriginals(ctx context.Context, after string, maxBytes int64) (FixityBatch, error)
}

// FixityBatch is what one CheckOriginals read and found wrong.
type FixityBatch struct {
	Last      string // checksum of the last original read; "" at the end
	Originals int
	Bytes     int64
	Problems  []Problem
}

// IndexStater is a store that can say how far its search index has caught
// up with what was committed (for metrics and readiness).
type IndexStater interface {
	IndexState(ctx context.Context) (IndexState, error)
}

// IndexState compares the search index with the store.
type IndexState struct {
	// Generation counts the store's committed writes (every writer's);
	// Indexed is the generation this process's index reflects, 0 before it
	// is loaded or when it must be rebuilt.
	Generation, Indexed int64
	// Records is the number of records stored.
	Records int
}
