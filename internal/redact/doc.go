// Package redact recognizes what a declassified release withheld, from the
// markers its text shows: an editor's bracketed note ("[1 paragraph (5 lines)
// not declassified]"), exemption codes printed beside a blacked-out span
// ("(b)(1)", "25X1"), and the runs of X's or blocks that OCR makes of one. It
// also reads a release's declassification stamp (date, body, authority).
//
// It is a standards package: pure functions from text to record values, no
// store, no HTTP. Every pattern is a regular expression of Go's RE2 engine, so
// the work is linear in the text whatever it holds.
package redact
