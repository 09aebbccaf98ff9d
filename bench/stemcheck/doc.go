// Package stemcheck holds only tests: fond's in-house Porter stemmer, as the
// index applies it (index.Term), checked against the Go port Bleve uses
// (github.com/blevesearch/go-porterstemmer). They live in the benchmark's module
// so the port, like Bleve, stays out of fond's go.mod.
package stemcheck
