// Package search defines what a search asks and answers, independent of the store
// that executes it, so the CLI, the JSON API and the web pages share one contract.
package search

import "fond/internal/record"

// Sort orders.
const (
	SortRelevance = "relevance"
	SortDateAsc   = "date"
	SortDateDesc  = "-date"
	// SortAddedDesc lists the archive's newest additions first (the order
	// records were first stored in; a correction does not move a record up),
	// which is what a feed of new documents follows.
	SortAddedDesc = "-added"
)

// Query is a parsed search request.
type Query struct {
	Text   string // the user's query in fond's query syntax
	Limit  int
	Offset int
	Sort   string
	// DateMode says how a date range matches a record's [earliest, latest]:
	// "overlap" (default: "April 1950" is found by 1950-04-15..1950-05-31) or
	// "within" (the record's whole span lies inside the range).
	DateMode string
	// Facets asks for counts over the whole result set.
	Facets bool
	// Match says what a plain query's words require: MatchAll (the default:
	// every word, the query language's AND) or MatchMost, the reading room's:
	// documents with every word first, then those with most of them, and a
	// word absent from the archive also matched in near spellings.
	Match string
	// Limits bound the query's cost (zero fields: DefaultLimits). The server
	// sets them from its configuration, never from the request: a client must
	// not raise its own.
	Limits Limits `json:"-"`
	// Unpublished lets drafts and withdrawn records be found and counted:
	// for staff and the command line. The zero value is what an anonymous
	// reader may see; the server sets it from who is signed in, never from
	// the request.
	Unpublished bool `json:"-"`
}

// Match modes.
const (
	MatchAll  = "all"
	MatchMost = "most"
)

// Correction is a query word the archive does not hold (or holds rarely) and
// the spelling it holds most that is one or two edits away.
type Correction struct {
	Word string `json:"word"`
	Near string `json:"near"`
	// Variant: Near is another form of the same person or place in the
	// authority file (Peking for Beijing), not a near spelling.
	Variant bool `json:"variant,omitempty"`
}

// Date modes.
const (
	DateOverlap = "overlap"
	DateWithin  = "within"
)

// FacetNames are the facets a store computes, in display order.
var FacetNames = []string{"type", "category", "repository", "language", "person", "place", "collection", "subject", "decade", "year",
	"withheld", "exemption", "released_later"}

// FacetCount is one value of a facet and how many results have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Hit is one matching record, with enough to render a result line.
type Hit struct {
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Date    record.Date `json:"date"`
	Type    string      `json:"type"`
	Summary string      `json:"summary"`
	Snippet string      `json:"snippet"`
	Score   float64     `json:"score,omitempty"`
	// Matched lists the forms this hit was found under that the reader did not
	// type (match=most): another form of a name ("Peking"), a near spelling.
	Matched []string `json:"matched,omitempty"`
	// Status is the record's publication (docs/record.md); readers' searches
	// find published records only.
	Status string `json:"status,omitempty"`
}

// Result is one page of hits and the size of the whole result set.
type Result struct {
	Total  int                     `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets,omitempty"`
	// Capped lists the prefixes that reached more terms than
	// Limits.MaxPrefixExpansion, so a page can say the result is partial.
	Capped []Capped `json:"capped,omitempty"`
	// Exact is how many of Total have every word of the query; less than
	// Total when the query asked for MatchMost and partial matches follow.
	Exact int `json:"exact"`
	// Corrected lists the words also matched in near spellings (MatchMost).
	Corrected []Correction `json:"corrected,omitempty"`
}

// DefaultLimit is the page size when a query gives none.
const DefaultLimit = 20

// Normalize fills defaults so stores need not.
func (q *Query) Normalize() {
	if q.Limit <= 0 {
		q.Limit = DefaultLimit
	}
	if q.Limit > 1000 {
		q.Limit = 1000
	}
	if q.Offset < 0 {
		q.Offset = 0
	}
	if q.Sort == "" {
		q.Sort = SortRelevance
	}
	if q.DateMode != DateWithin {
		q.DateMode = DateOverlap
	}
}
