// Package index is fond's full-text and facet index: an in-memory inverted index
// with positions, built for the archive's queries (words, phrases, prefixes,
// AND/OR/NOT, field filters, date ranges, facets over the whole result set).
//
// It is a cache of the store, never the source of truth: a store feeds it records
// and deletions in the order of its change log, and can always rebuild it from the
// records it keeps. It imports neither a database nor HTTP.
//
// Why not SQLite FTS5 or Bleve: docs/decisions.md ("A purpose-built index").
package index
